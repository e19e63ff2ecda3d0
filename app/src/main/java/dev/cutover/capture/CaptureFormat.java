package dev.cutover.capture;

/** The container format of a capture file. */
public enum CaptureFormat {
    PCAP("pcap"),
    PCAPNG("pcapng");

    private final String label;

    CaptureFormat(String label) {
        this.label = label;
    }

    /** Short lower-case name, as users and file extensions spell it. */
    public String label() {
        return label;
    }
}
