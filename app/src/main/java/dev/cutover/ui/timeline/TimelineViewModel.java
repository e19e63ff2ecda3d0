package dev.cutover.ui.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.DarkSpan;
import dev.cutover.timeline.Durations;
import dev.cutover.timeline.TimelineFrames;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.LaneRows;
import dev.cutover.timeline.LaneSearch;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.OutcomeTrack;
import dev.cutover.timeline.PngWriter;
import dev.cutover.timeline.TimeScale;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.timeline.TimelineModel;
import dev.cutover.timeline.TimelinePalette;
import dev.cutover.timeline.TimelineSvg;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The migration timeline: its lanes, the lanes a search keeps and how far they are scrolled, the visible time range
 * (zoom, pan, fit), the marks highlighted by the shared selection, the burst picked for the inter-arrival chart, what
 * to say when there is no lane, the palette, and the exports.
 */
public final class TimelineViewModel {
    /** Mouse-wheel zoom per notch. */
    public static final double WHEEL_ZOOM = 0.8;
    /** Vertical scrolling per wheel notch, in pixels: about one lane. */
    public static final double WHEEL_SCROLL = 60;

    private final Tasks tasks;
    private final Consumer<int[]> frameSelector;
    private final TaskKey layout = TaskKey.named("timeline-lanes");
    private final TaskKey outcomeLayout = TaskKey.named("timeline-outcomes");
    /** What the lanes are built from, for laying them out again with outcomes. */
    private AnalysisResult shownResult;
    private Capture shownCapture;
    private final ReadOnlyObjectWrapper<TimelineModel> model =
            new ReadOnlyObjectWrapper<>(this, "model", TimelineModel.EMPTY);
    private final ReadOnlyObjectWrapper<TimeScale> scale =
            new ReadOnlyObjectWrapper<>(this, "scale", new TimeScale(0, 1_000_000_000L));
    private final ReadOnlyObjectWrapper<int[]> highlighted = new ReadOnlyObjectWrapper<>(this, "highlighted", new int[0]);
    private final ReadOnlyObjectWrapper<BurstBracket> burst = new ReadOnlyObjectWrapper<>(this, "burst");
    private final ReadOnlyIntegerWrapper filterRevision = new ReadOnlyIntegerWrapper(this, "filterRevision");
    private final javafx.beans.property.LongProperty rateBin =
            new javafx.beans.property.SimpleLongProperty(this, "rateBin", 0);
    private final BooleanProperty relative = new SimpleBooleanProperty(this, "relative", true);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<LaneRows> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", LaneRows.all(TimelineModel.EMPTY));
    private final ReadOnlyStringWrapper laneCount = new ReadOnlyStringWrapper(this, "laneCount", "");
    private final ReadOnlyDoubleWrapper scrollY = new ReadOnlyDoubleWrapper(this, "scrollY", 0);
    private final ReadOnlyDoubleWrapper scrollMax = new ReadOnlyDoubleWrapper(this, "scrollMax", 0);
    private final ReadOnlyObjectWrapper<TimelineState> state =
            new ReadOnlyObjectWrapper<>(this, "state", TimelineState.NO_CAPTURE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper hasLanes = new ReadOnlyBooleanWrapper(this, "hasLanes", false);
    private IntPredicate shown = f -> true;
    private ZoneId zone = ZoneId.systemDefault();
    private double viewportHeight;
    // what the state is made of
    private boolean followed;
    private boolean captureOpen;
    private boolean awaiting;
    private boolean analysing;
    private String analysisFailure = "";
    private String buildFailure = "";
    private int building = -1;
    private String noMigration = "";

    /**
     * @param tasks         builds the lanes off the FX thread (the rate series reads every frame's class)
     * @param frameSelector selects frames (0-based) in the packet list
     */
    public TimelineViewModel(Tasks tasks, Consumer<int[]> frameSelector) {
        this.tasks = tasks;
        this.frameSelector = frameSelector;
        search.addListener((o, was, now) -> applySearch());
        refreshState();
    }

    /**
     * Builds the lanes of an analysis of a capture off the FX thread and shows them all. A null capture means none
     * is open; a null analysis with a capture means its analysis has not arrived yet.
     */
    public void setAnalysis(AnalysisResult result, Capture capture) {
        setAnalysis(result, capture, null);
    }

    /**
     * As {@link #setAnalysis(AnalysisResult, Capture)}, with what became of each migration: {@code outcomes} answers
     * a migration id with its {@link OutcomeTrack}, or null; a null source draws none. It is asked off the FX thread.
     */
    public void setAnalysis(AnalysisResult result, Capture capture, IntFunction<OutcomeTrack> outcomes) {
        layout.cancel();
        outcomeLayout.cancel();
        shownResult = result;
        shownCapture = capture;
        // the highlight stays: the packet list may have picked a frame before the analysis ended
        burst.set(null);
        captureOpen = capture != null;
        awaiting = capture != null && result == null;
        buildFailure = "";
        building = -1;
        if (result == null || capture == null || capture.frameCount() == 0) {
            noMigration = capture != null && capture.frameCount() == 0 ? "The capture holds no frame." : "";
            setModel(TimelineModel.EMPTY);
            return;
        }
        analysisFailure = "";
        building = result.migrations().size();
        setModel(TimelineModel.EMPTY);
        BackgroundTask.of(monitor -> {
            TimelineModel built = TimelineModel.of(result, facts(capture), capture.index().timestampNanos(0),
                    outcomes);
            return new Built(built, built.isEmpty() ? noMigrationText(result) : "");
        }).key(layout).onSuccess(b -> laidOut(b.model(), "", b.none())).onFailure(e -> laidOut(null,
                e instanceof OutOfMemoryError ? "not enough memory for the lanes of " + String.format(Locale.ROOT,
                        "%,d", result.migrations().size()) + " migrations (start Cutover with a larger -Xmx)"
                        : BackgroundTask.reason(e), "")).runWith(tasks);
    }

    /**
     * The outcomes of the migrations on show, measured after their analysis: the lanes are laid out again with them,
     * off the FX thread, keeping the time range and the scrolling (a null source takes them away). While the lanes
     * are still being laid out, that starts again with the outcomes; with no analysis on show there is nothing to do.
     */
    public void setOutcomes(IntFunction<OutcomeTrack> outcomes) {
        AnalysisResult r = shownResult;
        Capture c = shownCapture;
        if (r == null || c == null || c.frameCount() == 0) {
            return;
        }
        if (building >= 0) {
            setAnalysis(r, c, outcomes);
            return;
        }
        BackgroundTask.of(monitor -> TimelineModel.of(r, facts(c), c.index().timestampNanos(0), outcomes))
                .key(outcomeLayout).onSuccess(m -> {
                    if (shownResult != r || shownCapture != c) {
                        return; // another capture or analysis came meanwhile
                    }
                    TimeScale keep = scale.get();
                    double y = scrollY.get();
                    setModel(m);
                    scale.set(keep);
                    scrollTo(y);
                })
                // the lanes stay as they are without the outcomes
                .onFailure(e -> { }).runWith(tasks);
    }

    /** The lanes of an analysis, or why it has none. */
    private record Built(TimelineModel model, String none) {
    }

    private void laidOut(TimelineModel m, String failure, String none) {
        building = -1;
        buildFailure = failure;
        noMigration = none;
        setModel(m == null ? TimelineModel.EMPTY : m);
        fitAll();
        revealHighlighted();
    }

    /**
     * Follows the migration analysis, so the pane can tell "nothing open" from "analysing" from "failed" before any
     * analysis arrives through {@link #setAnalysis}.
     *
     * @param capture the capture being analysed, null when none is open
     * @param running its analysis is under way
     * @param failure what to say of its failure ("The migration analysis of cut.pcap failed: …"), or empty (or null)
     */
    public void followAnalysis(ObservableValue<?> capture, ObservableBooleanValue running,
                               ObservableStringValue failure) {
        followed = true;
        capture.addListener((o, was, now) -> {
            captureOpen = now != null;
            refreshState();
        });
        running.addListener((o, was, now) -> {
            analysing = now;
            refreshState();
        });
        failure.addListener((o, was, now) -> {
            analysisFailure = now == null ? "" : now;
            refreshState();
        });
        captureOpen = capture.getValue() != null;
        analysing = running.get();
        analysisFailure = failure.get() == null ? "" : failure.get();
        refreshState();
    }

    /** Why an analysis gave no lane, in the capture's own numbers. */
    static String noMigrationText(AnalysisResult r) {
        return "No migration in this capture: " + r.noMigrationReason() + ".";
    }

    private void setModel(TimelineModel m) {
        model.set(m);
        applySearch();
    }

    private void applySearch() {
        TimelineModel m = model.get();
        LaneSearch s = LaneSearch.parse(search.get());
        rows.set(s.isBlank() ? LaneRows.all(m) : LaneRows.of(m, s.filter(m)));
        int all = m.lanes().size();
        int kept = rows.get().size();
        laneCount.set(all == 0 ? "" : s.isBlank()
                ? String.format(Locale.ROOT, "%,d lane%s", all, all == 1 ? "" : "s")
                : String.format(Locale.ROOT, "%,d of %,d lane%s", kept, all, all == 1 ? "" : "s"));
        updateScrollRange();
        scrollTo(0);
        revealHighlighted();
        refreshState();
    }

    private void refreshState() {
        TimelineModel m = model.get();
        TimelineState st;
        String text;
        if (!analysisFailure.isEmpty()) {
            st = TimelineState.FAILED;
            text = analysisFailure;
        } else if (!buildFailure.isEmpty()) {
            st = TimelineState.FAILED;
            text = "The timeline could not be laid out: " + buildFailure;
        } else if (building >= 0) {
            st = TimelineState.ANALYSING;
            text = String.format(Locale.ROOT, "Laying out the lanes of %,d migration%s…", building,
                    building == 1 ? "" : "s");
        } else if (!m.isEmpty()) {
            st = rows.get().size() == 0 ? TimelineState.NO_MATCH : TimelineState.LANES;
            text = st == TimelineState.LANES ? "" : String.format(Locale.ROOT,
                    "No lane matches \u201c%s\u201d among the %,d lanes (MAC, IP, \u201cvlan 10\u201d, vendor or "
                            + "interface). Esc clears the search.", search.get().trim(), m.lanes().size());
        } else if (!captureOpen) {
            st = TimelineState.NO_CAPTURE;
            text = "No capture open. Open one (File > Open, or drop it here) to see a lane per MAC that moved.";
        } else if (analysing || (awaiting && !followed)) {
            st = TimelineState.ANALYSING;
            text = "Analysing the capture for migrations…";
        } else {
            st = TimelineState.NO_MIGRATIONS;
            text = noMigration.isEmpty() ? "No migration in this capture: no RARP notification and no gratuitous "
                    + "ARP announce a MAC in a new place." : noMigration;
        }
        message.set(text);
        state.set(st);
        hasLanes.set(!m.isEmpty());
    }

    static TimelineFrames facts(Capture c) {
        return TimelineFrames.of(c);
    }

    /** Which frames the display filter keeps; the others' marks are not drawn. */
    public void setShown(IntPredicate shown) {
        this.shown = shown;
        filterRevision.set(filterRevision.get() + 1);
    }

    public boolean isShown(int frame) {
        return shown.test(frame);
    }

    /** The zone for time of day on the axis. */
    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- search and vertical scrolling ----

    /** The text of the search box: see {@link LaneSearch} for what it matches. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The height the pane gives the whole picture (legend, axis, rows and rate chart), in pixels. */
    public void setViewportHeight(double height) {
        viewportHeight = Math.max(0, height);
        updateScrollRange();
        scrollTo(scrollY.get());
    }

    /** The height the rows get in the viewport. */
    public double rowsArea() {
        return TimelineLayout.rowsArea(rows.get(), viewportHeight);
    }

    private void updateScrollRange() {
        scrollMax.set(TimelineLayout.scrollMax(rows.get(), viewportHeight));
    }

    /** Scrolls the rows to a height (clamped to the rows there are). */
    public void scrollTo(double y) {
        scrollY.set(Math.max(0, Math.min(scrollMax.get(), y)));
    }

    /** Scrolls the rows down (positive) or up by pixels. */
    public void scrollBy(double dy) {
        scrollTo(scrollY.get() + dy);
    }

    /** The wheel turned by {@code notches} over the label column, or with Shift: positive scrolls up. */
    public void wheelScroll(double notches) {
        scrollBy(-notches * WHEEL_SCROLL);
    }

    /** Scrolls a model lane into view, if the search keeps it. */
    public void reveal(int lane) {
        int row = rows.get().rowOf(lane);
        if (row < 0) {
            return;
        }
        double top = rows.get().top(row);
        double bottom = top + rows.get().height(row);
        double area = rowsArea();
        if (top < scrollY.get() || bottom - top > area) {
            scrollTo(top);
        } else if (bottom > scrollY.get() + area) {
            scrollTo(bottom - area);
        }
    }

    private void revealHighlighted() {
        TimelineModel m = model.get();
        for (int f : highlighted.get()) {
            int lane = m.laneOf(f);
            if (lane >= 0) {
                reveal(lane);
                return;
            }
        }
    }

    // ---- zoom and pan ----

    public void fitAll() {
        TimelineModel m = model.get();
        if (!m.isEmpty()) {
            scale.set(TimeScale.fit(m.startNanos(), m.endNanos()));
        }
    }

    /** Fits the picked burst, or the burst of the highlighted marks; false when there is none. */
    public boolean fitBurst() {
        BurstBracket b = burst.get();
        if (b == null) {
            return false;
        }
        scale.set(TimeScale.fit(b.startNanos(), b.endNanos()));
        return true;
    }

    /** Zooms in (below 1) or out around a time. */
    public void zoom(double factor, long anchorNanos) {
        scale.set(scale.get().zoom(factor, anchorNanos));
    }

    /** The wheel turned by {@code notches} (positive: away from the user, zoom in) with the pointer at a time. */
    public void wheel(double notches, long anchorNanos) {
        zoom(Math.pow(WHEEL_ZOOM, notches), anchorNanos);
    }

    public void pan(long deltaNanos) {
        scale.set(scale.get().pan(deltaNanos));
    }

    /** Box zoom: shows the time between two points, in either order. */
    public void zoomTo(long a, long b) {
        scale.set(new TimeScale(Math.min(a, b), Math.max(a, b)));
    }

    public void setScale(TimeScale s) {
        scale.set(s);
    }

    // ---- selection ----

    /** The user clicked a mark: its frame is selected everywhere, and a RARP picks its burst. */
    public void click(Mark mark) {
        if (mark == null) {
            return;
        }
        highlighted.set(new int[] {mark.frame()});
        BurstBracket b = bracketOf(mark);
        if (b != null) {
            burst.set(b);
        }
        frameSelector.accept(new int[] {mark.frame()});
    }

    /**
     * The user clicked a dark span: {@code frame} (its last frame before the move, or, clicked at its right end, its
     * first frame after) is selected everywhere, and both ends are highlighted.
     */
    public void click(DarkSpan span, int frame) {
        if (span == null || frame < 0) {
            return;
        }
        int[] ends = java.util.stream.IntStream.of(span.lastBefore(), span.firstAfter()).filter(f -> f >= 0)
                .sorted().toArray();
        highlighted.set(ends);
        frameSelector.accept(new int[] {frame});
    }

    /** What the pointer is over on a dark span: "dark 212 ms: frame 57 was the VM's last before the move, …". */
    public String describe(DarkSpan span) {
        if (span == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(span.label()).append(": ");
        sb.append(span.lastBefore() >= 0 ? "frame " + (span.lastBefore() + 1) + " was the VM's last before the move"
                : "no frame of the VM before the move in the window");
        sb.append(", ");
        sb.append(span.firstAfter() >= 0 ? "frame " + (span.firstAfter() + 1) + " its first after"
                : "none after it to the window's end");
        if (span.lastBefore() >= 0 && span.firstAfter() >= 0) {
            sb.append(" · click: the last before; click the right end: the first after");
        }
        return sb.toString();
    }

    /** The user clicked a burst's bracket: its RARPs are selected and it feeds the inter-arrival chart. */
    public void click(BurstBracket b) {
        if (b == null) {
            return;
        }
        burst.set(b);
        int[] frames = framesOf(b);
        highlighted.set(frames);
        frameSelector.accept(frames);
    }

    /**
     * Frames selected elsewhere (a migration, a finding): their marks are highlighted, the burst whose first RARP is
     * among them is picked, and the lane of the first of them is scrolled into view.
     */
    public void highlight(int[] frames) {
        int[] sorted = frames.clone();
        Arrays.sort(sorted);
        highlighted.set(sorted);
        TimelineModel m = model.get();
        TreeSet<Integer> lanes = new TreeSet<>();
        for (int f : sorted) {
            for (int lane : m.lanesOf(f)) {
                lanes.add(lane);
            }
        }
        revealHighlighted();
        for (int lane : lanes) {
            for (BurstBracket b : m.lanes().get(lane).brackets()) {
                int[] bf = framesOf(b);
                if (bf.length > 0 && Arrays.binarySearch(sorted, bf[0]) >= 0) {
                    burst.set(b);
                    return;
                }
            }
        }
    }

    /** The packet list's current frame: highlighted, unless it is already among the highlighted marks; -1 clears. */
    public void showCurrent(int frame) {
        if (frame < 0) {
            highlighted.set(new int[0]);
            return;
        }
        if (isHighlighted(frame)) {
            return;
        }
        highlight(new int[] {frame});
    }

    public boolean isHighlighted(int frame) {
        return Arrays.binarySearch(highlighted.get(), frame) >= 0;
    }

    /** The burst's RARP frames, ascending. */
    public int[] framesOf(BurstBracket b) {
        int lane = model.get().laneOfBurst(b.burstId());
        if (lane < 0 || !model.get().lanes().get(lane).brackets().contains(b)) {
            return new int[0];
        }
        return model.get().lanes().get(lane).marks().stream().filter(m -> m.kind() == MarkKind.RARP
                && m.timeNanos() >= b.startNanos() && m.timeNanos() <= b.endNanos())
                .mapToInt(Mark::frame).sorted().toArray();
    }

    /** The bracket a RARP mark belongs to, or null. */
    public BurstBracket bracketOf(Mark mark) {
        if (mark.kind() != MarkKind.RARP) {
            return null;
        }
        Lane l = laneOf(mark);
        if (l != null) {
            for (BurstBracket b : l.brackets()) {
                if (mark.timeNanos() >= b.startNanos() && mark.timeNanos() <= b.endNanos()) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The lane a mark was drawn on, or null. */
    private Lane laneOf(Mark mark) {
        for (int i : model.get().lanesOf(mark.frame())) {
            Lane l = model.get().lanes().get(i);
            if (l.marks().contains(mark)) {
                return l;
            }
        }
        return null;
    }

    /** What the pointer is over, for the hover line: "frame 42 · RARP notification on vmnic1 · +50 ms after the previous RARP". */
    public String describe(Mark mark) {
        if (mark == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder("Frame ").append(mark.frame() + 1).append(" · ").append(mark.kind().label());
        Lane l = laneOf(mark);
        if (l == null) {
            return sb.toString();
        }
        int i = l.marks().indexOf(mark);
        sb.append(" on ").append(l.interfaces().get(mark.subLane()));
        sb.append(" · ").append(Durations.format(mark.timeNanos() - model.get().originNanos()))
                .append(" since the first frame");
        if (mark.kind() == MarkKind.RARP) {
            for (int k = i - 1; k >= 0; k--) {
                Mark prev = l.marks().get(k);
                if (prev.kind() == MarkKind.RARP) {
                    sb.append(" · ").append(Durations.format(mark.timeNanos() - prev.timeNanos()))
                            .append(" after the previous RARP");
                    break;
                }
            }
        }
        if (mark.kind().isOutcome()) {
            for (OutcomeTrack t : l.outcome().tracks()) {
                boolean ofTrack = Arrays.binarySearch(t.staleFrames(), mark.frame()) >= 0
                        || Arrays.binarySearch(t.lostPings(), mark.frame()) >= 0
                        || Arrays.binarySearch(t.retransmissions(), mark.frame()) >= 0;
                if (!ofTrack) {
                    continue;
                }
                if (mark.kind() == MarkKind.LOST_PING && Arrays.binarySearch(t.staleFrames(), mark.frame()) >= 0) {
                    sb.append(" · by the old path");
                }
                for (dev.cutover.timeline.DarkSpan d : l.outcome().darkSpans()) {
                    if (d.migrationId() == t.migrationId() && d.lastBefore() >= 0) {
                        sb.append(" · ").append(Durations.format(mark.timeNanos() - d.fromNanos()))
                                .append(" after the VM's last frame before the move");
                    }
                }
                sb.append(" · ").append(t.summary());
                break;
            }
        }
        return sb.toString();
    }

    // ---- export ----

    /**
     * Writes the timeline as SVG, {@code width} pixels wide: the visible time range, every lane the search keeps
     * (not only those scrolled into view), in the light palette whatever the theme, since it goes into reports.
     */
    public void exportSvg(Path file, double width) throws IOException {
        TimelineLayout layout = new TimelineLayout(rows.get(), scale.get(), width, rateBin.get());
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TimelineSvg.write(layout, shown, relative.get(), zone, w);
            w.flush();
        });
    }

    /** Writes pixels (0xAARRGGBB, row by row) as PNG. */
    public void exportPng(Path file, int[] argb, int width, int height) throws IOException {
        AtomicFiles.write(file, out -> PngWriter.write(argb, width, height, out));
    }

    // ---- properties ----

    public ReadOnlyObjectProperty<TimelineModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public TimelineModel model() {
        return model.get();
    }

    public ReadOnlyObjectProperty<TimeScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public TimeScale scale() {
        return scale.get();
    }

    /** Highlighted frames, ascending. */
    public ReadOnlyObjectProperty<int[]> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** The burst the inter-arrival chart shows, or null. */
    public ReadOnlyObjectProperty<BurstBracket> burstProperty() {
        return burst.getReadOnlyProperty();
    }

    /** Changes whenever the display filter does. */
    public ReadOnlyIntegerProperty filterRevisionProperty() {
        return filterRevision.getReadOnlyProperty();
    }

    /** The rate chart's interval in nanoseconds; 0 follows the zoom. */
    public javafx.beans.property.LongProperty rateBinProperty() {
        return rateBin;
    }

    /** Relative time (seconds since the first frame) or time of day, as the packet list shows it. */
    public BooleanProperty relativeProperty() {
        return relative;
    }

    /** The lanes on show (all, or those the search keeps), top to bottom. */
    public ReadOnlyObjectProperty<LaneRows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public LaneRows rows() {
        return rows.get();
    }

    /** "24,435 lanes", or "12 of 24,435 lanes" while a search narrows them; empty without lanes. */
    public ReadOnlyStringProperty laneCountProperty() {
        return laneCount.getReadOnlyProperty();
    }

    /** How far the rows are scrolled up, in pixels, from 0 to {@link #scrollMaxProperty()}. */
    public ReadOnlyDoubleProperty scrollYProperty() {
        return scrollY.getReadOnlyProperty();
    }

    /** The furthest the rows scroll: their height less the room they get. */
    public ReadOnlyDoubleProperty scrollMaxProperty() {
        return scrollMax.getReadOnlyProperty();
    }

    /** Lanes, or why there are none. */
    public ReadOnlyObjectProperty<TimelineState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * What the pane says instead of lanes (nothing open, analysing, the failure, no migration, no match); empty
     * with lanes.
     */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * True when the capture has lanes to draw (even if the search hides them all): the main window may collapse
     * the pane to its header while it is false.
     */
    public ReadOnlyBooleanProperty hasLanesProperty() {
        return hasLanes.getReadOnlyProperty();
    }

    /** The window's dark theme: the canvas and the inter-arrival chart follow it; the exports stay light. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The colours to draw the pane with. */
    public TimelinePalette palette() {
        return dark.get() ? TimelinePalette.DARK : TimelinePalette.LIGHT;
    }

    /** The highlighted frames as a list, for tests and the status. */
    public List<Integer> highlightedFrames() {
        return Arrays.stream(highlighted.get()).boxed().toList();
    }
}
