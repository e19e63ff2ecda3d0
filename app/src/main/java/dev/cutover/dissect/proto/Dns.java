package dev.cutover.dissect.proto;

import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Expert;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.Severity;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS (UDP 53), and what Wireshark decodes with the same dissector under other names: mDNS (UDP 5353) and
 * LLMNR (UDP 5355). Names follow compression pointers a bounded number of times, so a pointer that loops or
 * points outside the message is an expert info, never a hang.
 */
public final class Dns {
    public static final int PORT = 53;
    public static final int MDNS_PORT = 5353;
    public static final int LLMNR_PORT = 5355;

    /** Pointers and labels followed for one name at most: a name of 255 bytes has at most 127 labels. */
    private static final int MAX_NAME_STEPS = 128;
    private static final int MAX_NAME_CHARS = 1024;
    static final int OPT = 41;

    private static final String[][] TYPE_TABLE = {
        {"1", "A", "A (Host Address)"}, {"2", "NS", "NS (authoritative Name Server)"},
        {"3", "MD", "MD (Mail Destination)"}, {"4", "MF", "MF (Mail Forwarder)"},
        {"5", "CNAME", "CNAME (Canonical NAME for an alias)"}, {"6", "SOA", "SOA (Start Of a zone of Authority)"},
        {"7", "MB", "MB (MailBox domain name)"}, {"8", "MG", "MG (Mail Group member)"},
        {"9", "MR", "MR (Mail Rename domain name)"}, {"10", "NULL", "NULL (RR)"},
        {"11", "WKS", "WKS (Well Known Service)"}, {"12", "PTR", "PTR (domain name PoinTeR)"},
        {"13", "HINFO", "HINFO (host information)"}, {"14", "MINFO", "MINFO (Mailbox or mail list information)"},
        {"15", "MX", "MX (Mail eXchange)"}, {"16", "TXT", "TXT (Text strings)"},
        {"17", "RP", "RP (Responsible Person)"}, {"18", "AFSDB", "AFSDB (AFS Data Base location)"},
        {"24", "SIG", "SIG (security signature)"}, {"25", "KEY", "KEY (security key)"},
        {"28", "AAAA", "AAAA (IPv6 Address)"}, {"29", "LOC", "LOC (Location Information)"},
        {"33", "SRV", "SRV (Server Selection)"}, {"35", "NAPTR", "NAPTR (Naming Authority PoinTeR)"},
        {"39", "DNAME", "DNAME"}, {"41", "OPT", "OPT"}, {"43", "DS", "DS"}, {"44", "SSHFP", "SSHFP"},
        {"46", "RRSIG", "RRSIG"}, {"47", "NSEC", "NSEC"}, {"48", "DNSKEY", "DNSKEY"}, {"50", "NSEC3", "NSEC3"},
        {"51", "NSEC3PARAM", "NSEC3PARAM"}, {"52", "TLSA", "TLSA"}, {"64", "SVCB", "SVCB"},
        {"65", "HTTPS", "HTTPS"}, {"99", "SPF", "SPF"}, {"250", "TSIG", "TSIG"},
        {"251", "IXFR", "IXFR (Incremental transfer)"}, {"252", "AXFR", "AXFR (transfer of an entire zone)"},
        {"255", "ANY", "* (A request for all records the server/cache has available)"}, {"256", "URI", "URI"},
        {"257", "CAA", "CAA"}};
    private static final Map<Long, String> TYPE_NAMES = new HashMap<>();
    private static final Map<Long, String> TYPE_DESCRIPTIONS = new HashMap<>();

    static {
        for (String[] row : TYPE_TABLE) {
            TYPE_NAMES.put(Long.valueOf(row[0]), row[1]);
            TYPE_DESCRIPTIONS.put(Long.valueOf(row[0]), row[2]);
        }
    }

