package dev.cutover.dissect.proto;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;

/**
 * Walks the link layer of one frame: Ethernet or Linux SLL, then any stack of VLAN tags (a loop, not
 * recursion, so 60 stacked tags cost nothing special), LLC/SNAP, and hands what follows to ARP or IP.
 * Ethernet carried in a tunnel comes back here through {@link #innerEthernet}.
 */
public final class LinkLayer {
    private static final int ETH_HEADER = 14;
    private static final int SLL_HEADER = 16;
    private static final int SLL2_HEADER = 20;

    private LinkLayer() {
    }

    /** Ethernet (link type 1): the frame itself, whose padding, trailer and FCS are looked for. */
    public static void ethernet(Cursor c, int fcsLength, Layer depth) {
        Tail tail = new Tail(Ethernet.TRAILER, fcsLength);
        int end = ethernetAt(c, 0, depth, tail);
        if (depth == Layer.ALL) {
            Ethernet.trailer(c, end, tail.fcsLength, tail.trailerField);
        }
    }

    /** Ethernet inside a tunnel (VXLAN, Geneve, GRE): no FCS and no padding of its own to find. */
    static void innerEthernet(Cursor c, int base, Layer depth) {
        ethernetAt(c, base, depth, Tail.none());
    }

    /** Returns where the payload ends by its own length, or -1 when unknown. */
    private static int ethernetAt(Cursor c, int base, Layer depth, Tail tail) {
        Dissection out = c.out();
        int node = c.protocol(Ethernet.ETH, base, ETH_HEADER);
        int type = Ethernet.header(c, node, base);
        long src = c.mac(base + 6);
        long dst = c.mac(base);
        out.setProtocolColumn(type <= 1500 ? "LLC" : typeName(type));
        out.close();
        int payload = base + ETH_HEADER;
        if (type <= 1500) {
            llc(c, payload, payload + type, src, Addresses.isBroadcast(dst), depth);
            return payload + type;
        }
        out.appendProtocol("ethertype");
        return etherType(c, type, payload, src, Addresses.isBroadcast(dst), depth, tail);
    }

    /** Linux cooked capture v1 (link type 113). */
    public static void sll(Cursor c, Layer depth) {
        c.protocol(Sll.SLL, 0, SLL_HEADER);
        int pkttype = c.uint16(Sll.PKTTYPE_FIELD, 0);
        int hatype = c.uint16(Sll.HATYPE, 2);
        int halen = c.uint16(Sll.HALEN, 4);
        long src = sllAddress(c, 6, hatype, halen);
        c.require(Sll.ETYPE, 14, 2);
        int protocol = c.u16(14);
        c.uint16(protocol < 1536 ? Sll.LTYPE : Sll.ETYPE, 14);
        c.out().close();
        sllPayload(c, protocol, SLL_HEADER, src, pkttype, depth);
    }

    /** Linux cooked capture v2 (link type 276). */
    public static void sll2(Cursor c, Layer depth) {
        c.protocol(Sll.SLL, 0, SLL2_HEADER);
        c.require(Sll.ETYPE, 0, 2);
        int protocol = c.u16(0);
        c.uint16(protocol < 1536 ? Sll.LTYPE : Sll.ETYPE, 0);
        c.bytes(Sll.UNUSED, 2, 2);
        c.uint32(Sll.IFINDEX, 4);
        int hatype = c.uint16(Sll.HATYPE, 8);
        int pkttype = c.uint8(Sll.PKTTYPE_FIELD, 10);
        int halen = c.uint8(Sll.HALEN, 11);
        long src = sllAddress(c, 12, hatype, halen);
        c.out().close();
        sllPayload(c, protocol, SLL2_HEADER, src, pkttype, depth);
    }

    private static long sllAddress(Cursor c, int offset, int hatype, int halen) {
        if ((hatype == 1 || hatype == 772) && halen == 6) {
            long mac = c.ether(Sll.SRC_ETH, offset);
            c.bytes(Sll.UNUSED, offset + 6, 2);
            c.out().setAddressColumns(Dissection.SOURCE_MAC_ONLY, mac, 0);
            return mac;
        }
        int n = Math.min(halen, 8);
        if (n > 0) {
            c.bytes(Sll.SRC_OTHER, offset, n);
        }
        if (n < 8) {
            c.bytes(Sll.UNUSED, offset + n, 8 - n);
        }
        return -1;
    }

    /** SLL packet type 1 means the frame went to broadcast; SLL has no destination address. */
    private static void sllPayload(Cursor c, int protocol, int offset, long src, int pkttype, Layer depth) {
        c.out().setProtocolColumn(protocol < 1536 ? "SLL" : typeName(protocol));
        if (protocol >= 1536) {
            c.out().appendProtocol("ethertype");
            etherType(c, protocol, offset, src, pkttype == 1, depth, Tail.none());
        }
    }

    /** Where padding and trailer go, and whether an FCS may be assumed, after the innermost tag. */
    static final class Tail {
        Field trailerField;
        int fcsLength;

        /** For payloads whose trailer is not ours to find (inside tunnels, Linux SLL). */
        static Tail none() {
            return new Tail(null, 0);
        }

        Tail(Field trailerField, int fcsLength) {
            this.trailerField = trailerField;
            this.fcsLength = fcsLength;
        }
    }

