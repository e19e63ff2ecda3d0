package dev.cutover.dissect.proto;

import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Expert;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.Severity;

import java.util.List;
import java.util.Map;

/**
 * ICMP for IPv4 (RFC 792) as Wireshark's packet-icmp.c names it. The dissector keeps no state between frames: the
 * pairing of echo requests and replies (icmp.resp_in, icmp.resp_to, icmp.resptime, icmp.no_resp and the "(reply
 * in N)" Info tail) is the cross-frame traffic analysis's, declared here with the {@link Field.Source#TRAFFIC}
 * source.
 */
public final class Icmp {
    public static final int ECHO_REPLY = 0;
    public static final int UNREACHABLE = 3;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;

    static final Map<Long, String> TYPES = Map.ofEntries(
            Map.entry(0L, "Echo (ping) reply"), Map.entry(1L, "Reserved"), Map.entry(2L, "Reserved"),
            Map.entry(3L, "Destination unreachable"), Map.entry(4L, "Source quench (flow control)"),
            Map.entry(5L, "Redirect"), Map.entry(6L, "Alternate host address"), Map.entry(8L, "Echo (ping) request"),
            Map.entry(9L, "Router advertisement"), Map.entry(10L, "Router solicitation"),
            Map.entry(11L, "Time-to-live exceeded"), Map.entry(12L, "Parameter problem"),
            Map.entry(13L, "Timestamp request"), Map.entry(14L, "Timestamp reply"),
            Map.entry(15L, "Information request"), Map.entry(16L, "Information reply"),
            Map.entry(17L, "Address mask request"), Map.entry(18L, "Address mask reply"),
            Map.entry(19L, "Reserved (for security)"), Map.entry(30L, "Traceroute"),
            Map.entry(31L, "Datagram Conversion Error"), Map.entry(32L, "Mobile Host Redirect"),
            Map.entry(33L, "IPv6 Where-Are-You"), Map.entry(34L, "IPv6 I-Am-Here"),
            Map.entry(35L, "Mobile Registration Request"), Map.entry(36L, "Mobile Registration Reply"),
            Map.entry(37L, "Domain Name Request"), Map.entry(38L, "Domain Name Reply"), Map.entry(39L, "SKIP"),
            Map.entry(40L, "Photuris"), Map.entry(41L, "Experimental mobility protocols"),
            Map.entry(42L, "Extended Echo request"), Map.entry(43L, "Extended Echo reply"));
    private static final Map<Long, String> UNREACH = Map.ofEntries(
            Map.entry(0L, "Network unreachable"), Map.entry(1L, "Host unreachable"),
            Map.entry(2L, "Protocol unreachable"), Map.entry(3L, "Port unreachable"),
            Map.entry(4L, "Fragmentation needed"), Map.entry(5L, "Source route failed"),
            Map.entry(6L, "Destination network unknown"), Map.entry(7L, "Destination host unknown"),
            Map.entry(8L, "Source host isolated"), Map.entry(9L, "Network administratively prohibited"),
            Map.entry(10L, "Host administratively prohibited"), Map.entry(11L, "Network unreachable for TOS"),
            Map.entry(12L, "Host unreachable for TOS"), Map.entry(13L, "Communication administratively filtered"),
            Map.entry(14L, "Host precedence violation"), Map.entry(15L, "Precedence cutoff in effect"));
    private static final Map<Long, String> REDIRECTS = Map.of(0L, "Redirect for network", 1L, "Redirect for host",
            2L, "Redirect for TOS and network", 3L, "Redirect for TOS and host");
    private static final Map<Long, String> ALT_HOST = Map.of(0L, "Alternate address for host");
    private static final Map<Long, String> ROUTER_ADVERT = Map.of(0L, "Normal router advertisement",
            16L, "Does not route common traffic");
    private static final Map<Long, String> TTL = Map.of(0L, "Time to live exceeded in transit",
            1L, "Fragment reassembly time exceeded");
    private static final Map<Long, String> PARAMETER = Map.of(0L, "Pointer indicates the error",
            1L, "Required option missing", 2L, "Bad length");
    private static final Map<Long, String> PHOTURIS = Map.of(0L, "Bad SPI", 1L, "Authentication Failed",
            2L, "Decompression Failed", 3L, "Decryption Failed", 4L, "Need Authentication", 5L, "Need Authorization");