    private static final Map<Long, String> CLASSES = Map.of(1L, "IN", 3L, "CH", 4L, "HS", 254L, "NONE", 255L, "ANY");
    static final Map<Long, String> OPCODES = Map.of(0L, "Standard query", 1L, "Inverse query",
            2L, "Server status request", 4L, "Zone change notification", 5L, "Dynamic update",
            6L, "DNS Stateful operations (DSO)");
    static final Map<Long, String> RCODES = Map.ofEntries(Map.entry(0L, "No error"), Map.entry(1L, "Format error"),
            Map.entry(2L, "Server failure"), Map.entry(3L, "No such name"), Map.entry(4L, "Not implemented"),
            Map.entry(5L, "Refused"), Map.entry(6L, "Name exists"), Map.entry(7L, "RRset exists"),
            Map.entry(8L, "RRset does not exist"), Map.entry(9L, "Not authoritative"),
            Map.entry(10L, "Name out of zone"), Map.entry(11L, "DSO-Type not implemented"));

    public static final Field DNS = Field.payload("dns", "Domain Name System", FieldType.PROTOCOL).build();
    public static final Field MDNS = Field.payload("mdns", "Multicast Domain Name System", FieldType.PROTOCOL)
            .blurb("mDNS (UDP 5353), decoded as DNS").build();
    public static final Field LLMNR = Field.payload("llmnr", "Link-local Multicast Name Resolution", FieldType.PROTOCOL)
            .blurb("LLMNR (UDP 5355), decoded as DNS").build();
    public static final Field ID = Field.payload("dns.id", "Transaction ID", FieldType.UINT16).hex().build();
    public static final Field FLAGS = Field.payload("dns.flags", "Flags", FieldType.UINT16).hex().build();
    public static final Field RESPONSE = bit("dns.flags.response", "Response", 0x8000, "Message is a query",
            "Message is a response");
    public static final Field OPCODE = Field.payload("dns.flags.opcode", "Opcode", FieldType.UINT16).mask(0x7800)
            .names(OPCODES).blurb("Operation code: 0 standard query").build();
    public static final Field AUTHORITATIVE = bit("dns.flags.authoritative", "Authoritative", 0x0400,
            "Server is not an authority for domain", "Server is an authority for domain");
    public static final Field CONFLICT = bit("dns.flags.conflict", "Conflict", 0x0400, "None",
            "The name is not considered unique");
    public static final Field TRUNCATED = bit("dns.flags.truncated", "Truncated", 0x0200,
            "Message is not truncated", "Message is truncated");
    public static final Field RECDESIRED = bit("dns.flags.recdesired", "Recursion desired", 0x0100,
            "Don't do query recursively", "Do query recursively");
    public static final Field TENTATIVE = bit("dns.flags.tentative", "Tentative", 0x0100, "Not tentative",
            "Tentative");
    public static final Field RECAVAIL = bit("dns.flags.recavail", "Recursion available", 0x0080,
            "Server can't do recursive queries", "Server can do recursive queries");
    public static final Field Z = bit("dns.flags.z", "Z", 0x0040, "reserved (0)", "reserved (1)");
    public static final Field AUTHENTICATED = bit("dns.flags.authenticated", "Answer authenticated", 0x0020,
            "Answer/authority portion was not authenticated by the server",
            "Answer/authority portion was authenticated by the server");
    public static final Field CHECKDISABLE = bit("dns.flags.checkdisable", "Non-authenticated data", 0x0010,
            "Unacceptable", "Acceptable");
    public static final Field RCODE = Field.payload("dns.flags.rcode", "Reply code", FieldType.UINT16).mask(0x000f)
            .names(RCODES).build();
    public static final Field COUNT_QUERIES = Field.payload("dns.count.queries", "Questions", FieldType.UINT16).build();
    public static final Field COUNT_ANSWERS = Field.payload("dns.count.answers", "Answer RRs", FieldType.UINT16).build();
    public static final Field COUNT_AUTH = Field.payload("dns.count.auth_rr", "Authority RRs", FieldType.UINT16).build();
    public static final Field COUNT_ADD = Field.payload("dns.count.add_rr", "Additional RRs", FieldType.UINT16).build();
    /** Headings of the tree ("Queries", "www.example.com: type A, class IN"): shown, not filterable. */
    static final Field TEXT = Field.payload("dns.text", "", FieldType.NONE).build();
    public static final Field QRY_NAME = Field.payload("dns.qry.name", "Name", FieldType.STRING).build();
    public static final Field QRY_NAME_LEN = Field.payload("dns.qry.name.len", "Name Length", FieldType.UINT16)
            .generated().build();
    public static final Field COUNT_LABELS = Field.payload("dns.count.labels", "Label Count", FieldType.UINT16)
            .generated().build();
    public static final Field QRY_TYPE = Field.payload("dns.qry.type", "Type", FieldType.UINT16).names(TYPE_DESCRIPTIONS)
            .build();
    public static final Field QRY_CLASS = Field.payload("dns.qry.class", "Class", FieldType.UINT16).hex().names(CLASSES)
            .build();
    public static final Field QRY_QU = bit("dns.qry.qu", "\"QU\" question", 0x8000, "False", "True");
    public static final Field RESP_NAME = Field.payload("dns.resp.name", "Name", FieldType.STRING).build();
    public static final Field RESP_TYPE = Field.payload("dns.resp.type", "Type", FieldType.UINT16)
            .names(TYPE_DESCRIPTIONS).build();
    public static final Field RESP_CLASS = Field.payload("dns.resp.class", "Class", FieldType.UINT16).hex()
            .names(CLASSES).build();
    public static final Field CACHE_FLUSH = bit("dns.resp.cache_flush", "Cache flush", 0x8000, "False", "True");
    public static final Field RESP_TTL = Field.payload("dns.resp.ttl", "Time to live", FieldType.UINT32).build();
    public static final Field RESP_LEN = Field.payload("dns.resp.len", "Data length", FieldType.UINT16).build();
    public static final Field A = Field.payload("dns.a", "Address", FieldType.IPV4).build();
    public static final Field AAAA = Field.payload("dns.aaaa", "AAAA Address", FieldType.BYTES).build();
    public static final Field CNAME = Field.payload("dns.cname", "CNAME", FieldType.STRING).build();
    public static final Field PTR = Field.payload("dns.ptr.domain_name", "Domain Name", FieldType.STRING).build();
    public static final Field NS = Field.payload("dns.ns", "Name Server", FieldType.STRING).build();
    public static final Field MX_PREFERENCE = Field.payload("dns.mx.preference", "Preference", FieldType.UINT16).build();
    public static final Field MX = Field.payload("dns.mx.mail_exchange", "Mail Exchange", FieldType.STRING).build();
    public static final Field SRV_SERVICE = Field.payload("dns.srv.service", "Service", FieldType.STRING).build();
    public static final Field SRV_PROTO = Field.payload("dns.srv.proto", "Protocol", FieldType.STRING).build();
    public static final Field SRV_NAME = Field.payload("dns.srv.name", "Name", FieldType.STRING).build();
    public static final Field SRV_PRIORITY = Field.payload("dns.srv.priority", "Priority", FieldType.UINT16).build();
    public static final Field SRV_WEIGHT = Field.payload("dns.srv.weight", "Weight", FieldType.UINT16).build();
    public static final Field SRV_PORT = Field.payload("dns.srv.port", "Port", FieldType.UINT16).build();
    public static final Field SRV_TARGET = Field.payload("dns.srv.target", "Target", FieldType.STRING).build();
    public static final Field SOA_MNAME = Field.payload("dns.soa.mname", "Primary name server", FieldType.STRING).build();
    public static final Field TXT = Field.payload("dns.txt", "TXT", FieldType.STRING).build();
    public static final Field NSEC_NEXT = Field.payload("dns.nsec.next_domain_name", "Next Domain Name", FieldType.STRING)
            .build();
    public static final Field UDP_PAYLOAD_SIZE = Field.payload("dns.rr.udp_payload_size", "UDP payload size",
            FieldType.UINT16).build();

