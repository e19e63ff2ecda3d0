package dev.cutover.dissect.proto;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;

/**
 * IPv4/IPv6, UDP and the tunnels ARP is carried in (GRE, ERSPAN, VXLAN, Geneve, CAPWAP with 802.11).
 * Each method returns where its payload ends by its own length, so the Ethernet padding after it is found.
 */
final class Network {
    private Network() {
    }

    static int ipv4(Cursor c, int o, Layer depth) {
        Dissection out = c.out();
        int headerLength = ipv4Header(c, o);
        if (headerLength < 0) {
            return -1;
        }
        int total = c.u16(o + 2);
        int flags = c.u8(o + 6) >>> 5;
        int fragment = c.u16(o + 6) & 0x1fff;
        int ttl = c.u8(o + 8);
        int proto = c.u8(o + 9);
        out.setAddressColumns(Dissection.IPV4_ADDRESSES, c.u32(o + 12), c.u32(o + 16));
        String name = Ip.PROTOCOLS.get((long) proto);
        out.setProtocolColumn(name != null ? name : "IPv4");
        int end = total >= headerLength ? o + total : -1;
        boolean firstFragmentWhole = fragment == 0 && (flags & 1) == 0;
        if (end > 0 && firstFragmentWhole) {
            transport(c, proto, o + headerLength, end, depth, ttl);
        } else if (end > 0) {
            // Reassembly needs the other fragments; Wireshark's Info before it has them.
            StringBuilder info = out.info();
            info.setLength(0);
            info.append("Fragmented IP protocol (proto=").append(name != null ? name : "Unknown").append(' ')
                    .append(proto).append(", off=").append(fragment * 8).append(", ID=");
            String id = Integer.toHexString(c.u16(o + 4));
            for (int i = id.length(); i < 4; i++) {
                info.append('0');
            }
            info.append(id).append(')');
        }
        return end;
    }

    /**
     * Records an IPv4 header at {@code o} as a protocol node and returns its length, or -1 when it is not a
     * version 4 header of at least 20 bytes. Sets no column: an ICMP error quotes a header this way.
     */
    static int ipv4Header(Cursor c, int o) {
        Dissection out = c.out();
        c.require(Ip.VERSION, o, 1);
        int versionAndLength = c.u8(o);
        int headerLength = (versionAndLength & 0x0f) * 4;
        c.protocol(Ip.IP, o, Math.max(20, headerLength));
        c.bits(Ip.VERSION, o, 1);
        out.add(Ip.HDR_LEN, o, 1, headerLength);
        if ((versionAndLength >>> 4) != 4 || headerLength < 20) {
            out.close();
            return -1;
        }
        c.uint8(Ip.DSFIELD, o + 1);
        c.uint16(Ip.LEN, o + 2);
        c.uint16(Ip.ID, o + 4);
        c.bits(Ip.FLAGS, o + 6, 2);
        c.bits(Ip.FRAG_OFFSET, o + 6, 2);
        c.uint8(Ip.TTL, o + 8);
        c.uint8(Ip.PROTO, o + 9);
        c.uint16(Ip.CHECKSUM, o + 10);
        long src = c.ipv4(Ip.SRC, o + 12);
        out.add(Ip.ADDR, o + 12, 4, src);
        long dst = c.ipv4(Ip.DST, o + 16);
        out.add(Ip.ADDR, o + 16, 4, dst);
        out.close();
        return headerLength;
    }

