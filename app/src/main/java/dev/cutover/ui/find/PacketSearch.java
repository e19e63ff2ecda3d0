package dev.cutover.ui.find;

import dev.cutover.annotations.AnnotationSource;
import dev.cutover.frames.Column;
import dev.cutover.frames.FramePipeline;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import dev.cutover.ui.packets.TimeFormat;
import dev.cutover.ui.selection.FieldSelection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What Edit > Find Packet looks for, compiled once, as Wireshark's find bar: a display filter, a byte sequence,
 * or a string in the packet list's columns, the details tree's lines or the frame's bytes.
 */
public final class PacketSearch {
    /** What the text is. */
    public enum Mode {
        DISPLAY_FILTER("Display filter"), HEX("Hex value"), STRING("String");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where a string is looked for. */
    public enum Scope {
        LIST("Packet list"), DETAILS("Packet details"), BYTES("Packet bytes");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the packet list's Time column reads, taken when the search starts. */
    public record TimeColumn(TimeFormat format, int digits, ZoneId zone) {
        /** The time column for a capture: its interfaces' finest precision, 6 digits when they say none. */
        public static TimeColumn of(Capture c, TimeFormat format, ZoneId zone) {
            int digits = 6;
            if (c != null && !c.interfaces().isEmpty()) {
                digits = c.interfaces().stream().mapToInt(i -> i.timePrecisionDigits()).max().orElse(6);
            }
            return new TimeColumn(format, Math.max(0, Math.min(9, digits)), zone);
        }
    }

    private final Mode mode;
    private final Scope scope;
    private final boolean caseSensitive;
    private final String text;
    private final CompiledFilter filter;
    private final byte[] bytes;

    private PacketSearch(Mode mode, Scope scope, boolean caseSensitive, String text, CompiledFilter filter,
                         byte[] bytes) {
        this.mode = mode;
        this.scope = scope;
        this.caseSensitive = caseSensitive;
        this.text = text;
        this.filter = filter;
        this.bytes = bytes;
    }

