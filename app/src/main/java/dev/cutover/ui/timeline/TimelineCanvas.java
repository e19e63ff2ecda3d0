package dev.cutover.ui.timeline;

import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.DelaySpan;
import dev.cutover.timeline.FindingMark;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.RateSeries;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.TimeAxis;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.timeline.TimelineSvg;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Paints a {@link TimelineLayout} on a canvas: the same picture as the SVG export, drawn without a node per mark. */
final class TimelineCanvas extends Canvas {
    private static final Font FONT = Font.font("System", 11);
    private static final Color HIGHLIGHT = Color.web("#fbca04");

    private TimelineLayout layout;
    private double[] box;

    TimelineLayout chartLayout() {
        return layout;
    }

    /** The rubber band of a box zoom, from x1 to x2; null for none. */
    void setBox(double[] box) {
        this.box = box;
    }

    void paint(TimelineLayout l, TimelineViewModel vm) {
        this.layout = l;
        GraphicsContext g = getGraphicsContext2D();
        g.setFont(FONT);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        if (l.model().isEmpty()) {
            g.setFill(Color.web("#57606a"));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("No migration to show: no RARP notification and no gratuitous ARP", 12, 24);
            return;
        }
        legend(g);
        axis(g, l, vm);
        for (int i = 0; i < l.model().lanes().size(); i++) {
            lane(g, l, i, vm);
        }
        rate(g, l);
        if (box != null) {
            g.setFill(Color.web("#0969da", 0.15));
            g.setStroke(Color.web("#0969da"));
            double x = Math.min(box[0], box[1]);
            double w = Math.abs(box[1] - box[0]);
            g.fillRect(x, TimelineLayout.LEGEND_HEIGHT, w, l.height());
            g.strokeRect(x, TimelineLayout.LEGEND_HEIGHT, w, l.height());
        }
    }

    private static void legend(GraphicsContext g) {
        double x = 8;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        for (MarkKind k : MarkKind.values()) {
            shape(g, k, x + 5, 11, false);
            g.setFill(Color.web("#24292f"));
            g.fillText(k.label(), x + 14, 15);
            x += 30 + k.label().length() * 6.2;
        }
        diamond(g, x + 4.5, 10.5, Color.web("#cf222e"));
        g.setFill(Color.web("#24292f"));
        g.fillText("finding", x + 14, 15);
    }

