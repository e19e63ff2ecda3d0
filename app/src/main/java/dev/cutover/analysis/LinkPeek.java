package dev.cutover.analysis;

import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.FrameBytes;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.EtherTypes;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.dissect.proto.Llc;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Udp;
import dev.cutover.dissect.proto.Vlan;

/**
 * Tells from a frame's raw bytes whether it carries ARP or RARP, walking the link layer the way the dissector
 * does (Ethernet or Linux SLL, any stack of 802.1Q/802.1ad tags and 802.1ah I-tags, LLC/SNAP, and the IP
 * tunnels it follows) without decoding anything: the analysis decodes only the few frames this says yes to.
 */
public final class LinkPeek {
    /** Neither ARP nor an IP packet that may carry it. */
    public static final int NOT_ARP = 0;
    /** ARP or RARP on the link: the dissector decodes it as {@code arp}. */
    static final int ARP = 1;
    /** An IP packet in a tunnel the dissector follows (GRE, VXLAN, Geneve, CAPWAP): decoded to see what it holds. */
    static final int MAY_CARRY_ARP = 2;
    /** An IPv6 Neighbor Solicitation or Advertisement straight after the IPv6 header: decoded for the analysis. */
    static final int NDP = 3;

    private static final int BOOTP_SERVER_PORT = 67;
    private static final int BOOTP_CLIENT_PORT = 68;

    private LinkPeek() {
    }

    /** As {@link #peek(FrameBytes, int, int)} for a frame's first {@code length} bytes in {@code data}. */
    public static int peek(byte[] data, int linkType, int length) {
        return peek(new FrameBytes() {
            @Override
            public int u8(int offset) {
                java.util.Objects.checkIndex(offset, length);
                return data[offset] & 0xFF;
            }

            @Override
            public int u16(int offset) {
                java.util.Objects.checkFromIndexSize(offset, 2, length);
                return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
            }
        }, linkType, length);
    }

    /** {@link #ARP}, {@link #MAY_CARRY_ARP} or {@link #NOT_ARP} for the current frame of {@code f}. */
    public static int peek(FrameBytes f, int linkType, int length) {
        switch (linkType) {
            case LinkTypes.ETHERNET:
                if (length < Ethernet.HEADER_LENGTH) {
                    return NOT_ARP;
                }
                int type = f.u16(Ethernet.TYPE_OFFSET);
                if (type <= EtherTypes.IEEE_802_3_MAX_LEN) {
                    return snapArp(f, Ethernet.HEADER_LENGTH, length);
                }
                return etherType(f, type, Ethernet.HEADER_LENGTH, length);
            case LinkTypes.LINUX_SLL:
                return length >= Sll.V1_HEADER_LENGTH
                        ? etherType(f, f.u16(Sll.V1_PROTOCOL_OFFSET), Sll.V1_HEADER_LENGTH, length) : NOT_ARP;
            case LinkTypes.LINUX_SLL2:
                return length >= Sll.V2_HEADER_LENGTH
                        ? etherType(f, f.u16(Sll.V2_PROTOCOL_OFFSET), Sll.V2_HEADER_LENGTH, length) : NOT_ARP;
            default:
                return NOT_ARP;
        }
    }

    /**
     * The network layer of a frame of {@code linkType} (Ethernet, Linux cooked v1 or v2): its EtherType and where it
     * starts, after the link header and any stack of 802.1Q, 802.1ad, 0x9100 and 802.1ah tags, packed as
     * (EtherType << 32) | offset; -1 for another link type or a frame that ends first.
     */
    public static long networkLayer(FrameBytes f, int linkType, int length) {
        int h = linkHeader(linkType);
        int o = h & 0xFFFF;
        if (h < 0 || length < o) {
            return -1;
        }
        int type = f.u16(h >>> 16);
        while (EtherTypes.isTag(type)) {
            int tag = type == EtherTypes.IEEE_802_1AH ? Vlan.I_TAG_LENGTH : Vlan.TAG_LENGTH;
            if (o + tag > length) {
                return -1;
            }
            type = f.u16(o + tag - 2);
            o += tag;
        }
        return ((long) type << 32) | o;
    }

    /**
     * Where a frame of {@code linkType} (Ethernet, Linux cooked v1 or v2) has its EtherType and how long its link
     * header is, as (type offset << 16) | header length; -1 for another link type.
     */
    private static int linkHeader(int linkType) {
        return switch (linkType) {
            case LinkTypes.ETHERNET -> Ethernet.TYPE_OFFSET << 16 | Ethernet.HEADER_LENGTH;
            case LinkTypes.LINUX_SLL -> Sll.V1_PROTOCOL_OFFSET << 16 | Sll.V1_HEADER_LENGTH;
            case LinkTypes.LINUX_SLL2 -> Sll.V2_PROTOCOL_OFFSET << 16 | Sll.V2_HEADER_LENGTH;
            default -> -1;
        };
    }

