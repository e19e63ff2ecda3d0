package dev.cutover.ui.statistics;

import dev.cutover.statistics.IoGraph;
import dev.cutover.timeline.TimeScale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/**
 * Statistics &gt; I/O Graph: all frames and the ARP family per interval (1 ms to 1 min, or chosen from the zoom),
 * and the display filter's frames; the wheel zooms, dragging pans, a double click fits the capture, a click
 * selects the first frame of the interval in the packet list.
 */
public final class IoGraphView extends BorderPane {
    private final IoGraphViewModel vm;
    private final IoGraphCanvas canvas = new IoGraphCanvas();
    private final boolean[] shown = {true, true, true, true, true};
    private final Label hover = new Label();
    private final List<CheckBox> toggles = new ArrayList<>();
    private double pressX;
    private double lastX;
    private boolean dragged;

    public IoGraphView(IoGraphViewModel vm, ObservableValue<Boolean> dark) {
        this.vm = vm;
        setId("ioGraphView");
        canvas.setId("ioGraphCanvas");
        canvas.setDark(Boolean.TRUE.equals(dark.getValue()));
        dark.addListener((o, was, now) -> {
            canvas.setDark(Boolean.TRUE.equals(now));
            redraw();
        });
        Pane holder = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.resizeRelocate(0, 0, getWidth(), getHeight());
                vm.setWidth(canvas.plotWidth());
                redraw();
            }
        };
        holder.setMinSize(200, 150);
        holder.setPrefSize(900, 420);

        HBox legend = new HBox(12);
        legend.setAlignment(Pos.CENTER_LEFT);
        for (IoGraph.Series s : IoGraph.Series.values()) {
            CheckBox box = new CheckBox(s.label());
            box.setId("ioGraphSeries-" + s.name());
            box.setSelected(true);
            Rectangle swatch = new Rectangle(14, 3);
            swatch.setFill(canvas.palette().series()[s.ordinal()]);
            dark.addListener((o, was, now) -> swatch.setFill(canvas.palette().series()[s.ordinal()]));
            box.setGraphic(swatch);
            box.selectedProperty().addListener((o, was, now) -> {
                shown[s.ordinal()] = now;
                redraw();
            });
            if (s == IoGraph.Series.DISPLAYED) {
                box.setTooltip(new Tooltip("The frames the display filter shows (when a filter is applied)"));
            } else if (s != IoGraph.Series.ALL) {
                box.setTooltip(new Tooltip("From the migration analysis's classes: RARP requests and replies, "
                        + "gratuitous ARP, every ARP-family frame"));
            }
            toggles.add(box);
            legend.getChildren().add(box);
        }
        ComboBox<Long> interval = new ComboBox<>();
        interval.setId("ioGraphInterval");
        interval.getItems().add(0L);
        for (long i : IoGraph.INTERVALS) {
            interval.getItems().add(i);
        }
        interval.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long v) {
                return v == null || v == 0 ? "Auto" : IoGraph.intervalText(v);
            }

            @Override
            public Long fromString(String s) {
                return 0L;
            }
        });
        interval.setValue(vm.intervalProperty().get());
        interval.valueProperty().addListener((o, was, now) -> vm.intervalProperty().set(now == null ? 0 : now));
        Button fit = new Button("Fit All");
        fit.setId("ioGraphFit");
        fit.setOnAction(e -> vm.fitAll());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(10, legend, grow, new Label("Interval"), interval, fit);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));

        Label summary = new Label();
        summary.setId("ioGraphSummary");
        summary.textProperty().bind(vm.summaryProperty());
        hover.setId("ioGraphHover");
        Region grow2 = new Region();
        HBox.setHgrow(grow2, Priority.ALWAYS);
        HBox bottom = new HBox(8, hover, grow2, summary);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        bottom.getStyleClass().add("status-bar");

        setTop(top);
        setCenter(holder);
        setBottom(bottom);

        vm.binsProperty().addListener((o, was, now) -> redraw());
        vm.scaleProperty().addListener((o, was, now) -> redraw());
        vm.timeFormat().addListener((o, was, now) -> redraw());
        canvas.setOnScroll(e -> {
            TimeScale s = vm.scaleProperty().get();
            if (s != null && e.getDeltaY() != 0) {
                vm.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, s.time(e.getX(), IoGraphCanvas.LEFT, canvas.plotWidth()));
            }
        });
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            lastX = e.getX();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            TimeScale s = vm.scaleProperty().get();
            if (s == null) {
                return;
            }
            dragged |= Math.abs(e.getX() - pressX) > 3;
            long delta = s.time(lastX, IoGraphCanvas.LEFT, canvas.plotWidth())
                    - s.time(e.getX(), IoGraphCanvas.LEFT, canvas.plotWidth());
            lastX = e.getX();
            vm.pan(delta);
        });
        canvas.setOnMouseClicked(e -> {
            TimeScale s = vm.scaleProperty().get();
            if (s == null || dragged) {
                return;
            }
            if (e.getClickCount() == 2) {
                vm.fitAll();
            } else if (e.getX() >= IoGraphCanvas.LEFT) {
                vm.goTo(s.time(e.getX(), IoGraphCanvas.LEFT, canvas.plotWidth()));
            }
        });
        canvas.setOnMouseMoved(e -> {
            TimeScale s = vm.scaleProperty().get();
            hover.setText(s == null || e.getX() < IoGraphCanvas.LEFT ? ""
                    : vm.describe(s.time(e.getX(), IoGraphCanvas.LEFT, canvas.plotWidth()), shown));
        });
        canvas.setOnMouseExited(e -> hover.setText(""));
    }

    private void redraw() {
        IoGraph.Bins b = vm.binsProperty().get();
        for (CheckBox box : toggles) {
            if (box.getId().endsWith(IoGraph.Series.DISPLAYED.name())) {
                box.setDisable(b != null && b.counts()[IoGraph.Series.DISPLAYED.ordinal()] == null);
            }
        }
        canvas.draw(vm.scaleProperty().get(), b, shown, vm.originNanos(), vm.relativeTime(), vm.zone(),
                vm.scaleProperty().get() == null ? vm.summaryProperty().get() : "Counting…");
    }

    /** The graph's canvas. */
    public javafx.scene.canvas.Canvas canvas() {
        return canvas;
    }
}
