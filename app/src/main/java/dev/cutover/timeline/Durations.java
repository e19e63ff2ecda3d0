package dev.cutover.timeline;

import java.util.Locale;

/** Durations for people: "350 ms", "1.25 s", "12 µs", "3 min 5 s". */
public final class Durations {
    private Durations() {
    }

    public static String format(long nanos) {
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000L) {
            return sign + n + " ns";
        }
        if (n < 1_000_000L) {
            return sign + trim(n / 1e3) + " µs";
        }
        if (n < 1_000_000_000L) {
            return sign + trim(n / 1e6) + " ms";
        }
        if (n < 60_000_000_000L) {
            return sign + trim(n / 1e9) + " s";
        }
        long s = n / 1_000_000_000L;
        if (s < 3600) {
            return sign + (s / 60) + " min " + (s % 60) + " s";
        }
        return sign + (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
