package dev.cutover.ui.timeline;

import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.DarkSpan;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.timeline.TimelinePalette;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Timeline pane: a lane per MAC that moved on one time axis; wheel to zoom, drag to pan, shift-drag (or
 * right-drag) to zoom to a box, click a mark to select its frame; Shift+wheel, the wheel over the names, the scroll
 * bar or the keys scroll the lanes; a search box narrows them; the inter-arrival chart of the picked burst beside.
 * The canvas is as big as the pane shows, never as tall as all the lanes: only those in view are drawn.
 */
public final class TimelineView extends BorderPane {
    static final String HELP = "wheel: zoom · drag: pan · shift-drag: zoom to box · click: select frame · "
            + "Shift+wheel, wheel over the names, PgUp/PgDn: scroll lanes";

    private final TimelineViewModel vm;
    private final TimelineCanvas canvas = new TimelineCanvas();
    private final Pane holder = new Pane(canvas) {
        // the canvas follows the pane, never the other way round
        @Override
        protected double computePrefWidth(double height) {
            return 400;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 200;
        }
    };
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label message = new Label();
    private final InterArrivalChart interArrival = new InterArrivalChart();
    private final Label hover = new Label();
    private final TextField search = new TextField();
    private final Label laneCount = new Label();
    private boolean syncingBar;
    private double pressX;
    private double lastX;
    private boolean boxZoom;
    private boolean dragged;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        setId("timelineView");
        canvas.setId("timelineCanvas");
        canvas.setManaged(false);
        canvas.setFocusTraversable(true);
        holder.setId("timelineViewport");
        holder.setMinSize(0, 0);
        hover.setId("timelineHover");
        hover.setPadding(new Insets(2, 8, 2, 8));
        hover.getStyleClass().add("timeline-hover");
        hover.setText(HELP);
        // laid over the legend's line while the pointer is on the chart, rather than a line of its own under it:
        // a short window then shows a whole lane, its outcome row included, and the read-out hides no lane
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.setMaxHeight(dev.cutover.timeline.TimelineLayout.LEGEND_HEIGHT);
        StackPane.setAlignment(hover, Pos.TOP_LEFT);
        message.setId("timelineMessage");
        message.setWrapText(true);
        message.setMouseTransparent(true);
        message.setPadding(new Insets(TimelineLayout.lanesTop() + 8, 16, 8, 16));
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        StackPane.setAlignment(message, Pos.TOP_LEFT);
        scrollBar.setId("timelineScrollBar");
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setMin(0);
        scrollBar.setUnitIncrement(TimelineViewModel.WHEEL_SCROLL);

        StackPane stack = new StackPane(holder, message, hover);
        stack.setMinSize(0, 0);
        BorderPane chart = new BorderPane(stack);
        chart.setRight(scrollBar);
        chart.setMinSize(0, 0);
        SplitPane split = new SplitPane(chart, interArrival);
        split.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(interArrival, false);
        setTop(toolBar());
        setCenter(split);

        holder.widthProperty().addListener(o -> repaint());
        holder.heightProperty().addListener(o -> {
            vm.setViewportHeight(holder.getHeight());
            repaint();
        });
        vm.rowsProperty().addListener(o -> repaint());
        vm.scaleProperty().addListener(o -> repaint());
        vm.highlightedProperty().addListener(o -> repaint());
        vm.filterRevisionProperty().addListener(o -> repaint());
        vm.relativeProperty().addListener(o -> repaint());
        vm.rateBinProperty().addListener(o -> repaint());
        vm.darkProperty().addListener(o -> {
            interArrival.setPalette(vm.palette());
            repaint();
        });
        vm.scrollYProperty().addListener(o -> {
            syncBar();
            repaint();
        });
        vm.scrollMaxProperty().addListener(o -> syncBar());
        scrollBar.valueProperty().addListener((o, was, now) -> {
            if (!syncingBar) {
                vm.scrollTo(now.doubleValue());
            }
        });
        vm.burstProperty().addListener((o, was, now) -> {
            interArrival.show(now);
            repaint();
        });
        interArrival.setPalette(vm.palette());