    /**
     * Compiles the text for a mode; a display filter or hex value that is not one throws with the reason and
     * where it went wrong, as the filter bar reports it.
     */
    public static PacketSearch compile(Mode mode, Scope scope, boolean caseSensitive, String text)
            throws FilterException {
        String t = text == null ? "" : text;
        switch (mode) {
            case DISPLAY_FILTER:
                if (t.isBlank()) {
                    throw new FilterException(t, 0, 0, "Enter a display filter, such as arp.opcode == 3");
                }
                return new PacketSearch(mode, scope, caseSensitive, t, CompiledFilter.compile(t), null);
            case HEX:
                return new PacketSearch(mode, scope, caseSensitive, t, null, parseHex(t));
            case STRING:
            default:
                if (t.isEmpty()) {
                    throw new FilterException(t, 0, 0, "Enter the text to find");
                }
                return new PacketSearch(mode, scope, caseSensitive, t, null,
                        t.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Bytes written as Wireshark's find bar takes them: pairs of hex digits, together or apart ("00 50 56",
     * "005056", "00:50:56", "00-50-56", "00.50.56"); a single digit between separators is one byte.
     */
    static byte[] parseHex(String text) throws FilterException {
        byte[] out = new byte[text.length()];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && !isSeparator(text.charAt(i))) {
                if (Character.digit(text.charAt(i), 16) < 0) {
                    throw new FilterException(text, i, 1, "\"" + text.charAt(i) + "\" is not a hex digit: "
                            + "write bytes as 00 50 56, 005056 or 00:50:56");
                }
                i++;
            }
            int digits = i - start;
            if (digits == 1) {
                out[n++] = (byte) Character.digit(text.charAt(start), 16);
            } else if (digits % 2 != 0) {
                throw new FilterException(text, start, digits, "\"" + text.substring(start, i) + "\" has an odd "
                        + "number of hex digits: each byte is two");
            } else {
                for (int k = start; k < i; k += 2) {
                    out[n++] = (byte) (Character.digit(text.charAt(k), 16) << 4 | Character.digit(text.charAt(k + 1), 16));
                }
            }
        }
        if (n == 0) {
            throw new FilterException(text, 0, 0, "Enter the bytes to find, as 00 50 56, 005056 or 00:50:56");
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ':' || c == '.' || c == '-' || c == '\t';
    }

    public Mode mode() {
        return mode;
    }

    public Scope scope() {
        return scope;
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public String text() {
        return text;
    }

    /** The bytes a hex value stands for (a copy); null in the other modes. */
    public byte[] hexBytes() {
        return mode == Mode.HEX ? bytes.clone() : null;
    }

    /**
     * A matcher for one pass over a capture, on one thread.
     *
     * @param comments the annotations' comments of a frame, as the filter and the tree see them
     * @param facts    the migration analysis, for filters and tree lines about it; null when there is none yet
     * @param time     how the Time column reads, for a search in the packet list
     */
    public Matcher matcher(Capture capture, IntFunction<List<String>> comments, AnalysisResult facts,
                           TimeColumn time) {
        return new Matcher(capture, comments, facts, time);
    }

    /** Tells whether a frame matches; holds a decoder and a buffer, so one per thread. */
    public final class Matcher {
        private final Capture capture;
        private final FramePipeline.Reader decoder;
        private final Dissection d = new Dissection();
        private final TimeColumn time;
        private final byte[] buffer;

        private Matcher(Capture capture, IntFunction<List<String>> comments, AnalysisResult facts, TimeColumn time) {
            this.capture = capture;
            // the tree's facts: the analysis's when it is there, as the details pane shows them
            // (an analysis of another capture, an older live snapshot say, is not this one's)
            FramePipeline frames = FramePipeline.of(capture).withAnnotations(AnnotationSource.comments(comments))
                    .withAnalysis(facts != null && facts.frameCount() == capture.frameCount() ? facts : null);
            // a display filter on the analysis's fields before (or without) the analysis is an error with the
            // fields named, which the search reports, never "not found"
            this.decoder = mode == Mode.DISPLAY_FILTER ? frames.reader(filter) : frames.fullReader();
            this.time = time;
            this.buffer = new byte[Math.max(64, capture.maxCapturedLength())];
        }

        /** Whether frame {@code frame} (0-based) matches. */
        public boolean matches(int frame) throws IOException {
            if (mode == Mode.DISPLAY_FILTER) {
                return decoder.matches(frame, filter, d);
            }
            if (mode == Mode.HEX || scope == Scope.BYTES) {
                int n = capture.readFrame(frame, buffer);
                return indexOf(buffer, n, bytes, mode == Mode.HEX || caseSensitive) >= 0;
            }
            FrameInfo info = decoder.decode(frame, d, Layer.ALL);
            if (scope == Scope.DETAILS) {
                for (int node = 0; node < d.size(); node++) {
                    if (FieldSelection.visible(d, node) && contains(FieldFormat.label(d, node))) {
                        return true;
                    }
                }
                return false;
            }
            // the packet list's cells: its own Time format, and every other column as the shared declaration reads
            if (contains(time.format().format(capture.index(), frame, time.digits(), time.zone()))) {
                return true;
            }
            for (Column c : Column.LIST) {
                if (c != Column.TIME && contains(c.of(info, d, null))) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(String haystack) {
            if (haystack == null || haystack.length() < text.length()) {
                return false;
            }
            if (caseSensitive) {
                return haystack.contains(text);
            }
            int last = haystack.length() - text.length();
            for (int i = 0; i <= last; i++) {
                if (haystack.regionMatches(true, i, text, 0, text.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Where {@code needle} first is in {@code data[0..length)}, -1 when nowhere; ASCII letters any case unless exact. */
    static int indexOf(byte[] data, int length, byte[] needle, boolean exact) {
        int last = length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            for (int k = 0; k < needle.length; k++) {
                byte a = data[i + k];
                byte b = needle[k];
                if (a != b && (exact || lower(a) != lower(b))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }
}