    public static final Expert BAD_NAME = Expert.of(Field.Source.PAYLOAD, "dns.bad_name", Severity.WARNING, "Malformed",
            "Name not decoded to its end: %s");

    public static final List<Field> FIELDS = List.of(DNS, MDNS, LLMNR, ID, FLAGS, RESPONSE, OPCODE, AUTHORITATIVE,
            CONFLICT, TRUNCATED, RECDESIRED, TENTATIVE, RECAVAIL, Z, AUTHENTICATED, CHECKDISABLE, RCODE, COUNT_QUERIES,
            COUNT_ANSWERS, COUNT_AUTH, COUNT_ADD, QRY_NAME, QRY_NAME_LEN, COUNT_LABELS, QRY_TYPE, QRY_CLASS, QRY_QU,
            RESP_NAME, RESP_TYPE, RESP_CLASS, CACHE_FLUSH, RESP_TTL, RESP_LEN, A, AAAA, CNAME, PTR, NS, MX_PREFERENCE,
            MX, SRV_SERVICE, SRV_PROTO, SRV_NAME, SRV_PRIORITY, SRV_WEIGHT, SRV_PORT, SRV_TARGET, SOA_MNAME, TXT, NSEC_NEXT, UDP_PAYLOAD_SIZE,
            BAD_NAME.field());

