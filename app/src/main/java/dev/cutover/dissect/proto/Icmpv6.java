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

/**
 * ICMPv6 (RFC 4443) as Wireshark's packet-icmpv6.c names it: neighbour discovery (RFC 4861) in full with its
 * options, echo, and MLDv2 reports (RFC 3810); the other messages are named (type, code, checksum) but their
 * bodies are not decoded, nor is the packet an error message quotes. The checksum is verified, as Wireshark
 * does. Wireshark's "(reply in N)" after an echo needs the other frame and is left out.
 */
public final class Icmpv6 {
    public static final int ECHO_REQUEST = 128;
    public static final int ECHO_REPLY = 129;
    public static final int MLD_QUERY = 130;
    public static final int ROUTER_SOLICITATION = 133;
    public static final int ROUTER_ADVERTISEMENT = 134;
    public static final int NEIGHBOR_SOLICITATION = 135;
    public static final int NEIGHBOR_ADVERTISEMENT = 136;
    public static final int MLDV2_REPORT = 143;

    static final Map<Long, String> TYPES = Map.ofEntries(
            Map.entry(1L, "Destination Unreachable"), Map.entry(2L, "Packet Too Big"), Map.entry(3L, "Time Exceeded"),
            Map.entry(4L, "Parameter Problem"), Map.entry(100L, "Private experimentation"),
            Map.entry(101L, "Private experimentation"),
            Map.entry(127L, "Reserved for expansion of ICMPv6 error messages"),
            Map.entry(128L, "Echo (ping) request"), Map.entry(129L, "Echo (ping) reply"),
            Map.entry(130L, "Multicast Listener Query"), Map.entry(131L, "Multicast Listener Report"),
            Map.entry(132L, "Multicast Listener Done"), Map.entry(133L, "Router Solicitation"),
            Map.entry(134L, "Router Advertisement"), Map.entry(135L, "Neighbor Solicitation"),
            Map.entry(136L, "Neighbor Advertisement"), Map.entry(137L, "Redirect"),
            Map.entry(138L, "Router Renumbering"), Map.entry(139L, "Node Information Query"),
            Map.entry(140L, "Node Information Reply"), Map.entry(141L, "Inverse Neighbor Discovery Solicitation"),
            Map.entry(142L, "Inverse Neighbor Discovery Advertisement"),
            Map.entry(143L, "Multicast Listener Report Message v2"),
            Map.entry(144L, "Home Agent Address Discovery Request"),
            Map.entry(145L, "Home Agent Address Discovery Reply"), Map.entry(146L, "Mobile Prefix Solicitation"),
            Map.entry(147L, "Mobile Prefix Advertisement"), Map.entry(148L, "Certification Path Solicitation"),
            Map.entry(149L, "Certification Path Advertisement"), Map.entry(150L, "Experimental Mobility"),
            Map.entry(151L, "Multicast Router Advertisement"), Map.entry(152L, "Multicast Router Solicitation"),
            Map.entry(153L, "Multicast Router Termination"), Map.entry(154L, "FMIPv6"),
            Map.entry(155L, "RPL Control"), Map.entry(156L, "Locator Update"),
            Map.entry(157L, "Duplicate Address Request"), Map.entry(158L, "Duplicate Address Confirmation"),
            Map.entry(159L, "MPL Control Message"), Map.entry(160L, "Extended Echo request"),
            Map.entry(161L, "Extended Echo reply"), Map.entry(200L, "Private experimentation"),
            Map.entry(201L, "Private experimentation"),
            Map.entry(255L, "Reserved for expansion of ICMPv6 informational messages"));
    private static final Map<Long, String> UNREACH = Map.of(0L, "no route to destination",
            1L, "Administratively prohibited", 2L, "Beyond scope of source address", 3L, "Address unreachable",
            4L, "Port unreachable", 5L, "Source address failed ingress/egress policy",
            6L, "Reject route to destination", 7L, "Error in Source Routing Header");
    private static final Map<Long, String> TIME_EXCEEDED = Map.of(0L, "hop limit exceeded in transit",
            1L, "fragment reassembly time exceeded");
    private static final Map<Long, String> PARAMETER = Map.of(0L, "erroneous header field encountered",
            1L, "unrecognized Next Header type encountered", 2L, "unrecognized IPv6 option encountered",
            3L, "IPv6 First Fragment has incomplete IPv6 Header Chain");
    static final Map<Long, String> OPTION_TYPES = Map.ofEntries(
            Map.entry(1L, "Source link-layer address"), Map.entry(2L, "Target link-layer address"),
            Map.entry(3L, "Prefix information"), Map.entry(4L, "Redirected header"), Map.entry(5L, "MTU"),
            Map.entry(6L, "NBMA Shortcut Limit Option"), Map.entry(7L, "Advertisement Interval"),
            Map.entry(8L, "Home Agent Information"), Map.entry(9L, "Source Address List"),
            Map.entry(10L, "Target Address List"), Map.entry(11L, "CGA"), Map.entry(12L, "RSA Signature"),
            Map.entry(13L, "Timestamp"), Map.entry(14L, "Nonce"), Map.entry(15L, "Trust Anchor"),
            Map.entry(16L, "Certificate"), Map.entry(17L, "IP Address/Prefix Option"),
            Map.entry(18L, "New Router Prefix Information"), Map.entry(19L, "Link-layer Address"),
            Map.entry(20L, "Neighbor Advertisement Acknowledgment"), Map.entry(23L, "MAP"),
            Map.entry(24L, "Route Information"), Map.entry(25L, "Recursive DNS Server"),
            Map.entry(26L, "RA Flags Extension"), Map.entry(27L, "Handover Key Request"),
            Map.entry(28L, "Handover Key Reply"), Map.entry(29L, "Handover Assist Information"),
            Map.entry(30L, "Mobile Node Identifier Option"), Map.entry(31L, "DNS Search List Option"),
            Map.entry(32L, "Proxy Signature (PS)"), Map.entry(33L, "Address Registration Option"),
            Map.entry(34L, "6LoWPAN Context Option"), Map.entry(35L, "Authoritative Border Router"),
            Map.entry(36L, "6LoWPAN Capability Indication Option"), Map.entry(37L, "DHCP Captive-Portal"),
            Map.entry(38L, "PREF64 Option"), Map.entry(138L, "CARD Request"), Map.entry(139L, "CARD Reply"),
            Map.entry(253L, "RFC3692-style Experiment 1"), Map.entry(254L, "RFC3692-style Experiment 2"));
    static final Map<Long, String> RECORD_TYPES = Map.of(1L, "Include", 2L, "Exclude", 3L, "Changed to include",
            4L, "Changed to exclude", 5L, "Allow new sources", 6L, "Block old sources");
    private static final Map<Long, String> STATUS_NAMES = Map.of(0L, "Bad", 1L, "Good", 2L, "Unverified");
    private static final Map<Long, String> SET = Map.of(0L, "Not set", 1L, "Set");