    public static final Field ICMP = Field.payload("icmp", "Internet Control Message Protocol", FieldType.PROTOCOL).build();
    public static final Field TYPE = Field.payload("icmp.type", "Type", FieldType.UINT8).names(TYPES).build();
    public static final Field CODE = Field.payload("icmp.code", "Code", FieldType.UINT8)
            .blurb("Its meaning depends on the type (for type 3, 3 is Port unreachable)").build();
    public static final Field CHECKSUM = Field.payload("icmp.checksum", "Checksum", FieldType.UINT16).hex()
            .blurb("Checksum (not verified)").build();
    public static final Field IDENT = Field.payload("icmp.ident", "Identifier (BE)", FieldType.UINT16).build();
    public static final Field IDENT_LE = Field.payload("icmp.ident_le", "Identifier (LE)", FieldType.UINT16).build();
    public static final Field SEQ = Field.payload("icmp.seq", "Sequence Number (BE)", FieldType.UINT16).build();
    public static final Field SEQ_LE = Field.payload("icmp.seq_le", "Sequence Number (LE)", FieldType.UINT16).build();
    public static final Field REDIR_GW = Field.payload("icmp.redir_gw", "Gateway Address", FieldType.IPV4).build();
    public static final Field MTU = Field.payload("icmp.mtu", "MTU of next hop", FieldType.UINT16).build();

    public static final Field DATA = Field.payload("data", "Data", FieldType.PROTOCOL).blurb("Bytes not decoded further")
            .build();
    public static final Field DATA_DATA = Field.payload("data.data", "Data", FieldType.BYTES).build();
    public static final Field DATA_LEN = Field.payload("data.len", "Length", FieldType.UINT32).generated().build();

    public static final Field RESP_IN = Field.traffic("icmp.resp_in", "Response frame", FieldType.FRAMENUM)
            .generated().blurb("The frame number of this echo request's reply").build();
    public static final Field RESP_TO = Field.traffic("icmp.resp_to", "Request frame", FieldType.FRAMENUM)
            .generated().blurb("The frame number of the echo request this reply answers").build();
    public static final Field RESPTIME = Field.traffic("icmp.resptime", "Response time", FieldType.DOUBLE)
            .generated().blurb("The time between the request and the response, in ms").build();
    public static final Field NO_RESP = Field.traffic("icmp.no_resp", "No response seen", FieldType.NONE)
            .generated().blurb("No reply to this echo request was seen in the capture").build();

    /** Under {@link #NO_RESP}, as Wireshark warns of an echo request nobody answered. */
    public static final Expert RESP_NOT_FOUND = Expert.of(Field.Source.TRAFFIC, "icmp.resp_not_found",
            Severity.WARNING, "Sequence", "No response seen to ICMP request");

    public static final List<Field> FIELDS = List.of(ICMP, TYPE, CODE, CHECKSUM, IDENT, IDENT_LE, SEQ, SEQ_LE,
            REDIR_GW, MTU, DATA, DATA_DATA, DATA_LEN, RESP_IN, RESP_TO, RESPTIME, NO_RESP, RESP_NOT_FOUND.field());

    private Icmp() {
    }

    /** The name of a code within its type, as Wireshark's Info column shows it, or null when the type has none. */
    public static String codeName(int type, int code) {
        Map<Long, String> names;
        switch (type) {
            case UNREACHABLE: names = UNREACH; break;
            case REDIRECT: names = REDIRECTS; break;
            case 6: names = ALT_HOST; break;
            case 9: names = ROUTER_ADVERT; break;
            case 11: names = TTL; break;
            case 12: names = PARAMETER; break;
            case 40: names = PHOTURIS; break;
            default: return null;
        }
        String name = names.get((long) code);
        return name != null ? name : "Unknown code: " + code;
    }

