package dev.cutover.ui.timeline;

import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.DarkSpan;
import dev.cutover.timeline.DelaySpan;
import dev.cutover.timeline.FindingMark;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.RateSeries;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.TimeAxis;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.timeline.TimelinePalette;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/**
 * Paints a {@link TimelineLayout} on a canvas: the same picture as the SVG export, drawn without a node per mark.
 * Only the rows in view are drawn, so the work per repaint follows the viewport, not the number of lanes.
 */
final class TimelineCanvas extends Canvas {
    private static final Font FONT = Font.font("System", 11);

    private TimelineLayout layout;
    private double[] box;
    private int firstDrawn = -1;
    private int lastDrawn = -1;
    private final Map<String, Color> colours = new HashMap<>();

    TimelineLayout chartLayout() {
        return layout;
    }

    /** The first and last rows the last painting drew, or -1 and -1. */
    int[] drawnRows() {
        return new int[] {firstDrawn, lastDrawn};
    }

    /** The rubber band of a box zoom, from x1 to x2; null for none. */
    void setBox(double[] box) {
        this.box = box;
    }

    private Color c(String hex) {
        return colours.computeIfAbsent(hex, Color::web);
    }

    void paint(TimelineLayout l, TimelineViewModel vm, TimelinePalette p) {
        this.layout = l;
        firstDrawn = -1;
        lastDrawn = -1;
        GraphicsContext g = getGraphicsContext2D();
        // clearing the whole canvas drops the commands queued by earlier paintings in the same pulse
        g.clearRect(0, 0, getWidth(), getHeight());
        g.setFont(FONT);
        g.setFill(c(p.background()));
        g.fillRect(0, 0, getWidth(), getHeight());
        if (l.model().isEmpty()) {
            return; // the pane's message says why
        }
        legend(g, l, p);
        axis(g, l, vm, p);
        if (l.firstRow() >= 0) {
            g.save();
            g.beginPath();
            g.rect(0, TimelineLayout.lanesTop(), l.width(), l.lanesBottom() - TimelineLayout.lanesTop());
            g.clip();
            firstDrawn = l.firstRow();
            lastDrawn = l.lastRow();
            for (int i = firstDrawn; i <= lastDrawn; i++) {
                lane(g, l, i, vm, p);
            }
            g.restore();
        }
        if (l.showsRate()) {
            // scrolled after the rows, the chart slides under the axis: keep it below
            g.save();
            g.beginPath();
            g.rect(0, TimelineLayout.lanesTop(), l.width(), l.height() - TimelineLayout.lanesTop());
            g.clip();
            rate(g, l, p);
            g.restore();
        }
        if (box != null) {
            Color band = c(p.box());
            g.setFill(Color.color(band.getRed(), band.getGreen(), band.getBlue(), 0.15));
            g.setStroke(band);
            double x = Math.min(box[0], box[1]);
            double w = Math.abs(box[1] - box[0]);
            g.fillRect(x, TimelineLayout.LEGEND_HEIGHT, w, l.height());
            g.strokeRect(x, TimelineLayout.LEGEND_HEIGHT, w, l.height());
        }
    }

