package dev.cutover.capture.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads frames printed as text: pktcap-uw's console output, {@code tcpdump -xx}/{@code -XX}, and Wireshark's
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
        TextFormat format = p.sawPktcap ? TextFormat.PKTCAP_UW : p.sawZeroX ? TextFormat.TCPDUMP : TextFormat.HEX_DUMP;
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
            if (open && Integer.parseInt(m.group(1)) > 0) {
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
        Matcher m = UPLINK.matcher(line);
        if (m.matches()) {
            interfaceName = m.group(1);
            return;
        }
        m = LINK_TYPE.matcher(line);
        if (m.find() && (line.contains("reading from file") || line.contains("listening on"))) {
            linkType = linkTypeOf(m.group(1));
            return;
        }
        long t = leadingTime(line);
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
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new TextProblem(lineNumber, lineOffset, frames.size() + 1L, reason));
        }
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