    public static final Field ICMPV6 = Field.payload("icmpv6", "Internet Control Message Protocol v6",
            FieldType.PROTOCOL).build();
    public static final Field TYPE = Field.payload("icmpv6.type", "Type", FieldType.UINT8).names(TYPES).build();
    public static final Field CODE = Field.payload("icmpv6.code", "Code", FieldType.UINT8)
            .blurb("Its meaning depends on the type").build();
    public static final Field CHECKSUM = Field.payload("icmpv6.checksum", "Checksum", FieldType.UINT16).hex()
            .blurb("Over the message and the IPv6 pseudo-header; verified").build();
    public static final Field CHECKSUM_STATUS = Field.payload("icmpv6.checksum.status", "Checksum Status",
            FieldType.UINT8).names(STATUS_NAMES).generated().build();
    public static final Field ECHO_ID = Field.payload("icmpv6.echo.identifier", "Identifier", FieldType.UINT16).hex()
            .build();
    public static final Field ECHO_SEQ = Field.payload("icmpv6.echo.sequence_number", "Sequence", FieldType.UINT16)
            .build();
    public static final Field RA_HOP_LIMIT = Field.payload("icmpv6.nd.ra.cur_hop_limit", "Cur hop limit",
            FieldType.UINT8).build();
    public static final Field RA_FLAG = Field.payload("icmpv6.nd.ra.flag", "Flags", FieldType.UINT8).hex().build();
    public static final Field RA_LIFETIME = Field.payload("icmpv6.nd.ra.router_lifetime", "Router lifetime (s)",
            FieldType.UINT16).build();
    public static final Field RA_REACHABLE = Field.payload("icmpv6.nd.ra.reachable_time", "Reachable time (ms)",
            FieldType.UINT32).build();
    public static final Field RA_RETRANS = Field.payload("icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)",
            FieldType.UINT32).build();
    public static final Field NS_TARGET = Field.payload("icmpv6.nd.ns.target_address", "Target Address",
            FieldType.IPV6).blurb("The IP address of the target of the solicitation").build();
    public static final Field NA_FLAG = Field.payload("icmpv6.nd.na.flag", "Flags", FieldType.UINT32).hex().build();
    public static final Field NA_R = Field.payload("icmpv6.nd.na.flag.r", "Router", FieldType.BOOLEAN)
            .mask(0x80000000L).names(SET).blurb("The sender is a router").build();
    public static final Field NA_S = Field.payload("icmpv6.nd.na.flag.s", "Solicited", FieldType.BOOLEAN)
            .mask(0x40000000L).names(SET).blurb("Sent in answer to a Neighbor Solicitation").build();
    public static final Field NA_O = Field.payload("icmpv6.nd.na.flag.o", "Override", FieldType.BOOLEAN)
            .mask(0x20000000L).names(SET).blurb("Replaces the cached link-layer address (a moved address)").build();
    public static final Field NA_RSV = Field.payload("icmpv6.nd.na.flag.rsv", "Reserved", FieldType.UINT32)
            .mask(0x1fffffffL).build();
    public static final Field NA_TARGET = Field.payload("icmpv6.nd.na.target_address", "Target Address",
            FieldType.IPV6).build();

