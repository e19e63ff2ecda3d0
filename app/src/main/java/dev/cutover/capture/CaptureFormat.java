package dev.cutover.capture;

/** The container format of a capture file. */
public enum CaptureFormat {
    PCAP("pcap"),
    PCAPNG("pcapng"),
    /** ESXi pktcap-uw's console output (run without {@code -o}). */
    PKTCAP_UW_TEXT("pktcap-uw text"),
    /** The hex output of {@code tcpdump -xx} or {@code -XX}. */
    TCPDUMP_TEXT("tcpdump text"),
    /** Wireshark's "Export Packet Dissections" hex dump, or any text2pcap input. */
    HEX_DUMP_TEXT("hex dump text");

    private final String label;

    CaptureFormat(String label) {
        this.label = label;
    }

    /** Short lower-case name, as users and file extensions spell it. */
    public String label() {
        return label;
    }
}
