package dev.cutover.capture;

/**
 * Converts time stamps counted in an interface's units (10^-n or 2^-n seconds) to nanoseconds,
 * exactly, truncating only below a nanosecond. Values past what a long holds (year 2262) saturate.
 */
final class TimestampScale {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final TimestampScale MICROSECONDS = decimal(6);
    static final TimestampScale NANOSECONDS = decimal(9);

    private static final double LOG10_2 = Math.log10(2);

    private final boolean binary;
    private final int exponent;
    private final long multiplier;
    private final long divisor;

    private TimestampScale(boolean binary, int exponent) {
        this.binary = binary;
        this.exponent = exponent;
        long mul = 1;
        long div = 1;
        if (!binary && exponent <= 9) {
            mul = pow10(9 - exponent);
        } else if (!binary && exponent - 9 <= 19) {
            // 10^19 does not fit a signed long but does fit an unsigned one, as divideUnsigned wants
            div = pow10(exponent - 9);
        } else if (!binary) {
            div = 0;
        }
        this.multiplier = mul;
        this.divisor = div;
    }

    /** Units of 10^-digits seconds. */
    static TimestampScale decimal(int digits) {
        return new TimestampScale(false, digits);
    }

    /** Units of 2^-bits seconds. */
    static TimestampScale binary(int bits) {
        return new TimestampScale(true, bits);
    }

    /** The scale an if_tsresol value gives: bit 7 clear for 10^-n, set for 2^-n. */
    static TimestampScale fromTsresol(int tsresol) {
        int n = tsresol & 0x7F;
        return (tsresol & 0x80) == 0 ? decimal(n) : binary(n);
    }

    /** Decimal digits needed to show this resolution: n for 10^-n, ceil(n log10 2) for 2^-n. */
    int precisionDigits() {
        return binary ? (int) Math.ceil(exponent * LOG10_2) : exponent;
    }

    /** Nanoseconds for a count of units, read as an unsigned 64-bit number. */
    long toNanos(long units) {
        if (binary) {
            return binaryToNanos(units);
        }
        if (multiplier != 1) {
            if (Long.compareUnsigned(units, Long.MAX_VALUE / multiplier) > 0) {
                return Long.MAX_VALUE;
            }
            return units * multiplier;
        }
        if (divisor == 0) {
            return 0;
        }
        long n = Long.divideUnsigned(units, divisor);
        return n < 0 ? Long.MAX_VALUE : n;
    }

    private long binaryToNanos(long units) {
        // units * 10^9 needs up to 94 bits: form the 128-bit product, then shift it right
        long hi = Math.multiplyHigh(units, NANOS_PER_SECOND) + ((units >> 63) & NANOS_PER_SECOND);
        long lo = units * NANOS_PER_SECOND;
        long resultHi;
        long resultLo;
        if (exponent == 0) {
            resultHi = hi;
            resultLo = lo;
        } else if (exponent < 64) {
            resultHi = hi >>> exponent;
            resultLo = (lo >>> exponent) | (hi << (64 - exponent));
        } else {
            resultHi = 0;
            resultLo = hi >>> (exponent - 64);
        }
        return resultHi != 0 || resultLo < 0 ? Long.MAX_VALUE : resultLo;
    }

    /** a + b, held at the long range instead of wrapping. */
    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** seconds * 10^9, held at the long range instead of wrapping. */
    static long secondsToNanos(long seconds) {
        if (seconds > Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        if (seconds < Long.MIN_VALUE / NANOS_PER_SECOND) {
            return Long.MIN_VALUE;
        }
        return seconds * NANOS_PER_SECOND;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
