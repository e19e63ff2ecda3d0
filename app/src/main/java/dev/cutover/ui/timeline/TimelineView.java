package dev.cutover.ui.timeline;

import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.TimelineLayout;
import javafx.geometry.Insets;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Timeline pane: a lane per MAC that moved on one time axis; wheel to zoom, drag to pan, shift-drag (or
 * right-drag) to zoom to a box, click a mark to select its frame; the inter-arrival chart of the picked burst beside.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel vm;
    private final TimelineCanvas canvas = new TimelineCanvas();
    private final Pane holder = new Pane(canvas);
    private final ScrollPane scroll = new ScrollPane(holder);
    private final InterArrivalChart interArrival = new InterArrivalChart();
    private final Label hover = new Label();
    private double pressX;
    private double lastX;
    private boolean boxZoom;
    private boolean dragged;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        setId("timelineView");
        canvas.setId("timelineCanvas");
        hover.setId("timelineHover");
        hover.setPadding(new Insets(2, 8, 2, 8));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        holder.setMinWidth(0);
        holder.setPrefWidth(10);

        SplitPane split = new SplitPane(scroll, interArrival);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(interArrival, false);
        setTop(toolBar());
        setCenter(split);
        setBottom(hover);

        holder.widthProperty().addListener(o -> repaint());
        vm.modelProperty().addListener(o -> repaint());
        vm.scaleProperty().addListener(o -> repaint());
        vm.highlightedProperty().addListener(o -> repaint());
        vm.filterRevisionProperty().addListener(o -> repaint());
        vm.relativeProperty().addListener(o -> repaint());
        vm.rateBinProperty().addListener(o -> repaint());
        vm.burstProperty().addListener((o, was, now) -> {
            interArrival.show(now);
            repaint();
        });

        canvas.addEventHandler(ScrollEvent.SCROLL, this::wheel);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(this::moved);
        Tooltip.install(canvas, new Tooltip());
        repaint();
    }

    private ToolBar toolBar() {
        Button fit = button("timelineFitAll", "Fit all", "Show every lane's frames", vm::fitAll);
        Button fitBurst = button("timelineFitBurst", "Fit burst", "Show the picked RARP burst", vm::fitBurst);
        fitBurst.disableProperty().bind(vm.burstProperty().isNull());
        Button in = button("timelineZoomIn", "+", "Zoom in (or turn the wheel)",
                () -> vm.zoom(0.5, mid()));
        Button out = button("timelineZoomOut", "−", "Zoom out", () -> vm.zoom(2, mid()));
        Button svg = button("timelineExportSvg", "Export SVG…", "Save the visible chart as SVG", () -> export("svg"));
        Button png = button("timelineExportPng", "Export PNG…", "Save the visible chart as PNG", () -> export("png"));
        javafx.scene.control.ComboBox<String> rate = new javafx.scene.control.ComboBox<>();
        rate.setId("timelineRateInterval");
        rate.setTooltip(new Tooltip("The rate chart's interval"));
        String[] names = {"Auto", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "1 min"};
        long[] nanos = {0, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L};
        rate.getItems().addAll(names);
        rate.getSelectionModel().select(0);
        rate.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                vm.rateBinProperty().set(nanos[Math.max(0, now.intValue())]));
        Label help = new Label("wheel: zoom · drag: pan · shift-drag: zoom to box · click: select frame");
        help.getStyleClass().add("text-muted");
        ToolBar bar = new ToolBar(fit, fitBurst, in, out, new Label("Rate per"), rate, svg, png, help);
        bar.setId("timelineToolBar");
        return bar;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private long mid() {
        return vm.scale().startNanos() + vm.scale().spanNanos() / 2;
    }

    private void repaint() {
        double w = Math.max(400, holder.getWidth());
        TimelineLayout l = new TimelineLayout(vm.model(), vm.scale(), w, vm.rateBinProperty().get());
        double h = vm.model().isEmpty() ? 40 : l.height();
        canvas.setWidth(w);
        canvas.setHeight(h);
        holder.setPrefHeight(h);
        canvas.paint(l, vm);
    }

    private void wheel(ScrollEvent e) {
        TimelineLayout l = canvas.chartLayout();
        if (l == null || e.getDeltaY() == 0) {
            return;
        }
        vm.wheel(e.getDeltaY() / Math.max(1, e.getMultiplierY() == 0 ? 40 : e.getMultiplierY()) , l.time(e.getX()));
        e.consume();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        lastX = e.getX();
        dragged = false;
        boxZoom = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
    }

    private void dragged(MouseEvent e) {
        TimelineLayout l = canvas.chartLayout();
        if (l == null) {
            return;
        }
        if (Math.abs(e.getX() - pressX) > 3) {
            dragged = true;
        }
        if (boxZoom) {
            canvas.setBox(new double[] {pressX, e.getX()});
            canvas.paint(l, vm);
        } else if (dragged) {
            vm.pan(l.time(lastX) - l.time(e.getX()));
        }
        lastX = e.getX();
    }

    private void released(MouseEvent e) {
        TimelineLayout l = canvas.chartLayout();
        if (l == null) {
            return;
        }
        if (boxZoom && dragged) {
            canvas.setBox(null);
            vm.zoomTo(l.time(pressX), l.time(e.getX()));
            return;
        }
        canvas.setBox(null);
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Mark m = l.hit(e.getX(), e.getY(), vm::isShown);
        if (m != null) {
            vm.click(m);
            return;
        }
        BurstBracket b = l.bracketAt(e.getX(), e.getY());
        if (b != null) {
            vm.click(b);
        }
    }

    private void moved(MouseEvent e) {
        TimelineLayout l = canvas.chartLayout();
        if (l == null) {
            return;
        }
        Mark m = l.hit(e.getX(), e.getY(), vm::isShown);
        String text = m != null ? vm.describe(m) : "";
        if (m == null) {
            BurstBracket b = l.bracketAt(e.getX(), e.getY());
            if (b != null) {
                text = b.label() + " · " + b.pattern() + " · click for its inter-arrival chart";
            }
        }
        hover.setText(text);
        canvas.setCursor(text.isEmpty() ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.HAND);
    }

    private void export(String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the timeline as " + kind.toUpperCase(java.util.Locale.ROOT));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.toUpperCase(java.util.Locale.ROOT),
                "*." + kind));
        chooser.setInitialFileName("timeline." + kind);
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            if (kind.equals("svg")) {
                vm.exportSvg(f.toPath(), canvas.getWidth());
            } else {
                exportPng(f.toPath());
            }
        } catch (IOException ex) {
            Alert a = new Alert(Alert.AlertType.ERROR, "Cannot write " + f + ": " + ex.getMessage(), ButtonType.OK);
            a.show();
        }
    }

    /** Writes what the canvas shows as a PNG. */
    public void exportPng(Path file) throws IOException {
        WritableImage img = canvas.snapshot(new SnapshotParameters(), null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        vm.exportPng(file, argb, w, h);
    }

    /** Where the timeline is drawn, for tests that click a mark. */
    public javafx.scene.canvas.Canvas canvas() {
        return canvas;
    }

    /** The geometry of the last painting. */
    public TimelineLayout chartLayout() {
        return canvas.chartLayout();
    }
}
