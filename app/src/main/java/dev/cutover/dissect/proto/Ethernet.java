package dev.cutover.dissect.proto;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Expert;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.Severity;

import java.util.List;
import java.util.Map;

/** Ethernet II and IEEE 802.3 headers, padding, trailer and FCS, as Wireshark's packet-eth.c. */
public final class Ethernet {
    /** Destination, source and type/length. */
    public static final int HEADER_LENGTH = 14;
    /** Where the type/length field sits. */
    public static final int TYPE_OFFSET = 12;

    private static final Map<Long, String> LG = Map.of(
            0L, "Globally unique address (factory default)",
            1L, "Locally administered address (this is NOT the factory default)");
    private static final Map<Long, String> IG = Map.of(
            0L, "Individual address (unicast)",
            1L, "Group address (multicast/broadcast)");

    public static final Field ETH = Field.link("eth", "Ethernet II", FieldType.PROTOCOL).blurb("Ethernet").build();
    public static final Field DST = Field.link("eth.dst", "Destination", FieldType.ETHER)
            .blurb("Destination hardware address").build();
    public static final Field DST_RESOLVED = Field.link("eth.dst_resolved", "Destination (resolved)", FieldType.STRING)
            .generated().hidden().blurb("Broadcast or a well-known multicast group name").build();
    public static final Field DST_OUI = Field.link("eth.dst.oui", "Destination OUI", FieldType.BYTES).hidden().build();
    public static final Field DST_OUI_RESOLVED = Field.link("eth.dst.oui_resolved", "Destination vendor",
            FieldType.STRING).generated().build();
    public static final Field DST_LG = Field.link("eth.dst.lg", "LG bit", FieldType.BOOLEAN).mask(0x020000).names(LG).build();
    public static final Field DST_IG = Field.link("eth.dst.ig", "IG bit", FieldType.BOOLEAN).mask(0x010000).names(IG).build();
    public static final Field SRC = Field.link("eth.src", "Source", FieldType.ETHER)
            .blurb("Source hardware address").build();
    public static final Field SRC_OUI = Field.link("eth.src.oui", "Source OUI", FieldType.BYTES).hidden().build();
    public static final Field SRC_OUI_RESOLVED = Field.link("eth.src.oui_resolved", "Source vendor", FieldType.STRING)
            .generated().blurb("The vendor of the source MAC from its OUI (VMware, Microsoft Hyper-V, QEMU/KVM, ...)")
            .build();
    public static final Field SRC_LG = Field.link("eth.src.lg", "LG bit", FieldType.BOOLEAN).mask(0x020000).names(LG).build();
    public static final Field SRC_IG = Field.link("eth.src.ig", "IG bit", FieldType.BOOLEAN).mask(0x010000).names(IG).build();
    public static final Field ADDR = Field.link("eth.addr", "Address", FieldType.ETHER).hidden()
            .blurb("Source or destination hardware address").build();
    public static final Field LG_BIT = Field.link("eth.lg", "LG bit", FieldType.BOOLEAN).mask(0x020000).names(LG).hidden().build();
    public static final Field IG_BIT = Field.link("eth.ig", "IG bit", FieldType.BOOLEAN).mask(0x010000).names(IG).hidden().build();
    public static final Field TYPE = Field.link("eth.type", "Type", FieldType.UINT16).hex().names(EtherTypes.NAMES).build();
    public static final Field LEN = Field.link("eth.len", "Length", FieldType.UINT16).blurb("IEEE 802.3 length").build();
    public static final Field PADDING = Field.trailer("eth.padding", "Padding", FieldType.BYTES)
            .blurb("Zero bytes that bring a short frame to the 60-byte minimum").build();
    public static final Field TRAILER = Field.trailer("eth.trailer", "Trailer", FieldType.BYTES)
            .blurb("Bytes after the payload and padding").build();
    public static final Field FCS = Field.trailer("eth.fcs", "Frame check sequence", FieldType.UINT32).hex()
            .blurb("Ethernet checksum (not verified)").build();

    public static final Expert SRC_NOT_GROUP = Expert.of(Field.Source.LINK, "eth.src_not_group", Severity.WARNING, "Protocol",
            "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)");
    public static final Expert PADDING_BAD = Expert.of(Field.Source.TRAILER, "eth.padding_bad", Severity.NOTE, "Protocol",
            "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.");

    public static final List<Field> FIELDS = List.of(ETH, DST, DST_RESOLVED, DST_OUI, DST_OUI_RESOLVED, DST_LG,
            DST_IG, SRC, SRC_OUI, SRC_OUI_RESOLVED, SRC_LG, SRC_IG, ADDR, LG_BIT, IG_BIT, TYPE, LEN, PADDING, TRAILER,
            FCS, SRC_NOT_GROUP.field(), PADDING_BAD.field());

    private Ethernet() {
    }

