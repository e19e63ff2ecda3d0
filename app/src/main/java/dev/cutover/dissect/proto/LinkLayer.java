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
        int node = c.protocol(Ethernet.ETH, base, Ethernet.HEADER_LENGTH);
        int type = Ethernet.header(c, node, base);
        long src = c.mac(base + 6);
        long dst = c.mac(base);
        out.setProtocolColumn(type <= EtherTypes.IEEE_802_3_MAX_LEN ? "LLC" : typeName(type));
        out.close();
        int payload = base + Ethernet.HEADER_LENGTH;
        if (type <= EtherTypes.IEEE_802_3_MAX_LEN) {
            llc(c, payload, payload + type, src, Addresses.isBroadcast(dst), depth);
            return payload + type;
        }
        out.appendProtocol("ethertype");
        return etherType(c, type, payload, src, Addresses.isBroadcast(dst), depth, tail);
    }

    /** Linux cooked capture v1 (link type 113). */
    public static void sll(Cursor c, Layer depth) {
        c.protocol(Sll.SLL, 0, Sll.V1_HEADER_LENGTH);
        int pkttype = c.uint16(Sll.PKTTYPE_FIELD, 0);
        int hatype = c.uint16(Sll.HATYPE, 2);
        int halen = c.uint16(Sll.HALEN, 4);
        long src = sllAddress(c, 6, hatype, halen);
        c.require(Sll.ETYPE, Sll.V1_PROTOCOL_OFFSET, 2);
        int protocol = c.u16(Sll.V1_PROTOCOL_OFFSET);
        c.uint16(protocol < EtherTypes.ETHERNET_II_MIN_LEN ? Sll.LTYPE : Sll.ETYPE, Sll.V1_PROTOCOL_OFFSET);
        c.out().close();
        sllPayload(c, protocol, Sll.V1_HEADER_LENGTH, src, pkttype, depth);
    }

    /** Linux cooked capture v2 (link type 276). */
    public static void sll2(Cursor c, Layer depth) {
        c.protocol(Sll.SLL, 0, Sll.V2_HEADER_LENGTH);
        c.require(Sll.ETYPE, Sll.V2_PROTOCOL_OFFSET, 2);
        int protocol = c.u16(Sll.V2_PROTOCOL_OFFSET);
        c.uint16(protocol < EtherTypes.ETHERNET_II_MIN_LEN ? Sll.LTYPE : Sll.ETYPE, Sll.V2_PROTOCOL_OFFSET);
        c.bytes(Sll.UNUSED, 2, 2);
        c.uint32(Sll.IFINDEX, 4);
        int hatype = c.uint16(Sll.HATYPE, 8);
        int pkttype = c.uint8(Sll.PKTTYPE_FIELD, 10);
        int halen = c.uint8(Sll.HALEN, 11);
        long src = sllAddress(c, 12, hatype, halen);
        c.out().close();
        sllPayload(c, protocol, Sll.V2_HEADER_LENGTH, src, pkttype, depth);
    }

    private static long sllAddress(Cursor c, int offset, int hatype, int halen) {
        if ((hatype == Sll.ARPHRD_ETHER || hatype == Sll.ARPHRD_LOOPBACK) && halen == 6) {
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

    /** SLL has no destination address: its packet type says whether the frame went to broadcast. */
    private static void sllPayload(Cursor c, int protocol, int offset, long src, int pkttype, Layer depth) {
        c.out().setProtocolColumn(protocol < EtherTypes.ETHERNET_II_MIN_LEN ? "SLL" : typeName(protocol));
        if (protocol >= EtherTypes.ETHERNET_II_MIN_LEN) {
            c.out().appendProtocol("ethertype");
            etherType(c, protocol, offset, src, pkttype == Sll.PACKET_BROADCAST, depth, Tail.none());
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
        while (EtherTypes.isTag(t)) {
            if (t == EtherTypes.IEEE_802_1AH) {
                // PBB: an I-tag, then the customer's own addresses; what follows is the customer frame.
                int node = c.protocol(Vlan.AH, o, Vlan.I_TAG_LENGTH);
                c.bits(Vlan.AH_PRIORITY, o, 4);
                c.bits(Vlan.AH_DROP, o, 4);
                c.bits(Vlan.AH_NCA, o, 4);
                c.bits(Vlan.AH_ISID, o, 4);
                long cdst = c.ether(Vlan.AH_CDST, o + 4);
                source = c.ether(Vlan.AH_CSRC, o + 10);
                toBroadcast = Addresses.isBroadcast(cdst);
                t = c.uint16(Vlan.AD_ETYPE, o + Vlan.I_TAG_LENGTH - 2);
                out.setLength(node, Vlan.I_TAG_LENGTH);
                out.close();
                o += Vlan.I_TAG_LENGTH;
                out.setProtocolColumn(typeName(t));
                out.appendProtocol("ethertype");
                continue;
            }
            boolean ad = t == EtherTypes.IEEE_802_1AD;
            int node = c.protocol(ad ? Vlan.AD : Vlan.VLAN, o, Vlan.TAG_LENGTH);
            c.bits(ad ? Vlan.AD_PRIORITY : Vlan.PRIORITY, o, 2);
            c.bits(ad ? Vlan.AD_DEI : Vlan.DEI_BIT, o, 2);
            c.bits(ad ? Vlan.AD_ID : Vlan.ID, o, 2);
            c.require(ad ? Vlan.AD_ETYPE : Vlan.ETYPE, o + 2, 2);
            t = c.u16(o + 2);
            if (t <= EtherTypes.IEEE_802_3_MAX_LEN && !ad) {
                c.uint16(Vlan.LEN, o + 2);
            } else {
                c.uint16(ad ? Vlan.AD_ETYPE : Vlan.ETYPE, o + 2);
            }
            out.setLength(node, Vlan.TAG_LENGTH);
            out.close();
            // Tagged frames: Wireshark's VLAN dissector adds padding and trailer under the tag, never an FCS.
            if (tail.trailerField != null) {
                tail.trailerField = ad ? Vlan.AD_TRAILER : Vlan.TRAILER;
                tail.fcsLength = tail.fcsLength == 4 ? 4 : 0;
            }
            o += Vlan.TAG_LENGTH;
            out.setProtocolColumn(t <= EtherTypes.IEEE_802_3_MAX_LEN ? "LLC" : typeName(t));
            if (t <= EtherTypes.IEEE_802_3_MAX_LEN && !ad) {
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
        if (dsap != Llc.SAP_SNAP || ssap != Llc.SAP_SNAP || control != Llc.CONTROL_UI
                || !c.has(offset + 3, Llc.SNAP_HEADER_LENGTH - 3)) {
            out.close();
            return end;
        }
        long oui = c.u32(offset + 2) & 0xffffff;
        out.add(Llc.OUI, offset + 3, 3, oui);
        int pid = c.u16(offset + 6);
        boolean etherType = oui == Llc.OUI_ENCAPSULATED_ETHERNET;
        out.add(etherType ? Llc.TYPE : Llc.PID, offset + 6, 2, pid);
        out.setLength(node, Llc.SNAP_HEADER_LENGTH);
        out.close();
        if (!etherType || depth == Layer.LINK || !EtherTypes.isArpFamily(pid)) {
            return end;
        }
        out.setProtocolColumn(typeName(pid));
        Arp.dissect(c, offset + Llc.SNAP_HEADER_LENGTH, src, broadcast);
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
                String cached = TYPE_NAMES[type & 0xFFFF];
                if (cached == null) {
                    String name = EtherTypes.NAMES.get((long) type);
                    cached = name != null && name.length() <= 12 ? name : String.format("0x%04x", type);
                    // a race only computes the same String twice
                    TYPE_NAMES[type & 0xFFFF] = cached;
                }
                return cached;
        }
    }

    /** The Protocol column's name of each EtherType, made once: every tagged frame asks for its tag's. */
    private static final String[] TYPE_NAMES = new String[0x10000];
}
