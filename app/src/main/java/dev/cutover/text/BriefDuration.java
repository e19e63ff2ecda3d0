package dev.cutover.text;

/**
 * A migration outcome's durations, worded once for every place that shows them: the outcome summary ("ok, dark
 * 212 ms"), the findings about it and the dark span drawn on the timeline beside that summary. Whole milliseconds
 * below a second ("212 ms"), else seconds to one decimal ("1.3 s"), without it when that is 0 ("2 s", not "2.0 s").
 */
public final class BriefDuration {
    private BriefDuration() {
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
