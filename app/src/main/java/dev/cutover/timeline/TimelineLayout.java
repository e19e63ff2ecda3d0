package dev.cutover.timeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Where everything sits: the label column, the axis, each lane and its interface sub-lanes. The canvas and the
 * SVG writer both draw from it, so a click on the screen and the exported picture agree.
 *
 * <p>A layout is either the whole picture (every row stacked, for the SVG) or a viewport onto it: the legend and
 * the axis at the top, the rows scrolled by {@code scrollY} under them, and the rate chart under the last row or,
 * once the rows fill the height, pinned to the bottom. A viewport too short to pin it under one lane scrolls it
 * after the last row instead. Lane geometry comes from {@link LaneRows}' running sums, so a viewport on 25,000 lanes
 * costs what a viewport on ten does.
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
    /** Under the sub-lanes of a lane with an outcome: the density strip of the VM's own frames. */
    public static final double TRAFFIC_STRIP = 10;
    /** Under the RARP-to-GARP span of a lane with an outcome: the dark span and the outcome's summary. */
    public static final double DARK_ROW = 16;
    /** The rate chart under the lanes. */
    public static final double RATE_HEIGHT = 90;

    /** Room under the rows for the rate chart, its gap above included. */
    public static final double RATE_BLOCK = 6 + RATE_HEIGHT + 4;
    /** Below this much room for rows, a viewport scrolls the rate chart after the rows rather than pin it. */
    public static final double MIN_ROWS_ROOM = LANE_HEADER + SUB_LANE + LANE_FOOTER;

    private final TimelineModel model;
    private final LaneRows rows;
    private final TimeScale scale;
    private final double width;
    private final double scrollY;
    private final double height;
    private final double lanesBottom;
    private final boolean showsRate;
    private final boolean ratePinned;
    private final double rateTop;
    private final long rateBin;

    /** The whole picture of every lane. */
    public TimelineLayout(TimelineModel model, TimeScale scale, double width) {
        this(model, scale, width, 0);
    }

    /** @param rateBinNanos the rate chart's interval, 0 to follow the zoom */
    public TimelineLayout(TimelineModel model, TimeScale scale, double width, long rateBinNanos) {
        this(LaneRows.all(model), scale, width, rateBinNanos);
    }

    /** The whole picture of some rows (the lanes a search kept). */
    public TimelineLayout(LaneRows rows, TimeScale scale, double width, long rateBinNanos) {
        this(rows, scale, width, rateBinNanos, 0, 0);
    }

    /**
     * A viewport onto the rows.
     *
     * @param scrollY        how far the rows are scrolled up, in pixels
     * @param viewportHeight the height drawn; 0 or less for the whole picture
     */
    public TimelineLayout(LaneRows rows, TimeScale scale, double width, long rateBinNanos, double scrollY,
                          double viewportHeight) {
        this.model = rows.model();
        this.rows = rows;
        this.scale = scale;
        this.width = width;
        double top = lanesTop();
        if (viewportHeight <= 0) {
            this.scrollY = 0;
            lanesBottom = top + rows.total();
            showsRate = !model.isEmpty();
            ratePinned = false;
            rateTop = lanesBottom + 6;
            height = model.isEmpty() ? lanesBottom + 4 : rateTop + RATE_HEIGHT + 4;
        } else {
            ratePinned = ratePinned(model, viewportHeight);
            double area = rowsArea(viewportHeight, ratePinned);
            this.scrollY = Math.max(0, Math.min(scrollY, scrollMax(rows, viewportHeight)));
            lanesBottom = top + Math.max(0, Math.min(area, rows.total() - this.scrollY));
            rateTop = ratePinned ? lanesBottom + 6 : top + rows.total() - this.scrollY + 6;
            showsRate = !model.isEmpty() && rateTop < viewportHeight;
            height = viewportHeight;
        }
        rateBin = rateBinNanos > 0 ? rateBinNanos : TimeAxis.step(scale, plotWidth(), 6);
    }

    /**
     * The viewport height that shows the legend, the axis and one whole lane of one interface with its outcome
     * (the dark span and the summary on its last row): what the window gives the timeline at least.
     */
    public static double wholeLaneHeight() {
        return lanesTop() + LANE_HEADER + SUB_LANE + LANE_FOOTER + TRAFFIC_STRIP + DARK_ROW;
    }

    /** The top of the first row, under the legend and the axis. */
    public static double lanesTop() {
        return LEGEND_HEIGHT + AXIS_HEIGHT;
    }

    /** Whether a viewport of that height pins the rate chart to its bottom (else it scrolls after the rows). */
    public static boolean ratePinned(TimelineModel model, double viewportHeight) {
        return !model.isEmpty() && viewportHeight - lanesTop() - RATE_BLOCK >= MIN_ROWS_ROOM;
    }

    /** The height left for rows in a viewport of that height. */
    public static double rowsArea(double viewportHeight, boolean ratePinned) {
        return Math.max(0, viewportHeight - lanesTop() - (ratePinned ? RATE_BLOCK : 0));
    }

    /** The height the rows get in a viewport of that height onto those rows. */
    public static double rowsArea(LaneRows rows, double viewportHeight) {
        return rowsArea(viewportHeight, ratePinned(rows.model(), viewportHeight));
    }

    /** How far a viewport of that height scrolls: the rows (and an unpinned rate chart) less the room they get. */
    public static double scrollMax(LaneRows rows, double viewportHeight) {
        boolean pinned = ratePinned(rows.model(), viewportHeight);
        double extent = rows.total() + (pinned || rows.model().isEmpty() ? 0 : RATE_BLOCK);
        return Math.max(0, extent - rowsArea(viewportHeight, pinned));
    }

    /**
     * The height of a lane: its header, one sub-lane per interface, its footer; with an outcome, the traffic strip
     * and the dark row too.
     */
    public static double laneHeight(Lane lane) {
        int subs = Math.max(1, lane.interfaces().size());
        return LANE_HEADER + subs * SUB_LANE + LANE_FOOTER + (lane.hasOutcome() ? TRAFFIC_STRIP + DARK_ROW : 0);
    }

    /** The rows this layout places. */
    public LaneRows rows() {
        return rows;
    }

    /** The lane of a row. */
    public Lane lane(int row) {
        return model.lanes().get(rows.lane(row));
    }

    /** How far the rows are scrolled up. */
    public double scrollY() {
        return scrollY;
    }

    /** The bottom of the rows' area: the rows are clipped to [{@link #lanesTop()}, this). */
    public double lanesBottom() {
        return lanesBottom;
    }

    /** The first row at least partly in view, or -1. */
    public int firstRow() {
        return lanesBottom > lanesTop() ? rows.rowAt(scrollY) : -1;
    }

    /** The last row at least partly in view, or -1. */
    public int lastRow() {
        if (lanesBottom <= lanesTop()) {
            return -1;
        }
        int r = rows.rowAt(scrollY + (lanesBottom - lanesTop()) - 1e-6);
        return r < 0 ? rows.size() - 1 : r;
    }

    /** Whether the rate chart is (at least partly) in the picture. */
    public boolean showsRate() {
        return showsRate;
    }

    /** Whether the rate chart is pinned to the bottom of the viewport rather than scrolled after the rows. */
    public boolean ratePinned() {
        return ratePinned;
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

    /** The picture's height: all rows and the rate chart, or the viewport's. */
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

    /** The top of a row on this picture (above {@link #lanesTop()} when scrolled out). */
    public double laneTop(int row) {
        return lanesTop() + rows.top(row) - scrollY;
    }

    public double laneHeight(int row) {
        return rows.height(row);
    }

    /** The centre line of an interface's sub-lane. */
    public double subLaneY(int row, int subLane) {
        return laneTop(row) + LANE_HEADER + subLane * SUB_LANE + SUB_LANE / 2;
    }

    public double markY(int row, Mark m) {
        return subLaneY(row, m.subLane());
    }

    /** The y of a row's bracket line. */
    public double bracketY(int row) {
        return laneTop(row) + LANE_HEADER - 6;
    }

    /** The bottom of a row's last sub-lane. */
    private double subLanesBottom(int row) {
        return laneTop(row) + LANE_HEADER + Math.max(1, lane(row).interfaces().size()) * SUB_LANE;
    }

    /** The y of a row's RARP-to-GARP span. */
    public double delayY(int row) {
        return subLanesBottom(row) + (lane(row).hasOutcome() ? TRAFFIC_STRIP : 0) + 6;
    }

    /** The base line of a row's traffic strip: its bars rise from here. */
    public double trafficBottom(int row) {
        return subLanesBottom(row) + TRAFFIC_STRIP - 1;
    }

    /** The y of a row's dark span; the outcome's summary sits on the same line in the label column. */
    public double darkY(int row) {
        return subLanesBottom(row) + TRAFFIC_STRIP + LANE_FOOTER + 6;
    }

    /**
     * The VM's own frames of a row per pixel column of the plot, over the visible range (column 0 at
     * {@link #plotX0()}). Each column costs one binary search in the frames' times: the work follows the width,
     * however many frames the VM sent. Empty when the lane has no outcome.
     */
    public int[] traffic(int row) {
        LaneOutcome o = lane(row).outcome();
        if (o.trafficFrames() == 0) {
            return new int[0];
        }
        int cols = (int) Math.ceil(plotWidth());
        int[] counts = new int[cols];
        int prev = o.firstAtOrAfter(time(plotX0()));
        for (int c = 0; c < cols; c++) {
            int next = o.firstAtOrAfter(time(plotX0() + c + 1));
            counts[c] = next - prev;
            prev = next;
        }
        return counts;
    }

    /**
     * The traffic strip's bars, neighbours of one height joined: (x, width, height) triples, left to right, heights
     * on half pixels. A busy VM's strip is a few wide blocks rather than a thousand slivers, in the SVG above all.
     */
    public double[] trafficRuns(int row) {
        int[] counts = traffic(row);
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        double[] out = new double[3 * counts.length];
        int n = 0;
        int c = 0;
        while (c < counts.length) {
            double h = Math.round(trafficBar(counts[c], max) * 2) / 2.0;
            int end = c + 1;
            while (end < counts.length && Math.round(trafficBar(counts[end], max) * 2) / 2.0 == h) {
                end++;
            }
            if (h > 0) {
                out[n++] = plotX0() + c;
                out[n++] = end - c;
                out[n++] = h;
            }
            c = end;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * The height of a column's bar in the traffic strip: on a log scale to the highest column, so a lone frame is
     * still seen beside a thousand; 0 for an empty column.
     */
    public static double trafficBar(int count, int max) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        double full = TRAFFIC_STRIP - 2;
        return Math.max(1.5, full * Math.log1p(count) / Math.log1p(max));
    }

    /** The dark span under a point (its line, its ends or its label), or null. */
    public DarkSpan darkAt(double px, double py) {
        int lane = laneAt(py);
        if (lane < 0 || !lane(lane).hasOutcome() || px < plotX0()) {
            return null;
        }
        double y = darkY(lane);
        if (py < y - 7 || py > y + 7) {
            return null;
        }
        for (DarkSpan d : lane(lane).outcome().darkSpans()) {
            double x1 = x(d.fromNanos());
            double x2 = x(d.toNanos());
            double lx = darkLabelX(d);
            boolean onSpan = px >= x1 - HIT_RADIUS && px <= x2 + HIT_RADIUS;
            boolean onLabel = px >= lx && px <= lx + darkLabelWidth(d);
            if (onSpan || onLabel) {
                return d;
            }
        }
        return null;
    }

    /** How wide a dark span's label is drawn: where it can be clicked, and the box behind it over the span. */
    public static double darkLabelWidth(DarkSpan d) {
        return d.label().length() * 6.2;
    }

    /**
     * Where a dark span's label starts: after the span's end, or, when it would run out of the picture there (a
     * span to the window's end often ends at the right edge), before its start; when neither fits, over the span.
     */
    public double darkLabelX(DarkSpan d) {
        double x1 = x(d.fromNanos());
        double x2 = x(d.toNanos());
        double w = darkLabelWidth(d);
        double after = x2 + 4;
        if (after + w <= plotX0() + plotWidth() + RIGHT_MARGIN) {
            return after;
        }
        double before = x1 - 4 - w;
        if (before >= plotX0()) {
            return before;
        }
        return Math.max(plotX0() + 2, plotX0() + plotWidth() - w);
    }

    /** Whether a dark span's label sits over the span (drawn on a cleared ground so the line does not cross it). */
    public boolean darkLabelInside(DarkSpan d) {
        double lx = darkLabelX(d);
        return lx > Math.min(x(d.fromNanos()), x(d.toNanos())) && lx < Math.max(x(d.fromNanos()), x(d.toNanos()));
    }

    /**
     * The frame a click on a dark span at {@code px} selects: the first frame after the move when the click is on
     * the span's right end (or its label), else the last frame before it; -1 when the span has neither.
     */
    public int darkFrameAt(DarkSpan d, double px) {
        if (d.firstAfter() >= 0 && px >= x(d.toNanos()) - HIT_RADIUS) {
            return d.firstAfter();
        }
        return d.selectedFrame();
    }

    /** Text cut with an ellipsis to about {@code width} pixels of the 11 px font. */
    public static String fit(String text, double width) {
        int chars = (int) Math.max(4, width / 6.2);
        return text.length() <= chars ? text : text.substring(0, chars - 1) + "…";
    }

    /** One entry of the legend: what it stands for, its words and where its swatch starts. */
    public record LegendEntry(String key, String label, double x) {
    }

    /**
     * The legend, left to right: each mark kind of the announcements, findings, then what the outcomes of the
     * migrations brought (the VM's traffic, the dark span, stale frames, lost pings, retransmissions), each only
     * when some lane has it. Keys are a {@link MarkKind}'s name, "finding", "traffic" and "dark".
     */
    public static List<LegendEntry> legend(TimelineModel model) {
        return legend(model, Double.POSITIVE_INFINITY);
    }

    /** The legend of a picture {@code width} wide: the outcomes' entries in fewer words when all would not fit. */
    public static List<LegendEntry> legend(TimelineModel model, double width) {
        List<LegendEntry> out = legend(model, false);
        if (legendEnd(out) > width - RIGHT_MARGIN) {
            out = legend(model, true);
        }
        return out;
    }

    private static double legendEnd(List<LegendEntry> entries) {
        LegendEntry last = entries.get(entries.size() - 1);
        return last.x() + 14 + last.label().length() * 6.2;
    }

    private static List<LegendEntry> legend(TimelineModel model, boolean brief) {
        List<LegendEntry> out = new ArrayList<>();
        double x = 8;
        for (MarkKind k : MarkKind.values()) {
            if (!k.isOutcome()) {
                out.add(new LegendEntry(k.name(), k.label(), x));
                x += 30 + k.label().length() * 6.2;
            }
        }
        out.add(new LegendEntry("finding", "finding", x));
        x += 30 + "finding".length() * 6.2;
        if (model.hasTraffic()) {
            String label = brief ? "traffic" : "VM traffic";
            out.add(new LegendEntry("traffic", label, x));
            x += (brief ? 22 : 30) + label.length() * 6.2;
        }
        if (model.hasDarkSpans()) {
            String label = brief ? "dark" : "dark gap";
            out.add(new LegendEntry("dark", label, x));
            x += (brief ? 26 : 34) + label.length() * 6.2;
        }
        for (MarkKind k : MarkKind.values()) {
            if (k.isOutcome() && model.has(k)) {
                String label = brief ? k.shortLabel() : k.label();
                out.add(new LegendEntry(k.name(), label, x));
                x += (brief ? 22 : 30) + label.length() * 6.2;
            }
        }
        return out;
    }

    /** The row at a y, or -1 (outside the rows' area too). */
    public int laneAt(double y) {
        if (y < lanesTop() || y >= lanesBottom) {
            return -1;
        }
        return rows.rowAt(y - lanesTop() + scrollY);
    }

    /** The shown mark nearest to a point, within {@link #HIT_RADIUS}; null when there is none. */
    public Mark hit(double px, double py, IntPredicate shown) {
        int lane = laneAt(py);
        if (lane < 0 || px < plotX0()) {
            return null;
        }
        Mark best = null;
        double bestD = HIT_RADIUS * HIT_RADIUS;
        List<Mark> marks = lane(lane).marks();
        long from = time(px - HIT_RADIUS - 2) - 1;
        long to = time(px + HIT_RADIUS + 2) + 1;
        for (int i = firstAtOrAfter(marks, from); i < marks.size() && marks.get(i).timeNanos() <= to; i++) {
            Mark m = marks.get(i);
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
        if (lane < 0 || py > laneTop(lane) + LANE_HEADER) {
            return null;
        }
        for (BurstBracket b : lane(lane).brackets()) {
            if (px >= x(b.startNanos()) - 4 && px <= x(b.endNanos()) + 4) {
                return b;
            }
        }
        return null;
    }

    /**
     * The shown marks of a row inside the visible range, at most one per pixel column, sub-lane and kind: with
     * thousands of frames the drawing stays proportional to the width, not to the capture. The marks are in time
     * order, so the visible ones are found by binary search.
     */
    public List<Mark> drawnMarks(int row, IntPredicate shown) {
        List<Mark> out = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        List<Mark> marks = lane(row).marks();
        for (int i = firstAtOrAfter(marks, scale.startNanos()); i < marks.size(); i++) {
            Mark m = marks.get(i);
            if (m.timeNanos() > scale.endNanos()) {
                break;
            }
            if (!shown.test(m.frame())) {
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

    private static int firstAtOrAfter(List<Mark> marks, long nanos) {
        int lo = 0;
        int hi = marks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (marks.get(mid).timeNanos() < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