        canvas.addEventHandler(ScrollEvent.SCROLL, this::wheel);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseEntered(e -> hover.setVisible(true));
        canvas.setOnMouseExited(e -> {
            hover.setText(HELP);
            hover.setVisible(false);
        });
        canvas.setOnKeyPressed(this::key);
        Tooltip.install(canvas, new Tooltip());
        syncBar();
        repaint();
    }

    private ToolBar toolBar() {
        Button fit = button("timelineFitAll", "Fit all", "Show every lane's frames", vm::fitAll);
        Button fitBurst = button("timelineFitBurst", "Fit burst", "Show the picked RARP burst", vm::fitBurst);
        fitBurst.disableProperty().bind(vm.burstProperty().isNull());
        Button in = button("timelineZoomIn", "+", "Zoom in (or turn the wheel)",
                () -> vm.zoom(0.5, mid()));
        Button out = button("timelineZoomOut", "−", "Zoom out", () -> vm.zoom(2, mid()));
        // one menu for both exports keeps the bar short enough to ride in the pane's header
        javafx.scene.control.MenuItem svg = new javafx.scene.control.MenuItem("SVG (visible time range, every "
                + "lane the search keeps)…");
        svg.setId("timelineExportSvg");
        svg.setOnAction(e -> export("svg"));
        javafx.scene.control.MenuItem png = new javafx.scene.control.MenuItem("PNG (the chart as shown)…");
        png.setId("timelineExportPng");
        png.setOnAction(e -> export("png"));
        javafx.scene.control.MenuButton exportMenu = new javafx.scene.control.MenuButton("Export", null, svg, png);
        exportMenu.setId("timelineExport");
        exportMenu.setTooltip(new Tooltip("Save the timeline as SVG or PNG"));
        javafx.scene.control.ComboBox<String> rate = new javafx.scene.control.ComboBox<>();
        rate.setId("timelineRateInterval");
        rate.setTooltip(new Tooltip("The rate chart's interval"));
        String[] names = {"Auto", "1 ms", "10 ms", "100 ms", "1 s", "10 s", "1 min"};
        long[] nanos = {0, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 60_000_000_000L};
        rate.getItems().addAll(names);
        rate.getSelectionModel().select(0);
        rate.getSelectionModel().selectedIndexProperty().addListener((o, was, now) ->
                vm.rateBinProperty().set(nanos[Math.max(0, now.intValue())]));
        search.setId("timelineSearch");
        search.setPromptText("Find lanes: MAC, IP, vlan 10");
        search.setPrefColumnCount(16);
        search.setTooltip(new Tooltip("Keeps the lanes whose MAC (any notation, or part of it), IP address (or its "
                + "first octets), VLAN (\"vlan 10\" or \"10\"), vendor or interface matches; several words must all "
                + "match. Esc clears."));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });
        laneCount.setId("timelineLaneCount");
        laneCount.textProperty().bind(vm.laneCountProperty());
        laneCount.getStyleClass().add("text-muted");
        ToolBar bar = new ToolBar(fit, fitBurst, in, out, new Label("Rate per"), rate, exportMenu,
                new Separator(Orientation.VERTICAL), search, laneCount);
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
        double w = Math.floor(holder.getWidth());
        double h = Math.floor(holder.getHeight());
        if (w < 1 || h < 1) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        TimelineLayout l = new TimelineLayout(vm.rows(), vm.scale(), w, vm.rateBinProperty().get(),
                vm.scrollYProperty().get(), h);
        canvas.paint(l, vm, vm.palette());
    }

    private void syncBar() {
        double max = vm.scrollMaxProperty().get();
        syncingBar = true;
        try {
            scrollBar.setMax(Math.max(max, 0));
            // the thumb's share of the track is the share of the content in view
            scrollBar.setVisibleAmount(max <= 0 ? 0 : max * vm.rowsArea() / (max + vm.rowsArea()));
            scrollBar.setBlockIncrement(Math.max(TimelineViewModel.WHEEL_SCROLL, vm.rowsArea() - 20));
            scrollBar.setValue(vm.scrollYProperty().get());
        } finally {
            syncingBar = false;
        }
        boolean needed = max > 0;
        if (scrollBar.isVisible() != needed) {
            scrollBar.setVisible(needed);
            scrollBar.setManaged(needed);
        }
    }

    /**
     * The wheel zooms time over the plot; with Shift, or over the lane names, it scrolls the lanes (some systems
     * turn Shift+wheel into a sideways scroll: that counts too).
     */
    private void wheel(ScrollEvent e) {
        TimelineLayout l = canvas.chartLayout();
        if (l == null) {
            return;
        }
        boolean lanes = e.isShiftDown() || e.getX() < l.plotX0();
        double delta = e.getDeltaY() != 0 ? e.getDeltaY() : lanes ? e.getDeltaX() : 0;
        if (delta == 0) {
            return;
        }
        double unit = lanes && e.getDeltaY() == 0 ? e.getMultiplierX() : e.getMultiplierY();
        double notches = delta / (unit == 0 ? 40 : unit);
        if (lanes) {
            vm.wheelScroll(notches);
        } else {
            vm.wheel(notches, l.time(e.getX()));
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        double page = Math.max(TimelineViewModel.WHEEL_SCROLL, vm.rowsArea() - 20);
        switch (e.getCode()) {
            case PAGE_DOWN:
                vm.scrollBy(page);
                break;
            case PAGE_UP:
                vm.scrollBy(-page);
                break;
            case DOWN:
                vm.scrollBy(TimelineViewModel.WHEEL_SCROLL);
                break;
            case UP:
                vm.scrollBy(-TimelineViewModel.WHEEL_SCROLL);
                break;
            case HOME:
                vm.scrollTo(0);
                break;
            case END:
                vm.scrollTo(vm.scrollMaxProperty().get());
                break;
            default:
                return;
        }
        e.consume();
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
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
            canvas.paint(l, vm, vm.palette());
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
            repaint(); // a box within one time step leaves the scale as it was
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
            return;
        }
        DarkSpan d = l.darkAt(e.getX(), e.getY());
        if (d != null) {
            vm.click(d, l.darkFrameAt(d, e.getX()));
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
        if (text.isEmpty()) {
            text = vm.describe(l.darkAt(e.getX(), e.getY()));
        }
        boolean clickable = !text.isEmpty();
        if (text.isEmpty()) {
            text = summaryAt(l, e.getX(), e.getY());
        }
        hover.setText(text.isEmpty() ? HELP : text);
        canvas.setCursor(clickable ? javafx.scene.Cursor.HAND : javafx.scene.Cursor.DEFAULT);
    }

    /** The outcome's summary when the pointer is over a lane's names column on its dark row, else "". */
    private static String summaryAt(TimelineLayout l, double x, double y) {
        int row = l.laneAt(y);
        if (row < 0 || x >= l.plotX0()) {
            return "";
        }
        Lane lane = l.lane(row);
        if (!lane.hasOutcome() || Math.abs(y - l.darkY(row)) > 7) {
            return "";
        }
        return "Outcome (" + lane.outcome().verdict().name().toLowerCase(java.util.Locale.ROOT) + "): "
                + lane.outcome().summary();
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

    /** Writes what the canvas shows as a PNG, in the light palette whatever the theme: it goes into reports. */
    public void exportPng(Path file) throws IOException {
        TimelineLayout l = canvas.chartLayout();
        int w = (int) canvas.getWidth();
        int h = (int) canvas.getHeight();
        if (l == null || w < 1 || h < 1) {
            throw new IOException("the timeline has not been drawn yet");
        }
        TimelineCanvas light = new TimelineCanvas();
        light.setWidth(w);
        light.setHeight(h);
        light.paint(l, vm, TimelinePalette.LIGHT);
        WritableImage img = light.snapshot(new SnapshotParameters(), null);
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

    /** The first and last rows the last painting drew ({-1, -1} for none), for tests. */
    public int[] drawnRows() {
        return canvas.drawnRows();
    }
}