    /** An option's subtree, a text item: its value is the heading ("ICMPv6 Option (MTU : 1500)"). */
    public static final Field OPT = Field.payload("icmpv6.opt", "ICMPv6 Option", FieldType.NONE).build();
    public static final Field OPT_TYPE = Field.payload("icmpv6.opt.type", "Type", FieldType.UINT8)
            .names(OPTION_TYPES).build();
    public static final Field OPT_LENGTH = Field.payload("icmpv6.opt.length", "Length", FieldType.UINT8)
            .blurb("The length of the option in units of 8 bytes, type and length included").build();
    public static final Field OPT_LINKADDR = Field.payload("icmpv6.opt.linkaddr", "Link-layer address",
            FieldType.ETHER).build();
    public static final Field OPT_SRC_LINKADDR = Field.payload("icmpv6.opt.src_linkaddr", "Source Link-layer address",
            FieldType.ETHER).hidden().build();
    public static final Field OPT_TARGET_LINKADDR = Field.payload("icmpv6.opt.target_linkaddr",
            "Target Link-layer address", FieldType.ETHER).hidden().build();
    public static final Field OPT_MTU = Field.payload("icmpv6.opt.mtu", "MTU", FieldType.UINT32).build();
    public static final Field OPT_PREFIX_LENGTH = Field.payload("icmpv6.opt.prefix.length", "Prefix Length",
            FieldType.UINT8).build();
    public static final Field OPT_PREFIX_FLAG = Field.payload("icmpv6.opt.prefix.flag", "Flag", FieldType.UINT8).hex()
            .build();
    public static final Field OPT_PREFIX_VALID = Field.payload("icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime",
            FieldType.UINT32).build();
    public static final Field OPT_PREFIX_PREFERRED = Field.payload("icmpv6.opt.prefix.preferred_lifetime",
            "Preferred Lifetime", FieldType.UINT32).build();
    public static final Field OPT_PREFIX = Field.payload("icmpv6.opt.prefix", "Prefix", FieldType.IPV6).build();

