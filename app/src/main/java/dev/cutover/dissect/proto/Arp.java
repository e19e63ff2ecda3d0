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

/** ARP and RARP (EtherType 0x0806 and 0x8035 share one format and one dissector, as in Wireshark). */
public final class Arp {
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int REVERSE_REQUEST = 3;
    public static final int REVERSE_REPLY = 4;
    /** Hardware types (ARPHRD_) whose addresses are MACs. */
    public static final int HW_ETHERNET = 1;
    public static final int HW_EXPERIMENTAL_ETHERNET = 2;
    public static final int HW_IEEE802 = 6;
    /** ATM (RFC 2225): ATMARP, another layout, which Wireshark's ATMARP dissector takes and which is not arp. */
    public static final int HW_ATM_RFC2225 = 19;
    /** The protocol type AX.25 uses for IPv4, which Wireshark reads as IPv4 too. */
    public static final int AX25_P_IP = 0xcc;

    static final Map<Long, String> OPCODES = Map.ofEntries(
            Map.entry(0L, "reserved"), Map.entry(1L, "request"), Map.entry(2L, "reply"),
            Map.entry(3L, "reverse request"), Map.entry(4L, "reverse reply"),
            Map.entry(5L, "drarp request"), Map.entry(6L, "drarp reply"), Map.entry(7L, "drarp error"),
            Map.entry(8L, "inverse request"), Map.entry(9L, "inverse reply"), Map.entry(10L, "arp nak"),
            Map.entry(11L, "mars request"), Map.entry(12L, "mars multi"), Map.entry(13L, "mars mserv"),
            Map.entry(14L, "mars join"), Map.entry(15L, "mars leave"), Map.entry(16L, "mars nak"),
            Map.entry(17L, "mars unserv"), Map.entry(18L, "mars sjoin"), Map.entry(19L, "mars sleave"),
            Map.entry(20L, "mars grouplist request"), Map.entry(21L, "mars grouplist reply"),
            Map.entry(22L, "mars redirect map"), Map.entry(23L, "mapos unarp"),
            Map.entry(24L, "experimental 1"), Map.entry(25L, "experimental 2"), Map.entry(65535L, "reserved"));

    static final Map<Long, String> HARDWARE = Map.ofEntries(
            Map.entry(0L, "NET/ROM pseudo"), Map.entry(1L, "Ethernet"), Map.entry(2L, "Experimental Ethernet"),
            Map.entry(3L, "AX.25"), Map.entry(4L, "ProNET"), Map.entry(5L, "Chaos"), Map.entry(6L, "IEEE 802"),
            Map.entry(7L, "ARCNET"), Map.entry(8L, "Hyperchannel"), Map.entry(9L, "Lanstar"),
            Map.entry(11L, "LocalTalk"), Map.entry(15L, "Frame Relay DLCI"), Map.entry(16L, "ATM"),
            Map.entry(17L, "HDLC"), Map.entry(18L, "Fibre Channel"), Map.entry(19L, "ATM (RFC 2225)"),
            Map.entry(20L, "Serial Line"), Map.entry(24L, "IEEE 1394.1995"), Map.entry(27L, "EUI-64"),
            Map.entry(32L, "InfiniBand"));