    /**
     * The start of the datagram an error message quotes: its IPv4 header and the first bytes of its TCP or UDP
     * header, as Wireshark shows them (ports and addresses become filterable), without touching the columns.
     */
    private static void quoted(Cursor c, int o, int end) {
        if (o + 20 > end || !c.has(o, 20) || (c.u8(o) >>> 4) != 4) {
            return;
        }
        int headerLength = Network.ipv4Header(c, o);
        if (headerLength < 0) {
            return;
        }
        Dissection out = c.out();
        int proto = c.u8(o + 9);
        int p = o + headerLength;
        if (proto == 6 && c.has(p, 4) && p + 4 <= end) {
            // Wireshark reads only the eight bytes an error must quote (ports and sequence number).
            c.protocol(Tcp.TCP, p, Math.min(8, Math.min(end, c.captured()) - p));
            out.add(Tcp.PORT, p, 2, c.uint16(Tcp.SRCPORT, p));
            out.add(Tcp.PORT, p + 2, 2, c.uint16(Tcp.DSTPORT, p + 2));
            if (c.has(p + 4, 4) && p + 8 <= end) {
                c.uint32(Tcp.SEQ, p + 4);
            }
            out.close();
        } else if (proto == 17 && c.has(p, 8) && p + 8 <= end) {
            c.protocol(Udp.UDP, p, 8);
            out.add(Udp.PORT, p, 2, c.uint16(Udp.SRCPORT, p));
            out.add(Udp.PORT, p + 2, 2, c.uint16(Udp.DSTPORT, p + 2));
            c.uint16(Udp.LENGTH, p + 4);
            c.uint16(Udp.CHECKSUM, p + 6);
            out.close();
        }
    }

    /** Decodes the message at {@code o} up to {@code end}; {@code ttl} is the IPv4 header's, for the Info column. */
    static void dissect(Cursor c, int o, int end, int ttl) {
        Dissection out = c.out();
        c.protocol(ICMP, o, end - o);
        StringBuilder info = out.info();
        info.setLength(0);
        int type = c.uint8(TYPE, o);
        int code = c.uint8(CODE, o + 1);
        String typeName = TYPES.get((long) type);
        if (type == 9 && (code == 0 || code == 16)) {
            typeName = "Mobile IP Advertisement";
        }
        info.append(typeName != null ? typeName : "Unknown ICMP (obsolete or malformed?)");
        while (info.length() < 20) {
            info.append(' ');
        }
        String codeName = codeName(type, code);
        if (codeName != null) {
            info.append(" (").append(codeName).append(')');
        }
        c.uint16(CHECKSUM, o + 2);
        int data = o + 4;
        if (type == ECHO_REPLY || type == ECHO_REQUEST || (type >= 13 && type <= 18)) {
            c.require(IDENT, o + 4, 4);
            int ident = c.uint16(IDENT, o + 4);
            out.add(IDENT_LE, o + 4, 2, Integer.reverseBytes(ident) >>> 16);
            int seq = c.uint16(SEQ, o + 6);
            int seqLe = Integer.reverseBytes(seq) >>> 16;
            out.add(SEQ_LE, o + 6, 2, seqLe);
            info.append(" id=0x");
            String hex = Integer.toHexString(ident);
            for (int i = hex.length(); i < 4; i++) {
                info.append('0');
            }
            info.append(hex).append(", seq=").append(seq).append('/').append(seqLe);
            if (ttl >= 0) {
                info.append(", ttl=").append(ttl);
            }
            data = o + 8;
        } else if (type == REDIRECT) {
            c.ipv4(REDIR_GW, o + 4);
            data = o + 8;
        } else if (type == UNREACHABLE && code == 4) {
            c.require(MTU, o + 4, 4);
            c.uint16(MTU, o + 6);
            data = o + 8;
        }
        if (type == UNREACHABLE || type == 4 || type == REDIRECT || type == 11 || type == 12) {
            quoted(c, o + 8, end);
        }
        int shown = Math.min(end, c.captured()) - data;
        if (shown > 0 && (type == ECHO_REPLY || type == ECHO_REQUEST)) {
            c.protocol(DATA, data, shown);
            c.bytes(DATA_DATA, data, shown);
            out.add(DATA_LEN, 0, 0, end - data);
            out.close();
        }
        out.close();
    }
}
