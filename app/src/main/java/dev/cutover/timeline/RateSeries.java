package dev.cutover.timeline;

import dev.cutover.analysis.FrameClass;

import java.util.Arrays;

/**
 * Time stamps of the RARP, GARP and all ARP-family frames of a capture, sorted, to count per interval as
 * Wireshark's I/O graph does. Counting visits only the frames inside the visible range.
 */
public final class RateSeries {
    /** Which frames a series counts. */
    public enum Kind {
        RARP("RARP", "#1f6feb"), GARP("GARP", "#d9730d"), ARP("all ARP", "#8c959f");

        private final String label;
        private final String colour;

        Kind(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        public String label() {
            return label;
        }

        public String colour() {
            return colour;
        }
    }

    /** Frames per bin of one series, from {@code startNanos} in steps of {@code binNanos}. */
    public record Bins(long startNanos, long binNanos, int[][] counts) {
        public int max() {
            int m = 0;
            for (int[] c : counts) {
                for (int v : c) {
                    m = Math.max(m, v);
                }
            }
            return m;
        }
    }

    public static final RateSeries EMPTY = new RateSeries(new long[0], new long[0], new long[0]);

    private final long[][] times;
    /** The last counting: scrolling the lanes repaints with the same range, and must not count again. */
    private volatile Bins last;

    private RateSeries(long[] rarp, long[] garp, long[] arp) {
        times = new long[][] {rarp, garp, arp};
    }

    /** Reads every frame's class and time once. */
    public static RateSeries of(TimelineFrames facts) {
        int n = facts.frameCount();
        long[] rarp = new long[16];
        long[] garp = new long[16];
        long[] arp = new long[16];
        int nr = 0;
        int ng = 0;
        int na = 0;
        for (int i = 0; i < n; i++) {
            FrameClass c = facts.frameClass(i);
            // the series are ARP's: IPv6 neighbour discovery has its own classes and is not counted as ARP
            if (c == FrameClass.NONE || c.isNdp()) {
                continue;
            }
            long t = facts.timeNanos(i);
            if (na == arp.length) {
                arp = Arrays.copyOf(arp, na * 2);
            }
            arp[na++] = t;
            if (c == FrameClass.RARP_REQUEST) {
                if (nr == rarp.length) {
                    rarp = Arrays.copyOf(rarp, nr * 2);
                }
                rarp[nr++] = t;
            } else if (c.isGratuitous()) {
                if (ng == garp.length) {
                    garp = Arrays.copyOf(garp, ng * 2);
                }
                garp[ng++] = t;
            }
        }
        long[] r = Arrays.copyOf(rarp, nr);
        long[] g = Arrays.copyOf(garp, ng);
        long[] a = Arrays.copyOf(arp, na);
        // merged captures are in time order already; sort anyway, it is cheap next to reading
        Arrays.sort(r);
        Arrays.sort(g);
        Arrays.sort(a);
        return new RateSeries(r, g, a);
    }

    public int count(Kind k) {
        return times[k.ordinal()].length;
    }

    /** Counts per bin across the scale; bins start on multiples of {@code binNanos} from {@code originNanos}. */
    public Bins bin(TimeScale scale, long binNanos, long originNanos) {
        long bin = Math.max(1, binNanos);
        long first = originNanos + Math.floorDiv(scale.startNanos() - originNanos, bin) * bin;
        int nBins = (int) Math.min(100_000, (scale.endNanos() - first) / bin + 1);
        Bins memo = last;
        if (memo != null && memo.startNanos() == first && memo.binNanos() == bin && memo.counts()[0].length == nBins) {
            return memo;
        }
        int[][] counts = new int[3][nBins];
        for (int k = 0; k < 3; k++) {
            long[] t = times[k];
            int i = lowerBound(t, first);
            for (; i < t.length; i++) {
                long b = (t[i] - first) / bin;
                if (b >= nBins) {
                    break;
                }
                counts[k][(int) b]++;
            }
        }
        Bins bins = new Bins(first, bin, counts);
        last = bins;
        return bins;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
