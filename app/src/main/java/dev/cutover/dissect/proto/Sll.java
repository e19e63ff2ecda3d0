package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/** Linux "cooked" capture headers, v1 (link type 113) and v2 (276). */
public final class Sll {
    public static final int V1_HEADER_LENGTH = 16;
    /** Where v1 keeps the protocol (EtherType, or a length below 1536). */
    public static final int V1_PROTOCOL_OFFSET = 14;
    public static final int V2_HEADER_LENGTH = 20;
    /** Where v2 keeps the protocol: first. */
    public static final int V2_PROTOCOL_OFFSET = 0;

    /** Packet types (the kernel's PACKET_HOST ...): SLL has no destination address, only what became of it. */
    public static final int PACKET_HOST = 0;
    public static final int PACKET_BROADCAST = 1;
    public static final int PACKET_MULTICAST = 2;
    public static final int PACKET_OTHERHOST = 3;
    public static final int PACKET_OUTGOING = 4;

    /** Address types (ARPHRD_) whose 6-byte address is a MAC. */
    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;

    static final Map<Long, String> PKTTYPE = Map.of(
            (long) PACKET_HOST, "Unicast to us", (long) PACKET_BROADCAST, "Broadcast", (long) PACKET_MULTICAST,
            "Multicast", (long) PACKET_OTHERHOST, "Unicast to another host", (long) PACKET_OUTGOING, "Sent by us");

    public static final Field SLL = Field.link("sll", "Linux cooked capture", FieldType.PROTOCOL)
            .blurb("Linux cooked-mode capture header (any interface, tcpdump -i any)").build();
    public static final Field PKTTYPE_FIELD = Field.link("sll.pkttype", "Packet type", FieldType.UINT16)
            .names(PKTTYPE).build();
    public static final Field HATYPE = Field.link("sll.hatype", "Link-layer address type", FieldType.UINT16).build();
    public static final Field HALEN = Field.link("sll.halen", "Link-layer address length", FieldType.UINT16).build();
    public static final Field SRC_ETH = Field.link("sll.src.eth", "Source", FieldType.ETHER).build();
    public static final Field SRC_OTHER = Field.link("sll.src.other", "Source", FieldType.BYTES).build();
    public static final Field UNUSED = Field.link("sll.unused", "Unused", FieldType.BYTES).build();
    public static final Field LTYPE = Field.link("sll.ltype", "Protocol", FieldType.UINT16).hex().build();
    public static final Field ETYPE = Field.link("sll.etype", "Protocol", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field IFINDEX = Field.link("sll.ifindex", "Interface index", FieldType.UINT32).build();

    public static final List<Field> FIELDS = List.of(SLL, PKTTYPE_FIELD, HATYPE, HALEN, SRC_ETH, SRC_OTHER, UNUSED,
            LTYPE, ETYPE, IFINDEX);

    private Sll() {
    }
}
