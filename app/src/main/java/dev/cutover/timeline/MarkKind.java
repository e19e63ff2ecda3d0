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
    ARP("other ARP", "#8c959f");

    private final String label;
    private final String colour;

    MarkKind(String label, String colour) {
        this.label = label;
        this.colour = colour;
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
