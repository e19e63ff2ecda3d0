package dev.cutover.statistics;

import dev.cutover.analysis.FrameClass;
import dev.cutover.capture.FrameIndex;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; I/O Graph: frames per interval, as Wireshark's I/O graph counts them, for all frames, the
 * ARP family by class (from the migration analysis's frame classes in the index), and the frames the display
 * filter shows. Counting reads the frame index only (times and classes in memory), never the files.
 * The timeline's {@code RateSeries} counts the ARP classes for its own chart; this one adds all frames and the
 * displayed ones and bins only what a window asks for.
 */
public final class IoGraph {
    /** One line of the graph. */
    public enum Series {
        ALL("All frames"), ARP("All ARP"), RARP("RARP"), GARP("GARP"), DISPLAYED("Displayed");

        private final String label;

        Series(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The intervals offered, as Wireshark's I/O graph offers them: 1 ms to 1 min. */
    public static final long[] INTERVALS = {
        1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L, 20_000_000L, 50_000_000L, 100_000_000L, 200_000_000L,
        500_000_000L, 1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L, 20_000_000_000L,
        30_000_000_000L, 60_000_000_000L,
    };
    /** Bins counted at most in one request; a finer interval over a longer range is made coarser. */
    public static final int MAX_BINS = 100_000;

    /**
     * Counts per bin.
     *
     * @param startNanos first bin's start
     * @param binNanos   the interval
     * @param counts     counts[series.ordinal()][bin]; the DISPLAYED row is null when no filter applies
     */
    public record Bins(long startNanos, long binNanos, int[][] counts) {
        public int bins() {
            return counts[0].length;
        }

        /** The largest count of the series shown. */
        public int max(boolean[] shown) {
            int m = 0;
            for (int s = 0; s < counts.length; s++) {
                if (counts[s] != null && shown[s]) {
                    for (int v : counts[s]) {
                        m = Math.max(m, v);
                    }
                }
            }
            return m;
        }

        public int count(Series s, int bin) {
            int[] c = counts[s.ordinal()];
            return c == null || bin < 0 || bin >= c.length ? 0 : c[bin];
        }
    }

    private IoGraph() {
    }

    /** The first and last frame time, {first, last}; {0, 0} for no frames. */
    public static long[] span(FrameIndex index) {
        int n = index.size();
        if (n == 0) {
            return new long[] {0, 0};
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long t = index.timestampNanos(i);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return new long[] {first, last};
    }

    /** The smallest offered interval that cuts {@code spanNanos} into at most {@code maxBins} bins. */
    public static long autoInterval(long spanNanos, int maxBins) {
        for (long i : INTERVALS) {
            if (spanNanos / i < maxBins) {
                return i;
            }
        }
        return INTERVALS[INTERVALS.length - 1];
    }

    /** {@code wanted}, or coarser when it would make more than {@link #MAX_BINS} bins of the range. */
    public static long fit(long wanted, long spanNanos) {
        long i = Math.max(1, wanted);
        while (spanNanos / i >= MAX_BINS) {
            i *= 2;
        }
        return i;
    }

    /**
     * Counts the frames from {@code startNanos} to {@code endNanos} in bins of {@code binNanos} whose starts are
     * multiples of the interval from {@code originNanos}.
     *
     * @param displayed the display filter's frames, or null when none applies (no DISPLAYED row)
     * @param stop      polled now and then; true abandons the count with a CancellationException
     */
    public static Bins count(FrameIndex index, long originNanos, long startNanos, long endNanos, long binNanos,
                             IntPredicate displayed, BooleanSupplier stop) {
        long bin = fit(binNanos, Math.max(0, endNanos - startNanos));
        long first = originNanos + Math.floorDiv(startNanos - originNanos, bin) * bin;
        int nBins = (int) Math.max(1, Math.min(MAX_BINS, (endNanos - first) / bin + 1));
        int[][] counts = new int[Series.values().length][];
        for (Series s : Series.values()) {
            counts[s.ordinal()] = s == Series.DISPLAYED && displayed == null ? null : new int[nBins];
        }
        int[] all = counts[Series.ALL.ordinal()];
        int[] arp = counts[Series.ARP.ordinal()];
        int[] rarp = counts[Series.RARP.ordinal()];
        int[] garp = counts[Series.GARP.ordinal()];
        int[] shown = counts[Series.DISPLAYED.ordinal()];
        int n = index.size();
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0 && stop.getAsBoolean()) {
                throw new CancellationException("superseded");
            }
            long t = index.timestampNanos(i);
            if (t < first) {
                continue;
            }
            long b = (t - first) / bin;
            if (b >= nBins) {
                continue;
            }
            int k = (int) b;
            all[k]++;
            FrameClass c = FrameClass.ofCode(index.frameClass(i));
            if (c != FrameClass.NONE && !c.isNdp()) {
                arp[k]++;
                if (c == FrameClass.RARP_REQUEST || c == FrameClass.RARP_REPLY) {
                    rarp[k]++;
                } else if (c.isGratuitous()) {
                    garp[k]++;
                }
            }
            if (shown != null && displayed.test(i)) {
                shown[k]++;
            }
        }
        return new Bins(first, bin, counts);
    }

    /** "1 ms", "200 ms", "1 s", "1 min". */
    public static String intervalText(long nanos) {
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + " min";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + " s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + " ms";
        }
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
