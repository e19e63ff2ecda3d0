package dev.cutover.text;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic gives the Formatter's text, halfway cases, signs and every size of value included. */
class FixedPointTest {
    private static final long[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000L};

    private static String formatter(long units, int scale, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", units / (double) TENS[scale]);
    }

    @Test
    void equalsTheFormatterOnHalfwayAndEdgeValues() {
        long[] values = {0, 1, 4, 5, 499, 500, 501, 1_499, 1_500, 1_500_000, 2_500_000, 999_499, 999_500, 999_999,
            1_000_000, 49_999_999, 50_000_000, 150_000_000, 250_000_000, 949_999_999, 950_000_000, 999_999_999,
            9_450_000_000L, 119_950_000_000L, 86_400_000_000_000L, 999_999_999_999_999L, 1_000_000_000_000_000L,
            Long.MAX_VALUE};
        for (int scale = 1; scale <= 9; scale++) {
            for (int decimals = 1; decimals <= scale; decimals++) {
                for (long v : values) {
                    assertThat(FixedPoint.of(v, scale, decimals)).as(v + " / 10^" + scale + ", " + decimals)
                            .isEqualTo(formatter(v, scale, decimals));
                    assertThat(FixedPoint.of(-v, scale, decimals)).as(-v + " / 10^" + scale + ", " + decimals)
                            .isEqualTo(formatter(-v, scale, decimals));
                }
            }
        }
    }

    @Test
    void equalsTheFormatterOnRandomDurations() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 300_000; i++) {
            // nanoseconds from a few to a few days, the halfway digits made common
            long v = r.nextLong(1L << r.nextInt(1, 50));
            if ((i & 3) == 0) {
                v = v / 1000 * 1000 + 500;
            }
            if ((i & 7) == 1) {
                v = -v;
            }
            assertThat(FixedPoint.of(v, 6, 3)).isEqualTo(formatter(v, 6, 3));
            assertThat(FixedPoint.of(v, 9, 1)).isEqualTo(formatter(v, 9, 1));
            assertThat(FixedPoint.of(v, 9, 3)).isEqualTo(formatter(v, 9, 3));
        }
    }

    @Test
    void refusesWhatItCannotWrite() {
        assertThatThrownBy(() -> FixedPoint.of(1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.of(1, 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FixedPoint.of(1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
