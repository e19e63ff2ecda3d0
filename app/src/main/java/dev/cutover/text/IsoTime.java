package dev.cutover.text;

/**
 * Calendar dates and times of day in UTC from nanoseconds since 1970, by arithmetic (Howard Hinnant's
 * civil-from-days) rather than through java.time's formatters: the commands write one or more per ARP frame,
 * migration and finding, and a formatter's per-call objects and its JIT cost showed in a short command's profile.
 * The text is exactly what {@code DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")} in UTC gives for the
 * years 1 to 9999, which covers every time stamp a long of nanoseconds can hold.
 */
public final class IsoTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private IsoTime() {
    }

    /** "2013-12-05T15:59:59.430926Z": ISO-8601 UTC with {@code digits} decimals (at most 9). */
    public static String iso(long nanos, int digits) {
        StringBuilder sb = new StringBuilder(32);
        appendIso(sb, nanos, digits);
        return sb.toString();
    }

    /** Appends {@link #iso(long, int)}'s text. */
    public static void appendIso(StringBuilder sb, long nanos, int digits) {
        long s = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long ns = Math.floorMod(nanos, NANOS_PER_SECOND);
        appendDateTime(sb, s);
        if (digits > 0) {
            sb.append('.');
            long unit = 100_000_000L;
            for (int i = 0; i < Math.min(9, digits); i++) {
                sb.append((char) ('0' + (ns / unit) % 10));
                unit /= 10;
            }
        }
        sb.append('Z');
    }

    /** "2013-12-05T15:59:59" for a count of seconds since 1970 (negative before). */
    public static void appendDateTime(StringBuilder sb, long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        long civil = civil(days);
        pad4(sb, year(civil));
        sb.append('-');
        pad2(sb, month(civil));
        sb.append('-');
        pad2(sb, day(civil));
        sb.append('T');
        appendClock(sb, secondOfDay);
    }

    /** "Dec  5, 2013 16:59:59": Wireshark's absolute time without its fraction ("MMM ppd, yyyy HH:mm:ss"). */
    public static void appendWireshark(StringBuilder sb, long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        long civil = civil(days);
        sb.append(MONTHS[month(civil) - 1]).append(' ');
        int d = day(civil);
        if (d < 10) {
            sb.append(' ');
        }
        sb.append(d).append(", ");
        pad4(sb, year(civil));
        sb.append(' ');
        appendClock(sb, secondOfDay);
    }

    private static void appendClock(StringBuilder sb, int secondOfDay) {
        pad2(sb, secondOfDay / 3600);
        sb.append(':');
        pad2(sb, secondOfDay / 60 % 60);
        sb.append(':');
        pad2(sb, secondOfDay % 60);
    }

    /**
     * The proleptic Gregorian date of a day counted from 1970-01-01, packed as year &lt;&lt; 9 | month &lt;&lt; 5 | day.
     */
    static long civil(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097L);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        return (y << 9) | (m << 5) | d;
    }

    static long year(long civil) {
        return civil >> 9;
    }

    static int month(long civil) {
        return (int) (civil >> 5) & 0xF;
    }

    static int day(long civil) {
        return (int) civil & 0x1F;
    }

    private static void pad2(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Four digits, as the pattern's "yyyy" writes years 1 to 9999. */
    private static void pad4(StringBuilder sb, long year) {
        if (year < 1 || year > 9999) {
            // outside what nanoseconds since 1970 can reach; written as java.time would, with its sign
            sb.append(year > 9999 ? "+" : "").append(year);
            return;
        }
        int y = (int) year;
        sb.append((char) ('0' + y / 1000)).append((char) ('0' + y / 100 % 10)).append((char) ('0' + y / 10 % 10))
                .append((char) ('0' + y % 10));
    }
}
