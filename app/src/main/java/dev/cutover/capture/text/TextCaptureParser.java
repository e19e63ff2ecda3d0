package dev.cutover.capture.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads frames printed as text: pktcap-uw's console output, {@code tcpdump -xx}/{@code -XX}, {@code tcpdump -e}'s
 * one-line summaries of ARP, RARP and ICMPv6 neighbor discovery (rebuilt into frames, see {@link TcpdumpLine}),
 * {@code tcpdump -x} (whose missing link-layer header is rebuilt from the summary line), and Wireshark's
 * hex dump export or any text2pcap input. Lines that are neither frame headers nor hex are passed over (the
 * tools' banners, Wireshark's details tree); a hex line that cannot be read, or text cutting a frame short,
 * is reported with its line number and the frames around it are kept.
 *
 * <p>Times of day without a date (pktcap-uw, tcpdump's default) are placed on 1970-01-01 UTC, moving to the
 * next day when the clock goes back by more than twelve hours; a frame printed without any time gets the
 * previous frame's time plus one microsecond, as text2pcap does.
 */
public final class TextCaptureParser {
    /** Text captures larger than this are refused rather than held in memory. */
    public static final long MAX_TEXT_BYTES = 128L << 20;
    /** Problems kept in detail; the rest are only counted. */
    public static final int MAX_PROBLEMS = 100;
    /** Wireshark's largest frame; a longer one in text is cut here and reported. */
    static final int MAX_FRAME = 262_144;

    private static final int MAX_LINE = 4096;
    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400L * SECOND;
    private static final int LINKTYPE_ETHERNET = 1;

    private static final Pattern PKTCAP_HEADER = Pattern.compile(
            "^\\s*(\\d{1,2}):(\\d{2}):(\\d{2})\\.(\\d{1,9})(\\[\\d+\\]\\s*Captured at\\s.*)$");
    private static final Pattern PKTCAP_VLAN = Pattern.compile("VLAN tag (\\d+)");
    private static final Pattern PKTCAP_LENGTH = Pattern.compile("length (\\d+)\\.?\\s*$");
    private static final Pattern SEGMENT = Pattern.compile("^\\s*Segment\\[(\\d+)\\]\\s*-+\\s*\\d+ bytes:?\\s*$");
    private static final Pattern UPLINK = Pattern.compile("^\\s*The name of the uplink is (\\S+?)\\.?\\s*$");
    private static final Pattern LINK_TYPE = Pattern.compile("link-type (\\w+)");
    private static final Pattern LISTENING = Pattern.compile("^\\s*listening on (\\S+?), link-type ");
    // tcpdump's time stamps (default, -tttt, -tt) and what follows them
    private static final Pattern STAMP = Pattern.compile("^\\s*(?:\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?"
            + "|\\d{2}:\\d{2}:\\d{2}\\.\\d{1,9}|\\d{9,11}\\.\\d{1,9})\\s+(\\S.*)$");
    // tcpdump's summary without -e: names the network layer, not the MAC addresses
    private static final Pattern NETWORK_SUMMARY = Pattern.compile("^(?:(ARP), |(IP6?) \\S+ > \\S+: )(.*)$");
    private static final int[] KNOWN_ETHER_TYPES = {0x0800, 0x0806, 0x8035, 0x86dd, 0x8100, 0x88a8, 0x9100, 0x88cc,
        0x8809, 0x888e, 0x8847, 0x8848, 0x8863, 0x8864, 0x88f7, 0x22f0, 0x22ea};
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\s*(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:\\s|Z|$)");
    private static final Pattern TIME_OF_DAY = Pattern.compile("^\\s*(\\d{2}):(\\d{2}):(\\d{2})\\.(\\d{1,9})(?:\\s|$)");
    private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{9,11})\\.(\\d{1,9})(?:\\s|$)");
    // Wireshark's summary line in a text export: frame number, then seconds since the first frame
    private static final Pattern RELATIVE = Pattern.compile("^\\s*\\d+\\s+(\\d+)\\.(\\d{1,9})\\s");

    private final List<TextFrame> frames = new ArrayList<>();
    private final List<TextProblem> problems = new ArrayList<>();
    private int problemCount;
    private byte[] data = new byte[1 << 16];
    private int size;

    private boolean sawPktcap;
    private boolean sawZeroX;
    private boolean sawRebuilt;
    private String interfaceName;
    private int linkType = LINKTYPE_ETHERNET;
    private int precisionDigits = -1;

    // the frame being read
    private boolean open;
    private int frameStart;
    private int segmentBase;
    private boolean segmentStarting;
    private boolean broken;
    private int declaredLength;
    private long frameTime;
    private String frameComment;
    private int frameVlan;
    private int frameLine;
    private long frameLineOffset;
    private boolean frameZeroX;
    private String frameNetwork;
    private boolean lineZeroX;
    private int lastLineBytes;
    private boolean orphanReported;

    // what the last header line said of the next frame
    private boolean pending;
    private long pendingTime;
    private boolean pendingHasTime;
    private String pendingComment;
    private int pendingVlan = -1;
    private int pendingLength = -1;
    private boolean pendingPktcap;
    // the network layer a tcpdump summary without -e named: "ARP", "RARP", "IP" or "IP6"
    private String pendingNetwork;

    // a frame rebuilt from a tcpdump -e line, kept until it is clear no hex follows to carry the frame
    private TcpdumpLine.Rebuilt summary;
    private long summaryTime;
    private int summaryLine;
    private String summaryProblem;
    private int summaryProblemLine;
    private long summaryProblemOffset;

    private long previousTime = -1;
    private long lastTimeOfDay = -1;
    private long dayOffset;

    private int lineNumber;
    private long lineOffset;

    private TextCaptureParser() {
    }

    /**
     * Whether the first bytes of a file look like text (no NUL, almost all printable): only then is it worth
     * reading as a text capture.
     */
    public static boolean looksLikeText(byte[] head, int length) {
        if (length <= 0) {
            return false;
        }
        int odd = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                odd++;
            }
        }
        return odd * 50 <= length;
    }

    /** Reads the whole stream; the caller has checked its size against {@link #MAX_TEXT_BYTES}. */
    public static TextCapture parse(InputStream in) throws IOException {
        TextCaptureParser p = new TextCaptureParser();
        p.run(in);
        TextFormat format = p.sawPktcap ? TextFormat.PKTCAP_UW : p.sawZeroX ? TextFormat.TCPDUMP
                : p.sawRebuilt ? TextFormat.TCPDUMP_LINES : TextFormat.HEX_DUMP;
        return new TextCapture(format, p.data, p.size, p.frames, p.problems, p.problemCount, p.interfaceName,
                p.linkType, p.precisionDigits < 0 ? 6 : p.precisionDigits);
    }

    /** Reads text given as a string (tests, pasted text). */
    public static TextCapture parse(String text) {
        try {
            return parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void run(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        StringBuilder line = new StringBuilder(128);
        long pos = 0;
        long lineStart = 0;
        boolean tooLong = false;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    handle(line, lineStart, tooLong);
                    line.setLength(0);
                    tooLong = false;
                    lineStart = pos + i + 1;
                } else if (line.length() < MAX_LINE) {
                    line.append((char) (b & 0xFF));
                } else {
                    tooLong = true;
                }
            }
            pos += n;
        }
        if (line.length() > 0) {
            handle(line, lineStart, tooLong);
        }
        finishFrame();
        flushSummary();
    }

    private void handle(StringBuilder sb, long start, boolean tooLong) {
        lineNumber++;
        lineOffset = start;
        int end = sb.length();
        while (end > 0 && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return;
        }
        String line = sb.substring(0, end);
        if (tooLong) {
            // no tool prints lines this long; whatever it is, it is not a frame
            problem("a line of more than " + MAX_LINE + " characters");
            return;
        }
        if (hexLine(line)) {
            return;
        }
        Matcher m = PKTCAP_HEADER.matcher(line);
        if (m.matches()) {
            pktcapHeader(m);
            return;
        }
        m = SEGMENT.matcher(line);
        if (m.matches()) {
            sawPktcap = true;
            if (open && !m.group(1).matches("0+")) { // any number of digits: not parsed, only told from 0
                // the next segment's offsets start again at 0 but continue the same frame
                segmentBase = size - frameStart;
                segmentStarting = true;
            }
            return;
        }
        otherText(line);
    }

    private void otherText(String line) {
        if (open) {
            int have = size - frameStart;
            // pktcap-uw states each frame's length, so text in the middle of one is text that cut it short;
            // the frame stays open, broken, so the hex lines after the cut are not reported once more
            if (!broken && declaredLength > have) {
                problem("\"" + shorten(line) + "\" where frame " + (frames.size() + 1) + " should go on; it keeps "
                        + have + " of its " + declaredLength + " bytes");
                broken = true;
            } else if (!broken) {
                finishFrame();
            }
        }
        if (summary != null && summary.option(line)) {
            return;
        }
        flushSummary();
        Matcher m = UPLINK.matcher(line);
        if (m.matches()) {
            interfaceName = m.group(1);
            return;
        }
        m = LINK_TYPE.matcher(line);
        if (m.find() && (line.contains("reading from file") || line.contains("listening on"))) {
            linkType = linkTypeOf(m.group(1));
            Matcher l = LISTENING.matcher(line);
            if (l.find()) {
                interfaceName = l.group(1);
            }
            return;
        }
        Matcher stamp = STAMP.matcher(line);
        boolean stamped = stamp.matches();
        String rest = stamped ? stamp.group(1) : line.trim();
        long t = leadingTime(line);
        if (linkType == LINKTYPE_ETHERNET && TcpdumpLine.isLinkLine(rest)) {
            try {
                summary = TcpdumpLine.rebuild(rest);
                summaryTime = stamped ? t : Long.MIN_VALUE;
                summaryLine = lineNumber;
            } catch (TcpdumpLine.Unreadable e) {
                summaryProblem = e.getMessage();
                summaryProblemLine = lineNumber;
                summaryProblemOffset = lineOffset;
            }
        }
        pendingNetwork = null;
        Matcher net = NETWORK_SUMMARY.matcher(rest);
        if (net.matches()) {
            pendingNetwork = net.group(1) == null ? net.group(2)
                    : net.group(3).startsWith("Reverse ") ? "RARP" : "ARP";
        }
        if (t != Long.MIN_VALUE) {
            pending = true;
            pendingTime = t;
            pendingHasTime = true;
            pendingComment = null;
            pendingVlan = -1;
            pendingLength = -1;
            pendingPktcap = false;
        }
    }

    private void pktcapHeader(Matcher m) {
        sawPktcap = true;
        finishFrame();
        long t = timeOfDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4));
        String rest = m.group(5).trim();
        pending = true;
        pendingTime = t;
        pendingHasTime = true;
        pendingPktcap = true;
        pendingComment = "pktcap-uw " + rest;
        Matcher v = PKTCAP_VLAN.matcher(rest);
        pendingVlan = v.find() ? parseBounded(v.group(1), 4095) : -1;
        Matcher l = PKTCAP_LENGTH.matcher(rest);
        pendingLength = l.find() ? parseBounded(l.group(1), Integer.MAX_VALUE) : -1;
    }

    private static int parseBounded(String digits, int max) {
        if (digits.length() > 9) {
            return -1;
        }
        int v = Integer.parseInt(digits);
        return v <= max ? v : -1;
    }

    // ---- hex lines ----

    private final byte[] lineData = new byte[4096];
    private int lineDataLength;

    /** Reads the line as hex when it is one; returns false when it is not a hex line at all. */
    private boolean hexLine(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (i + 2 < n && line.charAt(i) == '0' && (line.charAt(i + 1) == 'x' || line.charAt(i + 1) == 'X')) {
            return zeroXLine(line, i + 2);
        }
        return plainLine(line, i);
    }

    /** tcpdump and pktcap-uw: "0x0010:  0800 0604 0001 ..." with an optional ASCII column after two spaces. */
    private boolean zeroXLine(String line, int i) {
        int n = line.length();
        int digits = i;
        while (i < n && hex(line.charAt(i)) >= 0) {
            i++;
        }
        if (i == digits || i - digits > 8 || i >= n || line.charAt(i) != ':') {
            return false;
        }
        long offset = Long.parseLong(line.substring(digits, i), 16);
        i++;
        lineDataLength = 0;
        String bad = null;
        while (i < n) {
            int spaces = 0;
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
                spaces++;
            }
            if (i >= n || (spaces >= 2 && lineDataLength > 0)) {
                break;
            }
            int t = i;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            int len = i - t;
            if ((len == 4 || len == 2) && allHex(line, t, i)) {
                if (lineDataLength + len / 2 > lineData.length) {
                    bad = "more bytes than a hex line holds";
                    break;
                }
                for (int k = t; k < i; k += 2) {
                    lineData[lineDataLength++] = (byte) (hex(line.charAt(k)) << 4 | hex(line.charAt(k + 1)));
                }
                if (len == 2) {
                    break;
                }
            } else {
                bad = "\"" + shorten(line.substring(t, i)) + "\" is not hex";
                break;
            }
        }
        sawZeroX = true;
        lineZeroX = true;
        if (bad != null) {
            // an ASCII column is set apart by two spaces and never reaches here: this is damage
            badHexLine(offset, "a hex line whose bytes cannot be read: " + bad);
            return true;
        }
        bytes(offset, false);
        return true;
    }

    private void badHexLine(long offset, String reason) {
        if (offset == 0 && !(open && segmentStarting)) {
            finishFrame();
            startFrame();
        } else if (!open) {
            problem(reason);
            return;
        }
        if (!broken) {
            int have = size - frameStart;
            problem(reason + "; frame " + (frames.size() + 1)
                    + (have == 0 ? " is left out" : " keeps its first " + have + " bytes"));
        }
        broken = true;
    }

    /** Wireshark and text2pcap: "0010  80 35 00 01 ..." with an optional ASCII column after three spaces. */
    private boolean plainLine(String line, int i) {
        int n = line.length();
        int digits = i;
        while (i < n && hex(line.charAt(i)) >= 0) {
            i++;
        }
        int count = i - digits;
        if (count < 3 || count > 8) {
            return false;
        }
        long offset = Long.parseLong(line.substring(digits, i), 16);
        if (i < n && line.charAt(i) == ':') {
            i++;
        }
        if (i >= n || (line.charAt(i) != ' ' && line.charAt(i) != '\t')) {
            return false;
        }
        lineDataLength = 0;
        while (i < n) {
            int spaces = 0;
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
                spaces++;
            }
            if (i >= n || (spaces >= 3 && lineDataLength > 0)) {
                break;
            }
            if (i + 2 <= n && hex(line.charAt(i)) >= 0 && hex(line.charAt(i + 1)) >= 0
                    && (i + 2 == n || line.charAt(i + 2) == ' ' || line.charAt(i + 2) == '\t')
                    && lineDataLength < lineData.length) {
                lineData[lineDataLength++] = (byte) (hex(line.charAt(i)) << 4 | hex(line.charAt(i + 1)));
                i += 2;
            } else {
                break;
            }
        }
        if (lineDataLength == 0) {
            return false;
        }
        lineZeroX = false;
        bytes(offset, true);
        return true;
    }

    private void bytes(long offset, boolean mayHoldAscii) {
        if (!open) {
            if (offset != 0) {
                if (!orphanReported) {
                    problem(String.format("hex at offset 0x%04x, but no frame started at offset 0 before it",
                            offset));
                    orphanReported = true;
                }
                return;
            }
            startFrame();
        } else if (offset == 0 && !segmentStarting) {
            finishFrame();
            startFrame();
        }
        segmentStarting = false;
        if (broken) {
            return;
        }
        long expected = size - frameStart - segmentBase;
        if (offset != expected) {
            if (mayHoldAscii && offset < expected && offset >= expected - lastLineBytes) {
                // text2pcap's rule: bytes past the next line's offset were the ASCII column, not data
                size = (int) (frameStart + segmentBase + offset);
            } else {
                problem(String.format("offset 0x%04x where 0x%04x was expected; frame %d keeps its first %d"
                        + " bytes", offset, expected, frames.size() + 1, size - frameStart));
                broken = true;
                return;
            }
        }
        if (size - frameStart + lineDataLength > MAX_FRAME) {
            problem("frame " + (frames.size() + 1) + " is longer than " + MAX_FRAME + " bytes; it is cut there");
            broken = true;
            return;
        }
        ensure(lineDataLength);
        System.arraycopy(lineData, 0, data, size, lineDataLength);
        size += lineDataLength;
        lastLineBytes = lineDataLength;
    }

    private void startFrame() {
        open = true;
        orphanReported = false;
        frameStart = size;
        segmentBase = 0;
        segmentStarting = false;
        broken = false;
        lastLineBytes = 0;
        frameLine = lineNumber;
        frameLineOffset = lineOffset;
        frameZeroX = lineZeroX;
        frameNetwork = pendingNetwork;
        pendingNetwork = null;
        // hex after a tcpdump -e line carries the frame itself (-e -xx): nothing to rebuild or report
        summary = null;
        summaryProblem = null;
        if (pending && pendingHasTime) {
            frameTime = pendingTime;
        } else {
            frameTime = previousTime < 0 ? 0 : previousTime + 1_000;
        }
        frameComment = pending ? pendingComment : null;
        frameVlan = pending ? pendingVlan : -1;
        declaredLength = pending && pendingPktcap ? pendingLength : -1;
        pending = false;
    }

    private void finishFrame() {
        if (!open) {
            return;
        }
        open = false;
        int captured = size - frameStart;
        if (captured == 0) {
            return;
        }
        if (linkType == LINKTYPE_ETHERNET && frameZeroX && declaredLength < 0) {
            int network = networkLayerFirst(frameStart, captured);
            if (network >= 0) {
                if (!linkHeaderRebuilt(network)) {
                    size = frameStart;
                    return;
                }
                captured = size - frameStart;
            }
        }
        frames.add(new TextFrame(frameStart, captured, Math.max(captured, declaredLength), frameTime, frameComment,
                frameVlan, frameLine));
        previousTime = frameTime;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
        }
    }

    private void problem(String reason) {
        problem(lineNumber, lineOffset, reason);
    }

    private void problem(int line, long offset, String reason) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new TextProblem(line, offset, frames.size() + 1L, reason));
        }
    }

    // ---- tcpdump's one-line text ----

    /** The frame rebuilt from the last tcpdump -e line becomes a frame, or its problem is reported: no hex came. */
    private void flushSummary() {
        if (summaryProblem != null) {
            problem(summaryProblemLine, summaryProblemOffset, "tcpdump -e line that cannot be rebuilt into a frame: "
                    + summaryProblem);
            summaryProblem = null;
        }
        if (summary == null) {
            return;
        }
        if (open) {
            finishFrame();
        }
        byte[] b = summary.bytes;
        long t = summaryTime != Long.MIN_VALUE ? summaryTime : previousTime < 0 ? 0 : previousTime + 1_000;
        ensure(b.length);
        System.arraycopy(b, 0, data, size, b.length);
        frames.add(new TextFrame(size, b.length, b.length, t, summary.comment(), -1, summaryLine));
        size += b.length;
        previousTime = t;
        sawRebuilt = true;
        summary = null;
        pending = false;
    }

    /**
     * The EtherType of the network layer the frame's bytes start with when they are not an Ethernet frame but an
     * ARP, IPv4 or IPv6 header (what {@code tcpdump -x} prints), else -1.
     */
    private int networkLayerFirst(int at, int length) {
        if (length >= 14) {
            int etherType = u16(at + 12);
            for (int known : KNOWN_ETHER_TYPES) {
                if (etherType == known) {
                    return -1;
                }
            }
        }
        if (length >= 28 && u16(at) == 1 && u16(at + 2) == 0x0800 && u16(at + 4) == 0x0604) {
            int op = u16(at + 6);
            return op == 1 || op == 2 ? 0x0806 : op == 3 || op == 4 ? 0x8035 : -1;
        }
        int version = (data[at] & 0xff) >>> 4;
        if (version == 4 && length >= 20) {
            int headerLength = (data[at] & 0x0f) * 4;
            if (headerLength < 20 || headerLength > length) {
                return -1;
            }
            long sum = 0;
            for (int i = 0; i < headerLength; i += 2) {
                sum += u16(at + i);
            }
            while (sum >> 16 != 0) {
                sum = (sum & 0xffff) + (sum >> 16);
            }
            return sum == 0xffff ? 0x0800 : -1;
        }
        if (version == 6 && length >= 40 && 40 + u16(at + 4) >= length) {
            return 0x86dd;
        }
        return -1;
    }

    /**
     * Puts an Ethernet header before bytes tcpdump -x printed from the network layer on, from what the summary
     * line named; false (and a problem reported) when no summary line names it.
     */
    private boolean linkHeaderRebuilt(int etherType) {
        String named = etherType == 0x0806 ? "ARP" : etherType == 0x8035 ? "RARP" : etherType == 0x0800 ? "IP"
                : "IP6";
        String header = etherType == 0x0806 || etherType == 0x8035 ? "an ARP" : etherType == 0x0800 ? "an IPv4"
                : "an IPv6";
        if (!named.equals(frameNetwork)) {
            problem(frameLine, frameLineOffset, "the hex starts at " + header + " header, not at an Ethernet header,"
                    + " and no tcpdump summary line before it names " + named + ": tcpdump -x leaves out the"
                    + " link-layer header; capture with tcpdump -xx or -w to keep it");
            return false;
        }
        int at = frameStart;
        byte[] dst = new byte[6];
        byte[] src = new byte[6];
        String note;
        if (etherType == 0x0806 || etherType == 0x8035) {
            int op = u16(at + 6);
            System.arraycopy(data, at + 8, src, 0, 6);
            if (op == 1 || op == 3) {
                java.util.Arrays.fill(dst, (byte) 0xff);
            } else {
                System.arraycopy(data, at + 18, dst, 0, 6);
            }
            note = "the source MAC is the " + named + " sender's and the destination "
                    + (op == 1 || op == 3 ? "broadcast" : "the " + named + " target's") + ", both inferred";
        } else {
            boolean known;
            if (etherType == 0x0800) {
                int d = at + 16;
                if ((data[d] & 0xff) == 255 && (data[d + 1] & 0xff) == 255 && (data[d + 2] & 0xff) == 255
                        && (data[d + 3] & 0xff) == 255) {
                    java.util.Arrays.fill(dst, (byte) 0xff);
                    known = true;
                } else if ((data[d] & 0xf0) == 0xe0) {
                    dst[0] = 0x01;
                    dst[2] = 0x5e;
                    dst[3] = (byte) (data[d + 1] & 0x7f);
                    dst[4] = data[d + 2];
                    dst[5] = data[d + 3];
                    known = true;
                } else {
                    known = false;
                }
            } else if ((data[at + 24] & 0xff) == 0xff) {
                dst[0] = 0x33;
                dst[1] = 0x33;
                System.arraycopy(data, at + 36, dst, 2, 4);
                known = true;
            } else {
                known = false;
            }
            note = "the source MAC is unknown (zeros) and the destination "
                    + (known ? "is inferred from the multicast or broadcast address" : "is unknown (zeros)");
        }
        int captured = size - frameStart;
        ensure(14);
        System.arraycopy(data, frameStart, data, frameStart + 14, captured);
        System.arraycopy(dst, 0, data, frameStart, 6);
        System.arraycopy(src, 0, data, frameStart + 6, 6);
        data[frameStart + 12] = (byte) (etherType >>> 8);
        data[frameStart + 13] = (byte) etherType;
        size += 14;
        String comment = "link-layer header rebuilt: tcpdump -x printed none; " + note
                + ", the EtherType from the summary line";
        frameComment = frameComment == null ? comment : frameComment + "; " + comment;
        return true;
    }

    private int u16(int at) {
        return (data[at] & 0xff) << 8 | (data[at + 1] & 0xff);
    }

    // ---- times ----

    /** The time a header line starts with, or Long.MIN_VALUE when it starts with none. */
    private long leadingTime(String line) {
        Matcher m = DATE_TIME.matcher(line);
        if (m.find()) {
            try {
                long days = java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).toEpochDay();
                int h = Integer.parseInt(m.group(4));
                int min = Integer.parseInt(m.group(5));
                int s = Integer.parseInt(m.group(6));
                if (h > 23 || min > 59 || s > 60) {
                    return Long.MIN_VALUE;
                }
                return days * DAY + ((h * 60L + min) * 60 + s) * SECOND + fraction(m.group(7));
            } catch (java.time.DateTimeException e) {
                return Long.MIN_VALUE;
            }
        }
        m = TIME_OF_DAY.matcher(line);
        if (m.find()) {
            return timeOfDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4));
        }
        m = EPOCH.matcher(line);
        if (m.find()) {
            return Long.parseLong(m.group(1)) * SECOND + fraction(m.group(2));
        }
        m = RELATIVE.matcher(line);
        if (m.find() && m.group(1).length() <= 9) {
            return Long.parseLong(m.group(1)) * SECOND + fraction(m.group(2));
        }
        return Long.MIN_VALUE;
    }

    private long timeOfDay(int h, int min, int s, String fraction) {
        if (h > 23 || min > 59 || s > 60) {
            return Long.MIN_VALUE;
        }
        long t = ((h * 60L + min) * 60 + s) * SECOND + fraction(fraction);
        // a capture running past midnight: the clock going back by more than half a day is the next day
        if (lastTimeOfDay >= 0 && t < lastTimeOfDay - DAY / 2) {
            dayOffset += DAY;
        }
        lastTimeOfDay = t;
        return dayOffset + t;
    }

    private long fraction(String digits) {
        if (digits == null || digits.isEmpty()) {
            precisionDigits = Math.max(precisionDigits, 0);
            return 0;
        }
        precisionDigits = Math.max(precisionDigits, digits.length());
        long v = Long.parseLong(digits);
        for (int i = digits.length(); i < 9; i++) {
            v *= 10;
        }
        return v;
    }

    // ---- small helpers ----

    private static int linkTypeOf(String name) {
        switch (name) {
            case "LINUX_SLL":
                return 113;
            case "LINUX_SLL2":
                return 276;
            default:
                return LINKTYPE_ETHERNET;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean allHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (hex(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