    public static final Field ARP = Field.payload("arp", "Address Resolution Protocol", FieldType.PROTOCOL)
            .blurb("ARP and RARP").build();
    public static final Field HW_TYPE = Field.payload("arp.hw.type", "Hardware type", FieldType.UINT16).names(HARDWARE).build();
    public static final Field PROTO_TYPE = Field.payload("arp.proto.type", "Protocol type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field HW_SIZE = Field.payload("arp.hw.size", "Hardware size", FieldType.UINT8).build();
    public static final Field PROTO_SIZE = Field.payload("arp.proto.size", "Protocol size", FieldType.UINT8).build();
    public static final Field OPCODE = Field.payload("arp.opcode", "Opcode", FieldType.UINT16).names(OPCODES)
            .blurb("1 request, 2 reply, 3 reverse request (RARP), 4 reverse reply, ...").build();
    public static final Field IS_GRATUITOUS = Field.payload("arp.isgratuitous", "Is gratuitous", FieldType.BOOLEAN)
            .generated().blurb("A request or reply whose sender IP equals its target IP").build();
    public static final Field IS_PROBE = Field.payload("arp.isprobe", "Is probe", FieldType.BOOLEAN).generated()
            .blurb("A request from 0.0.0.0 with a zero target MAC (RFC 5227 probe)").build();
    public static final Field IS_ANNOUNCEMENT = Field.payload("arp.isannouncement", "Is announcement", FieldType.BOOLEAN)
            .generated().blurb("A gratuitous request with a zero target MAC (RFC 5227 announcement)").build();
    public static final Field SRC_HW = Field.payload("arp.src.hw", "Sender hardware address", FieldType.BYTES).build();
    public static final Field SRC_HW_MAC = Field.payload("arp.src.hw_mac", "Sender MAC address", FieldType.ETHER).build();
    public static final Field SRC_PROTO = Field.payload("arp.src.proto", "Sender protocol address", FieldType.BYTES).build();
    public static final Field SRC_PROTO_IPV4 = Field.payload("arp.src.proto_ipv4", "Sender IP address", FieldType.IPV4)
            .build();
    public static final Field DST_HW = Field.payload("arp.dst.hw", "Target hardware address", FieldType.BYTES).build();
    public static final Field DST_HW_MAC = Field.payload("arp.dst.hw_mac", "Target MAC address", FieldType.ETHER).build();
    public static final Field DST_PROTO = Field.payload("arp.dst.proto", "Target protocol address", FieldType.BYTES).build();
    public static final Field DST_PROTO_IPV4 = Field.payload("arp.dst.proto_ipv4", "Target IP address", FieldType.IPV4)
            .build();
    public static final Field DRARP_ERROR = Field.payload("arp.dst.drarp_error_status", "DRARP error status",
            FieldType.UINT16).build();
    public static final Field SRC_HW_VENDOR = Field.payload("arp.src.hw_mac_vendor", "Sender vendor", FieldType.STRING)
            .generated().blurb("The vendor of the sender MAC from its OUI").build();

    public static final Expert SENDER_MISMATCH = Expert.of(Field.Source.PAYLOAD, "arp.src.hw_mac_mismatch", Severity.WARNING, "Sequence",
            "Sender MAC address %s differs from the link-layer source %s");
    public static final Expert ATMARP_UNDECODED = Expert.of(Field.Source.PAYLOAD, "arp.atmarp_undecoded", Severity.NOTE, "Undecoded",
            "ATM ARP (RFC 2225, hardware type 19) is not decoded");
    public static final Expert UNUSUAL_SIZES = Expert.of(Field.Source.PAYLOAD, "arp.unusual_sizes", Severity.WARNING, "Malformed",
            "Unusual address sizes for %s");

    /**
     * Wireshark's duplicate address detection, a fact of the whole capture: the migration analysis produces it
     * ({@code frames.AnalysisFacts} writes it after the ARP node, where Wireshark shows it).
     */
    public static final Expert DUPLICATE_ADDRESS = Expert.of(Field.Source.ANALYSIS, "arp.duplicate-address-detected",
            Severity.WARNING, "Sequence", "Duplicate IP address configured (%s)");
    public static final Field DUPLICATE_ADDRESS_FRAME = Field.analysis("arp.duplicate-address-frame",
            "Frame showing earlier use of IP address", FieldType.FRAMENUM).generated()
            .blurb("The last earlier frame that gave the address the MAC first seen for it, where this frame gives "
                    + "it another (Wireshark's duplicate address detection)").build();
    public static final Field DUPLICATE_ADDRESS_SECONDS = Field.analysis("arp.seconds-since-duplicate-address-frame",
            "Seconds since earlier frame seen", FieldType.UINT32).generated()
            .blurb("Whole seconds from that earlier frame (arp.duplicate-address-frame) to this one").build();
    /**
     * The heading of a duplicate address report: shown, not filterable (a generated text item in Wireshark, so its
     * text carries the brackets; a generated node of no type would read as an expert info).
     */
    public static final Field DUPLICATE_ADDRESS_TEXT = Field.analysis("arp.duplicate-address.text", "",
            FieldType.NONE).build();

    public static final List<Field> FIELDS = List.of(ARP, HW_TYPE, PROTO_TYPE, HW_SIZE, PROTO_SIZE, OPCODE,
            IS_GRATUITOUS, IS_PROBE, IS_ANNOUNCEMENT, SRC_HW, SRC_HW_MAC, SRC_HW_VENDOR, SRC_PROTO, SRC_PROTO_IPV4,
            DST_HW, DST_HW_MAC, DST_PROTO, DST_PROTO_IPV4, DRARP_ERROR, SENDER_MISMATCH.field(), ATMARP_UNDECODED.field(),
            UNUSUAL_SIZES.field(), DUPLICATE_ADDRESS.field(), DUPLICATE_ADDRESS_FRAME, DUPLICATE_ADDRESS_SECONDS);

    private Arp() {
    }

    /**
     * True for the hardware type of ATMARP, which an ARP or RARP EtherType may carry but which is not decoded
     * as {@code arp} (as in Wireshark): the analysis's peek asks this too.
     */
    public static boolean isAtmArp(int hardwareType) {
        return hardwareType == HW_ATM_RFC2225;
    }

    static boolean hwIsEther(int hrd, int hln) {
        return (hrd == HW_ETHERNET || hrd == HW_EXPERIMENTAL_ETHERNET || hrd == HW_IEEE802) && hln == 6;
    }

    static boolean proIsIpv4(int pro, int pln) {
        return (pro == EtherTypes.IPV4 || pro == AX25_P_IP) && pln == 4;
    }

    /**
     * Decodes ARP/RARP at {@code o}. Returns where the ARP message ends by its own sizes (what follows is
     * padding or trailer), given the link-layer source MAC ({@code -1} when none) and whether it went to broadcast.
     */
    static int dissect(Cursor c, int o, long linkSource, boolean broadcast) {
        Dissection out = c.out();
        if (c.has(o, 2) && isAtmArp(c.u16(o))) {
            // ATM ARP has another layout; Wireshark hands it to its ATMARP dissector, which adds no arp
            // item, so the frame does not match the filter "arp". Say so and decode nothing.
            out.appendProtocol("arp");
            out.appendProtocol("atmarp");
            c.expert(ATMARP_UNDECODED, o, c.captured() - o, ATMARP_UNDECODED.text());
            out.setProtocolColumn("ATMARP");
            return -1;
        }
        int node = c.protocol(ARP, o, c.captured() - o);
        out.setProtocolColumn("ARP");
        int hrd = c.uint16(HW_TYPE, o);
        int pro = c.uint16(PROTO_TYPE, o + 2);
        int hln = c.uint8(HW_SIZE, o + 4);
        int pln = c.uint8(PROTO_SIZE, o + 5);
        int op = c.uint16(OPCODE, o + 6);
        int total = 8 + 2 * hln + 2 * pln;
        out.setLength(node, Math.min(total, c.captured() - o));
        out.setProtocolColumn(protocolColumn(op));

        int sha = o + 8;
        int spa = sha + hln;
        int tha = spa + pln;
        int tpa = tha + hln;
        int end = o + total;
        boolean ether = hwIsEther(hrd, hln);
        boolean ipv4 = proIsIpv4(pro, pln);

        if (unusualSizes(hrd, hln, pro, pln)) {
            c.expert(UNUSUAL_SIZES, o + 4, 2, String.format(UNUSUAL_SIZES.text(),
                    "hardware type " + hrd + " size " + hln + ", protocol 0x" + String.format("%04x", pro)
                            + " size " + pln));
        }
        // Wireshark reads every address for the Info column before it adds any, so a message cut short shows
        // its header and nothing after it.
        // The message names the first address that does not fit, as tshark's exception would.
        if (total > 8) {
            c.requireWithin(ether ? SRC_HW_MAC : SRC_HW, sha, hln, end);
            c.requireWithin(ipv4 ? SRC_PROTO_IPV4 : SRC_PROTO, spa, pln, end);
            c.requireWithin(ether ? DST_HW_MAC : DST_HW, tha, hln, end);
            c.requireWithin(ipv4 ? DST_PROTO_IPV4 : DST_PROTO, tpa, pln, end);
        }
        boolean gratuitous = false;
        boolean announcement = false;
        boolean probe = false;
        if (op == REQUEST || op == REPLY) {
            // Wireshark compares the whole addresses here, so a message cut short stops before any address.
            c.requireWithin(ipv4 ? DST_PROTO_IPV4 : DST_PROTO, tpa, pln, end);
            gratuitous = equal(c.data(), spa, tpa, pln);
            boolean zeroTarget = zeros(c, tha, 6, end);
            if (gratuitous) {
                announcement = op == REQUEST && zeroTarget;
            } else if (op == REQUEST && zeroTarget) {
                c.requireWithin(SRC_PROTO_IPV4, spa, 4, end);
                probe = c.u32(spa) == 0;
            }
        }
        if (gratuitous) {
            c.generated(IS_GRATUITOUS, 1);
        }
        if (probe) {
            c.generated(IS_PROBE, 1);
        }
        if (announcement) {
            c.generated(IS_ANNOUNCEMENT, 1);
        }
        if (hln != 0) {
            hardware(c, ether, SRC_HW_MAC, SRC_HW, sha, hln, end);
            if (ether) {
                String vendor = c.out().vendors().of(c.mac(sha));
                if (vendor != null) {
                    c.generatedText(SRC_HW_VENDOR, vendor);
                }
            }
        }
        if (pln != 0) {
            protocolAddress(c, ipv4, SRC_PROTO_IPV4, SRC_PROTO, spa, pln, end);
        }
        if (hln != 0) {
            hardware(c, ether, DST_HW_MAC, DST_HW, tha, hln, end);
        }
        if (pln != 0) {
            if (op == 7) {
                c.requireWithin(DRARP_ERROR, tpa, 1, end);
                out.add(DRARP_ERROR, tpa, 1, c.u8(tpa));
            } else {
                protocolAddress(c, ipv4, DST_PROTO_IPV4, DST_PROTO, tpa, pln, end);
            }
        }
        if (ether && linkSource >= 0 && c.mac(sha) != linkSource) {
            c.expert(SENDER_MISMATCH, sha, 6, String.format(SENDER_MISMATCH.text(),
                    Addresses.mac(c.mac(sha)), Addresses.mac(linkSource)));
        }
        Migration.check(c, o, linkSource, broadcast);
        info(c, op, hln, pln, ether, ipv4, sha, spa, tha, tpa, gratuitous, announcement, probe);
        out.close();
        return end;
    }

    private static boolean unusualSizes(int hrd, int hln, int pro, int pln) {
        return ((hrd == HW_ETHERNET || hrd == HW_IEEE802) && hln != 6) || (pro == EtherTypes.IPV4 && pln != 4);
    }

    private static void hardware(Cursor c, boolean ether, Field mac, Field raw, int offset, int hln, int end) {
        c.requireWithin(ether ? mac : raw, offset, hln, end);
        if (ether) {
            c.ether(mac, offset);
        } else {
            c.bytes(raw, offset, hln);
        }
    }

    private static void protocolAddress(Cursor c, boolean ipv4, Field ip, Field raw, int offset, int pln, int end) {
        c.requireWithin(ipv4 ? ip : raw, offset, pln, end);
        if (ipv4) {
            c.ipv4(ip, offset);
        } else {
            c.bytes(raw, offset, pln);
        }
    }

    private static boolean equal(byte[] d, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            if (d[a + i] != d[b + i]) {
                return false;
            }
        }
        return true;
    }

