package dev.cutover.capture;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far apart the clocks of two capture files are, judged from frames both of them caught: a broadcast or
 * multicast frame (a RARP, a gratuitous ARP) seen on two uplinks, or on a host and a SPAN port, has the same bytes
 * in both files, so the difference of its two time stamps is the difference of the two clocks (plus the wire's
 * few microseconds). The offset is the median of those differences.
 *
 * <p>The work is bounded: only Ethernet frames of up to {@link #MAX_FRAME_BYTES} bytes sent to a group address
 * are compared (an 802.1Q tag is left out, so a frame tagged on a trunk matches itself untagged on an access
 * port), at most {@link #MAX_SAMPLES} of them per file, among the first {@link #MAX_EXAMINED} small frames, and at
 * most {@link #MAX_COPIES} copies of one frame.
 */
public final class ClockOffsets {
    /** Larger frames are not compared. */
    public static final int MAX_FRAME_BYTES = 128;
    /** At most this many frames of each file are compared. */
    public static final int MAX_SAMPLES = 20_000;
    /** At most this many small frames of each file are read to find group-addressed ones. */
    public static final int MAX_EXAMINED = 500_000;
    /** Time stamps of the same frame further apart than this from the offset found are not counted as a match. */
    static final long MATCH_WINDOW_NANOS = 5_000_000L;
    /** At most this many of the copies of one frame in each file are paired (a frame repeated all along). */
    public static final int MAX_COPIES = 64;
    /** At most this many time differences are weighed. */
    private static final int MAX_DIFFERENCES = 4_000_000;
    /** An offset smaller than this is not worth correcting: capture jitter, not a wrong clock. */
    public static final long NEGLIGIBLE_NANOS = 1_000_000L;

    private ClockOffsets() {
    }

    /**
     * The group-addressed small frames of one file: a hash of each frame's bytes and its time stamp, as the index
     * holds it (any time shift applied).
     */
    public static final class Sample {
        /** By hash of a frame's bytes: the time stamps of its copies. */
        private final Map<Long, Copies> copies = new HashMap<>();
        private int frames;

        /** Records one copy of the frame whose bytes hash to {@code hash}, seen at {@code time} (ns). */
        public void add(long hash, long time) {
            Copies c = copies.computeIfAbsent(hash, h -> new Copies());
            if (c.n >= MAX_COPIES) {
                return;
            }
            if (c.n == c.times.length) {
                c.times = Arrays.copyOf(c.times, c.n * 2);
            }
            c.times[c.n++] = time;
            frames++;
        }

        /** Frames sampled. */
        public int frames() {
            return frames;
        }
    }

    /** The time stamps of one frame's copies in a file: the first {@code n} of {@code times}. */
    private static final class Copies {
        long[] times = new long[4];
        int n;
    }

    /**
     * What the frames of two files tell about their clocks.
     *
     * @param offsetNanos nanoseconds to add to the other file's time stamps to bring them onto the reference's
     *                    clock: positive when the other file runs behind
     * @param frames      frames of the other file seen in the reference at about that offset
     */
    public record Offset(long offsetNanos, int frames) {
        /** Whether the offset is large enough to be a wrong clock rather than jitter. */
        public boolean significant() {
            return Math.abs(offsetNanos) > NEGLIGIBLE_NANOS;
        }
    }

    /** Samples the frames of file {@code sourceIndex} of an open capture (one of several merged, or the only one). */
    public static Sample sample(Capture capture, int sourceIndex) throws IOException {
        Sample sample = new Sample();
        FrameIndex index = capture.index();
        List<InterfaceInfo> interfaces = capture.interfaces();
        byte[] buf = new byte[MAX_FRAME_BYTES];
        int examined = 0;
        for (int i = 0; i < index.size() && sample.frames < MAX_SAMPLES && examined < MAX_EXAMINED; i++) {
            int length = index.capturedLength(i);
            if (length < 14 || length > MAX_FRAME_BYTES) {
                continue;
            }
            InterfaceInfo iface = interfaces.get(index.interfaceId(i));
            if (iface.sourceIndex() != sourceIndex || iface.linkType() != LinkTypes.ETHERNET) {
                continue;
            }
            examined++;
            capture.readFrame(i, buf);
            if ((buf[0] & 1) == 0) {
                continue; // unicast: seen at one place only, as a rule
            }
            sample.add(hash(buf, length), index.timestampNanos(i));
        }
        return sample;
    }

    /**
     * The offset of {@code other}'s clock from {@code reference}'s, or null when no frame was seen in both.
     * Every pairing of the copies of a frame gives a difference; the offset is the median of the differences
     * in the densest {@link #MATCH_WINDOW_NANOS}-wide cluster (the pairs of copies that are one and the same
     * frame), so frames repeated at intervals do not pull it off.
     */
    public static Offset between(Sample reference, Sample other) {
        long[] d = new long[1024];
        int count = 0;
        for (Map.Entry<Long, Copies> e : other.copies.entrySet()) {
            Copies ref = reference.copies.get(e.getKey());
            if (ref == null) {
                continue;
            }
            Copies oth = e.getValue();
            for (int a = 0; a < ref.n && count < MAX_DIFFERENCES; a++) {
                for (int b = 0; b < oth.n && count < MAX_DIFFERENCES; b++) {
                    if (count == d.length) {
                        d = Arrays.copyOf(d, count * 2);
                    }
                    d[count++] = ref.times[a] - oth.times[b];
                }
            }
        }
        if (count == 0) {
            return null;
        }
        Arrays.sort(d, 0, count);
        int bestFrom = 0;
        int bestTo = 1;
        int to = 0;
        for (int from = 0; from < count; from++) {
            if (to < from + 1) {
                to = from + 1;
            }
            while (to < count && d[to] - d[from] <= MATCH_WINDOW_NANOS) {
                to++;
            }
            if (to - from > bestTo - bestFrom) {
                bestFrom = from;
                bestTo = to;
            }
        }
        int n = bestTo - bestFrom;
        long lo = d[bestFrom + (n - 1) / 2];
        long hi = d[bestFrom + n / 2];
        long median = lo + (hi - lo) / 2; // hi - lo is within the window: no overflow
        return new Offset(median, matched(reference, other, median));
    }

    /** How many of {@code other}'s sampled frames have a copy in {@code reference} at about {@code offset}. */
    private static int matched(Sample reference, Sample other, long offset) {
        int matched = 0;
        for (Map.Entry<Long, Copies> e : other.copies.entrySet()) {
            Copies ref = reference.copies.get(e.getKey());
            if (ref == null) {
                continue;
            }
            Copies oth = e.getValue();
            for (int b = 0; b < oth.n; b++) {
                for (int a = 0; a < ref.n; a++) {
                    if (Math.abs(ref.times[a] - oth.times[b] - offset) <= MATCH_WINDOW_NANOS / 2) {
                        matched++;
                        break;
                    }
                }
            }
        }
        return matched;
    }

    /**
     * The offset of each file of a merged capture from the first file: element 0 is null, as is the element of a
     * file that has no frame in common with the first.
     */
    public static List<Offset> fromFirst(Capture capture) throws IOException {
        List<Offset> offsets = new ArrayList<>();
        offsets.add(null);
        if (capture.sources().size() < 2) {
            return offsets;
        }
        Sample first = sample(capture, 0);
        for (int s = 1; s < capture.sources().size(); s++) {
            offsets.add(between(first, sample(capture, s)));
        }
        return offsets;
    }

    // 64-bit FNV-1a over the frame, an 802.1Q tag left out
    private static long hash(byte[] b, int length) {
        long h = 0xcbf29ce484222325L;
        boolean tagged = length >= 18 && b[12] == (byte) 0x81 && b[13] == 0x00;
        for (int i = 0; i < length; i++) {
            if (tagged && i >= 12 && i < 16) {
                continue;
            }
            h ^= b[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /**
     * One line saying how far {@code other}'s clock is from {@code reference}'s and the option that aligns them,
     * e.g. "vusb2.pcap runs 2.913 s behind vmnic5.pcap (7 frames seen in both); to align: --time-shift
     * vusb2.pcap=2.913"; null when the offset is {@linkplain Offset#significant() negligible}.
     *
     * @param currentShiftNanos the time shift {@code other} was opened with: the option given adds the offset to it
     */
    public static String advice(String reference, String other, Offset offset, long currentShiftNanos) {
        if (offset == null || !offset.significant()) {
            return null;
        }
        return comparison(reference, other, offset) + "; to align: --time-shift " + other + "="
                + seconds(aligningShift(offset, currentShiftNanos));
    }

    /**
     * How far {@code other}'s clock is from {@code reference}'s: the sentence of {@link #advice} without the option,
     * or for a negligible offset "vusb2.pcap and vmnic5.pcap agree within 1 ms (7 frames seen in both)".
     */
    public static String comparison(String reference, String other, Offset offset) {
        String seen = " (" + offset.frames() + (offset.frames() == 1 ? " frame" : " frames") + " seen in both)";
        if (!offset.significant()) {
            return other + " and " + reference + " agree within " + NEGLIGIBLE_NANOS / 1_000_000 + " ms" + seen;
        }
        long off = offset.offsetNanos();
        String amount = java.math.BigDecimal.valueOf(Math.abs(off), 9)
                .setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
        return other + " runs " + amount + " s " + (off > 0 ? "behind " : "ahead of ") + reference + seen;
    }

    /** The time shift that puts a file opened with {@code currentShiftNanos} on the reference's clock. */
    public static long aligningShift(Offset offset, long currentShiftNanos) {
        return TimestampScale.saturatedAdd(currentShiftNanos, offset.offsetNanos());
    }

    /** "2.913" (seconds, up to nanoseconds, no trailing zeros), signed when negative. */
    public static String seconds(long nanos) {
        return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }
}