    /** As the dissector's {@code LinkLayer.etherType}: through any stack of tags to ARP, LLC/SNAP or IP. */
    private static int etherType(FrameBytes f, int type, int offset, int length) {
        if (type < EtherTypes.ETHERNET_II_MIN_LEN) {
            return NOT_ARP;
        }
        int t = type;
        int o = offset;
        while (EtherTypes.isTag(t)) {
            if (t == EtherTypes.IEEE_802_1AH) {
                if (o + Vlan.I_TAG_LENGTH > length) {
                    return NOT_ARP;
                }
                t = f.u16(o + Vlan.I_TAG_LENGTH - 2);
                o += Vlan.I_TAG_LENGTH;
                continue;
            }
            if (o + Vlan.TAG_LENGTH > length) {
                return NOT_ARP;
            }
            boolean ad = t == EtherTypes.IEEE_802_1AD;
            t = f.u16(o + 2);
            o += Vlan.TAG_LENGTH;
            if (t <= EtherTypes.IEEE_802_3_MAX_LEN && !ad) {
                return snapArp(f, o, length);
            }
        }
        if (t == EtherTypes.IPV6 && isNdp(f, o, length)) {
            return NDP;
        }
        if (t == EtherTypes.IPV4 || t == EtherTypes.IPV6) {
            return mayCarryArp(f, t == EtherTypes.IPV6, o, length) ? MAY_CARRY_ARP : NOT_ARP;
        }
        return EtherTypes.isArpFamily(t) ? arp(f, o, length) : NOT_ARP;
    }

    /** ARP or RARP at {@code o}, unless it is ATMARP, which the dissector does not decode as arp. */
    private static int arp(FrameBytes f, int o, int length) {
        return o + 2 <= length && Arp.isAtmArp(f.u16(o)) ? NOT_ARP : ARP;
    }

    /**
     * True for IP packets that may carry ARP inside a tunnel the dissector follows (GRE, ERSPAN, VXLAN, Geneve,
     * CAPWAP): a migration seen from the underlay, or through a mirror session, is still a migration. Such
     * frames are decoded, and kept only when they do hold ARP.
     */
    private static boolean mayCarryArp(FrameBytes f, boolean v6, int o, int length) {
        int proto;
        int transport;
        if (v6) {
            if (o + 40 > length) {
                return false;
            }
            proto = f.u8(o + 6);
            transport = o + 40;
        } else {
            if (o + 20 > length) {
                return false;
            }
            proto = f.u8(o + 9);
            transport = o + (f.u8(o) & 0x0f) * 4;
        }
        if (proto == Ip.PROTO_GRE) {
            return true;
        }
        if (proto != Ip.PROTO_UDP || transport + 4 > length) {
            return false;
        }
        int src = f.u16(transport);
        int dst = f.u16(transport + 2);
        return isTunnelPort(src) || isTunnelPort(dst);
    }

    /** An IPv6 header at {@code o} whose next header is ICMPv6 carrying a Neighbor Solicitation or Advertisement. */
    private static boolean isNdp(FrameBytes f, int o, int length) {
        if (o + 41 > length || f.u8(o + 6) != Ip.PROTO_ICMPV6) {
            return false;
        }
        int type = f.u8(o + 40);
        return type == ArpFrames.NEIGHBOR_SOLICITATION || type == ArpFrames.NEIGHBOR_ADVERTISEMENT;
    }

    /**
     * Records in {@code out} the Ethernet source and IPv6 source address of an Ethernet frame (under any stack of
     * 802.1Q/802.1ad tags) that is IPv6 from a global address: a VM's IPv6 traffic before a move says which
     * addresses it should announce after it. Anything else is left alone, at the cost of reading its EtherType.
     */
    static void ipv6Source(FrameBytes f, int linkType, int length, ArpFrames out, int frame, long timeNanos) {
        if (linkType != LinkTypes.ETHERNET || length < Ethernet.HEADER_LENGTH) {
            return;
        }
        int t = f.u16(Ethernet.TYPE_OFFSET);
        int o = Ethernet.HEADER_LENGTH;
        while ((t == EtherTypes.VLAN || t == EtherTypes.IEEE_802_1AD) && o + Vlan.TAG_LENGTH <= length) {
            t = f.u16(o + 2);
            o += Vlan.TAG_LENGTH;
        }
        if (t == EtherTypes.IPV6) {
            ipv6SourceAt(f, o, length, out, frame, timeNanos);
        }
    }

