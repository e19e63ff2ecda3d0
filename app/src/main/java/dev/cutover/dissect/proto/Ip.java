package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/**
 * IPv4 and IPv6 headers, enough to show who talks to whom, to know where a payload ends (so Ethernet
 * padding is found) and to reach ARP carried in tunnels (GRE, VXLAN, Geneve, CAPWAP).
 */
public final class Ip {
    /** IP protocol numbers (IPv4 protocol, IPv6 next header) the dissector follows. */
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_GRE = 47;

    static final Map<Long, String> PROTOCOLS = Map.ofEntries(
            Map.entry(0L, "IPv6 Hop-by-Hop Option"), Map.entry(1L, "ICMP"), Map.entry(2L, "IGMP"),
            Map.entry(4L, "IPIP"), Map.entry(6L, "TCP"), Map.entry(17L, "UDP"), Map.entry(41L, "IPv6"),
            Map.entry(43L, "IPv6 Routing"), Map.entry(44L, "IPv6 Fragment"), Map.entry(47L, "GRE"),
            Map.entry(50L, "ESP"), Map.entry(51L, "AH"), Map.entry(58L, "ICMPv6"), Map.entry(59L, "IPv6 No Next"),
            Map.entry(60L, "IPv6 Destination"), Map.entry(89L, "OSPF"), Map.entry(103L, "PIM"),
            Map.entry(112L, "VRRP"), Map.entry(132L, "SCTP"));

    public static final Field IP = Field.payload("ip", "Internet Protocol Version 4", FieldType.PROTOCOL).build();
    public static final Field VERSION = Field.payload("ip.version", "Version", FieldType.UINT8).mask(0xf0).build();
    public static final Field HDR_LEN = Field.payload("ip.hdr_len", "Header Length", FieldType.UINT8)
            .blurb("Header length in bytes").build();
    public static final Field DSFIELD = Field.payload("ip.dsfield", "Differentiated Services Field", FieldType.UINT8)
            .hex().build();
    public static final Field LEN = Field.payload("ip.len", "Total Length", FieldType.UINT16).build();
    public static final Field ID = Field.payload("ip.id", "Identification", FieldType.UINT16).hex().build();
    public static final Field FLAGS = Field.payload("ip.flags", "Flags", FieldType.UINT16).hex().mask(0xe000).build();
    public static final Field FRAG_OFFSET = Field.payload("ip.frag_offset", "Fragment Offset", FieldType.UINT16)
            .mask(0x1fff).build();
    public static final Field TTL = Field.payload("ip.ttl", "Time to Live", FieldType.UINT8).build();
    public static final Field PROTO = Field.payload("ip.proto", "Protocol", FieldType.UINT8).names(PROTOCOLS).build();
    public static final Field CHECKSUM = Field.payload("ip.checksum", "Header Checksum", FieldType.UINT16).hex()
            .blurb("Header checksum (not verified)").build();
    public static final Field SRC = Field.payload("ip.src", "Source Address", FieldType.IPV4).build();
    public static final Field DST = Field.payload("ip.dst", "Destination Address", FieldType.IPV4).build();
    public static final Field ADDR = Field.payload("ip.addr", "Source or Destination Address", FieldType.IPV4)
            .hidden().build();

    public static final Field IPV6 = Field.payload("ipv6", "Internet Protocol Version 6", FieldType.PROTOCOL).build();
    public static final Field V6_PLEN = Field.payload("ipv6.plen", "Payload Length", FieldType.UINT16).build();
    public static final Field V6_NXT = Field.payload("ipv6.nxt", "Next Header", FieldType.UINT8).names(PROTOCOLS).build();
    public static final Field V6_HLIM = Field.payload("ipv6.hlim", "Hop Limit", FieldType.UINT8).build();
    public static final Field V6_SRC = Field.payload("ipv6.src", "Source Address", FieldType.BYTES).build();
    public static final Field V6_DST = Field.payload("ipv6.dst", "Destination Address", FieldType.BYTES).build();

    public static final List<Field> FIELDS = List.of(IP, VERSION, HDR_LEN, DSFIELD, LEN, ID, FLAGS, FRAG_OFFSET,
            TTL, PROTO, CHECKSUM, SRC, DST, ADDR, IPV6, V6_PLEN, V6_NXT, V6_HLIM, V6_SRC, V6_DST);

    private Ip() {
    }
}
