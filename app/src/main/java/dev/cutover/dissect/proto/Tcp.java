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
 * TCP (RFC 9293) as Wireshark's packet-tcp.c shows one segment on its own: sequence numbers are the raw ones
 * (Wireshark with {@code tcp.relative_sequence_numbers} off) and the window is the header's value, since
 * the dissector keeps no state between frames (no handshake seen, so no window scaling). The stream index and the
 * retransmission flags are the cross-frame traffic analysis's, declared here with the {@link Field.Source#TRAFFIC}
 * source.
 */
public final class Tcp {
    private static final Map<Long, String> SET = Map.of(0L, "Not set", 1L, "Set");
    /** Wireshark's tcp_flags_to_str, lowest bit first. */
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    private static final String FLAG_LETTERS = "RRRACEUAPRSF";

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;

    public static final Field TCP = Field.payload("tcp", "Transmission Control Protocol", FieldType.PROTOCOL).build();
    public static final Field SRCPORT = Field.payload("tcp.srcport", "Source Port", FieldType.UINT16).build();
    public static final Field DSTPORT = Field.payload("tcp.dstport", "Destination Port", FieldType.UINT16).build();
    public static final Field PORT = Field.payload("tcp.port", "Source or Destination Port", FieldType.UINT16).hidden()
            .build();
    public static final Field LEN = Field.payload("tcp.len", "TCP Segment Len", FieldType.UINT32).generated()
            .blurb("Bytes of payload: the IP payload less the TCP header").build();
    public static final Field SEQ = Field.payload("tcp.seq", "Sequence Number", FieldType.UINT32)
            .blurb("The raw sequence number (Cutover shows no relative numbers: it keeps no state between frames)")
            .build();
    public static final Field SEQ_RAW = Field.payload("tcp.seq_raw", "Sequence Number (raw)", FieldType.UINT32).hidden()
            .build();
    public static final Field NXTSEQ = Field.payload("tcp.nxtseq", "Next Sequence Number", FieldType.UINT32).generated()
            .build();
    public static final Field ACK_NUM = Field.payload("tcp.ack", "Acknowledgment Number", FieldType.UINT32)
            .blurb("The raw acknowledgment number").build();
    public static final Field ACK_RAW = Field.payload("tcp.ack_raw", "Acknowledgment number (raw)", FieldType.UINT32)
            .hidden().build();
    public static final Field HDR_LEN = Field.payload("tcp.hdr_len", "Header Length", FieldType.UINT8)
            .blurb("Header length in bytes").build();
    public static final Field FLAGS = Field.payload("tcp.flags", "Flags", FieldType.UINT16).hex()
            .blurb("Flags (12 bits)").build();
    public static final Field FLAG_RES = flag("tcp.flags.res", "Reserved", 0xe00);
    public static final Field FLAG_AE = flag("tcp.flags.ae", "Accurate ECN", 0x100);
    public static final Field FLAG_CWR = flag("tcp.flags.cwr", "Congestion Window Reduced", 0x080);
    public static final Field FLAG_ECE = flag("tcp.flags.ece", "ECN-Echo", 0x040);
    public static final Field FLAG_URG = flag("tcp.flags.urg", "Urgent", 0x020);
    public static final Field FLAG_ACK = flag("tcp.flags.ack", "Acknowledgment", 0x010);
    public static final Field FLAG_PUSH = flag("tcp.flags.push", "Push", 0x008);
    public static final Field FLAG_RESET = flag("tcp.flags.reset", "Reset", 0x004);
    public static final Field FLAG_SYN = flag("tcp.flags.syn", "Syn", 0x002);
    public static final Field FLAG_FIN = flag("tcp.flags.fin", "Fin", 0x001);
    public static final Field FLAGS_STR = Field.payload("tcp.flags.str", "TCP Flags", FieldType.STRING).generated()
            .blurb("The flags as letters, a dot for each bit not set").build();
    public static final Field WINDOW = Field.payload("tcp.window_size_value", "Window", FieldType.UINT16)
            .blurb("The window size value from the TCP header (not scaled)").build();
    public static final Field CHECKSUM = Field.payload("tcp.checksum", "Checksum", FieldType.UINT16).hex()
            .blurb("Checksum (not verified)").build();
    public static final Field URGENT = Field.payload("tcp.urgent_pointer", "Urgent Pointer", FieldType.UINT16).build();
    public static final Field OPTIONS = Field.payload("tcp.options", "TCP Options", FieldType.BYTES).build();
    public static final Field PAYLOAD = Field.payload("tcp.payload", "TCP payload", FieldType.BYTES)
            .blurb("The segment's payload as captured").build();

