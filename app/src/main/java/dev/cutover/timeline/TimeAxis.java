package dev.cutover.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ticks for a time scale, spaced to the zoom: from microseconds to hours. */
public final class TimeAxis {
    /** A tick at a time, with its label. */
    public record Tick(long nanos, String label) {
    }

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long[] STEPS = {
        US, 2 * US, 5 * US, 10 * US, 20 * US, 50 * US, 100 * US, 200 * US, 500 * US,
        MS, 2 * MS, 5 * MS, 10 * MS, 20 * MS, 50 * MS, 100 * MS, 200 * MS, 500 * MS,
        S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, 60 * S, 120 * S, 300 * S, 600 * S, 900 * S, 1800 * S,
        3600 * S, 7200 * S, 3 * 3600 * S, 6 * 3600 * S, 12 * 3600 * S, 24 * 3600 * S,
    };
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private TimeAxis() {
    }

    /** The smallest step that leaves at least {@code minPixels} between ticks. */
    public static long step(TimeScale scale, double widthPx, double minPixels) {
        double nanosPerPixel = scale.spanNanos() / Math.max(1.0, widthPx);
        for (long s : STEPS) {
            if (s / nanosPerPixel >= minPixels) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /**
     * Ticks across the scale.
     *
     * @param originNanos zero of relative time (the capture's first frame)
     * @param relative    seconds since the origin, or the time of day in {@code zone}
     */
    public static List<Tick> ticks(TimeScale scale, double widthPx, long originNanos, boolean relative, ZoneId zone) {
        long step = step(scale, widthPx, 90);
        List<Tick> ticks = new ArrayList<>();
        long base = relative ? originNanos : 0;
        long first = base + Math.floorDiv(scale.startNanos() - base, step) * step;
        if (first < scale.startNanos()) {
            first += step;
        }
        for (long t = first; t <= scale.endNanos() && ticks.size() < 1000; t += step) {
            ticks.add(new Tick(t, relative ? relativeLabel(t - originNanos, step) : absoluteLabel(t, step, zone)));
        }
        return ticks;
    }

    /** "+350 ms", "+1.5 s", "+2 min", "+1 h 30 min", by the step's unit. */
    static String relativeLabel(long nanos, long step) {
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (step < MS) {
            return sign + decimal(n / (double) MS, step < 10 * US ? 3 : step < 100 * US ? 2 : 1) + " ms";
        }
        if (step < S) {
            return sign + decimal(n / (double) S, step < 10 * MS ? 3 : step < 100 * MS ? 2 : 1) + " s";
        }
        if (step < 60 * S) {
            return sign + (n / S) + " s";
        }
        long m = n / (60 * S);
        if (step < 3600 * S) {
            return sign + m + " min" + (n % (60 * S) == 0 ? "" : " " + (n % (60 * S)) / S + " s");
        }
        return sign + (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    }

    static String absoluteLabel(long nanos, long step, ZoneId zone) {
        Instant i = Instant.ofEpochSecond(Math.floorDiv(nanos, S), Math.floorMod(nanos, S));
        if (step >= 60 * S) {
            return MINUTES.format(i.atZone(zone));
        }
        String clock = CLOCK.format(i.atZone(zone));
        if (step >= S) {
            return clock;
        }
        int digits = step >= 100 * MS ? 1 : step >= 10 * MS ? 2 : step >= MS ? 3 : step >= 100 * US ? 4
                : step >= 10 * US ? 5 : 6;
        String nine = String.format(Locale.ROOT, "%09d", Math.floorMod(nanos, S));
        return clock + "." + nine.substring(0, digits);
    }

    private static String decimal(double v, int digits) {
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }
}
