package dev.cutover.ui.timeline;

import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.Durations;
import dev.cutover.timeline.TimelinePalette;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interval from each RARP of the picked burst to the next, against its index: QEMU's 50/150/250/350 ms
 * staircase or ESXi's back-off from one second to several shows at a glance, with the pattern the analysis
 * recognised.
 */
final class InterArrivalChart extends Pane {
    private final Canvas canvas = new Canvas();
    private BurstBracket burst;
    private TimelinePalette palette = TimelinePalette.LIGHT;
    private final Map<String, Color> colours = new HashMap<>();

    InterArrivalChart() {
        setId("interArrivalChart");
        setMinWidth(180);
        setPrefWidth(280);
        getChildren().add(canvas);
        widthProperty().addListener(o -> paint());
        heightProperty().addListener(o -> paint());
    }

    void show(BurstBracket b) {
        burst = b;
        paint();
    }

    BurstBracket burst() {
        return burst;
    }

    /** Draws with the light or the dark palette. */
    void setPalette(TimelinePalette p) {
        palette = p;
        paint();
    }

    TimelinePalette palette() {
        return palette;
    }

    private Color c(String hex) {
        return colours.computeIfAbsent(hex, Color::web);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        TimelinePalette p = palette;
        g.clearRect(0, 0, w, h);
        g.setFill(c(p.background()));
        g.fillRect(0, 0, w, h);
        g.setFont(Font.font("System", 11));
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(c(p.text()));
        if (burst == null) {
            g.fillText("Inter-arrival: click a RARP burst", 8, 16);
            return;
        }
        g.fillText("Inter-arrival · " + burst.pattern(), 8, 16);
        List<Long> iv = burst.intervals();
        if (iv.isEmpty()) {
            g.setFill(c(p.muted()));
            g.fillText("A single RARP: no interval", 8, 34);
            return;
        }
        double left = 52;
        double top = 28;
        double bottom = h - 20;
        double plotH = Math.max(10, bottom - top);
        double plotW = Math.max(10, w - left - 10);
        long max = iv.stream().mapToLong(Long::longValue).max().orElse(1);
        max = Math.max(max, 1);
        g.setStroke(c(p.axis()));
        g.setLineWidth(1);
        g.strokeLine(left, top, left, bottom);
        g.strokeLine(left, bottom, left + plotW, bottom);
        g.setFill(c(p.muted()));
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(Durations.format(max), left - 4, top + 8);
        g.fillText("0", left - 4, bottom);
        double slot = plotW / iv.size();
        double bar = Math.max(1, Math.min(28, slot * 0.6));
        g.setTextAlign(TextAlignment.CENTER);
        // the labels go on every bar where they fit side by side, else on every second, third, ... bar
        double widest = 0;
        for (int i = 0; i < iv.size() && iv.size() <= 16; i++) {
            widest = Math.max(widest, Math.max(textWidth(Durations.format(iv.get(i)), g.getFont()),
                    textWidth((i + 1) + "→" + (i + 2), g.getFont())));
        }
        int stride = (int) Math.max(1, Math.ceil((widest + 6) / slot));
        for (int i = 0; i < iv.size(); i++) {
            double x = left + slot * (i + 0.5);
            double bh = iv.get(i) / (double) max * plotH;
            g.setFill(c(p.rarp()));
            g.fillRect(x - bar / 2, bottom - bh, bar, bh);
            if (iv.size() <= 16 && i % stride == 0) {
                g.setFill(c(p.text()));
                g.fillText(Durations.format(iv.get(i)), x, Math.max(top + 10, bottom - bh - 3));
                g.setFill(c(p.muted()));
                g.fillText((i + 1) + "→" + (i + 2), x, bottom + 13);
            }
        }
    }

    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    /** The width {@code text} takes in {@code font}. */
    double textWidth(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }
}
