package dev.cutover.timeline;

/**
 * The visible stretch of time, from {@code startNanos} to {@code endNanos}; zooming and panning make a new one.
 * Never narrower than {@link #MIN_SPAN} nor wider than {@link #MAX_SPAN}.
 */
public record TimeScale(long startNanos, long endNanos) {
    /** One microsecond: the finest a capture usually stamps. */
    public static final long MIN_SPAN = 1_000L;
    /** Thirty days. */
    public static final long MAX_SPAN = 30L * 24 * 3600 * 1_000_000_000L;

    public TimeScale {
        if (endNanos - startNanos < MIN_SPAN) {
            long mid = startNanos + (endNanos - startNanos) / 2;
            startNanos = mid - MIN_SPAN / 2;
            endNanos = startNanos + MIN_SPAN;
        } else if (endNanos - startNanos > MAX_SPAN) {
            long mid = startNanos + (endNanos - startNanos) / 2;
            startNanos = mid - MAX_SPAN / 2;
            endNanos = startNanos + MAX_SPAN;
        }
    }

    public long spanNanos() {
        return endNanos - startNanos;
    }

    /** Everything from {@code first} to {@code last}, with a margin of a twentieth on each side. */
    public static TimeScale fit(long first, long last) {
        long span = Math.max(last - first, MIN_SPAN * 20);
        long margin = span / 20;
        return new TimeScale(first - margin, last + margin);
    }

    /** Zooms in (factor below 1) or out (above 1) keeping {@code anchorNanos} where it is on screen. */
    public TimeScale zoom(double factor, long anchorNanos) {
        double left = (anchorNanos - startNanos) * factor;
        double right = (endNanos - anchorNanos) * factor;
        TimeScale s = new TimeScale(anchorNanos - Math.round(left), anchorNanos + Math.round(right));
        if (s.spanNanos() == spanNanos() && factor != 1) {
            return this; // at a limit: stay put rather than drift
        }
        return s;
    }

    /** Moves the window later (positive) or earlier. */
    public TimeScale pan(long deltaNanos) {
        return new TimeScale(startNanos + deltaNanos, endNanos + deltaNanos);
    }

    /** The x of a time, when {@code [x0, x0 + width]} shows this scale. */
    public double x(long nanos, double x0, double width) {
        return x0 + (nanos - startNanos) / (double) spanNanos() * width;
    }

    /** The time at an x. */
    public long time(double x, double x0, double width) {
        return startNanos + Math.round((x - x0) / width * spanNanos());
    }

    public boolean contains(long nanos) {
        return nanos >= startNanos && nanos <= endNanos;
    }
}
