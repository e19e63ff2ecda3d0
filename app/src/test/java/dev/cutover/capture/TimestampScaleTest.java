package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampScaleTest {

    @Test
    void decimalResolutions() {
        assertThat(TimestampScale.decimal(0).toNanos(7)).isEqualTo(7_000_000_000L);
        assertThat(TimestampScale.decimal(3).toNanos(1_234)).isEqualTo(1_234_000_000L);
        assertThat(TimestampScale.decimal(6).toNanos(1_234)).isEqualTo(1_234_000L);
        assertThat(TimestampScale.decimal(9).toNanos(1_234)).isEqualTo(1_234L);
        assertThat(TimestampScale.decimal(12).toNanos(1_234_567)).isEqualTo(1_234L);
        assertThat(TimestampScale.decimal(28).toNanos(-1)).isEqualTo(1L); // (2^64 - 1) / 10^19
        assertThat(TimestampScale.decimal(29).toNanos(-1)).isZero();
        assertThat(TimestampScale.decimal(127).toNanos(-1)).isZero();
    }

    @Test
    void binaryResolutionsAreExactWhereLongArithmeticWouldOverflow() {
        // 2^-30 s units near 2^62: units * 10^9 needs 92 bits
        long units = (1_700_000_000L << 30) + (1L << 29);
        assertThat(TimestampScale.binary(30).toNanos(units)).isEqualTo(1_700_000_000_500_000_000L);
        assertThat(TimestampScale.binary(0).toNanos(3)).isEqualTo(3_000_000_000L);
        assertThat(TimestampScale.binary(1).toNanos(3)).isEqualTo(1_500_000_000L);
        assertThat(TimestampScale.binary(64).toNanos(-1)).isEqualTo(999_999_999L); // (2^64 - 1) / 2^64 s
        assertThat(TimestampScale.binary(127).toNanos(-1)).isZero();
        assertThat(TimestampScale.binary(10).toNanos(1)).isEqualTo(976_562L); // 976562.5 truncated
    }

    @Test
    void valuesPastTheLongRangeSaturate() {
        assertThat(TimestampScale.decimal(6).toNanos(-1)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimestampScale.decimal(9).toNanos(-1)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimestampScale.binary(0).toNanos(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimestampScale.saturatedAdd(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimestampScale.saturatedAdd(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimestampScale.saturatedAdd(5, -7)).isEqualTo(-2);
        assertThat(TimestampScale.secondsToNanos(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimestampScale.secondsToNanos(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(TimestampScale.secondsToNanos(-3)).isEqualTo(-3_000_000_000L);
    }

    @Test
    void tsresolAndPrecisionDigits() {
        assertThat(TimestampScale.fromTsresol(6).precisionDigits()).isEqualTo(6);
        assertThat(TimestampScale.fromTsresol(9).precisionDigits()).isEqualTo(9);
        assertThat(TimestampScale.fromTsresol(0x80 | 20).precisionDigits()).isEqualTo(7); // 20 log10 2 = 6.02
        assertThat(TimestampScale.fromTsresol(0x80 | 10).precisionDigits()).isEqualTo(4); // 3.01
        assertThat(TimestampScale.fromTsresol(0x80).precisionDigits()).isZero();
        assertThat(TimestampScale.fromTsresol(0x80 | 20).toNanos(1L << 20)).isEqualTo(1_000_000_000L);
    }
}
