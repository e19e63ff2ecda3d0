package dev.cutover.timeline;

/** What a mark on the timeline stands for; each kind has its own shape and colour. */
public enum MarkKind {
    /** A RARP migration notification, sent by the hypervisor. */
    RARP("RARP notification", "#1f6feb"),
    /** A gratuitous ARP announcement, sent by the guest. */
    GARP("gratuitous ARP", "#d9730d"),
    /** An unsolicited IPv6 Neighbor Advertisement of the MAC: IPv6's gratuitous ARP, sent by the guest. */
    NA("unsolicited NA", "#1a7f37"),
    /** Any other ARP frame of the lane's MAC, drawn fainter. */
    ARP("other ARP", "#8c959f"),
    /** A frame for the VM still arriving on an interface other than the announcement's after the move. */
    STALE("stale (old path)", "#bf3989"),
    /** An echo request to the VM nobody answered. */
    LOST_PING("lost ping", "#cf222e"),
    /** A TCP retransmission to or from the VM. */
    RETRANS("retransmission", "#1b7c83");

    private final String label;
    private final String colour;

    MarkKind(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    /** Whether the kind comes from a migration's outcome rather than from the analysis' ARP frames. */
    public boolean isOutcome() {
        return this == STALE || this == LOST_PING || this == RETRANS;
    }

    /** Fewer words, for a legend short of room: "stale", "lost ping", "retrans". */
    public String shortLabel() {
        switch (this) {
            case STALE:
                return "stale";
            case RETRANS:
                return "retrans";
            default:
                return label;
        }
    }

    /** Words for the legend. */
    public String label() {
        return label;
    }

    /** The fill, as a CSS hex colour (the canvas and the SVG use the same). */
    public String colour() {
        return colour;
    }
}
