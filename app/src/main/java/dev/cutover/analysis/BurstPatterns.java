package dev.cutover.analysis;

import java.util.List;

/** Recognises a RARP burst's sender from the spacing of the frames seen on one interface. */
final class BurstPatterns {
    private static final long MS = 1_000_000L;
    // QEMU announce-self defaults: initial 50 ms, step 100 ms, max 550 ms, 5 rounds
    private static final long QEMU_INITIAL = 50 * MS;
    private static final long QEMU_STEP = 100 * MS;
    private static final long QEMU_MAX = 550 * MS;
    // ESXi spaces its later notifications by about a second; half a second tells them from "at once"
    private static final long SPACED_OUT = 500 * MS;

    private BurstPatterns() {
    }

    /** The pattern the times (ascending) fit, judged on timing alone: QEMU, ESXi or unknown. */
    static BurstPattern timing(List<Long> times, long tolerance) {
        int n = times.size();
        if (n >= 3 && fitsQemu(times, tolerance)) {
            return BurstPattern.QEMU_ANNOUNCE_SELF;
        }
        if (n >= 3 && times.get(1) - times.get(0) <= tolerance) {
            for (int i = 1; i < n - 1; i++) {
                if (times.get(i + 1) - times.get(i) >= Math.max(SPACED_OUT, 2 * tolerance)) {
                    return BurstPattern.ESXI_NOTIFY_SWITCHES;
                }
            }
        }
        return BurstPattern.UNKNOWN;
    }

    private static boolean fitsQemu(List<Long> times, long tolerance) {
        for (int i = 0; i < times.size() - 1; i++) {
            long expected = Math.min(QEMU_INITIAL + QEMU_STEP * i, QEMU_MAX);
            long actual = times.get(i + 1) - times.get(i);
            if (Math.abs(actual - expected) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
