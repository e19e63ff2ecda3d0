package dev.cutover.text;

import java.util.Locale;

/**
 * A delay between two announcements, signed, in milliseconds to the microsecond: "+180 ms", "-9.450 ms" (the second
 * came first). Worded once for the command line's table, the migrations table and the timeline's delay spans, so
 * each says the same of the same migration.
 */
public final class SignedMillis {
    private SignedMillis() {
    }

    /** The delay of {@code nanos} nanoseconds: whole milliseconds without decimals, else three. */
    public static String of(long nanos) {
        return ofMillis(Math.round(nanos / 1000.0) / 1000.0);
    }

    /** The same for a delay already in milliseconds to the microsecond (the JSON's {@code rarpToGarpMs}). */
    public static String ofMillis(double ms) {
        return (ms >= 0 ? "+" : "") + (ms == Math.rint(ms) ? Long.toString((long) ms)
                : String.format(Locale.ROOT, "%.3f", ms)) + " ms";
    }
}