    public static final Expert BAD_HEADER_LENGTH = Expert.of(Field.Source.PAYLOAD, "tcp.bogus_header_length", Severity.ERROR, "Malformed",
            "Bogus TCP header length (%d, must be at least 20 and within the IP payload)");

    public static final Field STREAM = Field.traffic("tcp.stream", "Stream index", FieldType.UINT32).generated()
            .blurb("The conversation's number, in order of first appearance in the capture (both directions one)")
            .build();
    public static final Field ANALYSIS = Field.traffic("tcp.analysis", "SEQ/ACK analysis", FieldType.NONE)
            .generated().blurb("What the sequence numbers of the stream say of this segment").build();
    public static final Field ANALYSIS_FLAGS = Field.traffic("tcp.analysis.flags", "TCP Analysis Flags",
            FieldType.NONE).generated().blurb("This segment is a retransmission").build();
    public static final Expert RETRANSMISSION = Expert.of(Field.Source.TRAFFIC, "tcp.analysis.retransmission",
            Severity.NOTE, "Sequence", "This frame is a (suspected) retransmission");
    public static final Expert FAST_RETRANSMISSION = Expert.of(Field.Source.TRAFFIC,
            "tcp.analysis.fast_retransmission", Severity.NOTE, "Sequence",
            "This frame is a (suspected) fast retransmission");
    public static final Expert SPURIOUS_RETRANSMISSION = Expert.of(Field.Source.TRAFFIC,
            "tcp.analysis.spurious_retransmission", Severity.NOTE, "Sequence",
            "This frame is a (suspected) spurious retransmission");

    public static final List<Field> FIELDS = List.of(TCP, SRCPORT, DSTPORT, PORT, LEN, SEQ, SEQ_RAW, NXTSEQ, ACK_NUM,
            ACK_RAW, HDR_LEN, FLAGS, FLAG_RES, FLAG_AE, FLAG_CWR, FLAG_ECE, FLAG_URG, FLAG_ACK, FLAG_PUSH, FLAG_RESET,
            FLAG_SYN, FLAG_FIN, FLAGS_STR, WINDOW, CHECKSUM, URGENT, OPTIONS, PAYLOAD, BAD_HEADER_LENGTH.field(),
            STREAM, ANALYSIS, ANALYSIS_FLAGS, RETRANSMISSION.field(), FAST_RETRANSMISSION.field(),
            SPURIOUS_RETRANSMISSION.field());

    private Tcp() {
    }

    private static Field flag(String abbrev, String label, int mask) {
        return Field.payload(abbrev, label, FieldType.BOOLEAN).mask(mask).names(SET).build();
    }

