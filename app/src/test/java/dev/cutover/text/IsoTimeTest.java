package dev.cutover.text;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** IsoTime's arithmetic against java.time's formatters, over every kind of day and the whole range of a long. */
class IsoTimeTest {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WIRESHARK =
            DateTimeFormatter.ofPattern("MMM ppd, yyyy HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static String javaTimeIso(long nanos, int digits) {
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        long ns = Math.floorMod(nanos, 1_000_000_000L);
        String frac = String.format("%09d", ns).substring(0, Math.min(9, digits));
        return ISO.format(Instant.ofEpochSecond(s)) + (digits > 0 ? "." + frac : "") + "Z";
    }

    private static void check(long nanos) {
        for (int digits : new int[] {0, 3, 6, 9}) {
            assertThat(IsoTime.iso(nanos, digits)).as("%d ns, %d digits", nanos, digits)
                    .isEqualTo(javaTimeIso(nanos, digits));
        }
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        StringBuilder sb = new StringBuilder();
        IsoTime.appendWireshark(sb, s);
        assertThat(sb.toString()).as("%d s", s).isEqualTo(WIRESHARK.format(Instant.ofEpochSecond(s)));
    }

    @Test
    void everyDayFrom1900To2200AtSeveralTimesOfDay() {
        long first = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("2200-12-31T00:00:00Z").getEpochSecond();
        for (long s = first, k = 0; s <= last; s += 86_400, k++) {
            // midnight, the last nanosecond of the day, or a time in between, in turn
            long second = k % 3 == 0 ? 0 : k % 3 == 1 ? 86_399 : k * 7_919 % 86_400;
            check((s + second) * 1_000_000_000L + (k % 3 == 1 ? 999_999_999L : k * 104_729 % 1_000_000_000L));
        }
    }

    @Test
    void leapDaysCenturiesAndTheEpoch() {
        for (String t : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
            "1900-02-28T23:59:59Z", "1900-03-01T00:00:00Z", "2100-02-28T00:00:00Z", "2100-03-01T00:00:00Z",
            "2024-02-29T00:00:01Z", "2038-01-19T03:14:08Z", "2106-02-07T06:28:16Z"}) {
            check(Instant.parse(t).getEpochSecond() * 1_000_000_000L);
        }
        assertThat(IsoTime.iso(0, 6)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(IsoTime.iso(-1, 9)).isEqualTo("1969-12-31T23:59:59.999999999Z");
    }

    @Test
    void twoHundredThousandRandomTimeStampsOverTheRangeOfALong() {
        SplittableRandom r = new SplittableRandom(17);
        check(Long.MIN_VALUE);
        check(Long.MAX_VALUE);
        for (int i = 0; i < 200_000; i++) {
            check(r.nextLong());
        }
    }
}
