package dev.cutover.ui.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.Durations;
import dev.cutover.timeline.FrameFacts;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.PngWriter;
import dev.cutover.timeline.TimeScale;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.timeline.TimelineModel;
import dev.cutover.timeline.TimelineSvg;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The migration timeline: its lanes, the visible time range (zoom, pan, fit), the marks highlighted by the shared
 * selection, the burst picked for the inter-arrival chart, and the exports.
 */
public final class TimelineViewModel {
    /** Mouse-wheel zoom per notch. */
    public static final double WHEEL_ZOOM = 0.8;

    private final Tasks tasks;
    private final Consumer<int[]> frameSelector;
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
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
    private IntPredicate shown = f -> true;
    private ZoneId zone = ZoneId.systemDefault();

    /**
     * @param tasks         builds the lanes off the FX thread (the rate series reads every frame's class)
     * @param frameSelector selects frames (0-based) in the packet list
     */
    public TimelineViewModel(Tasks tasks, Consumer<int[]> frameSelector) {
        this.tasks = tasks;
        this.frameSelector = frameSelector;
    }

    /** Builds the lanes of an analysis of a capture (either null: no lanes) and shows them all. */
    public void setAnalysis(AnalysisResult result, Capture capture) {
        int g = generation.incrementAndGet();
        // the highlight stays: the packet list may have picked a frame before the analysis ended
        burst.set(null);
        if (result == null || capture == null || capture.frameCount() == 0) {
            model.set(TimelineModel.EMPTY);
            return;
        }
        tasks.background(() -> {
            TimelineModel built;
            try {
                built = TimelineModel.of(result, facts(capture), capture.index().timestampNanos(0));
            } catch (RuntimeException e) {
                built = TimelineModel.EMPTY; // the capture was closed or replaced meanwhile
            }
            TimelineModel m = built;
            tasks.ui(() -> {
                if (generation.get() == g) {
                    model.set(m);
                    fitAll();
                }
            });
        });
    }

    static FrameFacts facts(Capture c) {
        return FrameFacts.of(c);
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

    /** Frames selected elsewhere (a migration, a finding): their marks are highlighted. */
    public void highlight(int[] frames) {
        int[] sorted = frames.clone();
        Arrays.sort(sorted);
        highlighted.set(sorted);
        for (Lane l : model.get().lanes()) {
            for (BurstBracket b : l.brackets()) {
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
        for (Lane l : model.get().lanes()) {
            if (l.brackets().contains(b)) {
                return l.marks().stream().filter(m -> m.kind() == MarkKind.RARP && m.timeNanos() >= b.startNanos()
                        && m.timeNanos() <= b.endNanos()).mapToInt(Mark::frame).sorted().toArray();
            }
        }
        return new int[0];
    }

    /** The bracket a RARP mark belongs to, or null. */
    public BurstBracket bracketOf(Mark mark) {
        if (mark.kind() != MarkKind.RARP) {
            return null;
        }
        for (Lane l : model.get().lanes()) {
            if (l.marks().contains(mark)) {
                for (BurstBracket b : l.brackets()) {
                    if (mark.timeNanos() >= b.startNanos() && mark.timeNanos() <= b.endNanos()) {
                        return b;
                    }
                }
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
        for (Lane l : model.get().lanes()) {
            int i = l.marks().indexOf(mark);
            if (i < 0) {
                continue;
            }
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
        }
        return sb.toString();
    }

    // ---- export ----

    /** Writes the visible timeline as SVG, {@code width} pixels wide. */
    public void exportSvg(Path file, double width) throws IOException {
        TimelineLayout layout = new TimelineLayout(model.get(), scale.get(), width, rateBin.get());
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

    /** The highlighted frames as a list, for tests and the status. */
    public List<Integer> highlightedFrames() {
        return Arrays.stream(highlighted.get()).boxed().toList();
    }
}
