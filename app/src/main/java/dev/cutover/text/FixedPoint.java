package dev.cutover.text;

import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.Nf", units / 10^k)} for a whole number of small units (nanoseconds as
 * milliseconds or seconds) by arithmetic: the same text, without a Formatter per call. The analysis words thousands
 * of findings this way ("212.500 ms", "3.2 s"). Exact: below 10^15 units the quotient as a double prints as its
 * decimal digits, which the Formatter rounds half up, as this does; larger values go through the Formatter.
 */
public final class FixedPoint {
    private static final long EXACT_BELOW = 1_000_000_000_000_000L;
    private static final long[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000L};

    private FixedPoint() {
    }

    /**
     * {@code units / 10^scale} with {@code decimals} digits after the point (0 &lt; decimals &lt;= scale &lt;= 9), rounded
     * half up as {@code %.Nf} rounds.
     */
    public static String of(long units, int scale, int decimals) {
        if (decimals <= 0 || decimals > scale || scale >= TENS.length) {
            throw new IllegalArgumentException("scale " + scale + ", decimals " + decimals);
        }
        if (units <= -EXACT_BELOW || units >= EXACT_BELOW) {
            return String.format(Locale.ROOT, "%." + decimals + "f", units / (double) TENS[scale]);
        }
        long magnitude = Math.abs(units);
        long step = TENS[scale - decimals];
        long q = magnitude / step;
        if (magnitude % step * 2 >= step) {
            q++;
        }
        long whole = q / TENS[decimals];
        long fraction = q % TENS[decimals];
        StringBuilder s = new StringBuilder(24);
        if (units < 0) {
            s.append('-');
        }
        s.append(whole).append('.');
        String digits = Long.toString(fraction);
        for (int i = digits.length(); i < decimals; i++) {
            s.append('0');
        }
        return s.append(digits).toString();
    }
}