    private static void axis(GraphicsContext g, TimelineLayout l, TimelineViewModel vm) {
        double y = TimelineLayout.LEGEND_HEIGHT + TimelineLayout.AXIS_HEIGHT - 4;
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.strokeLine(l.plotX0(), y, l.plotX0() + l.plotWidth(), y);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeAxis.Tick t : TimeAxis.ticks(l.scale(), l.plotWidth(), l.model().originNanos(),
                vm.relativeProperty().get(), vm.zone())) {
            double x = l.x(t.nanos());
            g.setStroke(Color.web("#d0d7de"));
            g.setLineWidth(0.5);
            g.strokeLine(x, y - 4, x, l.height());
            g.setFill(Color.web("#57606a"));
            g.fillText(t.label(), x, y - 6);
        }
    }

    private static void lane(GraphicsContext g, TimelineLayout l, int i, TimelineViewModel vm) {
        Lane lane = l.model().lanes().get(i);
        double top = l.laneTop(i);
        g.setFill(i % 2 == 0 ? Color.web("#f6f8fa") : Color.WHITE);
        g.fillRect(0, top, l.width(), l.laneHeight(i));
        // what lies left of the plot is the label column: keep marks out of it
        g.save();
        g.beginPath();
        g.rect(l.plotX0(), top, l.plotWidth() + TimelineLayout.RIGHT_MARGIN, l.laneHeight(i));
        g.clip();
        for (int s = 0; s < lane.interfaces().size(); s++) {
            double y = l.subLaneY(i, s);
            g.setStroke(Color.web("#eaeef2"));
            g.setLineWidth(1);
            g.strokeLine(l.plotX0(), y, l.plotX0() + l.plotWidth(), y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        for (BurstBracket b : lane.brackets()) {
            double x1 = l.x(b.startNanos());
            double x2 = l.x(b.endNanos());
            double y = l.bracketY(i);
            boolean picked = b.equals(vm.burstProperty().get());
            g.setStroke(Color.web("#1f6feb"));
            g.setLineWidth(picked ? 2.5 : 1.2);
            g.strokeLine(x1, y + 5, x1, y);
            g.strokeLine(x1, y, x2, y);
            g.strokeLine(x2, y, x2, y + 5);
            g.setFill(Color.web("#1f6feb"));
            g.fillText(b.label() + " · " + b.pattern(), (x1 + x2) / 2, y - 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
        for (DelaySpan d : lane.delays()) {
            double x1 = l.x(d.fromNanos());
            double x2 = l.x(d.toNanos());
            double y = l.delayY(i);
            g.setStroke(Color.web("#8250df"));
            g.setLineWidth(1.2);
            g.strokeLine(x1, y, x2, y);
            g.strokeLine(x1, y - 3, x1, y + 3);
            g.strokeLine(x2, y - 3, x2, y + 3);
            g.setFill(Color.web("#8250df"));
            g.fillText(d.label(), Math.max(x1, x2) + 4, y + 4);
        }
        for (Mark m : l.drawnMarks(i, vm::isShown)) {
            double x = l.x(m.timeNanos());
            double y = l.markY(i, m);
            if (vm.isHighlighted(m.frame())) {
                g.setFill(HIGHLIGHT);
                g.fillOval(x - 8, y - 8, 16, 16);
            }
            shape(g, m.kind(), x, y, true);
        }
        for (FindingMark f : lane.findings()) {
            diamond(g, l.x(f.timeNanos()), top + 6, Color.web(TimelineSvg.severityColour(f.severity())));
        }
        g.restore();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#24292f"));
        g.fillText(lane.title(), 8, top + 14);
        g.setFill(Color.web("#57606a"));
        g.fillText(lane.subtitle(), 8, top + 27);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int s = 0; s < lane.interfaces().size(); s++) {
            g.fillText(lane.interfaces().get(s), l.plotX0() - 6, l.subLaneY(i, s) + 4);
        }
    }

    private static void rate(GraphicsContext g, TimelineLayout l) {
        RateSeries.Bins bins = l.rateBins();
        double top = l.rateTop();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(Color.web("#24292f"));
        g.fillText(l.rateTitle(bins), 8, top + 14);
        double ly = top + 30;
        for (RateSeries.Kind k : RateSeries.Kind.values()) {
            g.setStroke(Color.web(k.colour()));
            g.setLineWidth(2);
            g.strokeLine(8, ly - 4, 24, ly - 4);
            g.setFill(Color.web("#57606a"));
            g.fillText(k.label(), 28, ly);
            ly += 14;
        }
        double bottom = top + TimelineLayout.RATE_HEIGHT - 14;
        g.setStroke(Color.web("#57606a"));
        g.setLineWidth(1);
        g.strokeLine(l.plotX0(), bottom, l.plotX0() + l.plotWidth(), bottom);
        for (int k = RateSeries.Kind.values().length - 1; k >= 0; k--) {
            RateSeries.Kind kind = RateSeries.Kind.values()[k];
            double[] p = l.ratePoints(bins, kind);
            int n = p.length / 2;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = p[2 * i];
                ys[i] = p[2 * i + 1];
            }
            g.setStroke(Color.web(kind.colour()));
            g.setLineWidth(1.5);
            g.strokePolyline(xs, ys, n);
        }
    }

    private static void shape(GraphicsContext g, MarkKind k, double x, double y, boolean onLane) {
        Color c = Color.web(k.colour());
        switch (k) {
            case RARP:
                g.setFill(c);
                g.fillPolygon(new double[] {x, x + 5, x - 5}, new double[] {y - 5, y + 4, y + 4}, 3);
                break;
            case GARP:
                g.setFill(c);
                g.fillOval(x - 4.5, y - 4.5, 9, 9);
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