    private Dns() {
    }

    private static Field bit(String abbrev, String label, int mask, String clear, String set) {
        return Field.payload(abbrev, label, FieldType.BOOLEAN).mask(mask).names(Map.of(0L, clear, 1L, set)).build();
    }

    /** The short name of a record type ("A", "AAAA", "ANY"), as in the Info column. */
    public static String typeName(int type) {
        String name = TYPE_NAMES.get((long) type);
        return name != null ? name : "Unknown (" + type + ")";
    }

    static String className(int cls) {
        String name = CLASSES.get((long) cls);
        return name != null ? name : String.format("Unknown (0x%04x)", cls);
    }

    /** "Standard query response, No error": the flags as Wireshark sums them up. */
    public static String flagsSummary(int flags) {
        boolean response = (flags & 0x8000) != 0;
        int opcode = (flags >>> 11) & 0xf;
        String op = OPCODES.get((long) opcode);
        StringBuilder sb = new StringBuilder(op != null ? op : "Unknown operation (" + opcode + ")");
        if (response) {
            sb.append(" response, ").append(rcodeName(flags & 0xf));
        }
        return sb.toString();
    }

    private static String rcodeName(int rcode) {
        String name = RCODES.get((long) rcode);
        return name != null ? name : "Unknown error (" + rcode + ")";
    }

    /** A domain name read from a message: its text, the bytes it takes in place, and its labels. */
    private static final class Name {
        String text;
        int inPlace;
        int labels;
        String problem;
    }

    /**
     * Decodes the message at {@code o} up to {@code end} (the UDP payload's end), as DNS, mDNS or LLMNR
     * ({@code protocol} is {@link #DNS}, {@link #MDNS} or {@link #LLMNR}).
     */
    static void dissect(Cursor c, int o, int end, Field protocol) {
        Dissection out = c.out();
        boolean mdns = protocol == MDNS;
        boolean llmnr = protocol == LLMNR;
        c.protocol(protocol, o, end - o);
        out.setProtocolColumn(mdns ? "MDNS" : llmnr ? "LLMNR" : "DNS");
        StringBuilder info = out.info();
        info.setLength(0);
        c.requireWithin(ID, o, 2, end);
        int id = c.uint16(ID, o);
        c.requireWithin(FLAGS, o + 2, 2, end);
        int flags = c.u16(o + 2);
        boolean response = (flags & 0x8000) != 0;
        int flagsNode = out.add(FLAGS, o + 2, 2, flags);
        out.open(flagsNode);
        c.bits(RESPONSE, o + 2, 2);
        c.bits(OPCODE, o + 2, 2);
        if (response && !llmnr) {
            c.bits(AUTHORITATIVE, o + 2, 2);
        }
        if (llmnr) {
            c.bits(CONFLICT, o + 2, 2);
        }
        c.bits(TRUNCATED, o + 2, 2);
        c.bits(llmnr ? TENTATIVE : RECDESIRED, o + 2, 2);
        if (!llmnr) {
            if (response) {
                c.bits(RECAVAIL, o + 2, 2);
            }
            c.bits(Z, o + 2, 2);
            if (response) {
                c.bits(AUTHENTICATED, o + 2, 2);
            }
            c.bits(CHECKDISABLE, o + 2, 2);
        }
        if (response) {
            c.bits(RCODE, o + 2, 2);
        }
        out.close();
        int opcode = (flags >>> 11) & 0xf;
        String op = OPCODES.get((long) opcode);
        info.append(op != null ? op : "Unknown operation (" + opcode + ")");
        if (response) {
            info.append(" response");
        }
        info.append(" 0x");
        appendHex4(info, id);
        if (response && (flags & 0xf) != 0) {
            info.append(' ').append(rcodeName(flags & 0xf));
        }
        c.requireWithin(COUNT_QUERIES, o + 4, 8, end);
        int queries = c.uint16(COUNT_QUERIES, o + 4);
        int answers = c.uint16(COUNT_ANSWERS, o + 6);
        int authority = c.uint16(COUNT_AUTH, o + 8);
        int additional = c.uint16(COUNT_ADD, o + 10);
        int p = o + 12;
        if (queries > 0) {
            int section = out.addObject(TEXT, p, 0, "Queries");
            out.open(section);
            for (int i = 0; i < queries; i++) {
                p = query(c, o, p, end, mdns, info);
            }
            out.close();
            out.setLength(section, p - out.offset(section));
        }
        p = records(c, o, p, end, answers, "Answers", mdns, info);
        p = records(c, o, p, end, authority, "Authoritative nameservers", mdns, info);
        records(c, o, p, end, additional, "Additional records", mdns, info);
        out.close();
    }