    /** Wireshark's tvb_memeql against six zero bytes: false, not an error, when the bytes are not there. */
    private static boolean zeros(Cursor c, int offset, int n, int end) {
        if (offset + n > end || !c.has(offset, n)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (c.data()[offset + i] != 0) {
                return false;
            }
        }
        return true;
    }

    static String protocolColumn(int op) {
        if (op == 3 || op == 4) {
            return "RARP";
        }
        if (op >= 5 && op <= 7) {
            return "DRARP";
        }
        if (op == 8 || op == 9) {
            return "Inverse ARP";
        }
        if (op >= 11 && op <= 22) {
            return "MARS";
        }
        if (op == 23) {
            return "MAPOS";
        }
        return "ARP";
    }

    private static void info(Cursor c, int op, int hln, int pln, boolean ether, boolean ipv4, int sha, int spa,
                             int tha, int tpa, boolean gratuitous, boolean announcement, boolean probe) {
        StringBuilder sb = c.out().info();
        sb.setLength(0);
        switch (op) {
            case REQUEST:
                if (gratuitous) {
                    sb.append(announcement ? "ARP Announcement for " : "Gratuitous ARP for ");
                    proto(sb, c, tpa, pln, ipv4);
                    if (!announcement) {
                        sb.append(" (Request)");
                    }
                } else if (probe) {
                    sb.append("Who has ");
                    proto(sb, c, tpa, pln, ipv4);
                    sb.append("? (ARP Probe)");
                } else {
                    sb.append("Who has ");
                    proto(sb, c, tpa, pln, ipv4);
                    sb.append("? Tell ");
                    proto(sb, c, spa, pln, ipv4);
                }
                break;
            case REPLY:
                if (gratuitous) {
                    sb.append("Gratuitous ARP for ");
                    proto(sb, c, spa, pln, ipv4);
                    sb.append(" (Reply)");
                } else {
                    proto(sb, c, spa, pln, ipv4);
                    sb.append(" is at ");
                    hw(sb, c, sha, hln, ether);
                }
                break;
            case 3:
            case 5:
            case 8:
                sb.append("Who is ");
                hw(sb, c, tha, hln, ether);
                sb.append("? Tell ");
                hw(sb, c, sha, hln, ether);
                break;
            case 4:
            case 6:
                hw(sb, c, tha, hln, ether);
                sb.append(" is at ");
                proto(sb, c, tpa, pln, ipv4);
                break;
            case 7:
                sb.append("DRARP Error");
                break;
            case 9:
                hw(sb, c, sha, hln, ether);
                sb.append(" is at ");
                proto(sb, c, spa, pln, ipv4);
                break;
            case 0:
            case 65535:
                sb.append("Reserved opcode ").append(op);
                break;
            default:
                String name = OPCODES.get((long) op);
                if (name != null) {
                    sb.append(Character.toUpperCase(name.charAt(0))).append(name.substring(1));
                } else {
                    sb.append("Unknown ARP opcode 0x").append(String.format("%04x", op));
                }
        }
    }

    private static void proto(StringBuilder sb, Cursor c, int offset, int pln, boolean ipv4) {
        if (pln == 0) {
            sb.append("<No address>");
        } else if (!c.has(offset, pln)) {
            sb.append('?');
        } else if (ipv4) {
            Addresses.appendIpv4(sb, c.u32(offset));
        } else {
            Addresses.appendBytesShort(sb, c.data(), offset, pln);
        }
    }

    private static void hw(StringBuilder sb, Cursor c, int offset, int hln, boolean ether) {
        if (hln == 0) {
            sb.append("<No address>");
        } else if (!c.has(offset, hln)) {
            sb.append('?');
        } else if (ether) {
            Addresses.appendMac(sb, c.mac(offset));
        } else {
            Addresses.appendBytesShort(sb, c.data(), offset, hln);
        }
    }
}
