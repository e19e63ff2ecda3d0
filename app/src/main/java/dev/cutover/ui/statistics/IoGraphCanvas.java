package dev.cutover.ui.statistics;

import dev.cutover.statistics.IoGraph;
import dev.cutover.timeline.TimeAxis;
import dev.cutover.timeline.TimeScale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.ZoneId;
import java.util.Locale;

/** Draws the I/O graph: frames per interval against time, one line per series, with both axes. */
final class IoGraphCanvas extends Canvas {
    static final double LEFT = 64;
    static final double RIGHT = 16;
    static final double TOP = 24;
    static final double BOTTOM = 30;

    /** Colours of one theme. */
    record Palette(Color background, Color plot, Color grid, Color frame, Color text, Color[] series) {
    }

    static final Palette LIGHT = new Palette(Color.WHITE, Color.WHITE, Color.web("#eaeef2"), Color.web("#d0d7de"),
            Color.web("#57606a"), new Color[] {Color.web("#24292f"), Color.web("#8250df"), Color.web("#1f6feb"),
                Color.web("#d9730d"), Color.web("#1a7f37")});
    static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#0d1117"), Color.web("#21262d"),
            Color.web("#30363d"), Color.web("#8b949e"), new Color[] {Color.web("#c9d1d9"), Color.web("#a371f7"),
                Color.web("#58a6ff"), Color.web("#f0883e"), Color.web("#3fb950")});

    private Palette palette = LIGHT;

    @Override
    public boolean isResizable() {
        return true;
    }

    @Override
    public double prefWidth(double height) {
        return 800;
    }

    @Override
    public double prefHeight(double width) {
        return 400;
    }

    @Override
    public void resize(double width, double height) {
        setWidth(width);
        setHeight(height);
    }

    void setDark(boolean dark) {
        palette = dark ? DARK : LIGHT;
    }

    Palette palette() {
        return palette;
    }

    double plotWidth() {
        return Math.max(1, getWidth() - LEFT - RIGHT);
    }

    /** Draws the bins over the scale; {@code shown[s]} says which series to draw. */
    void draw(TimeScale scale, IoGraph.Bins bins, boolean[] shown, long originNanos, boolean relative, ZoneId zone,
              String empty) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        double pw = plotWidth();
        double ph = Math.max(1, h - TOP - BOTTOM);
        g.setFill(palette.plot());
        g.fillRect(LEFT, TOP, pw, ph);
        g.setFont(Font.font(11));
        if (scale == null || bins == null) {
            g.setFill(palette.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(empty, w / 2, h / 2);
            return;
        }
        int max = Math.max(1, bins.max(shown));
        long step = niceStep(max);
        long top = (max + step - 1) / step * step;
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (long v = 0; v <= top; v += step) {
            double y = Math.round(TOP + ph - v / (double) top * ph) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(LEFT, y, LEFT + pw, y);
            g.setFill(palette.text());
            g.fillText(String.format(Locale.ROOT, "%,d", v), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("frames / " + IoGraph.intervalText(bins.binNanos()), 8, 6);
        g.setTextAlign(TextAlignment.CENTER);
        for (TimeAxis.Tick t : TimeAxis.ticks(scale, pw, originNanos, relative, zone)) {
            double x = Math.round(scale.x(t.nanos(), LEFT, pw)) + 0.5;
            g.setStroke(palette.grid());
            g.strokeLine(x, TOP, x, TOP + ph);
            g.setStroke(palette.frame());
            g.strokeLine(x, TOP + ph, x, TOP + ph + 4);
            g.setFill(palette.text());
            g.fillText(t.label(), x, TOP + ph + 7);
        }
        g.setStroke(palette.frame());
        g.strokeRect(LEFT + 0.5, TOP + 0.5, pw - 1, ph - 1);
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, pw, ph);
        g.clip();
        g.setLineWidth(1.5);
        int n = bins.bins();
        for (IoGraph.Series s : IoGraph.Series.values()) {
            int[] c = bins.counts()[s.ordinal()];
            if (c == null || !shown[s.ordinal()]) {
                continue;
            }
            g.setStroke(palette.series()[s.ordinal()]);
            g.beginPath();
            for (int b = 0; b < n; b++) {
                long mid = bins.startNanos() + b * bins.binNanos() + bins.binNanos() / 2;
                double x = scale.x(mid, LEFT, pw);
                double y = TOP + ph - c[b] / (double) top * ph;
                if (b == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
        }
        g.restore();
    }

    /** A step of 1, 2 or 5 times a power of ten giving about five grid lines up to {@code max}. */
    static long niceStep(long max) {
        long raw = Math.max(1, max / 5);
        long pow = 1;
        while (pow * 10 <= raw) {
            pow *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }
}