    static int ipv6(Cursor c, int o, Layer depth) {
        Dissection out = c.out();
        c.protocol(Ip.IPV6, o, 40);
        c.bits(Ip.V6_VERSION, o, 1);
        c.bits(Ip.V6_TCLASS, o, 4);
        int tclass = out.size() - 1;
        out.open(tclass);
        c.bits(Ip.V6_DSCP, o, 4);
        c.bits(Ip.V6_ECN, o, 4);
        out.close();
        c.bits(Ip.V6_FLOW, o + 1, 3);
        int payload = c.uint16(Ip.V6_PLEN, o + 4);
        int plenNode = out.size() - 1;
        int next = c.uint8(Ip.V6_NXT, o + 6);
        c.uint8(Ip.V6_HLIM, o + 7);
        c.bytes(Ip.V6_SRC, o + 8, 16);
        out.add(Ip.V6_ADDR, o + 8, 16, 0);
        c.bytes(Ip.V6_DST, o + 24, 16);
        out.add(Ip.V6_ADDR, o + 24, 16, 0);
        out.setAddressColumns(Dissection.IPV6_ADDRESSES, o + 8, o + 24);
        int end = o + 40 + payload;
        int framing = c.reported() - (o + 40);
        if (payload > framing) {
            // Wireshark goes on with the bytes the frame has, and says so.
            out.open(plenNode);
            c.expert(Ip.V6_PLEN_EXCEEDS, o + 4, 2, String.format(Ip.V6_PLEN_EXCEEDS.text(), Math.max(0, framing)));
            out.close();
            end = c.reported();
        }
        int p = o + 40;
        for (int headers = 0; headers < 8 && (isExtension(next) || next == Ip.PROTO_FRAGMENT) && p < end; headers++) {
            if (next == Ip.PROTO_FRAGMENT) {
                c.require(Ip.FRAGHDR_NXT, p, 8);
                c.protocol(Ip.FRAGHDR, p, 8);
                int inner = c.uint8(Ip.FRAGHDR_NXT, p);
                int offset = c.u16(p + 2) & 0xfff8;
                c.bits(Ip.FRAGHDR_OFFSET, p + 2, 2);
                boolean more = c.bits(Ip.FRAGHDR_MORE, p + 2, 2) != 0;
                long ident = c.uint32(Ip.FRAGHDR_IDENT, p + 4);
                out.close();
                p += 8;
                if (offset != 0 || more) {
                    // Reassembly needs the other fragments; Wireshark's Info before it has them.
                    out.close();
                    out.setProtocolColumn("IPv6");
                    StringBuilder info = out.info();
                    info.setLength(0);
                    info.append(String.format("IPv6 fragment (off=%d more=%s ident=0x%08x nxt=%d)", offset,
                            more ? "y" : "n", ident, inner));
                    data(c, p, end);
                    return end;
                }
                next = inner;
                continue;
            }
            int length = extension(c, next, p);
            if (length < 0) {
                break;
            }
            next = c.u8(p);
            p += length;
        }
        out.close();
        String name = Ip.PROTOCOLS.get((long) next);
        out.setProtocolColumn(name != null && next != Ip.PROTO_NO_NEXT ? name : "IPv6");
        if (p > end) {
            return end;
        }
        if (next == Ip.PROTO_NO_NEXT) {
            StringBuilder info = out.info();
            info.setLength(0);
            info.append("IPv6 no next header");
            return end;
        }
        if (next == Ip.PROTO_ICMPV6) {
            if (p < end) {
                Icmpv6.dissect(c, p, end, o);
            }
        } else if (!isExtension(next)) {
            transport(c, next, p, end, depth, -1);
        }
        return end;
    }

    /** Bytes no dissector here reads, as Wireshark's "data" protocol. */
    private static void data(Cursor c, int o, int end) {
        int shown = Math.min(end, c.captured()) - o;
        if (shown > 0) {
            c.protocol(Icmp.DATA, o, shown);
            c.bytes(Icmp.DATA_DATA, o, shown);
            c.out().add(Icmp.DATA_LEN, 0, 0, end - o);
            c.out().close();
        }
    }

    private static boolean isExtension(int next) {
        return next == Ip.PROTO_HOPOPTS || next == Ip.PROTO_DSTOPTS || next == Ip.PROTO_ROUTING;
    }

    /**
     * Records the hop-by-hop, destination options or routing header at {@code p} (its options are not decoded)
     * and returns its length, or -1 when it was not captured whole.
     */
    private static int extension(Cursor c, int next, int p) {
        Field proto = next == Ip.PROTO_HOPOPTS ? Ip.HOPOPTS : next == Ip.PROTO_DSTOPTS ? Ip.DSTOPTS : Ip.ROUTING;
        Field nxt = next == Ip.PROTO_HOPOPTS ? Ip.HOPOPTS_NXT : next == Ip.PROTO_DSTOPTS ? Ip.DSTOPTS_NXT : Ip.ROUTING_NXT;
        Field len = next == Ip.PROTO_HOPOPTS ? Ip.HOPOPTS_LEN : next == Ip.PROTO_DSTOPTS ? Ip.DSTOPTS_LEN : Ip.ROUTING_LEN;
        Field octets = next == Ip.PROTO_HOPOPTS ? Ip.HOPOPTS_LEN_OCT
                : next == Ip.PROTO_DSTOPTS ? Ip.DSTOPTS_LEN_OCT : Ip.ROUTING_LEN_OCT;
        Dissection out = c.out();
        c.require(nxt, p, 2);
        int length = (c.u8(p + 1) + 1) * 8;
        c.protocol(proto, p, length);
        c.uint8(nxt, p);
        c.uint8(len, p + 1);
        out.add(octets, 0, 0, length);
        out.close();
        c.require(proto, p, length);
        return length;
    }

