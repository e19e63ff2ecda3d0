package dev.cutover.statistics;

/**
 * What the statistics read of one frame's link layer and ARP message: a flyweight that {@link LinkPass}
 * refills frame after frame, so it must not be kept past the call that receives it.
 */
final class LinkFacts {
    static final int MAX_TAGS = 4;

    /** 0-based frame index. */
    int frame;
    long timeNanos;
    int interfaceId;
    /** Bytes on the wire (frame.len), what Wireshark's statistics count. */
    int length;
    /** Outer Ethernet source and destination, -1 when the frame has none. */
    long ethSrc;
    long ethDst;
    /** Linux cooked capture's source MAC, -1 when none; such frames have no destination. */
    long sllSrc;
    /** VLAN IDs, outer first. */
    final int[] vlans = new int[MAX_TAGS];
    int vlanCount;
    /** The innermost EtherType of the link layer, -1 when none was read. */
    int etherType;
    /** True when an ARP message with Ethernet hardware and IPv4 addresses was decoded. */
    boolean arp;
    int opcode;
    long senderMac;
    long senderIp;
    long targetMac;
    long targetIp;
    boolean gratuitous;

    void clear() {
        ethSrc = -1;
        ethDst = -1;
        sllSrc = -1;
        vlanCount = 0;
        etherType = -1;
        arp = false;
        opcode = -1;
        senderMac = -1;
        senderIp = -1;
        targetMac = -1;
        targetIp = -1;
        gratuitous = false;
    }

    /** The link-layer source: Ethernet's, else Linux cooked capture's, else -1. */
    long linkSource() {
        return ethSrc >= 0 ? ethSrc : sllSrc;
    }

    /** The VLAN stack packed in a long (count in the top 16 bits, 12 bits a tag, outer first), 0 when untagged. */
    long vlanStack() {
        long s = 0;
        for (int i = 0; i < vlanCount; i++) {
            s |= (long) (vlans[i] & 0xFFF) << (36 - 12 * i);
        }
        return s | ((long) vlanCount << 48);
    }
}