    /** Decodes the 14-byte header at {@code base}; returns the type/length field's value. */
    static int header(Cursor c, int node, int base) {
        Dissection out = c.out();
        long dst = c.ether(DST, base);
        out.open(lastNode(out));
        address(c, base, dst, DST_RESOLVED, DST_OUI, DST_OUI_RESOLVED, DST_LG, DST_IG);
        out.close();
        long src = c.ether(SRC, base + 6);
        out.open(lastNode(out));
        address(c, base + 6, src, null, SRC_OUI, SRC_OUI_RESOLVED, SRC_LG, SRC_IG);
        out.close();
        if (Addresses.isGroup(src)) {
            c.expert(SRC_NOT_GROUP, base + 6, 6, SRC_NOT_GROUP.text());
        }
        c.require(TYPE, base + 12, 2);
        int type = c.u16(base + 12);
        if (type <= 1500) {
            c.uint16(LEN, base + 12);
        } else {
            c.uint16(TYPE, base + 12);
        }
        out.setAddressColumns(Dissection.MAC_ADDRESSES, src, dst);
        out.setLength(node, 14);
        return type;
    }

    private static int lastNode(Dissection out) {
        return out.size() - 1;
    }

    private static void address(Cursor c, int offset, long mac, Field resolved, Field oui, Field ouiResolved,
                                Field lg, Field ig) {
        Dissection out = c.out();
        out.add(ADDR, offset, 6, mac);
        String name = resolved == null ? null : groupName(mac);
        if (name != null) {
            out.addObject(resolved, offset, 6, name);
        }
        out.add(oui, offset, 3, 0);
        String vendor = out.vendors().of(mac);
        if (vendor != null) {
            out.addObject(ouiResolved, offset, 3, vendor);
        }
        c.bits(lg, offset, 3);
        c.bits(ig, offset, 3);
        c.bits(LG_BIT, offset, 3);
        c.bits(IG_BIT, offset, 3);
    }

    /** "Broadcast", or the name of a well-known multicast group, or null. */
    public static String groupName(long mac) {
        if (Addresses.isBroadcast(mac)) {
            return "Broadcast";
        }
        if (!Addresses.isGroup(mac)) {
            return null;
        }
        if ((mac >>> 24) == 0x01005e) {
            return "IPv4mcast";
        }
        if ((mac >>> 32) == 0x3333) {
            return "IPv6mcast";
        }
        if (mac == 0x0180c2000000L) {
            return "Spanning-tree-(for-bridges)";
        }
        if (mac == 0x0180c200000eL) {
            return "LLDP_Multicast";
        }
        if (mac == 0x01000ccccccccL) {
            return "CDP/VTP/DTP/PAgP/UDLD";
        }
        if (mac == 0x0180c2000002L) {
            return "Slow-Protocols";
        }
        return "Multicast";
    }

    /**
     * Padding, trailer and FCS after the payload, as Wireshark's add_ethernet_trailer: zero bytes up to the
     * 60-byte minimum are padding; with an FCS assumed (known, or the frame is 64+ bytes with 4 to spare) the
     * last four bytes are the FCS; anything else is trailer.
     *
     * @param payloadEnd where the payload's own length says it ends
     * @param fcsLength  4 known present, 0 known absent, -1 unknown
     */
    static void trailer(Cursor c, int payloadEnd, int fcsLength, Field trailerField) {
        int reported = c.reported();
        if (payloadEnd < 0 || payloadEnd >= reported) {
            return;
        }
        int captured = c.captured();
        int trailerReported = reported - payloadEnd;
        int trailerCaptured = Math.max(0, captured - payloadEnd);
        int padding = 0;
        if (reported >= 60 && payloadEnd < 60) {
            int want = Math.min(60 - payloadEnd, trailerCaptured);
            boolean zeros = true;
            for (int i = 0; i < want; i++) {
                if (c.data()[payloadEnd + i] != 0) {
                    zeros = false;
                    break;
                }
            }
            if (zeros && want > 0) {
                padding = want;
                c.bytes(PADDING, payloadEnd, padding);
                trailerReported -= padding;
                trailerCaptured -= padding;
            } else if (!zeros) {
                c.expert(PADDING_BAD, payloadEnd, 0, PADDING_BAD.text());
            }
        }
        boolean fcs = fcsLength == 4 || (fcsLength < 0 && reported >= 64 && trailerReported >= 4);
        if (fcs) {
            trailerReported -= 4;
            trailerCaptured = Math.min(trailerCaptured, trailerReported);
        }
        int trailerStart = payloadEnd + padding;
        if (trailerCaptured > 0) {
            c.bytes(trailerField, trailerStart, trailerCaptured);
        }
        if (fcs && c.has(trailerStart + trailerReported, 4)) {
            c.uint32(FCS, trailerStart + trailerReported);
        }
    }
}
