package dev.cutover.capture;

import java.math.BigDecimal;

/** Time shifts as people write them: seconds, negative allowed, decimals to the nanosecond (--time-shift, the window). */
public final class TimeShifts {
    /** Largest shift taken: about a hundred years, well inside the nanosecond time stamps' range. */
    public static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(3_200_000_000L);

    /** What a shift that is not taken should have been, for a message. */
    public static final String EXPECTED = "a number of seconds (such as 2.913 or -0.000250, at most 9 decimals, "
            + "at most " + MAX_SECONDS.toPlainString() + " s)";

    private TimeShifts() {
    }

    /** SECONDS as nanoseconds, or null when it is not a plain decimal number within range. */
    public static Long nanos(String value) {
        if (value == null || !value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        BigDecimal seconds = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        if (seconds.abs().compareTo(MAX_SECONDS) > 0 || seconds.stripTrailingZeros().scale() > 9) {
            return null;
        }
        return seconds.movePointRight(9).longValueExact();
    }

    /** "+2.913" or "-0.00025": signed seconds, no trailing zeros. */
    public static String signed(long nanos) {
        String s = ClockOffsets.seconds(nanos);
        return nanos > 0 ? "+" + s : s;
    }
}
