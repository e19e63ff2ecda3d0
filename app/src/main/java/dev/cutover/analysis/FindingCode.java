package dev.cutover.analysis;

/** The kinds of problem the migration analysis reports; {@link #id()} is what JSON, filters and people see. */
public enum FindingCode {
    RARP_WITHOUT_GARP("rarp-without-garp"),
    GARP_WITHOUT_RARP("garp-without-rarp"),
    DUPLICATE_IP("duplicate-ip"),
    SENDER_MAC_MISMATCH("sender-mac-mismatch"),
    RARP_NOT_BROADCAST("rarp-not-broadcast"),
    VLAN_MISMATCH("vlan-mismatch"),
    MAC_ON_MULTIPLE_INTERFACES("mac-on-multiple-interfaces"),
    ARP_STORM("arp-storm"),
    MALFORMED_FRAME("malformed-frame"),
    TRUNCATED_CAPTURE("truncated-capture"),
    /** The capture holds no ARP at all (filtered to RARP, say): nothing can be said about missing GARP. */
    NO_ARP_FRAMES("no-arp-frames"),
    /** A host came up (DHCP or RFC 5227 probes before its gratuitous ARP): shown, not counted as a migration. */
    HOST_CAME_UP("host-came-up"),
    /** One MAC announced on one interface, later in another event on another: a second move or a failover. */
    MAC_MOVED_INTERFACE("mac-moved-interface"),
    /** One sender kept up more ARP requests a second than the flood rate for the flood span. */
    ARP_REQUEST_FLOOD("arp-request-flood"),
    /** One MAC claims, in replies no request asked for, addresses other MACs still hold: ARP cache poisoning. */
    ARP_SPOOFING("arp-spoofing"),
    /** An address went to another MAC after its old MAC fell silent: a migration, failover or re-addressing. */
    IP_MOVED("ip-moved"),
    /** An address went back to a MAC it had before, longer than the correlation window after it left. */
    IP_FLIP_FLOP("ip-flip-flop");

    private final String id;

    FindingCode(String id) {
        this.id = id;
    }

    /** "rarp-without-garp". */
    public String id() {
        return id;
    }

    /** The code with this id, or null. */
    public static FindingCode ofId(String id) {
        for (FindingCode c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