    public static final Field MLDR_RECORDS = Field.payload("icmpv6.mldr.nb_mcast_records",
            "Number of Multicast Address Records", FieldType.UINT16).build();
    /** A record's subtree, a text item like {@link #OPT}. */
    public static final Field MLDR_MAR = Field.payload("icmpv6.mldr.mar", "Multicast Address Record", FieldType.NONE)
            .build();
    public static final Field MLDR_RECORD_TYPE = Field.payload("icmpv6.mldr.mar.record_type", "Record Type",
            FieldType.UINT8).names(RECORD_TYPES).build();
    public static final Field MLDR_AUX_LEN = Field.payload("icmpv6.mldr.mar.aux_data_len", "Aux Data Len",
            FieldType.UINT8).build();
    public static final Field MLDR_SOURCES = Field.payload("icmpv6.mldr.mar.nb_sources", "Number of Sources",
            FieldType.UINT16).build();
    public static final Field MLDR_ADDRESS = Field.payload("icmpv6.mldr.mar.multicast_address", "Multicast Address",
            FieldType.IPV6).build();
    public static final Field MLDR_SOURCE = Field.payload("icmpv6.mldr.mar.source_address", "Source Address",
            FieldType.IPV6).build();

    public static final Expert BAD_CHECKSUM = Expert.of(Field.Source.PAYLOAD, "icmpv6.checksum_bad.expert",
            Severity.WARNING, "Checksum", "Bad checksum [should be %s]");
    public static final Expert ZERO_OPTION_LENGTH = Expert.of(Field.Source.PAYLOAD, "icmpv6.invalid_option_length",
            Severity.ERROR, "Malformed", "Invalid option length (Zero)");

    public static final List<Field> FIELDS = List.of(ICMPV6, TYPE, CODE, CHECKSUM, CHECKSUM_STATUS, ECHO_ID, ECHO_SEQ,
            RA_HOP_LIMIT, RA_FLAG, RA_LIFETIME, RA_REACHABLE, RA_RETRANS, NS_TARGET, NA_FLAG, NA_R, NA_S, NA_O,
            NA_RSV, NA_TARGET, OPT, OPT_TYPE, OPT_LENGTH, OPT_LINKADDR, OPT_SRC_LINKADDR, OPT_TARGET_LINKADDR, OPT_MTU,
            OPT_PREFIX_LENGTH, OPT_PREFIX_FLAG, OPT_PREFIX_VALID, OPT_PREFIX_PREFERRED, OPT_PREFIX, MLDR_RECORDS,
            MLDR_MAR, MLDR_RECORD_TYPE, MLDR_AUX_LEN, MLDR_SOURCES, MLDR_ADDRESS, MLDR_SOURCE,
            BAD_CHECKSUM.field(), ZERO_OPTION_LENGTH.field());

    private Icmpv6() {
    }

    /** The code's name as Wireshark's Info column appends it, or null when the type appends none. */
    public static String codeName(int type, int code) {
        switch (type) {
            case 1:
                return UNREACH.getOrDefault((long) code, "Unknown");
            case 3:
                return TIME_EXCEEDED.getOrDefault((long) code, "Unknown (" + code + ")");
            case 4:
                return PARAMETER.getOrDefault((long) code, "Unknown (" + code + ")");
            case 160:
                return code == 0 ? "No error" : null;
            default:
                return null;
        }
    }

    /**
     * Decodes the message at {@code o}, which the IPv6 payload ends at {@code end}; {@code ip} is the IPv6
     * header's offset (its addresses are the checksum's pseudo-header, its hop limit is in the echo's Info).
     */
    static void dissect(Cursor c, int o, int end, int ip) {
        Dissection out = c.out();
        out.setProtocolColumn("ICMPv6");
        StringBuilder info = out.info();
        info.setLength(0);
        c.protocol(ICMPV6, o, end - o);
        int type = c.uint8(TYPE, o);
        String name = TYPES.get((long) type);
        info.append(name != null ? name : "Unknown (" + type + ")");
        int code = c.uint8(CODE, o + 1);
        String codeName = codeName(type, code);
        if (codeName != null) {
            info.append(" (").append(codeName).append(')');
        }
        checksum(c, o, end, ip);
        switch (type) {
            case ECHO_REQUEST:
            case ECHO_REPLY:
                echo(c, o, end, ip);
                break;
            case ROUTER_SOLICITATION:
                options(c, o + 8, end);
                break;
            case ROUTER_ADVERTISEMENT:
                c.uint8(RA_HOP_LIMIT, o + 4);
                c.uint8(RA_FLAG, o + 5);
                c.uint16(RA_LIFETIME, o + 6);
                c.uint32(RA_REACHABLE, o + 8);
                c.uint32(RA_RETRANS, o + 12);
                options(c, o + 16, end);
                break;
            case NEIGHBOR_SOLICITATION:
                c.bytes(NS_TARGET, o + 8, 16);
                info.append(" for ").append(Addresses.ipv6(c.data(), o + 8));
                options(c, o + 24, end);
                break;
            case NEIGHBOR_ADVERTISEMENT:
                neighborAdvertisement(c, o, end);
                break;
            case MLDV2_REPORT:
                mldv2Report(c, o, end);
                break;
            default:
                break;
        }
        out.close();
    }