    /**
     * Dispatches on an EtherType at {@code offset}; returns where the payload ends by its own length, or -1
     * when that is not known (the payload is not decoded).
     */
    static int etherType(Cursor c, int type, int offset, long src, boolean broadcast, Layer depth, Tail tail) {
        Dissection out = c.out();
        int o = offset;
        int t = type;
        long source = src;
        boolean toBroadcast = broadcast;
        while (t == EtherTypes.VLAN || t == EtherTypes.QINQ_OLD || t == EtherTypes.IEEE_802_1AD
                || t == EtherTypes.IEEE_802_1AH) {
            if (t == EtherTypes.IEEE_802_1AH) {
                // PBB: an I-tag, then the customer's own addresses; what follows is the customer frame.
                int node = c.protocol(Vlan.AH, o, 18);
                c.bits(Vlan.AH_PRIORITY, o, 4);
                c.bits(Vlan.AH_DROP, o, 4);
                c.bits(Vlan.AH_NCA, o, 4);
                c.bits(Vlan.AH_ISID, o, 4);
                long cdst = c.ether(Vlan.AH_CDST, o + 4);
                source = c.ether(Vlan.AH_CSRC, o + 10);
                toBroadcast = Addresses.isBroadcast(cdst);
                t = c.uint16(Vlan.AD_ETYPE, o + 16);
                out.setLength(node, 18);
                out.close();
                o += 18;
                out.setProtocolColumn(typeName(t));
                out.appendProtocol("ethertype");
                continue;
            }
            boolean ad = t == EtherTypes.IEEE_802_1AD;
            int node = c.protocol(ad ? Vlan.AD : Vlan.VLAN, o, 4);
            c.bits(ad ? Vlan.AD_PRIORITY : Vlan.PRIORITY, o, 2);
            c.bits(ad ? Vlan.AD_DEI : Vlan.DEI_BIT, o, 2);
            c.bits(ad ? Vlan.AD_ID : Vlan.ID, o, 2);
            c.require(ad ? Vlan.AD_ETYPE : Vlan.ETYPE, o + 2, 2);
            t = c.u16(o + 2);
            if (t <= 1500 && !ad) {
                c.uint16(Vlan.LEN, o + 2);
            } else {
                c.uint16(ad ? Vlan.AD_ETYPE : Vlan.ETYPE, o + 2);
            }
            out.setLength(node, 4);
            out.close();
            // Tagged frames: Wireshark's VLAN dissector adds padding and trailer under the tag, never an FCS.
            if (tail.trailerField != null) {
                tail.trailerField = ad ? Vlan.AD_TRAILER : Vlan.TRAILER;
                tail.fcsLength = tail.fcsLength == 4 ? 4 : 0;
            }
            o += 4;
            out.setProtocolColumn(t <= 1500 ? "LLC" : typeName(t));
            if (t <= 1500 && !ad) {
                llc(c, o, o + t, source, toBroadcast, depth);
                return o + t;
            }
            out.appendProtocol("ethertype");
        }
        if (depth == Layer.LINK) {
            return -1;
        }
        if (EtherTypes.isArpFamily(t)) {
            return Arp.dissect(c, o, source, toBroadcast);
        }
        if (t == EtherTypes.IPV4) {
            return Network.ipv4(c, o, depth);
        }
        if (t == EtherTypes.IPV6) {
            return Network.ipv6(c, o, depth);
        }
        return -1;
    }

    /** IEEE 802.2 LLC; SNAP with OUI 0 carries an EtherType (ARP over 802.3 or 802.11). */
    static int llc(Cursor c, int offset, int end, long src, boolean broadcast, Layer depth) {
        Dissection out = c.out();
        if (!c.has(offset, 3)) {
            return end;
        }
        int node = c.protocol(Llc.LLC, offset, 3);
        int dsap = c.uint8(Llc.DSAP, offset);
        int ssap = c.uint8(Llc.SSAP, offset + 1);
        int control = c.u8(offset + 2);
        out.add(Llc.CONTROL, offset + 2, 1, control);
        if (dsap != 0xaa || ssap != 0xaa || control != 0x03 || !c.has(offset + 3, 5)) {
            out.close();
            return end;
        }
        long oui = c.u32(offset + 2) & 0xffffff;
        out.add(Llc.OUI, offset + 3, 3, oui);
        int pid = c.u16(offset + 6);
        out.add(oui == 0 ? Llc.TYPE : Llc.PID, offset + 6, 2, pid);
        out.setLength(node, 8);
        out.close();
        if (oui != 0 || depth == Layer.LINK || !EtherTypes.isArpFamily(pid)) {
            return end;
        }
        out.setProtocolColumn(typeName(pid));
        Arp.dissect(c, offset + 8, src, broadcast);
        return end;
    }

    static String typeName(int type) {
        switch (type) {
            case EtherTypes.IPV4:
                return "IPv4";
            case EtherTypes.IPV6:
                return "IPv6";
            case EtherTypes.ARP:
                return "ARP";
            case EtherTypes.RARP:
                return "RARP";
            default:
                String name = EtherTypes.NAMES.get((long) type);
                return name != null && name.length() <= 12 ? name : String.format("0x%04x", type);
        }
    }
}
