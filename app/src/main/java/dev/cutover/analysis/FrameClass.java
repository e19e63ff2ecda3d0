package dev.cutover.analysis;

/**
 * What an ARP-family frame is, for the migration analysis and for colouring rows; its ordinal is the byte the
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
    OTHER("other ARP");

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

    /** A gratuitous ARP request or reply: what announces an IP after a move. */
    public boolean isGratuitous() {
        return this == GARP_REQUEST || this == GARP_REPLY;
    }
}