    private static void appendHex4(StringBuilder sb, int v) {
        String hex = Integer.toHexString(v);
        for (int i = hex.length(); i < 4; i++) {
            sb.append('0');
        }
        sb.append(hex);
    }

    private static int query(Cursor c, int msg, int p, int end, boolean mdns, StringBuilder info) {
        Dissection out = c.out();
        int node = out.addObject(TEXT, p, 0, "");
        out.open(node);
        Name name = name(c, msg, p, end, end, QRY_NAME);
        out.addObject(QRY_NAME, p, name.inPlace, name.text);
        out.add(QRY_NAME_LEN, 0, 0, name.text.length());
        out.add(COUNT_LABELS, 0, 0, name.labels);
        int q = p + name.inPlace;
        c.requireWithin(QRY_TYPE, q, 4, end);
        int type = c.uint16(QRY_TYPE, q);
        int rawClass = c.u16(q + 2);
        int cls = mdns ? rawClass & 0x7fff : rawClass;
        out.add(QRY_CLASS, q + 2, 2, cls);
        boolean qu = mdns && (rawClass & 0x8000) != 0;
        if (mdns) {
            c.bits(QRY_QU, q + 2, 2);
        }
        out.close();
        out.setLength(node, q + 4 - p);
        StringBuilder summary = new StringBuilder(name.text.length() + 32);
        summary.append(name.text).append(": type ").append(typeName(type)).append(", class ").append(className(cls));
        if (mdns) {
            summary.append(qu ? ", \"QU\" question" : ", \"QM\" question");
        }
        out.setObject(node, summary.toString());
        info.append(' ').append(typeName(type)).append(' ').append(name.text);
        if (mdns) {
            info.append(qu ? ", \"QU\" question" : ", \"QM\" question");
        }
        return q + 4;
    }

    /** One section of resource records. */
    private static int records(Cursor c, int msg, int p, int end, int count, String title, boolean mdns,
                               StringBuilder info) {
        if (count == 0) {
            return p;
        }
        Dissection out = c.out();
        int section = out.addObject(TEXT, p, 0, title);
        out.open(section);
        int q = p;
        for (int i = 0; i < count; i++) {
            q = record(c, msg, q, end, mdns, info);
        }
        out.close();
        out.setLength(section, q - p);
        return q;
    }

