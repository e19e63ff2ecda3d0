package dev.cutover.analysis;

import dev.cutover.capture.SequentialFrames;

/**
 * Tells from a frame's raw bytes whether it carries ARP or RARP, walking the link layer the way the dissector
 * does (Ethernet or Linux SLL, any stack of 802.1Q/802.1ad tags and 802.1ah I-tags, LLC/SNAP, and the IP
 * tunnels it follows) without decoding anything: the analysis decodes only the few frames this says yes to.
 */
final class LinkPeek {
    private static final int ARP = 0x0806;
    private static final int RARP = 0x8035;
    private static final int VLAN = 0x8100;
    private static final int QINQ_OLD = 0x9100;
    private static final int AD = 0x88a8;
    private static final int AH = 0x88e7;
    private static final int IPV4 = 0x0800;
    private static final int IPV6 = 0x86dd;
    private static final int GRE = 47;
    private static final int UDP = 17;

    private LinkPeek() {
    }

    /** True when the current frame of {@code f}, of the given link type, is ARP-family or may carry ARP in a tunnel. */
    static boolean mayBeArp(SequentialFrames f, int linkType, int length) {
        switch (linkType) {
            case 1:
                if (length < 14) {
                    return false;
                }
                int type = f.u16(12);
                if (type <= 1500) {
                    return snapArp(f, 14, length);
                }
                return etherType(f, type, 14, length);
            case 113:
                return length >= 16 && etherType(f, f.u16(14), 16, length);
            case 276:
                return length >= 20 && etherType(f, f.u16(0), 20, length);
            default:
                return false;
        }
    }

    private static boolean etherType(SequentialFrames f, int type, int offset, int length) {
        if (type < 1536) {
            return false;
        }
        int t = type;
        int o = offset;
        while (t == VLAN || t == QINQ_OLD || t == AD || t == AH) {
            if (t == AH) {
                if (o + 18 > length) {
                    return false;
                }
                t = f.u16(o + 16);
                o += 18;
                continue;
            }
            if (o + 4 > length) {
                return false;
            }
            boolean ad = t == AD;
            t = f.u16(o + 2);
            o += 4;
            if (t <= 1500 && !ad) {
                return snapArp(f, o, length);
            }
        }
        if (t == IPV4 || t == IPV6) {
            return mayCarryArp(f, t == IPV6, o, length);
        }
        return t == ARP || t == RARP;
    }

    /**
     * True for IP packets that may carry ARP inside a tunnel the dissector follows (GRE, ERSPAN, VXLAN, Geneve,
     * CAPWAP): a migration seen from the underlay, or through a mirror session, is still a migration. Such
     * frames are decoded, and kept only when they do hold ARP.
     */
    private static boolean mayCarryArp(SequentialFrames f, boolean v6, int o, int length) {
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
        if (proto == GRE) {
            return true;
        }
        if (proto != UDP || transport + 4 > length) {
            return false;
        }
        int src = f.u16(transport);
        int dst = f.u16(transport + 2);
        return isTunnelPort(src) || isTunnelPort(dst);
    }

    /**
     * The client hardware address of a DHCP (BOOTP) message over IPv4/UDP between ports 67 and 68, on Ethernet
     * (any stack of 802.1Q/802.1ad tags) or Linux SLL; -1 for any other frame. A host's DHCP exchange just before
     * its gratuitous ARP says it came up on the network rather than moved there.
     */
    static long dhcpClient(SequentialFrames f, int linkType, int length) {
        int o;
        int t;
        switch (linkType) {
            case 1:
                o = 14;
                t = length >= 14 ? f.u16(12) : 0;
                break;
            case 113:
                o = 16;
                t = length >= 16 ? f.u16(14) : 0;
                break;
            case 276:
                o = 20;
                t = length >= 20 ? f.u16(0) : 0;
                break;
            default:
                return -1;
        }
        while ((t == VLAN || t == QINQ_OLD || t == AD) && o + 4 <= length) {
            t = f.u16(o + 2);
            o += 4;
        }
        if (t != IPV4 || o + 20 > length || f.u8(o + 9) != UDP) {
            return -1;
        }
        int udp = o + (f.u8(o) & 0x0f) * 4;
        if (udp + 8 + 34 > length) {
            return -1;
        }
        int src = f.u16(udp);
        int dst = f.u16(udp + 2);
        if (!((src == 68 && dst == 67) || (src == 67 && dst == 68))) {
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
        return port == 4789 || port == 6081 || port == 5247;
    }

    /** LLC/SNAP with OUI 0 carrying ARP (ARP over 802.3). */
    private static boolean snapArp(SequentialFrames f, int o, int length) {
        if (o + 8 > length) {
            return false;
        }
        if (f.u8(o) != 0xaa || f.u8(o + 1) != 0xaa || f.u8(o + 2) != 0x03) {
            return false;
        }
        if (f.u8(o + 3) != 0 || f.u8(o + 4) != 0 || f.u8(o + 5) != 0) {
            return false;
        }
        int pid = f.u16(o + 6);
        return pid == ARP || pid == RARP;
    }
}