    /** "PSH, ACK": the set flags as Wireshark names them in the Info column and the Flags line. */
    public static void appendFlagNames(StringBuilder sb, int flags) {
        int start = sb.length();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                if (sb.length() > start) {
                    sb.append(", ");
                }
                sb.append(FLAG_NAMES[i]);
            }
        }
        if ((flags & 0xe00) != 0) {
            if (sb.length() > start) {
                sb.append(", ");
            }
            sb.append("Reserved");
        }
        if (sb.length() == start) {
            sb.append("<None>");
        }
    }

    /**
     * Decodes the segment at {@code o}; {@code end} is where the IP payload ends by IP's own length.
     */
    static void dissect(Cursor c, int o, int end) {
        Dissection out = c.out();
        int node = c.protocol(TCP, o, 20);
        StringBuilder info = out.info();
        info.setLength(0);
        c.require(SRCPORT, o, 4);
        int src = c.uint16(SRCPORT, o);
        int dst = c.uint16(DSTPORT, o + 2);
        out.add(PORT, o, 2, src);
        out.add(PORT, o + 2, 2, dst);
        info.append(src).append(" \u2192 ").append(dst);
        c.require(HDR_LEN, o + 12, 1);
        int hdrLen = (c.u8(o + 12) >>> 4) * 4;
        int available = end - o;
        if (hdrLen < 20 || hdrLen > available) {
            c.require(SEQ, o + 4, 4);
            long seq = c.uint32(SEQ, o + 4);
            out.add(SEQ_RAW, o + 4, 4, seq);
            out.add(HDR_LEN, o + 12, 1, hdrLen);
            info.append(", bogus TCP header length (").append(hdrLen).append(", must be at least 20)");
            c.expert(BAD_HEADER_LENGTH, o + 12, 1, String.format(BAD_HEADER_LENGTH.text(), hdrLen));
            out.close();
            return;
        }
        out.setLength(node, Math.min(hdrLen, c.captured() - o));
        c.require(FLAGS, o + 4, 16);
        int flags = c.u16(o + 12) & 0x0fff;
        int segLen = available - hdrLen;
        out.add(LEN, 0, 0, segLen);
        long seq = c.uint32(SEQ, o + 4);
        out.add(SEQ_RAW, o + 4, 4, seq);
        if (segLen > 0 || (flags & (SYN | FIN)) != 0) {
            long next = seq + segLen + ((flags & SYN) != 0 ? 1 : 0) + ((flags & FIN) != 0 ? 1 : 0);
            out.add(NXTSEQ, 0, 0, next & 0xffff_ffffL);
        }
        long ack = c.uint32(ACK_NUM, o + 8);
        out.add(ACK_RAW, o + 8, 4, ack);
        out.add(HDR_LEN, o + 12, 1, hdrLen);
        int flagsNode = out.add(FLAGS, o + 12, 2, flags);
        out.open(flagsNode);
        c.bits(FLAG_RES, o + 12, 2);
        c.bits(FLAG_AE, o + 12, 2);
        c.bits(FLAG_CWR, o + 12, 2);
        c.bits(FLAG_ECE, o + 12, 2);
        c.bits(FLAG_URG, o + 12, 2);
        c.bits(FLAG_ACK, o + 12, 2);
        c.bits(FLAG_PUSH, o + 12, 2);
        c.bits(FLAG_RESET, o + 12, 2);
        c.bits(FLAG_SYN, o + 12, 2);
        c.bits(FLAG_FIN, o + 12, 2);
        c.generatedText(FLAGS_STR, letters(flags));
        out.close();
        int window = c.uint16(WINDOW, o + 14);
        c.uint16(CHECKSUM, o + 16);
        int urgent = c.uint16(URGENT, o + 18);

        info.append(" [");
        appendFlagNames(info, flags);
        info.append("] Seq=").append(seq);
        if ((flags & ACK) != 0) {
            info.append(" Ack=").append(ack);
        }
        info.append(" Win=").append(window);
        if ((flags & URG) != 0) {
            info.append(" Urg=").append(urgent);
        }
        info.append(" Len=").append(segLen);
        if (hdrLen > 20) {
            c.bytes(OPTIONS, o + 20, hdrLen - 20);
            options(c, o + 20, o + hdrLen, info);
        }
        out.close();
        int payload = o + hdrLen;
        int shown = Math.min(segLen, c.captured() - payload);
        if (shown > 0) {
            c.bytes(PAYLOAD, payload, shown);
        }
    }

    private static String letters(int flags) {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            sb.append(((flags >>> (11 - i)) & 1) != 0 ? FLAG_LETTERS.charAt(i) : '\u00b7');
        }
        return sb.toString();
    }

    /** The options Wireshark summarises in the Info column: MSS, window scale, SACK permitted, timestamps, SACK. */
    private static void options(Cursor c, int o, int end, StringBuilder info) {
        int p = o;
        while (p < end) {
            int kind = c.u8(p);
            if (kind == 0) {
                return;
            }
            if (kind == 1) {
                p++;
                continue;
            }
            if (p + 1 >= end) {
                return;
            }
            int len = c.u8(p + 1);
            if (len < 2 || p + len > end) {
                return;
            }
            switch (kind) {
                case 2:
                    if (len == 4) {
                        info.append(" MSS=").append(c.u16(p + 2));
                    }
                    break;
                case 3:
                    if (len == 3) {
                        info.append(" WS=").append(1 << Math.min(14, c.u8(p + 2)));
                    }
                    break;
                case 4:
                    if (len == 2) {
                        info.append(" SACK_PERM");
                    }
                    break;
                case 5:
                    for (int b = p + 2; b + 8 <= p + len; b += 8) {
                        info.append(" SLE=").append(c.u32(b)).append(" SRE=").append(c.u32(b + 4));
                    }
                    break;
                case 8:
                    if (len == 10) {
                        info.append(" TSval=").append(c.u32(p + 2)).append(" TSecr=").append(c.u32(p + 6));
                    }
                    break;
                default:
                    break;
            }
            p += len;
        }
    }
}