    private static int record(Cursor c, int msg, int p, int end, boolean mdns, StringBuilder info) {
        Dissection out = c.out();
        int node = out.addObject(TEXT, p, 0, "");
        out.open(node);
        Name name = name(c, msg, p, end, end, RESP_NAME);
        int q = p + name.inPlace;
        c.requireWithin(RESP_TYPE, q, 10, end);
        String[] srv = c.u16(q) == 33 ? name.text.split("\\.", 3) : null;
        if (srv != null && srv.length == 3) {
            // Wireshark 4.0 splits an SRV record's owner name into service, protocol and name.
            out.addObject(SRV_SERVICE, p, name.inPlace, srv[0]);
            out.addObject(SRV_PROTO, p, name.inPlace, srv[1]);
            out.addObject(SRV_NAME, p, name.inPlace, srv[2]);
        } else {
            out.addObject(RESP_NAME, p, name.inPlace, name.text);
        }
        int type = c.uint16(RESP_TYPE, q);
        StringBuilder summary = new StringBuilder(name.text.length() + 48);
        summary.append(name.text).append(": type ").append(typeName(type));
        boolean flush = false;
        if (type == OPT) {
            c.uint16(UDP_PAYLOAD_SIZE, q + 2);
        } else {
            int rawClass = c.u16(q + 2);
            int cls = mdns ? rawClass & 0x7fff : rawClass;
            out.add(RESP_CLASS, q + 2, 2, cls);
            if (mdns) {
                flush = c.bits(CACHE_FLUSH, q + 2, 2) != 0;
            }
            c.uint32(RESP_TTL, q + 4);
            summary.append(", class ").append(className(cls));
            if (flush) {
                summary.append(", cache flush");
            }
        }
        int length = c.uint16(RESP_LEN, q + 8);
        int data = q + 10;
        c.requireWithin(RESP_LEN, data, length, end);
        if (info != null) {
            info.append(' ').append(typeName(type));
            if (flush) {
                info.append(", cache flush");
            }
        }
        rdata(c, msg, type, data, length, end, summary, info);
        out.close();
        out.setLength(node, data + length - p);
        out.setObject(node, summary.toString());
        return data + length;
    }

    private static void rdata(Cursor c, int msg, int type, int o, int length, int end, StringBuilder summary,
                              StringBuilder info) {
        Dissection out = c.out();
        int rdEnd = o + length;
        String text = null;
        switch (type) {
            case 1:
                if (length == 4) {
                    long a = c.ipv4(A, o);
                    text = Addresses.ipv4(a);
                    summary.append(", addr ").append(text);
                }
                break;
            case 28:
                if (length == 16) {
                    c.bytes(AAAA, o, 16);
                    text = Addresses.ipv6(c.data(), o);
                    summary.append(", addr ").append(text);
                }
                break;
            case 2:
            case 5:
            case 12: {
                Field f = type == 2 ? NS : type == 5 ? CNAME : PTR;
                Name n = name(c, msg, o, rdEnd, end, f);
                out.addObject(f, o, n.inPlace, n.text);
                text = n.text;
                summary.append(type == 2 ? ", ns " : type == 5 ? ", cname " : ", ").append(text);
                break;
            }
            case 15: {
                c.requireWithin(MX_PREFERENCE, o, 2, rdEnd);
                int preference = c.uint16(MX_PREFERENCE, o);
                Name n = name(c, msg, o + 2, rdEnd, end, MX);
                out.addObject(MX, o + 2, n.inPlace, n.text);
                text = preference + " " + n.text;
                summary.append(", preference ").append(preference).append(", mx ").append(n.text);
                break;
            }
            case 33: {
                c.requireWithin(SRV_PRIORITY, o, 6, rdEnd);
                int priority = c.uint16(SRV_PRIORITY, o);
                int weight = c.uint16(SRV_WEIGHT, o + 2);
                int port = c.uint16(SRV_PORT, o + 4);
                Name n = name(c, msg, o + 6, rdEnd, end, SRV_TARGET);
                out.addObject(SRV_TARGET, o + 6, n.inPlace, n.text);
                text = priority + " " + weight + " " + port + " " + n.text;
                summary.append(", priority ").append(priority).append(", weight ").append(weight).append(", port ")
                        .append(port).append(", target ").append(n.text);
                break;
            }
            case 6: {
                Name n = name(c, msg, o, rdEnd, end, SOA_MNAME);
                out.addObject(SOA_MNAME, o, n.inPlace, n.text);
                text = n.text;
                summary.append(", mname ").append(text);
                break;
            }
            case 47: {
                Name n = name(c, msg, o, rdEnd, end, NSEC_NEXT);
                out.addObject(NSEC_NEXT, o, n.inPlace, n.text);
                text = n.text;
                summary.append(", next domain name ").append(text);
                typeBitmap(c, o + n.inPlace, rdEnd);
                break;
            }
            case 16: {
                int p = o;
                while (p < rdEnd) {
                    int n = c.u8(p);
                    c.requireWithin(TXT, p + 1, n, rdEnd);
                    out.addObject(TXT, p + 1, n, new String(c.data(), p + 1, n, StandardCharsets.UTF_8));
                    p += 1 + n;
                }
                break;
            }
            default:
                break;
        }
        if (info != null && text != null) {
            info.append(' ').append(text);
        }
    }

