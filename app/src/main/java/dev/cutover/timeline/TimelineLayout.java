package dev.cutover.timeline;

import java.util.function.IntPredicate;

/**
 * Where everything sits: the label column, the axis, each lane and its interface sub-lanes. The canvas and the
 * SVG writer both draw from it, so a click on the screen and the exported picture agree.
 */
public final class TimelineLayout {
    public static final double LABEL_WIDTH = 230;
    public static final double RIGHT_MARGIN = 16;
    public static final double LEGEND_HEIGHT = 22;
    public static final double AXIS_HEIGHT = 22;
    /** Room above the marks for the burst brackets and their labels. */
    public static final double LANE_HEADER = 28;
    public static final double SUB_LANE = 14;
    /** Room below the marks for the RARP-to-GARP span. */
    public static final double LANE_FOOTER = 18;
    public static final double HIT_RADIUS = 6;
    /** The rate chart under the lanes. */
    public static final double RATE_HEIGHT = 90;

    private final TimelineModel model;
    private final TimeScale scale;
    private final double width;
    private final double[] laneTops;
    private final double height;
    private final double rateTop;
    private final long rateBin;

    public TimelineLayout(TimelineModel model, TimeScale scale, double width) {
        this(model, scale, width, 0);
    }

    /** @param rateBinNanos the rate chart's interval, 0 to follow the zoom */
    public TimelineLayout(TimelineModel model, TimeScale scale, double width, long rateBinNanos) {
        this.model = model;
        this.scale = scale;
        this.width = width;
        laneTops = new double[model.lanes().size()];
        double y = LEGEND_HEIGHT + AXIS_HEIGHT;
        for (int i = 0; i < laneTops.length; i++) {
            laneTops[i] = y;
            y += laneHeight(i);
        }
        rateTop = y + 6;
        height = model.isEmpty() ? y + 4 : rateTop + RATE_HEIGHT + 4;
        rateBin = rateBinNanos > 0 ? rateBinNanos : TimeAxis.step(scale, plotWidth(), 6);
    }

    /** The top of the rate chart. */
    public double rateTop() {
        return rateTop;
    }

    /** The rate chart's interval. */
    public long rateBinNanos() {
        return rateBin;
    }

    /** Frames per interval over the visible range. */
    public RateSeries.Bins rateBins() {
        return model.rates().bin(scale, rateBin, model.originNanos());
    }

    public TimelineModel model() {
        return model;
    }

    public TimeScale scale() {
        return scale;
    }

    public double width() {
        return width;
    }

    /** The whole picture's height. */
    public double height() {
        return height;
    }

    public double plotX0() {
        return LABEL_WIDTH;
    }

    public double plotWidth() {
        return Math.max(1, width - LABEL_WIDTH - RIGHT_MARGIN);
    }

    public double x(long nanos) {
        return scale.x(nanos, plotX0(), plotWidth());
    }

    public long time(double x) {
        return scale.time(x, plotX0(), plotWidth());
    }

    public double laneTop(int lane) {
        return laneTops[lane];
    }

    public double laneHeight(int lane) {
        int subs = Math.max(1, model.lanes().get(lane).interfaces().size());
        return LANE_HEADER + subs * SUB_LANE + LANE_FOOTER;
    }

    /** The centre line of an interface's sub-lane. */
    public double subLaneY(int lane, int subLane) {
        return laneTops[lane] + LANE_HEADER + subLane * SUB_LANE + SUB_LANE / 2;
    }

    public double markY(int lane, Mark m) {
        return subLaneY(lane, m.subLane());
    }

    /** The y of a lane's bracket line. */
    public double bracketY(int lane) {
        return laneTops[lane] + LANE_HEADER - 6;
    }

    /** The y of a lane's RARP-to-GARP span. */
    public double delayY(int lane) {
        return laneTops[lane] + laneHeight(lane) - LANE_FOOTER + 6;
    }

    /** The lane at a y, or -1. */
    public int laneAt(double y) {
        for (int i = laneTops.length - 1; i >= 0; i--) {
            if (y >= laneTops[i]) {
                return y < laneTops[i] + laneHeight(i) ? i : -1;
            }
        }
        return -1;
    }

    /** The shown mark nearest to a point, within {@link #HIT_RADIUS}; null when there is none. */
    public Mark hit(double px, double py, IntPredicate shown) {
        int lane = laneAt(py);
        if (lane < 0 || px < plotX0()) {
            return null;
        }
        Mark best = null;
        double bestD = HIT_RADIUS * HIT_RADIUS;
        for (Mark m : model.lanes().get(lane).marks()) {
            if (!shown.test(m.frame())) {
                continue;
            }
            double dx = x(m.timeNanos()) - px;
            double dy = markY(lane, m) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                best = m;
                bestD = d;
            }
        }
        return best;
    }

    /** The bracket under a point (on its line or label), or null. */
    public BurstBracket bracketAt(double px, double py) {
        int lane = laneAt(py);
        if (lane < 0 || py > laneTops[lane] + LANE_HEADER) {
            return null;
        }
        for (BurstBracket b : model.lanes().get(lane).brackets()) {
            if (px >= x(b.startNanos()) - 4 && px <= x(b.endNanos()) + 4) {
                return b;
            }
        }
        return null;
    }

    /**
     * The shown marks of a lane inside the visible range, at most one per pixel column, sub-lane and kind: with
     * thousands of frames the drawing stays proportional to the width, not to the capture.
     */
    public java.util.List<Mark> drawnMarks(int lane, IntPredicate shown) {
        java.util.List<Mark> out = new java.util.ArrayList<>();
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (Mark m : model.lanes().get(lane).marks()) {
            if (!scale.contains(m.timeNanos()) || !shown.test(m.frame())) {
                continue;
            }
            long px = (long) Math.floor(x(m.timeNanos()));
            long key = (px << 16) | ((long) m.subLane() << 4) | m.kind().ordinal();
            if (taken.add(key)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The step line of one rate series as alternating x, y pairs, clipped to the plot; its height is scaled to
     * the highest bin of any series.
     */
    public double[] ratePoints(RateSeries.Bins bins, RateSeries.Kind kind) {
        int[] c = bins.counts()[kind.ordinal()];
        double bottom = rateTop + RATE_HEIGHT - 14;
        double h = RATE_HEIGHT - 30;
        int max = Math.max(1, bins.max());
        double[] pts = new double[c.length * 4];
        double lo = plotX0();
        double hi = plotX0() + plotWidth();
        for (int b = 0; b < c.length; b++) {
            long t0 = bins.startNanos() + b * bins.binNanos();
            double y = bottom - c[b] / (double) max * h;
            pts[4 * b] = Math.max(lo, Math.min(hi, x(t0)));
            pts[4 * b + 1] = y;
            pts[4 * b + 2] = Math.max(lo, Math.min(hi, x(t0 + bins.binNanos())));
            pts[4 * b + 3] = y;
        }
        return pts;
    }

    /** "frames per 100 ms · max 5". */
    public String rateTitle(RateSeries.Bins bins) {
        return "ARP frames per " + Durations.format(bins.binNanos()) + " · highest " + bins.max();
    }
}
