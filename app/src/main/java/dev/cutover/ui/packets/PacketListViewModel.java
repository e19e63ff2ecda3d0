package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.Layer;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.AnalysisFields;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The packet list: which frames are shown (all, or those a display filter keeps, computed off the FX thread),
 * the text of each visible cell, decoded lazily, and which frame is current.
 */
public final class PacketListViewModel {
    /** Rows the view should select (and scroll to the first of); a new instance each time. */
    public record SelectionRequest(int[] rows) {
    }

    private volatile AnalysisResult analysis;
    private final Tasks tasks;
    private final FrameList frames = new FrameList();
    private final ObservableList<Integer> framesView = FXCollections.unmodifiableObservableList(frames);
    private final ObjectProperty<TimeFormat> timeFormat = new SimpleObjectProperty<>(this, "timeFormat",
            TimeFormat.SINCE_START);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyBooleanWrapper filtering = new ReadOnlyBooleanWrapper(this, "filtering");
    private final ReadOnlyIntegerWrapper currentFrame = new ReadOnlyIntegerWrapper(this, "currentFrame", -1);
    private final ReadOnlyObjectWrapper<int[]> selectedFrames = new ReadOnlyObjectWrapper<>(this, "selectedFrames",
            new int[0]);
    private final ReadOnlyObjectWrapper<SelectionRequest> selectionRequest =
            new ReadOnlyObjectWrapper<>(this, "selectionRequest");
    private final AtomicInteger filterGeneration = new AtomicInteger();
    private final ZoneId zone;

    private Capture capture;
    private RowDecoder rows;
    private IntFunction<List<String>> annotations = f -> List.of();
    private IntFunction<String> annotationText = f -> "";
    private int timeDigits = 6;

    public PacketListViewModel(Tasks tasks) {
        this(tasks, ZoneId.systemDefault());
    }

    public PacketListViewModel(Tasks tasks, ZoneId zone) {
        this.tasks = tasks;
        this.zone = zone;
    }

    /**
     * Where the annotations come from: the comments they add to a frame (for the filter) and the text of the
     * Comment column. Set before {@link #setCapture}.
     */
    public void setAnnotations(IntFunction<List<String>> comments, IntFunction<String> text) {
        this.annotations = comments;
        this.annotationText = text;
    }

    /** The Comment column: the frame's annotation, or its comments from the file. */
    public String comment(int frame) {
        String a = annotationText.apply(frame);
        if (!a.isEmpty() || capture == null) {
            return a;
        }
        return String.join("; ", capture.comments(frame));
    }

    /** Shows every frame of a newly opened capture (null: nothing open). */
    public void setCapture(Capture c) {
        filterGeneration.incrementAndGet();
        filtering.set(false);
        capture = c;
        rows = c == null ? null : new RowDecoder(c);
        timeDigits = 6;
        if (c != null && !c.interfaces().isEmpty()) {
            timeDigits = c.interfaces().stream().mapToInt(i -> i.timePrecisionDigits()).max().orElse(6);
            timeDigits = Math.max(0, Math.min(9, timeDigits));
        }
        int n = c == null ? 0 : c.frameCount();
        currentFrame.set(-1);
        frames.showAll(n);
        total.set(n);
        shown.set(n);
    }

    /**
     * Keeps the frames the filter matches; decoding runs off the FX thread, and a newer filter or capture
     * makes an older pass stop and its result be dropped.
     */
    /** The migration analysis's per-frame facts, for filters that ask about them (null: none yet). */
    public void setAnalysis(AnalysisResult result) {
        analysis = result;
    }