    private static void checksum(Cursor c, int o, int end, int ip) {
        Dissection out = c.out();
        int stated = c.uint16(CHECKSUM, o + 2);
        if (end > c.captured()) {
            // Part of the message was not captured: Wireshark leaves the checksum unverified.
            out.add(CHECKSUM_STATUS, 0, 0, 2);
            return;
        }
        int computed = computeChecksum(c.data(), ip, o, end);
        boolean good = computed == stated;
        out.add(CHECKSUM_STATUS, 0, 0, good ? 1 : 0);
        if (!good) {
            c.expert(BAD_CHECKSUM, o + 2, 2, String.format(BAD_CHECKSUM.text(), String.format("0x%04x", computed)));
        }
    }

    /** The checksum the message should carry: RFC 4443's sum over the pseudo-header and the message with 0 in its place. */
    static int computeChecksum(byte[] data, int ip, int o, int end) {
        long sum = 0;
        for (int i = ip + 8; i < ip + 40; i += 2) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        }
        int length = end - o;
        sum += (length >>> 16) + (length & 0xffff) + Ip.PROTO_ICMPV6;
        for (int i = o; i < end; i += 2) {
            if (i == o + 2) {
                continue;
            }
            sum += ((data[i] & 0xff) << 8) | (i + 1 < end ? data[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static void echo(Cursor c, int o, int end, int ip) {
        Dissection out = c.out();
        int id = c.uint16(ECHO_ID, o + 4);
        int seq = c.uint16(ECHO_SEQ, o + 6);
        out.info().append(String.format(" id=0x%04x, seq=%d, hop limit=%d", id, seq, c.u8(ip + 7)));
        int data = o + 8;
        int shown = Math.min(end, c.captured()) - data;
        if (shown > 0) {
            c.protocol(Icmp.DATA, data, shown);
            c.bytes(Icmp.DATA_DATA, data, shown);
            out.add(Icmp.DATA_LEN, 0, 0, end - data);
            out.close();
        }
    }

    private static void neighborAdvertisement(Cursor c, int o, int end) {
        Dissection out = c.out();
        long flags = c.uint32(NA_FLAG, o + 4);
        out.open(out.size() - 1);
        c.bits(NA_R, o + 4, 4);
        c.bits(NA_S, o + 4, 4);
        c.bits(NA_O, o + 4, 4);
        c.bits(NA_RSV, o + 4, 4);
        out.close();
        c.bytes(NA_TARGET, o + 8, 16);
        StringBuilder info = out.info();
        info.append(' ').append(Addresses.ipv6(c.data(), o + 8)).append(" (");
        int mark = info.length();
        if ((flags & 0x80000000L) != 0) {
            info.append("rtr, ");
        }
        if ((flags & 0x40000000L) != 0) {
            info.append("sol, ");
        }
        if ((flags & 0x20000000L) != 0) {
            info.append("ovr, ");
        }
        if (info.length() == mark) {
            info.append("none");
        } else {
            info.setLength(info.length() - 2);
        }
        info.append(')');
        options(c, o + 24, end);
    }

    /** The flag names of an advertisement's flags word, as the details tree shows them ("Override"). */
    public static String naFlagNames(long flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & 0x80000000L) != 0) {
            sb.append("Router, ");
        }
        if ((flags & 0x40000000L) != 0) {
            sb.append("Solicited, ");
        }
        if ((flags & 0x20000000L) != 0) {
            sb.append("Override, ");
        }
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 2);
    }