    private void legend(GraphicsContext g, TimelineLayout l, TimelinePalette p) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        for (TimelineLayout.LegendEntry e : TimelineLayout.legend(l.model(), l.width())) {
            double x = e.x();
            double textX = x + 14;
            switch (e.key()) {
                case "finding":
                    diamond(g, x + 4.5, 10.5, c(p.error()));
                    break;
                case "traffic":
                    g.setStroke(c(p.traffic()));
                    g.setLineWidth(2);
                    g.strokeLine(x + 1.5, 15, x + 1.5, 10);
                    g.strokeLine(x + 4.5, 15, x + 4.5, 6);
                    g.strokeLine(x + 7.5, 15, x + 7.5, 12);
                    break;
                case "dark":
                    g.setStroke(c(p.gap()));
                    g.setLineWidth(1.6);
                    g.strokeLine(x, 11, x + 16, 11);
                    g.strokeLine(x, 8, x, 14);
                    g.strokeLine(x + 16, 8, x + 16, 14);
                    textX = x + 20;
                    break;
                default:
                    shape(g, MarkKind.valueOf(e.key()), x + 5, 11, false, p);
                    break;
            }
            g.setFill(c(p.text()));
            g.fillText(e.label(), textX, 15);
        }
    }

    private void axis(GraphicsContext g, TimelineLayout l, TimelineViewModel vm, TimelinePalette p) {
        double y = TimelineLayout.LEGEND_HEIGHT + TimelineLayout.AXIS_HEIGHT - 4;
        g.setStroke(c(p.axis()));
        g.setLineWidth(1);
        g.strokeLine(l.plotX0(), y, l.plotX0() + l.plotWidth(), y);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeAxis.Tick t : TimeAxis.ticks(l.scale(), l.plotWidth(), l.model().originNanos(),
                vm.relativeProperty().get(), vm.zone())) {
            double x = l.x(t.nanos());
            g.setStroke(c(p.grid()));
            g.setLineWidth(0.5);
            g.strokeLine(x, y - 4, x, l.height());
            g.setFill(c(p.muted()));
            g.fillText(t.label(), x, y - 6);
        }
    }

    private void lane(GraphicsContext g, TimelineLayout l, int i, TimelineViewModel vm, TimelinePalette p) {
        Lane lane = l.lane(i);
        double top = l.laneTop(i);
        g.setFill(c(p.lane(i)));
        g.fillRect(0, top, l.width(), l.laneHeight(i));
        // what lies left of the plot is the label column: keep marks out of it
        g.save();
        g.beginPath();
        g.rect(l.plotX0(), top, l.plotWidth() + TimelineLayout.RIGHT_MARGIN, l.laneHeight(i));
        g.clip();
        for (int s = 0; s < lane.interfaces().size(); s++) {
            double y = l.subLaneY(i, s);
            g.setStroke(c(p.subLane()));
            g.setLineWidth(1);
            g.strokeLine(l.plotX0(), y, l.plotX0() + l.plotWidth(), y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (BurstBracket b : lane.brackets()) {
            double x1 = l.x(b.startNanos());
            double x2 = l.x(b.endNanos());
            double y = l.bracketY(i);
            boolean picked = b.equals(vm.burstProperty().get());
            g.setStroke(c(p.rarp()));
            g.setLineWidth(picked ? 2.5 : 1.2);
            g.strokeLine(x1, y + 5, x1, y);
            g.strokeLine(x1, y, x2, y);
            g.strokeLine(x2, y, x2, y + 5);
            g.setFill(c(p.rarp()));
            // centred over the bracket, but kept whole inside the plot when the burst sits at its edge
            String text = b.label() + " · " + b.pattern();
            double half = text.length() * 3.1;
            double cx = Math.max(l.plotX0() + half, Math.min((x1 + x2) / 2, l.plotX0() + l.plotWidth() - half));
            g.fillText(text, cx, y - 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        for (DelaySpan d : lane.delays()) {
            double x1 = l.x(d.fromNanos());
            double x2 = l.x(d.toNanos());
            double y = l.delayY(i);
            g.setStroke(c(p.delay()));
            g.setLineWidth(1.2);
            g.strokeLine(x1, y, x2, y);
            g.strokeLine(x1, y - 3, x1, y + 3);
            g.strokeLine(x2, y - 3, x2, y + 3);
            g.setFill(c(p.delay()));
            g.fillText(d.label(), Math.max(x1, x2) + 4, y + 4);
        }
        if (lane.hasOutcome()) {
            outcome(g, l, i, vm, p);
        }
        for (Mark m : l.drawnMarks(i, vm::isShown)) {
            double x = l.x(m.timeNanos());
            double y = l.markY(i, m);
            if (vm.isHighlighted(m.frame())) {
                g.setFill(c(p.highlight()));
                g.fillOval(x - 8, y - 8, 16, 16);
            }
            shape(g, m.kind(), x, y, true, p);
        }
        for (FindingMark f : lane.findings()) {
            diamond(g, l.x(f.timeNanos()), top + 6, c(p.severity(f.severity())));
        }
        g.restore();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(c(p.text()));
        g.fillText(fit(lane.title(), l.plotX0() - 14), 8, top + 14);
        g.setFill(c(p.muted()));
        // a MAC that announced dozens of addresses must not write them over the plot
        g.fillText(fit(lane.subtitle(), l.plotX0() - 14), 8, top + 27);
        if (lane.hasOutcome()) {
            g.setFill(c(p.verdict(lane.outcome().verdict())));
            g.fillText(fit(lane.outcome().summary(), l.plotX0() - 14), 8, l.darkY(i) + 4);
            g.setFill(c(p.muted()));
        }
        g.setTextAlign(TextAlignment.RIGHT);
        for (int s = 0; s < lane.interfaces().size(); s++) {
            g.fillText(fit(lane.interfaces().get(s), l.plotX0() - 14), l.plotX0() - 6, l.subLaneY(i, s) + 4);
        }
    }

    /** The text, cut with an ellipsis to about {@code width} pixels of the canvas's 11 px font. */
    static String fit(String text, double width) {
        return TimelineLayout.fit(text, width);
    }

    /**
     * The VM's traffic as a strip of bars, one per pixel column, and the dark spans with their labels; a span whose
     * frames are selected is drawn thicker.
     */
    private void outcome(GraphicsContext g, TimelineLayout l, int i, TimelineViewModel vm, TimelinePalette p) {
        double[] runs = l.trafficRuns(i);
        double bottom = l.trafficBottom(i);
        g.setFill(c(p.traffic()));
        for (int r = 0; r < runs.length; r += 3) {
            g.fillRect(runs[r], bottom - runs[r + 2], runs[r + 1], runs[r + 2]);
        }
        double y = l.darkY(i);
        g.setTextAlign(TextAlignment.LEFT);
        for (DarkSpan d : l.lane(i).outcome().darkSpans()) {
            double x1 = l.x(d.fromNanos());
            double x2 = l.x(d.toNanos());
            boolean picked = vm.isHighlighted(d.lastBefore()) || vm.isHighlighted(d.firstAfter());
            g.setStroke(c(p.gap()));
            g.setLineWidth(picked ? 3 : 1.6);
            g.strokeLine(x1, y, x2, y);
            g.strokeLine(x1, y - 3, x1, y + 3);
            if (d.atLeast()) {
                g.strokePolyline(new double[] {x2 - 5, x2, x2 - 5}, new double[] {y - 3, y, y + 3}, 3);
            } else {
                g.strokeLine(x2, y - 3, x2, y + 3);
            }
            if (l.darkLabelInside(d)) {
                g.setFill(c(p.lane(i)));
                g.fillRect(l.darkLabelX(d) - 3, y - 6, TimelineLayout.darkLabelWidth(d) + 6, 12);
            }
            g.setFill(c(p.gap()));
            g.fillText(d.label(), l.darkLabelX(d), y + 4);
        }
    }

    private void rate(GraphicsContext g, TimelineLayout l, TimelinePalette p) {
        RateSeries.Bins bins = l.rateBins();
        double top = l.rateTop();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(c(p.text()));
        g.fillText(l.rateTitle(bins), 8, top + 14);
        double ly = top + 30;
        for (RateSeries.Kind k : RateSeries.Kind.values()) {
            g.setStroke(c(p.rate(k)));
            g.setLineWidth(2);
            g.strokeLine(8, ly - 4, 24, ly - 4);
            g.setFill(c(p.muted()));
            g.fillText(k.label(), 28, ly);
            ly += 14;
        }
        double bottom = top + TimelineLayout.RATE_HEIGHT - 14;
        g.setStroke(c(p.axis()));
        g.setLineWidth(1);
        g.strokeLine(l.plotX0(), bottom, l.plotX0() + l.plotWidth(), bottom);
        for (int k = RateSeries.Kind.values().length - 1; k >= 0; k--) {
            RateSeries.Kind kind = RateSeries.Kind.values()[k];
            double[] pts = l.ratePoints(bins, kind);
            int n = pts.length / 2;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = pts[2 * i];
                ys[i] = pts[2 * i + 1];
            }
            g.setStroke(c(p.rate(kind)));
            g.setLineWidth(1.5);
            g.strokePolyline(xs, ys, n);
        }
    }

    private void shape(GraphicsContext g, MarkKind k, double x, double y, boolean onLane, TimelinePalette p) {
        Color c = c(p.mark(k));
        switch (k) {
            case RARP:
                g.setFill(c);
                g.fillPolygon(new double[] {x, x + 5, x - 5}, new double[] {y - 5, y + 4, y + 4}, 3);
                break;
            case GARP:
                g.setFill(c);
                g.fillOval(x - 4.5, y - 4.5, 9, 9);
                break;
            case NA:
                // pointing down, where RARP points up: the guest's IPv6 announcement
                g.setFill(c);
                g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {y - 4, y - 4, y + 5}, 3);
                break;
            case STALE:
                // hollow: the frame went where the VM no longer is
                g.setStroke(c);
                g.setLineWidth(1.8);
                g.strokeRect(x - 4, y - 4, 8, 8);
                break;
            case LOST_PING:
                g.setStroke(c);
                g.setLineWidth(2);
                g.strokeLine(x - 4, y - 4, x + 4, y + 4);
                g.strokeLine(x + 4, y - 4, x - 4, y + 4);
                break;
            case RETRANS:
                // small: a resent segment, beside the announcements
                g.setFill(c);
                g.fillOval(x - 2.5, y - 2.5, 5, 5);
                break;
            default:
                g.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), onLane ? 0.5 : 1));
                g.fillRect(x - 3, y - 3, 6, 6);
                break;
        }
    }

    private static void diamond(GraphicsContext g, double x, double y, Color c) {
        g.setFill(c);
        g.fillPolygon(new double[] {x, x + 5, x, x - 5}, new double[] {y - 5, y, y + 5, y}, 4);
    }
}
