package dev.cutover.capture;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** info's numbers are written without a Formatter, exactly as String.format's %.Nf wrote them. */
class CaptureSummaryTextTest {
    @Test
    void fixedDecimalsAreWhatStringFormatWrites() {
        SplittableRandom r = new SplittableRandom(3);
        double[] edges = {0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-7, 9.9999995, 0.05, 0.15, 0.25, 0.35, 1234.5,
            99.995, 1e21, 1.7976931348623157e308, Double.MIN_VALUE, -2.5, Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : edges) {
            same(v);
        }
        for (int i = 0; i < 200_000; i++) {
            // capture durations, frame sizes, rates and bit rates: any magnitude, and halves on the rounding digit
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * 1e6;
                case 1 -> r.nextLong(1, 100_000_000) / 1e6;
                case 2 -> (r.nextLong(0, 2_000_000) + 0.5) / Math.pow(10, r.nextInt(0, 7));
                default -> Double.longBitsToDouble(r.nextLong()) ;
            };
            same(v);
        }
    }

    private static void same(double v) {
        for (int digits : new int[] {0, 1, 2, 6}) {
            assertThat(CaptureSummary.fixed(v, digits)).as("%s to %d decimals", v, digits)
                    .isEqualTo(String.format(Locale.ROOT, "%." + digits + "f", v));
        }
    }
}