    /** {@code ttl} is the IPv4 header's, for ICMP's Info column; -1 over IPv6. */
    private static void transport(Cursor c, int proto, int o, int end, Layer depth, int ttl) {
        if (o > c.captured()) {
            // IPv4 options said to run past the bytes captured: nothing of the next protocol is there
            return;
        }
        if (proto == Ip.PROTO_UDP) {
            udp(c, o, end, depth);
        } else if (proto == Ip.PROTO_TCP) {
            Tcp.dissect(c, o, end);
        } else if (proto == Ip.PROTO_ICMP && ttl >= 0) {
            Icmp.dissect(c, o, end, ttl);
        } else if (proto == Ip.PROTO_GRE) {
            gre(c, o, end, depth);
        }
    }

    private static void udp(Cursor c, int o, int end, Layer depth) {
        Dissection out = c.out();
        if (!c.has(o, 8)) {
            return;
        }
        c.protocol(Udp.UDP, o, 8);
        int src = c.uint16(Udp.SRCPORT, o);
        int dst = c.uint16(Udp.DSTPORT, o + 2);
        out.add(Udp.PORT, o, 2, src);
        out.add(Udp.PORT, o + 2, 2, dst);
        int length = c.uint16(Udp.LENGTH, o + 4);
        c.uint16(Udp.CHECKSUM, o + 6);
        out.close();
        StringBuilder info = out.info();
        info.setLength(0);
        info.append(src).append(" \u2192 ").append(dst).append(" Len=").append(Math.max(0, length - 8));
        int payloadEnd = Math.min(end, o + Math.max(8, length));
        int p = o + 8;
        if (dst == Udp.VXLAN_PORT || src == Udp.VXLAN_PORT) {
            vxlan(c, p, payloadEnd, depth);
        } else if (dst == Udp.GENEVE_PORT || src == Udp.GENEVE_PORT) {
            geneve(c, p, payloadEnd, depth);
        } else if (dst == Udp.CAPWAP_DATA_PORT || src == Udp.CAPWAP_DATA_PORT) {
            capwap(c, p, payloadEnd, depth);
        } else if (payloadEnd > p && !udpPayload(c, Math.min(src, dst), p, payloadEnd)) {
            udpPayload(c, Math.max(src, dst), p, payloadEnd);
        }
    }

    /** Wireshark tries the lower port first, then the higher. True when {@code port} names a payload decoded here. */
    private static boolean udpPayload(Cursor c, int port, int o, int end) {
        switch (port) {
            case Dns.PORT:
                Dns.dissect(c, o, end, Dns.DNS);
                return true;
            case Dns.MDNS_PORT:
                Dns.dissect(c, o, end, Dns.MDNS);
                return true;
            case Dns.LLMNR_PORT:
                Dns.dissect(c, o, end, Dns.LLMNR);
                return true;
            case Ssdp.PORT:
                Ssdp.dissect(c, o, end);
                return true;
            default:
                return false;
        }
    }

    private static boolean deeper(Cursor c, int o) {
        if (c.enterTunnel()) {
            return true;
        }
        c.expert(Gre.TOO_DEEP, o, 0, Gre.TOO_DEEP.text());
        return false;
    }

    private static void vxlan(Cursor c, int o, int end, Layer depth) {
        if (!c.has(o, 8) || !deeper(c, o)) {
            return;
        }
        c.protocol(Udp.VXLAN, o, 8);
        c.uint8(Udp.VXLAN_FLAGS, o);
        c.bits(Udp.VXLAN_VNI, o + 4, 4);
        c.out().close();
        LinkLayer.innerEthernet(c, o + 8, depth);
    }

    private static void geneve(Cursor c, int o, int end, Layer depth) {
        if (!c.has(o, 8) || !deeper(c, o)) {
            return;
        }
        int options = (c.u8(o) & 0x3f) * 4;
        c.protocol(Udp.GENEVE, o, 8 + options);
        c.bits(Udp.GENEVE_VERSION, o, 1);
        c.bits(Udp.GENEVE_OPT_LEN, o, 1);
        int proto = c.uint16(Udp.GENEVE_PROTO, o + 2);
        c.bits(Udp.GENEVE_VNI, o + 4, 4);
        if (options > 0) {
            c.bytes(Udp.GENEVE_OPTIONS, o + 8, options);
        }
        c.out().close();
        innerPayload(c, proto, o + 8 + options, depth);
    }

    /** A tunnel's payload named by an EtherType: bridged Ethernet, or ARP/IP directly. */
    private static void innerPayload(Cursor c, int proto, int o, Layer depth) {
        if (proto == Gre.TRANSPARENT_ETHERNET) {
            LinkLayer.innerEthernet(c, o, depth);
        } else {
            LinkLayer.etherType(c, proto, o, -1, false, depth, LinkLayer.Tail.none());
        }
    }

