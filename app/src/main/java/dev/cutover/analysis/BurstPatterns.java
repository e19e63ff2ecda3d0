package dev.cutover.analysis;

import java.util.List;

/**
 * Recognises a RARP burst's sender from the spacing of the frames seen on one interface. The rules exclude each
 * other: QEMU's intervals grow by a fixed step and never reach a second, ESXi's grow to a second and more.
 */
final class BurstPatterns {
    private static final long MS = 1_000_000L;
    // QEMU announce-self defaults (migration parameters announce-initial, -step, -max, -rounds): 50 ms, 100 ms,
    // 550 ms, 5 rounds; the first frame leaves at once, each next one `initial + step * i` later, capped at max
    private static final long QEMU_INITIAL = 50 * MS;
    private static final long QEMU_STEP = 100 * MS;
    private static final long QEMU_MAX = 550 * MS;
    // ESXi backs off: optionally a few frames at once, then intervals of about a second that grow to several
    // seconds (a vMotion seen with tcpdump-uw: 0.79, 1, 1, 2, 3 s; VMware: 12 frames over about a minute).
    // Half a second tells "spaced out" from "at once"; beyond a minute and a half it is no longer one burst.
    private static final long SPACED_OUT = 500 * MS;
    private static final long ESXI_MAX_SPAN = 90_000 * MS;

    private BurstPatterns() {
    }

    /** The pattern the times (ascending) fit, judged on timing alone: QEMU, ESXi or unknown. */
    static BurstPattern timing(List<Long> times, long tolerance) {
        if (times.size() < 3) {
            return BurstPattern.UNKNOWN;
        }
        if (fitsQemu(times, tolerance)) {
            return BurstPattern.QEMU_ANNOUNCE_SELF;
        }
        if (fitsEsxi(times, tolerance)) {
            return BurstPattern.ESXI_NOTIFY_SWITCHES;
        }
        return BurstPattern.UNKNOWN;
    }

    /** QEMU's staircase, any number of rounds: 50, 150, 250, ... ms, then 550 ms each. */
    static boolean fitsQemu(List<Long> times, long tolerance) {
        for (int i = 0; i < times.size() - 1; i++) {
            long expected = Math.min(QEMU_INITIAL + QEMU_STEP * i, QEMU_MAX);
            long actual = times.get(i + 1) - times.get(i);
            if (Math.abs(actual - expected) > tolerance) {
                return false;
            }
        }
        return true;
    }

    /**
     * ESXi's back-off: intervals that never shrink (beyond jitter), at least two of them spaced out, the last of
     * those clearly longer than the first, all within a minute and a half. Frames at once before them may be
     * there or not.
     */
    static boolean fitsEsxi(List<Long> times, long tolerance) {
        int n = times.size();
        long span = times.get(n - 1) - times.get(0);
        if (span > ESXI_MAX_SPAN) {
            return false;
        }
        long spacedOut = Math.max(SPACED_OUT, 2 * tolerance);
        long firstSpaced = -1;
        int spaced = 0;
        long previous = -1;
        for (int i = 0; i < n - 1; i++) {
            long d = times.get(i + 1) - times.get(i);
            if (previous >= 0 && d < previous - jitter(previous, tolerance)) {
                return false;
            }
            if (d >= spacedOut) {
                spaced++;
                if (firstSpaced < 0) {
                    firstSpaced = d;
                }
            }
            previous = d;
        }
        return spaced >= 2 && previous > firstSpaced + jitter(firstSpaced, tolerance);
    }

    /** How much an interval may wander and still count as the same: the tolerance, or a tenth of a long one. */
    private static long jitter(long interval, long tolerance) {
        return Math.max(tolerance, interval / 10);
    }
}
