package dev.cutover.text;

/**
 * A migration outcome's durations, worded once for every place that shows them: the outcome summary ("ok, dark
 * 212 ms"), the findings about it and the dark span drawn on the timeline beside that summary. Whole milliseconds
 * below a second ("212 ms"), else seconds to one decimal ("1.3 s"), without it when that is 0 ("2 s", not "2.0 s").
 */
public final class BriefDuration {
    private BriefDuration() {
    }

    /**
     * A VM's dark time as its outcome words it: "dark 212 ms" between two of its frames; with no frame after the
     * move, "dark > 30 s" (the outcome window) or, when the capture ends first, "dark ≥ 1.2 s (capture ends)".
     *
     * @param darkNanos   from the VM's last frame before the move to its first after it, or to the window's or the
     *                    capture's end when there is none after
     * @param toEnd       no frame of the VM after the move within the window
     * @param captureEnds the capture ends before the window does
     * @param windowNanos the outcome window, from the announcement
     */
    public static String dark(long darkNanos, boolean toEnd, boolean captureEnds, long windowNanos) {
        if (!toEnd) {
            return "dark " + of(darkNanos);
        }
        return captureEnds ? "dark ≥ " + of(darkNanos) + " (capture ends)" : "dark > " + of(windowNanos);
    }

    /** The duration of {@code nanos} nanoseconds, as the outcome words it. */
    public static String of(long nanos) {
        if (nanos < 1_000_000_000L) {
            return Math.round(nanos / 1e6) + " ms";
        }
        String s = FixedPoint.of(nanos, 9, 1);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " s";
    }
}