    private static void gre(Cursor c, int o, int end, Layer depth) {
        Dissection out = c.out();
        if (!c.has(o, 4) || !deeper(c, o)) {
            return;
        }
        int flags = c.u16(o);
        int length = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
                + ((flags & 0x1000) != 0 ? 4 : 0);
        c.protocol(Gre.GRE, o, length);
        c.uint16(Gre.FLAGS, o);
        int proto = c.uint16(Gre.PROTO, o + 2);
        int p = o + 4;
        if ((flags & 0x8000) != 0) {
            c.uint16(Gre.CHECKSUM, p);
            p += 4;
        }
        if ((flags & 0x2000) != 0) {
            c.uint32(Gre.KEY, p);
            p += 4;
        }
        if ((flags & 0x1000) != 0) {
            c.uint32(Gre.SEQUENCE, p);
            p += 4;
        }
        out.close();
        if (proto == Gre.ERSPAN) {
            // Type I has no header of its own (no sequence number in GRE); type II has eight bytes.
            boolean typeTwo = (flags & 0x1000) != 0;
            c.protocol(Gre.ERSPAN_PROTO, p, typeTwo ? 8 : 0);
            if (typeTwo) {
                c.bits(Gre.ERSPAN_VERSION, p, 2);
                c.bits(Gre.ERSPAN_VLAN, p, 2);
                c.bits(Gre.ERSPAN_SPANID, p + 2, 2);
            }
            out.close();
            LinkLayer.innerEthernet(c, p + (typeTwo ? 8 : 0), depth);
            return;
        }
        innerPayload(c, proto, p, depth);
    }

    /** CAPWAP data (RFC 5415) carrying a native 802.11 frame, as a Cisco controller sends it. */
    private static void capwap(Cursor c, int o, int end, Layer depth) {
        Dissection out = c.out();
        if (!c.has(o, 8) || (c.u8(o) & 0x0f) != 0 || !deeper(c, o)) {
            return;
        }
        long word = c.u32(o);
        int headerLength = (int) ((word >>> 19) & 0x1f) * 4;
        int wbid = (int) ((word >>> 9) & 0x1f);
        boolean nativeFrame = (word & 0x100) != 0;
        c.protocol(Udp.CAPWAP, o, headerLength);
        c.bits(Udp.CAPWAP_HLEN, o, 4);
        c.bits(Udp.CAPWAP_WBID, o, 4);
        c.bits(Udp.CAPWAP_FLAGS, o, 4);
        out.close();
        if (headerLength < 8 || wbid != 1 || !nativeFrame) {
            return;
        }
        wlanData(c, o + headerLength, end, depth);
    }

    /**
     * An 802.11 data frame. Wireshark's CAPWAP dissector swaps the frame control bytes by default (Cisco
     * sends them that way), and so do we.
     */
    private static void wlanData(Cursor c, int o, int end, Layer depth) {
        Dissection out = c.out();
        if (!c.has(o, 24)) {
            return;
        }
        int fc = c.u8(o + 1);
        int flags = c.u8(o);
        int type = (fc >>> 2) & 3;
        int subtype = (fc >>> 4) & 0xf;
        if (type != 2) {
            return;
        }
        boolean toDs = (flags & 1) != 0;
        boolean fromDs = (flags & 2) != 0;
        int header = 24 + (toDs && fromDs ? 6 : 0) + ((subtype & 8) != 0 ? 2 : 0);
        c.protocol(Gre.WLAN, o, header);
        c.uint16(Gre.WLAN_FC, o);
        c.ether(Gre.WLAN_RA, o + 4);
        c.ether(Gre.WLAN_TA, o + 10);
        long a1 = c.mac(o + 4);
        long a2 = c.mac(o + 10);
        long a3 = c.mac(o + 16);
        long da = toDs ? a3 : a1;
        long sa = fromDs ? (toDs ? c.mac(o + 24) : a3) : a2;
        out.add(Gre.WLAN_DA, toDs ? o + 16 : o + 4, 6, da);
        out.add(Gre.WLAN_SA, fromDs ? o + 16 : o + 10, 6, sa);
        out.add(Gre.WLAN_BSSID, toDs ? o + 4 : fromDs ? o + 10 : o + 16, 6, toDs ? a1 : fromDs ? a2 : a3);
        out.close();
        out.setAddressColumns(Dissection.MAC_ADDRESSES, sa, da);
        LinkLayer.llc(c, o + header, end, sa, Addresses.isBroadcast(da), depth);
    }
}
