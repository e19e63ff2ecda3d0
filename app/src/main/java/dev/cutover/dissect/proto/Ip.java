package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/**
 * IPv4 and IPv6 headers, enough to show who talks to whom, to know where a payload ends (so Ethernet
 * padding is found), to reach ARP carried in tunnels (GRE, VXLAN, Geneve, CAPWAP) and, over IPv6, the
 * extension headers in front of ICMPv6 (hop-by-hop, destination options, routing).
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

    static final Map<Long, String> DSCP = Map.ofEntries(
            Map.entry(0L, "Default"), Map.entry(1L, "Lower Effort"), Map.entry(8L, "Class Selector 1"),
            Map.entry(10L, "Assured Forwarding 11"), Map.entry(12L, "Assured Forwarding 12"),
            Map.entry(14L, "Assured Forwarding 13"), Map.entry(16L, "Class Selector 2"),
            Map.entry(18L, "Assured Forwarding 21"), Map.entry(20L, "Assured Forwarding 22"),
            Map.entry(22L, "Assured Forwarding 23"), Map.entry(24L, "Class Selector 3"),
            Map.entry(26L, "Assured Forwarding 31"), Map.entry(28L, "Assured Forwarding 32"),
            Map.entry(30L, "Assured Forwarding 33"), Map.entry(32L, "Class Selector 4"),
            Map.entry(34L, "Assured Forwarding 41"), Map.entry(36L, "Assured Forwarding 42"),
            Map.entry(38L, "Assured Forwarding 43"), Map.entry(40L, "Class Selector 5"), Map.entry(44L, "Voice Admit"),
            Map.entry(46L, "Expedited Forwarding"), Map.entry(48L, "Class Selector 6"),
            Map.entry(56L, "Class Selector 7"));
    static final Map<Long, String> ECN = Map.of(0L, "Not ECN-Capable Transport",
            1L, "ECN-Capable Transport codepoint '01'", 2L, "ECN-Capable Transport codepoint '10'",
            3L, "Congestion Experienced");

    public static final int PROTO_HOPOPTS = 0;
    public static final int PROTO_ROUTING = 43;
    public static final int PROTO_FRAGMENT = 44;
    public static final int PROTO_ICMPV6 = 58;
    public static final int PROTO_NO_NEXT = 59;
    public static final int PROTO_DSTOPTS = 60;

    public static final Field IPV6 = Field.payload("ipv6", "Internet Protocol Version 6", FieldType.PROTOCOL).build();
    public static final Field V6_VERSION = Field.payload("ipv6.version", "Version", FieldType.UINT8).mask(0xf0).build();
    public static final Field V6_TCLASS = Field.payload("ipv6.tclass", "Traffic Class", FieldType.UINT32).hex()
            .mask(0x0ff00000L).build();
    public static final Field V6_DSCP = Field.payload("ipv6.tclass.dscp", "Differentiated Services Codepoint",
            FieldType.UINT32).mask(0x0fc00000L).names(DSCP).build();
    public static final Field V6_ECN = Field.payload("ipv6.tclass.ecn", "Explicit Congestion Notification",
            FieldType.UINT32).mask(0x00300000L).names(ECN).build();
    /** Wireshark's is a 24-bit field over the header's bytes 1 to 3. */
    public static final Field V6_FLOW = Field.payload("ipv6.flow", "Flow Label", FieldType.UINT32).hex()
            .mask(0x000fffffL).build();
    public static final Field V6_PLEN = Field.payload("ipv6.plen", "Payload Length", FieldType.UINT16).build();
    public static final Field V6_NXT = Field.payload("ipv6.nxt", "Next Header", FieldType.UINT8).names(PROTOCOLS).build();
    public static final Field V6_HLIM = Field.payload("ipv6.hlim", "Hop Limit", FieldType.UINT8).build();
    public static final Field V6_SRC = Field.payload("ipv6.src", "Source Address", FieldType.IPV6).build();
    public static final Field V6_DST = Field.payload("ipv6.dst", "Destination Address", FieldType.IPV6).build();
    public static final Field V6_ADDR = Field.payload("ipv6.addr", "Source or Destination Address", FieldType.IPV6)
            .hidden().build();

    public static final dev.cutover.dissect.Expert V6_PLEN_EXCEEDS = dev.cutover.dissect.Expert.of(
            Field.Source.PAYLOAD, "ipv6.plen_exceeds_framing", dev.cutover.dissect.Severity.WARNING, "Protocol",
            "IPv6 payload length exceeds framing length (%d bytes)");

    /** The extension headers walked on the way to ICMPv6 (the options inside them are not decoded). */
    public static final Field HOPOPTS = Field.payload("ipv6.hopopts", "IPv6 Hop-by-Hop Option", FieldType.PROTOCOL)
            .build();
    public static final Field HOPOPTS_NXT = Field.payload("ipv6.hopopts.nxt", "Next Header", FieldType.UINT8)
            .names(PROTOCOLS).build();
    public static final Field HOPOPTS_LEN = Field.payload("ipv6.hopopts.len", "Length", FieldType.UINT8)
            .blurb("Extension header length in 8-octet words (minus 1)").build();
    public static final Field HOPOPTS_LEN_OCT = Field.payload("ipv6.hopopts.len_oct", "Length", FieldType.UINT16)
            .generated().blurb("Extension header length in octets").build();
    public static final Field DSTOPTS = Field.payload("ipv6.dstopts", "Destination Options for IPv6",
            FieldType.PROTOCOL).build();
    public static final Field DSTOPTS_NXT = Field.payload("ipv6.dstopts.nxt", "Next Header", FieldType.UINT8)
            .names(PROTOCOLS).build();
    public static final Field DSTOPTS_LEN = Field.payload("ipv6.dstopts.len", "Length", FieldType.UINT8)
            .blurb("Extension header length in 8-octet words (minus 1)").build();
    public static final Field DSTOPTS_LEN_OCT = Field.payload("ipv6.dstopts.len_oct", "Length", FieldType.UINT16)
            .generated().blurb("Extension header length in octets").build();
    public static final Field ROUTING = Field.payload("ipv6.routing", "Routing Header for IPv6", FieldType.PROTOCOL)
            .build();
    public static final Field ROUTING_NXT = Field.payload("ipv6.routing.nxt", "Next Header", FieldType.UINT8)
            .names(PROTOCOLS).build();
    public static final Field ROUTING_LEN = Field.payload("ipv6.routing.len", "Length", FieldType.UINT8)
            .blurb("Extension header length in 8-octet words (minus 1)").build();
    public static final Field ROUTING_LEN_OCT = Field.payload("ipv6.routing.len_oct", "Length", FieldType.UINT16)
            .generated().blurb("Extension header length in octets").build();

    public static final Field FRAGHDR = Field.payload("ipv6.fraghdr", "Fragment Header for IPv6", FieldType.PROTOCOL)
            .build();
    public static final Field FRAGHDR_NXT = Field.payload("ipv6.fraghdr.nxt", "Next header", FieldType.UINT8)
            .names(PROTOCOLS).build();
    public static final Field FRAGHDR_OFFSET = Field.payload("ipv6.fraghdr.offset", "Offset", FieldType.UINT16)
            .mask(0xfff8).blurb("Fragment Offset, in 8-byte units").build();
    public static final Field FRAGHDR_MORE = Field.payload("ipv6.fraghdr.more", "More Fragments", FieldType.BOOLEAN)
            .mask(0x0001).names(Map.of(0L, "No", 1L, "Yes")).build();
    public static final Field FRAGHDR_IDENT = Field.payload("ipv6.fraghdr.ident", "Identification", FieldType.UINT32)
            .hex().blurb("Fragment Identification").build();

    public static final List<Field> FIELDS = List.of(IP, VERSION, HDR_LEN, DSFIELD, LEN, ID, FLAGS, FRAG_OFFSET,
            TTL, PROTO, CHECKSUM, SRC, DST, ADDR, IPV6, V6_VERSION, V6_TCLASS, V6_DSCP, V6_ECN, V6_FLOW, V6_PLEN, V6_NXT,
            V6_HLIM, V6_SRC, V6_DST, V6_ADDR, HOPOPTS, HOPOPTS_NXT, HOPOPTS_LEN, HOPOPTS_LEN_OCT, DSTOPTS, DSTOPTS_NXT,
            DSTOPTS_LEN, DSTOPTS_LEN_OCT, ROUTING, ROUTING_NXT, ROUTING_LEN, ROUTING_LEN_OCT, V6_PLEN_EXCEEDS.field(),
            FRAGHDR, FRAGHDR_NXT, FRAGHDR_OFFSET, FRAGHDR_MORE, FRAGHDR_IDENT);

    private Ip() {
    }
}
