package dev.cutover.dissect.proto;

import java.util.Map;

/** EtherType values and their names, as Wireshark's etype_vals. */
public final class EtherTypes {
    public static final int IPV4 = 0x0800;
    public static final int ARP = 0x0806;
    public static final int RARP = 0x8035;
    public static final int VLAN = 0x8100;
    public static final int QINQ_OLD = 0x9100;
    public static final int IEEE_802_1AD = 0x88a8;
    public static final int IPV6 = 0x86dd;
    public static final int IEEE_802_1AH = 0x88e7;

    /** A type/length field up to this is an IEEE 802.3 length (LLC follows), as Wireshark's IEEE_802_3_MAX_LEN. */
    public static final int IEEE_802_3_MAX_LEN = 1500;
    /** A type/length field from this on is an EtherType, as Wireshark's ETHERNET_II_MIN_LEN. */
    public static final int ETHERNET_II_MIN_LEN = 1536;

    public static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0x0800L, "IPv4"),
            Map.entry(0x0806L, "ARP"),
            Map.entry(0x0842L, "Wake on LAN"),
            Map.entry(0x22f3L, "TRILL"),
            Map.entry(0x6558L, "Transparent Ethernet bridging"),
            Map.entry(0x809bL, "AppleTalk LLAP bridging"),
            Map.entry(0x80f3L, "AARP"),
            Map.entry(0x8035L, "RARP"),
            Map.entry(0x8100L, "802.1Q Virtual LAN"),
            Map.entry(0x8137L, "Netware IPX/SPX"),
            Map.entry(0x86ddL, "IPv6"),
            Map.entry(0x8808L, "MAC Control"),
            Map.entry(0x8809L, "Slow Protocols"),
            Map.entry(0x8847L, "MPLS label switched packet"),
            Map.entry(0x8848L, "MPLS multicast label switched packet"),
            Map.entry(0x8863L, "PPPoE Discovery"),
            Map.entry(0x8864L, "PPPoE Session"),
            Map.entry(0x888eL, "802.1X Authentication"),
            Map.entry(0x88a8L, "802.1ad Provider Bridge (Q-in-Q)"),
            Map.entry(0x88ccL, "802.1 Link Layer Discovery Protocol (LLDP)"),
            Map.entry(0x88e5L, "802.1AE (MACsec)"),
            Map.entry(0x88e7L, "802.1ah Provider Backbone Bridge (mac-in-mac)"),
            Map.entry(0x88f7L, "PTPv2 over Ethernet (IEEE1588)"),
            Map.entry(0x8902L, "IEEE 802.1ag Connectivity Fault Management (CFM) Protocol"),
            Map.entry(0x893aL, "IEEE 1905.1a"),
            Map.entry(0x9000L, "Configuration Test Protocol (loopback)"),
            Map.entry(0x9100L, "VLAN-tagged frame (Q-in-Q)"));

    private EtherTypes() {
    }

    /** A tag that another EtherType follows: 802.1Q, the old Q-in-Q 0x9100, 802.1ad, 802.1ah. */
    public static boolean isTag(int type) {
        return type == VLAN || type == QINQ_OLD || type == IEEE_802_1AD || type == IEEE_802_1AH;
    }

    /** ARP and RARP share one dissector, as in Wireshark. */
    public static boolean isArpFamily(int type) {
        return type == ARP || type == RARP;
    }
}