    /** The 48-bit MAC address at {@code o}. */
    static long mac48(FrameBytes f, int o) {
        return ((long) f.u16(o) << 32) | ((long) f.u16(o + 2) << 16) | f.u16(o + 4);
    }

    /** The IPv6 header at {@code o} of an Ethernet frame: its source when global, with the frame's source MAC. */
    private static void ipv6SourceAt(FrameBytes f, int o, int length, ArpFrames out, int frame, long timeNanos) {
        if (o + 24 > length || (f.u8(o) >>> 4) != 6) {
            return;
        }
        long hi = word(f, o + 8);
        if (!V6Sources.isGlobal(hi)) {
            return;
        }
        long mac = mac48(f, 6);
        if ((mac & 0x0100_0000_0000L) != 0) {
            return;
        }
        out.addV6Source(mac, hi, word(f, o + 16), frame, timeNanos);
    }

    private static long word(FrameBytes f, int o) {
        return ((long) f.u16(o) << 48) | ((long) f.u16(o + 2) << 32) | ((long) f.u16(o + 4) << 16) | f.u16(o + 6);
    }

    /**
     * For a frame that is not ARP: the client hardware address of a DHCP (BOOTP) message over IPv4/UDP between
     * ports 67 and 68, on Ethernet (any stack of 802.1Q/802.1ad tags) or Linux SLL, -1 for any other frame (a host's
     * DHCP exchange just before its gratuitous ARP says it came up on the network rather than moved there); and for
     * an IPv6 packet, its global source as {@link #ipv6Source} records it in {@code out}. One walk of the link layer
     * for both, as the analysis looks at every frame of the capture this way.
     */
    static long dhcpClientOrV6Source(FrameBytes f, int linkType, int length, ArpFrames out, int frame,
                                     long timeNanos) {
        int h = linkHeader(linkType);
        if (h < 0) {
            return -1;
        }
        int o = h & 0xFFFF;
        int t = length >= o ? f.u16(h >>> 16) : 0;
        // ipv6Source walks 802.1Q and 802.1ad tags only
        boolean onlyQ = true;
        while (EtherTypes.isTag(t) && t != EtherTypes.IEEE_802_1AH && o + Vlan.TAG_LENGTH <= length) {
            onlyQ &= t == EtherTypes.VLAN || t == EtherTypes.IEEE_802_1AD;
            t = f.u16(o + 2);
            o += Vlan.TAG_LENGTH;
        }
        if (t == EtherTypes.IPV6) {
            if (onlyQ && linkType == LinkTypes.ETHERNET) {
                ipv6SourceAt(f, o, length, out, frame, timeNanos);
            }
            return -1;
        }
        if (t != EtherTypes.IPV4 || o + 20 > length || f.u8(o + 9) != Ip.PROTO_UDP) {
            return -1;
        }
        int udp = o + (f.u8(o) & 0x0f) * 4;
        if (udp + 8 + 34 > length) {
            return -1;
        }
        int src = f.u16(udp);
        int dst = f.u16(udp + 2);
        if (!((src == BOOTP_CLIENT_PORT && dst == BOOTP_SERVER_PORT)
                || (src == BOOTP_SERVER_PORT && dst == BOOTP_CLIENT_PORT))) {
            return -1;
        }
        int bootp = udp + 8;
        if (f.u8(bootp + 1) != 1 || f.u8(bootp + 2) != 6) {
            return -1;
        }
        long mac = 0;
        for (int i = 0; i < 6; i++) {
            mac = (mac << 8) | f.u8(bootp + 28 + i);
        }
        return mac;
    }

    private static boolean isTunnelPort(int port) {
        return port == Udp.VXLAN_PORT || port == Udp.GENEVE_PORT || port == Udp.CAPWAP_DATA_PORT;
    }

    /** LLC/SNAP whose protocol id is an EtherType (OUI 0) carrying ARP: ARP over 802.3, as the dissector's LLC. */
    private static int snapArp(FrameBytes f, int o, int length) {
        if (o + Llc.SNAP_HEADER_LENGTH > length) {
            return NOT_ARP;
        }
        if (f.u8(o) != Llc.SAP_SNAP || f.u8(o + 1) != Llc.SAP_SNAP || f.u8(o + 2) != Llc.CONTROL_UI) {
            return NOT_ARP;
        }
        int oui = (f.u8(o + 3) << 16) | (f.u8(o + 4) << 8) | f.u8(o + 5);
        if (oui != Llc.OUI_ENCAPSULATED_ETHERNET) {
            return NOT_ARP;
        }
        return EtherTypes.isArpFamily(f.u16(o + 6)) ? arp(f, o + Llc.SNAP_HEADER_LENGTH, length) : NOT_ARP;
    }
}
