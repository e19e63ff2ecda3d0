package dev.cutover.analysis;

/**
 * What an ARP-family or IPv6 neighbour discovery frame is, for the migration analysis and for colouring rows; its ordinal is the byte the
 * analysis stores in {@link dev.cutover.capture.FrameIndex#setFrameClass}, so {@link #NONE} must stay first.
 */
public enum FrameClass {
    /** Not ARP or RARP (or not looked at). */
    NONE("not ARP"),
    /** RARP reverse request: a hypervisor's notification that a MAC now lives behind this port. */
    RARP_REQUEST("RARP request"),
    RARP_REPLY("RARP reply"),
    /** A gratuitous ARP request (sender IP = target IP), RFC 5227's announcement when the target MAC is zero. */
    GARP_REQUEST("gratuitous ARP request"),
    GARP_REPLY("gratuitous ARP reply"),
    /** RFC 5227 probe: a request from 0.0.0.0 asking whether an address is taken. */
    ARP_PROBE("ARP probe"),
    ARP_REQUEST("ARP request"),
    ARP_REPLY("ARP reply"),
    /** ARP-family but none of the above: other opcodes, other hardware, too short to tell. */
    OTHER("other ARP"),
    /**
     * IPv6's gratuitous ARP: a Neighbor Advertisement no solicitation asked for (Solicited clear), with Override
     * set, to all nodes (ff02::1): what a guest sends after a move to announce its IPv6 addresses.
     */
    NA_UNSOLICITED("unsolicited NA"),
    /** As {@link #NA_UNSOLICITED} but without Override: a neighbour cache holding another MAC keeps it. */
    NA_UNSOLICITED_NO_OVERRIDE("unsolicited NA without override"),
    /** A Neighbor Advertisement answering a solicitation (Solicited set). */
    NA_REPLY("NA reply"),
    /** Any other Neighbor Advertisement: unsolicited but to one host or group other than all nodes. */
    NA_OTHER("other NA"),
    /** RFC 4862 duplicate address detection: a Neighbor Solicitation from :: for a tentative address. */
    DAD_PROBE("DAD probe"),
    /** A Neighbor Solicitation resolving a neighbour's address (or checking it is still there). */
    NEIGHBOR_SOLICITATION("neighbor solicitation");

    private static final FrameClass[] VALUES = values();

    private final String label;

    FrameClass(String label) {
        this.label = label;
    }

    /** Words for people: "gratuitous ARP request". */
    public String label() {
        return label;
    }

    /** The byte stored in the frame index. */
    public byte code() {
        return (byte) ordinal();
    }

    /** The class a stored byte stands for; NONE for bytes no class has. */
    public static FrameClass ofCode(byte code) {
        int i = code & 0xFF;
        return i < VALUES.length ? VALUES[i] : NONE;
    }

    /** IPv6 neighbour discovery rather than ARP. */
    public boolean isNdp() {
        return ordinal() >= NA_UNSOLICITED.ordinal();
    }

    /** An unsolicited advertisement to all nodes, with Override or without: IPv6's gratuitous ARP. */
    public boolean isUnsolicitedNa() {
        return this == NA_UNSOLICITED || this == NA_UNSOLICITED_NO_OVERRIDE;
    }

    /** A Neighbor Advertisement of any kind. */
    public boolean isNa() {
        return isUnsolicitedNa() || this == NA_REPLY || this == NA_OTHER;
    }

    /** A gratuitous ARP request or reply: what announces an IP after a move. */
    public boolean isGratuitous() {
        return this == GARP_REQUEST || this == GARP_REPLY;
    }
}
