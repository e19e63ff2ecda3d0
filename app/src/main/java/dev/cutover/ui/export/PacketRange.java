package dev.cutover.ui.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Wireshark's packet range text: frame numbers (1-based) and spans separated by commas, "1-10,20,30-", where
 * "30-" runs to the last frame and "-5" starts at the first.
 */
public final class PacketRange {
    private final long[] from;
    private final long[] to;

    private PacketRange(long[] from, long[] to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Reads a range.
     *
     * @throws IllegalArgumentException with a sentence naming the part that is not a frame number or span
     */
    public static PacketRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type frame numbers and spans, such as 1-10,20,30-");
        }
        List<long[]> spans = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("An empty part in \"" + text.strip() + "\"");
            }
            int dash = part.indexOf('-');
            long lo;
            long hi;
            if (dash < 0) {
                lo = number(part, part);
                hi = lo;
            } else {
                String a = part.substring(0, dash).strip();
                String b = part.substring(dash + 1).strip();
                if (a.isEmpty() && b.isEmpty()) {
                    throw new IllegalArgumentException("\"" + part + "\" is not a frame number or a span");
                }
                lo = a.isEmpty() ? 1 : number(a, part);
                hi = b.isEmpty() ? Long.MAX_VALUE : number(b, part);
                if (hi < lo) {
                    throw new IllegalArgumentException("\"" + part + "\" ends before it starts");
                }
            }
            spans.add(new long[] {lo, hi});
        }
        long[] from = new long[spans.size()];
        long[] to = new long[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            from[i] = spans.get(i)[0];
            to[i] = spans.get(i)[1];
        }
        return new PacketRange(from, to);
    }

    private static long number(String s, String part) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new IllegalArgumentException("\"" + part + "\" is not a frame number or a span");
            }
        }
        if (s.length() > 12) {
            throw new IllegalArgumentException("\"" + part + "\" is past any frame number");
        }
        long n = Long.parseLong(s);
        if (n < 1) {
            throw new IllegalArgumentException("Frames are numbered from 1, not " + n);
        }
        return n;
    }

    /** Whether frame {@code number} (1-based, as shown) is in the range. */
    public boolean contains(long number) {
        for (int i = 0; i < from.length; i++) {
            if (number >= from[i] && number <= to[i]) {
                return true;
            }
        }
        return false;
    }
}