    /**
     * The types an NSEC record lists (RFC 4034 4.1.2): windows of a number, a length and a bitmap. Wireshark
     * records each under dns.resp.type, so a filter on the type finds them too.
     */
    private static void typeBitmap(Cursor c, int o, int end) {
        int p = o;
        while (p + 2 <= end) {
            int window = c.u8(p);
            int length = c.u8(p + 1);
            if (length < 1 || length > 32 || p + 2 + length > end) {
                return;
            }
            for (int i = 0; i < length; i++) {
                int bits = c.u8(p + 2 + i);
                for (int b = 0; b < 8; b++) {
                    if ((bits & (0x80 >>> b)) != 0) {
                        c.out().add(RESP_TYPE, p + 2 + i, 1, window * 256 + i * 8 + b);
                    }
                }
            }
            p += 2 + length;
        }
    }

    /** Reads the name at {@code p}: labels, and compression pointers relative to {@code msg}. */
    private static Name name(Cursor c, int msg, int p, int end, int msgEnd, Field field) {
        Name n = new Name();
        StringBuilder sb = new StringBuilder(32);
        int at = p;
        int inPlace = -1;
        int steps = 0;
        while (true) {
            if (++steps > MAX_NAME_STEPS || sb.length() > MAX_NAME_CHARS) {
                n.problem = "it is too long, or its pointers loop";
                break;
            }
            if (inPlace < 0) {
                c.requireWithin(field, at, 1, end);
            } else if (at >= msgEnd || !c.has(at, 1)) {
                n.problem = "a compression pointer points past the end of the message";
                break;
            }
            int len = c.u8(at);
            if (len == 0) {
                at++;
                break;
            }
            int kind = len & 0xc0;
            if (kind == 0xc0) {
                if (inPlace < 0) {
                    c.requireWithin(field, at, 2, end);
                } else if (at + 2 > msgEnd || !c.has(at, 2)) {
                    n.problem = "a compression pointer is cut short";
                    break;
                }
                int target = msg + (((len & 0x3f) << 8) | c.u8(at + 1));
                if (inPlace < 0) {
                    inPlace = at + 2 - p;
                }
                at = target;
                continue;
            }
            if (kind != 0) {
                n.problem = "label type 0x" + Integer.toHexString(kind) + " is not a plain label";
                break;
            }
            if (inPlace < 0) {
                c.requireWithin(field, at + 1, len, end);
            } else if (at + 1 + len > msgEnd || !c.has(at + 1, len)) {
                n.problem = "a label runs past the end of the message";
                break;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            appendLabel(sb, c.data(), at + 1, len);
            n.labels++;
            at += 1 + len;
        }
        if (inPlace < 0) {
            inPlace = Math.max(1, at - p);
        }
        n.inPlace = inPlace;
        n.text = sb.length() == 0 ? "<Root>" : sb.toString();
        if (n.problem != null) {
            c.expert(BAD_NAME, p, inPlace, String.format(BAD_NAME.text(), n.problem));
        }
        return n;
    }

    /** A label as Wireshark prints it: UTF-8 text (a dot inside a label is not escaped), control bytes as \DDD. */
    private static void appendLabel(StringBuilder sb, byte[] data, int offset, int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (data[offset + i] < 0) {
                ascii = false;
                break;
            }
        }
        String label = ascii ? null : new String(data, offset, length, StandardCharsets.UTF_8);
        int n = ascii ? length : label.length();
        for (int i = 0; i < n; i++) {
            char ch = ascii ? (char) data[offset + i] : label.charAt(i);
            if (ch < 0x20 || ch == 0x7f) {
                sb.append('\\').append(String.format("%03d", (int) ch));
            } else {
                sb.append(ch);
            }
        }
    }
}