    /** Neighbour discovery options from {@code o} to the message's end; one of length 0 ends the walk. */
    private static void options(Cursor c, int o, int end) {
        Dissection out = c.out();
        int p = o;
        while (p < end && p < c.reported()) {
            c.require(OPT_TYPE, p, 1);
            int type = c.u8(p);
            String typeName = OPTION_TYPES.getOrDefault((long) type, "Unknown");
            int length = c.has(p + 1, 1) ? c.u8(p + 1) * 8 : -1;
            int heading = out.addObject(OPT, p, Math.max(0, Math.min(length < 0 ? 1 : Math.max(length, 2),
                    c.captured() - p)), "ICMPv6 Option (" + typeName);
            out.open(heading);
            c.uint8(OPT_TYPE, p);
            c.uint8(OPT_LENGTH, p + 1);
            if (length == 0) {
                out.markMalformed();
                c.expert(ZERO_OPTION_LENGTH, p + 1, 1, ZERO_OPTION_LENGTH.text());
                out.close();
                return;
            }
            String detail = option(c, type, p, length, end);
            out.setObject(heading, "ICMPv6 Option (" + typeName + (detail != null ? " : " + detail : "") + ")");
            out.close();
            p += length;
        }
    }

    /** Decodes one option's body; returns what its heading adds after the type name, or null. */
    private static String option(Cursor c, int type, int p, int length, int end) {
        Dissection out = c.out();
        if (type == 1 || type == 2) {
            c.requireWithin(OPT_LINKADDR, p + 2, length - 2, end);
            if (length - 2 != 6) {
                return null;
            }
            long mac = c.ether(OPT_LINKADDR, p + 2);
            out.add(type == 1 ? OPT_SRC_LINKADDR : OPT_TARGET_LINKADDR, p + 2, 6, mac);
            String text = Addresses.mac(mac);
            out.info().append(type == 1 ? " from " : " is at ").append(text);
            return text;
        }
        if (type == 3 && length == 32) {
            c.requireWithin(OPT_PREFIX, p + 2, 30, end);
            int prefixLength = c.uint8(OPT_PREFIX_LENGTH, p + 2);
            c.uint8(OPT_PREFIX_FLAG, p + 3);
            c.uint32(OPT_PREFIX_VALID, p + 4);
            c.uint32(OPT_PREFIX_PREFERRED, p + 8);
            c.bytes(OPT_PREFIX, p + 16, 16);
            return Addresses.ipv6(c.data(), p + 16) + "/" + prefixLength;
        }
        if (type == 5 && length == 8) {
            c.requireWithin(OPT_MTU, p + 4, 4, end);
            return Long.toString(c.uint32(OPT_MTU, p + 4));
        }
        c.requireWithin(OPT_TYPE, p + 2, length - 2, end);
        return null;
    }

    private static void mldv2Report(Cursor c, int o, int end) {
        Dissection out = c.out();
        int records = c.uint16(MLDR_RECORDS, o + 6);
        int p = o + 8;
        for (int i = 0; i < records; i++) {
            c.require(MLDR_RECORD_TYPE, p, 4);
            int type = c.u8(p);
            int aux = c.u8(p + 1) * 4;
            int sources = c.u16(p + 2);
            int length = 20 + sources * 16 + aux;
            int heading = out.addObject(MLDR_MAR, p, Math.max(0, Math.min(length, c.captured() - p)),
                    "Multicast Address Record");
            out.open(heading);
            c.uint8(MLDR_RECORD_TYPE, p);
            c.uint8(MLDR_AUX_LEN, p + 1);
            c.uint16(MLDR_SOURCES, p + 2);
            c.bytes(MLDR_ADDRESS, p + 4, 16);
            out.setObject(heading, "Multicast Address Record " + RECORD_TYPES.getOrDefault((long) type, "Unknown")
                    + ": " + Addresses.ipv6(c.data(), p + 4));
            for (int s = 0; s < sources; s++) {
                c.bytes(MLDR_SOURCE, p + 20 + s * 16, 16);
            }
            out.close();
            p += length;
        }
    }
}
