package dev.cutover.analysis;

/** Which known sender a RARP burst looks like, from the spacing of its frames. */
public enum BurstPattern {
    /**
     * QEMU/KVM announce-self: frames 50, 150, 250 and 350 ms apart by default (each interval 100 ms longer, at most
     * 550 ms; fewer or more rounds when announce-rounds is set).
     */
    QEMU_ANNOUNCE_SELF("qemu-announce-self", "QEMU announce-self"),
    /**
     * ESXi Notify Switches after a vMotion: intervals that back off from about a second to several seconds over
     * up to a minute (0.79, 1, 1, 2, 3 s), sometimes after a few frames at once.
     */
    ESXI_NOTIFY_SWITCHES("esxi-notify-switches", "ESXi Notify Switches"),
    /** A NIC team failing over: several MACs announced at once from the surviving uplink. */
    FAILOVER("failover", "uplink failover"),
    /** None of the known patterns. */
    UNKNOWN("unknown", "unknown pattern");

    private final String id;
    private final String label;

    BurstPattern(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in JSON and filters: "qemu-announce-self". */
    public String id() {
        return id;
    }

    /** Words for people: "QEMU announce-self". */
    public String label() {
        return label;
    }
}