    public void applyFilter(CompiledFilter filter) {
        Capture c = capture;
        int generation = filterGeneration.incrementAndGet();
        if (c == null) {
            return;
        }
        if (filter.text().isBlank()) {
            filtering.set(false);
            frames.showAll(c.frameCount());
            shown.set(c.frameCount());
            return;
        }
        filtering.set(true);
        tasks.background(() -> {
            int[] kept;
            int count;
            try {
                FrameDecoder decoder = new FrameDecoder(c, annotations);
                Dissection d = new Dissection();
                Layer needed = filter.requiredLayer();
                AnalysisResult facts = analysis;
                kept = new int[Math.min(c.frameCount(), 1 << 16)];
                count = 0;
                for (int i = 0; i < c.frameCount(); i++) {
                    if ((i & 0xFFF) == 0 && filterGeneration.get() != generation) {
                        return;
                    }
                    decoder.decode(i, d, needed);
                    if (facts != null) {
                        AnalysisFields.add(facts, i, d);
                    }
                    if (filter.matches(d)) {
                        if (count == kept.length) {
                            kept = Arrays.copyOf(kept, kept.length * 2);
                        }
                        kept[count++] = i;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int[] result = kept;
            int resultCount = count;
            tasks.ui(() -> {
                if (filterGeneration.get() != generation || capture != c) {
                    return;
                }
                int keep = currentFrame.get();
                frames.show(result, resultCount);
                shown.set(resultCount);
                filtering.set(false);
                int row = frames.rowOf(keep);
                if (row >= 0) {
                    selectionRequest.set(new SelectionRequest(new int[] {row}));
                }
            });
        });
    }

    /** The frame (0-based) the user selected in the list, or -1. */
    public void setCurrentFrame(int frame) {
        currentFrame.set(frame);
    }

    /** Asks the view to select these frames (0-based); those the filter hides are left out. Returns how many. */
    public int selectFrames(int[] frameIndices) {
        int[] r = new int[frameIndices.length];
        int n = 0;
        for (int f : frameIndices) {
            int row = frames.rowOf(f);
            if (row >= 0) {
                r[n++] = row;
            }
        }
        if (n > 0) {
            selectionRequest.set(new SelectionRequest(Arrays.copyOf(r, n)));
        }
        return n;
    }

    /** The frames (0-based) selected in the list, ascending. */
    public void setSelectedFrames(int[] frames) {
        int[] sorted = frames.clone();
        Arrays.sort(sorted);
        selectedFrames.set(sorted);
    }

    /** Every selected frame, ascending; the current one is {@link #currentFrameProperty()}. */
    public ReadOnlyObjectProperty<int[]> selectedFramesProperty() {
        return selectedFrames.getReadOnlyProperty();
    }

    /** Whether the display filter keeps the frame (0-based). */
    public boolean isShown(int frame) {
        return frames.rowOf(frame) >= 0;
    }

    /** Ctrl+G: selects frame {@code number} (1-based, as shown). False when there is none or it is filtered out. */
    public boolean goToFrame(int number) {
        int row = frames.rowOf(number - 1);
        if (capture == null || number < 1 || row < 0) {
            return false;
        }
        selectionRequest.set(new SelectionRequest(new int[] {row}));
        return true;
    }

    // ---- cells ----

    public PacketRow row(int frame) {
        return rows.row(frame);
    }

    public String number(int frame) {
        return Integer.toString(frame + 1);
    }

    public String time(int frame) {
        return timeFormat.get().format(capture.index(), frame, timeDigits, zone);
    }

    public String interfaceName(int frame) {
        return capture.interfaceOf(frame).name();
    }

    public int length(int frame) {
        return capture.index().originalLength(frame);
    }

    /** Frames decoded for display so far (the lazy cache at work). */
    public int decodedRowCount() {
        return rows == null ? 0 : rows.decodedCount();
    }

    // ---- properties ----

    /** The shown frames as 0-based frame indices, for the table's items. */
    public ObservableList<Integer> frames() {
        return framesView;
    }

    public ObjectProperty<TimeFormat> timeFormatProperty() {
        return timeFormat;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filteringProperty() {
        return filtering.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentFrameProperty() {
        return currentFrame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SelectionRequest> selectionRequestProperty() {
        return selectionRequest.getReadOnlyProperty();
    }
}
