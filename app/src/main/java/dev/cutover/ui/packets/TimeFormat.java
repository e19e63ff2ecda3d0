package dev.cutover.ui.packets;

import dev.cutover.capture.FrameIndex;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Wireshark's View > Time Display Format: how the Time column shows a frame's time stamp. */
public enum TimeFormat {
    SINCE_START("Seconds since beginning of capture"),
    SINCE_PREVIOUS("Seconds since previous captured frame"),
    TIME_OF_DAY("Time of day"),
    UTC_DATE_TIME("UTC date and time of day");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String label;

    TimeFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The Time column for frame {@code i}.
     *
     * @param digits decimals to show (the capture's precision, 6 for microseconds)
     * @param zone   the zone for the time of day (the user's)
     */
    public String format(FrameIndex index, int i, int digits, ZoneId zone) {
        long t = index.timestampNanos(i);
        switch (this) {
            case SINCE_START:
                return seconds(t - index.timestampNanos(0), digits);
            case SINCE_PREVIOUS:
                return seconds(i == 0 ? 0 : t - index.timestampNanos(i - 1), digits);
            case TIME_OF_DAY:
                return CLOCK.format(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L)).atZone(zone))
                        + fraction(t, digits);
            case UTC_DATE_TIME:
            default:
                return UTC.format(Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L))) + fraction(t, digits);
        }
    }

    static String seconds(long nanos, int digits) {
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        return sign + (n / 1_000_000_000L) + fraction(n, digits);
    }

    private static String fraction(long nanos, int digits) {
        if (digits <= 0) {
            return "";
        }
        String nine = String.format(Locale.ROOT, "%09d", Math.floorMod(nanos, 1_000_000_000L));
        return "." + nine.substring(0, Math.min(9, digits));
    }
}
