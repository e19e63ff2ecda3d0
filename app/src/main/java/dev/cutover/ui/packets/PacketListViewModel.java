package dev.cutover.ui.packets;

import dev.cutover.text.Untrusted;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameIndex;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.Needs;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ObjectProperty;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The packet list: which frames are shown (all, or those a display filter keeps) and in which order (frame
 * order, or sorted by a column), both computed off the FX thread; the text of each visible cell, decoded
 * lazily; which frame is current and which are selected, kept consistent with what is shown; marks and time
 * references, as Wireshark has them.
 */
public final class PacketListViewModel {
    /** Rows the view should select, the first focused and scrolled to; none clears the selection. */
    public record SelectionRequest(int[] rows) {
    }

    /** What the list is sorted by. */
    public record Sort(PacketColumn column, boolean ascending) {
    }

    /** The Time column's "*REF*": a time reference frame, as Wireshark shows it. */
    public static final String REFERENCE = "*REF*";

    /** The frames on show as the filter reads them: the capture, its annotations and its analysis. */
    private volatile FramePipeline pipeline;
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
    private final ReadOnlyObjectWrapper<Sort> sort = new ReadOnlyObjectWrapper<>(this, "sort");
    private final ReadOnlyBooleanWrapper sorting = new ReadOnlyBooleanWrapper(this, "sorting");
    private final ReadOnlyDoubleWrapper sortProgress = new ReadOnlyDoubleWrapper(this, "sortProgress");
    private final ReadOnlyIntegerWrapper markedCount = new ReadOnlyIntegerWrapper(this, "markedCount");
    private final ReadOnlyIntegerWrapper referenceCount = new ReadOnlyIntegerWrapper(this, "referenceCount");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyIntegerWrapper layoutRevision = new ReadOnlyIntegerWrapper(this, "layoutRevision");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final TaskKey filterTask = TaskKey.named("packet-filter");
    private final ReadOnlyStringWrapper filterStatus = new ReadOnlyStringWrapper(this, "filterStatus", "");
    private final ReadOnlyDoubleWrapper filterProgress = new ReadOnlyDoubleWrapper(this, "filterProgress");
    /** How often a filter under way shows its matches so far, at most. */
    private static final long PROGRESS_NANOS = 150_000_000L;
    /** The filter pass under way, to stop it keeping its matches; null when none runs. */
    private dev.cutover.ui.TaskHandle filterRun;
    /** Identifies the filter pass under way; {@link #filteredFromRun}: the one whose matches so far are shown. */
    private Object filterToken;
    private Object filteredFromRun;
    private final TaskKey sortTask = TaskKey.named("sort");
    private final TaskKey conversationsTask = TaskKey.named("conversations");
    private final ReadOnlyDoubleWrapper conversationsProgress = new ReadOnlyDoubleWrapper(this, "conversationsProgress",
            -1);
    /**
     * Up to this many frames, an opened file's ICMP echoes and TCP conversations are followed as soon as it is
     * loaded (5 bytes a frame: 100 MB here); beyond, when a filter or the tree first asks.
     */
    static final int FOLLOW_CONVERSATIONS_UP_TO = 20_000_000;
    private final TaskKey extentsTask = TaskKey.named("extents");
    private final ZoneId zone;

    private Capture capture;
    private RowDecoder rows;
    private FrameSorter sorter;
    private IntFunction<List<String>> annotations = f -> List.of();
    private IntFunction<String> annotationText = f -> "";
    private int timeDigits = 6;
    /** The frames the filter keeps, ascending; null: every frame. */
    private int[] filtered;
    private int filteredCount;
    private CompiledFilter filter;
    /** Why the analysis of the capture on show failed, or null. */
    private String analysisFailure;
    /** A filter on migration.* fields ran before the analysis was there: it runs again when it comes. */
    private boolean filterAwaitsAnalysis;
    private BitSet marked = new BitSet();
    private BitSet references = new BitSet();
    private Extents extents;
    /** While the list's items are replaced, the view's selection events are its own, not the user's. */
    private boolean publishing;

    public PacketListViewModel(Tasks tasks) {
        this(tasks, ZoneId.systemDefault());
    }

    public PacketListViewModel(Tasks tasks, ZoneId zone) {
        this.tasks = tasks;
        this.zone = zone;
        timeFormat.addListener((o, was, now) -> {
            layoutRevision.set(layoutRevision.get() + 1);
            Sort s = sort.get();
            if (s != null && s.column() == PacketColumn.TIME && (was == TimeFormat.SINCE_PREVIOUS
                    || now == TimeFormat.SINCE_PREVIOUS)) {
                arrange();
            }
        });
    }

    /**
     * Where the annotations come from: the comments they add to a frame (for the filter) and the text of the
     * Comment column. Set before {@link #setCapture}.
     */
    public void setAnnotations(IntFunction<List<String>> comments, IntFunction<String> text) {
        this.annotations = comments;
        this.annotationText = text;
    }

    /** The Comment column: every frame.comment, the file's then the annotation's, as {@link Column#COMMENT}. */
    public String comment(int frame) {
        return capture == null ? annotationText.apply(frame) : commentOf(capture, annotations, frame);
    }

    private static String commentOf(Capture c, IntFunction<List<String>> annotations, int frame) {
        List<String> own = c.comments(frame);
        List<String> added = annotations.apply(frame);
        if (added.isEmpty()) {
            return own.isEmpty() ? "" : String.join("; ", own);
        }
        List<String> all = new ArrayList<>(own);
        all.addAll(added);
        return String.join("; ", all);
    }

    /**
     * Shows every frame of a newly opened capture (null: nothing open), in frame order, nothing selected, no
     * marks and no time references: those belong to the capture they were set on.
     */
    public void setCapture(Capture c) {
        marked = new BitSet();
        references = new BitSet();
        install(c, 0, false);
    }

    /**
     * Shows a newer snapshot of the same live capture: marks, time references, the current frame, the selection
     * and the sort stay with their frames; {@code dropped} frames a ring let go since the last snapshot are gone.
     */
    public void continueCapture(Capture c, int dropped) {
        if (dropped > 0) {
            marked = shifted(marked, dropped);
            references = shifted(references, dropped);
        }
        install(c, Math.max(0, dropped), true);
    }

    /**
     * Shows more frames of the capture on show, a file still loading: {@code c} holds the frames of the capture on
     * show and more, unchanged. Marks, time references, the current frame, the selection, the filter and the sort stay.
     * With no filter and frame order, the new frames' rows are appended; under a filter or a sort the rows stay as
     * they are until the filter runs again (the window applies it once the load ends). {@code complete}: the load
     * has ended and {@code c} is the capture that stays; under a sort the rows are put in order again.
     */
    public void extendCapture(Capture c, boolean complete) {
        if (capture == null || c == null) {
            setCapture(c);
            return;
        }
        capture = c;
        pipeline = pipelineOf(c);
        rows = rows == null ? new RowDecoder(c) : new RowDecoder(c, rows);
        sorter = new FrameSorter(c);
        timeDigits = timeDigitsOf(c);
        int before = total.get();
        int n = c.frameCount();
        total.set(n);
        Sort s = sort.get();
        boolean frameOrder = inFrameOrder(s);
        boolean unfiltered = filtered == null && (filter == null || filter.text().isBlank()) && !filtering.get();
        if (unfiltered && frameOrder) {
            filteredCount = n;
            publishing = true;
            try {
                frames.grow(null, n);
            } finally {
                publishing = false;
            }
            shown.set(n);
        } else if (unfiltered && complete) {
            filteredCount = n; // the sort below puts them in their rows
        }
        if (complete) {
            extents = null;
            computeExtents();
            if (unfiltered && !frameOrder) {
                arrange();
            }
            revision.set(revision.get() + 1);
        }
        if (complete || Integer.toString(n).length() != Integer.toString(before).length()) {
            layoutRevision.set(layoutRevision.get() + 1);
        }
    }

    /** Whether rows in {@code s} are in frame order (no sort, or No. ascending). */
    private static boolean inFrameOrder(Sort s) {
        return s == null || (s.column() == PacketColumn.NUMBER && s.ascending());
    }

    /** The capture's frame pipeline for the list, its annotations bound. */
    private FramePipeline pipelineOf(Capture c) {
        IntFunction<List<String>> notes = annotations;
        return FramePipeline.of(c).withAnnotations(AnnotationSource.comments(notes::apply));
    }

    /** Decimals of the Time column: the finest interface's precision, 6 without interfaces. */
    private static int timeDigitsOf(Capture c) {
        return Math.max(0, Math.min(9,
                c.interfaces().stream().mapToInt(InterfaceInfo::timePrecisionDigits).max().orElse(6)));
    }

    private static BitSet shifted(BitSet bits, int by) {
        return bits.length() <= by ? new BitSet() : bits.get(by, bits.length());
    }

    private void install(Capture c, int dropped, boolean keep) {
        conversationsTask.cancel();
        conversationsProgress.set(-1);
        filterTask.cancel();
        filterRun = null;
        filterToken = null;
        filterStatus.set("");
        sortTask.cancel();
        filtering.set(false);
        sorting.set(false);
        filterAwaitsAnalysis = false;
        capture = c;
        analysisFailure = null;
        pipeline = c == null ? null : pipelineOf(c);
        rows = c == null ? null : new RowDecoder(c);
        sorter = c == null ? null : new FrameSorter(c);
        timeDigits = c == null ? 6 : timeDigitsOf(c);
        int n = c == null ? 0 : c.frameCount();
        filtered = null;
        filteredCount = n;
        total.set(n);
        markedCount.set(marked.cardinality());
        referenceCount.set(references.cardinality());
        extents = null;
        computeExtents();
        if (!keep) {
            sort.set(null);
            publishing = true;
            try {
                frames.showAll(n);
            } finally {
                publishing = false;
            }
            shown.set(n);
            currentFrame.set(-1);
            selectedFrames.set(new int[0]);
            selectionRequest.set(new SelectionRequest(new int[0]));
        } else {
            int current = currentFrame.get() < 0 ? -1 : currentFrame.get() - dropped;
            int[] selection = Arrays.stream(selectedFrames.get()).map(f -> f - dropped).filter(f -> f >= 0 && f < n)
                    .toArray();
            currentFrame.set(current >= 0 && current < n ? current : -1);
            selectedFrames.set(selection);
            arrange();
        }
        revision.set(revision.get() + 1);
        layoutRevision.set(layoutRevision.get() + 1);
    }

    /**
     * The migration analysis of the capture on show failed ({@code reason} says why): a filter waiting for it
     * stops waiting and says so, rather than showing "filtering" for ever or an empty list as if nothing matched.
     */
    public void analysisFailed(String reason) {
        analysisFailure = reason;
        if (!filterAwaitsAnalysis || filter == null) {
            return;
        }
        filterCannotRun(reason);
    }

    private void filterCannotRun(String reason) {
        filterAwaitsAnalysis = false;
        filterTask.cancel();
        filterRun = null;
        filterStatus.set("");
        filtering.set(false);
        filtered = new int[0];
        filteredCount = 0;
        arrange();
        java.util.StringJoiner names = new java.util.StringJoiner(", ");
        filter.fields().stream().filter(f -> f.source() == dev.cutover.dissect.Field.Source.ANALYSIS)
                .forEach(f -> names.add(f.abbrev()));
        say("Cannot filter on " + names + ": " + reason);
    }

    /**
     * The window's frame pipeline for the capture on show (its annotations and, once there, its analysis), which
     * the filter then reads; one of another capture is ignored.
     */
    public void setFrames(FramePipeline p) {
        Capture c = capture;
        if (p == null || c == null || p.capture() != c) {
            return;
        }
        pipeline = p;
        if (rows != null && (p.hasAnalysis() ? !rows.readsAnalysisOf(p) : rows.readsAnalysis())) {
            // the rows read the analysis's facts too: ARP's "(duplicate use of IP detected!)" in Info; a pipeline
            // without one (a new analysis failed) takes the last one's facts off the rows
            rows = new RowDecoder(p, trafficComplete(p));
            revision.set(revision.get() + 1);
        } else {
            showTrafficOnceComputed();
        }
        if (p.hasAnalysis() && filterAwaitsAnalysis && filter != null) {
            applyFilter(filter);
        }
    }

    /**
     * Keeps the frames the filter matches, in the current sort; decoding runs off the FX thread, and a newer
     * filter or capture makes an older pass stop and its result be dropped. While it runs, {@link
     * #filterStatusProperty()} and {@link #filterProgressProperty()} say how far it got, and in frame order the rows
     * matched so far are shown (a few times a second); {@link #cancelFilter()} stops it and keeps them.
     */
    public void applyFilter(CompiledFilter f) {
        Capture c = capture;
        filterTask.cancel();
        filterRun = null;
        filter = f;
        filterAwaitsAnalysis = false;
        filterStatus.set("");
        if (c == null) {
            return;
        }
        if (f.text().isBlank()) {
            filtering.set(false);
            filtered = null;
            filteredCount = c.frameCount();
            arrange();
            return;
        }
        FramePipeline source = pipeline;
        AnalysisResult facts = source.hasAnalysis() ? source.analysis() : null;
        boolean wantsFacts = f.needs().analysis();
        // shown as still filtering until the analysis is there and the filter has run on it
        filterAwaitsAnalysis = wantsFacts && facts == null;
        if (filterAwaitsAnalysis && analysisFailure != null) {
            filterCannotRun(analysisFailure);
            return;
        }
        filtering.set(true);
        filterProgress.set(0);
        int total = c.frameCount();
        filterStatus.set(String.format("Filtering… 0 of %,d frames, 0 matched", total));
        Object run = new Object();
        filterToken = run;
        // the newest matches so far wait here for the FX thread: one update waits there at a time
        java.util.concurrent.atomic.AtomicReference<Kept> latest = new java.util.concurrent.atomic.AtomicReference<>();
        dev.cutover.ui.TaskHandle handle = BackgroundTask.of(monitor -> {
            int[] kept = new int[Math.min(total, 1 << 16)];
            int count = 0;
            int i = 0;
            try {
                // until the analysis is there, a filter on its fields waits (shown as filtering) and runs again
                // a filter on the traffic facts (tcp.stream, icmp.no_resp, ...) has them computed first, once
                boolean traffic = f.needs().traffic();
                if (traffic && source.traffic(new dev.cutover.capture.LoadMonitor() {
                    @Override
                    public boolean cancelled() {
                        return monitor.cancelled();
                    }
                }) == null) {
                    return new Kept(kept, 0, 0, total);
                }
                FramePipeline.Reader reader = source.reader(new Needs(f.requiredLayer(), facts != null, true,
                        traffic));
                Dissection d = new Dissection();
                long posted = System.nanoTime();
                for (; i < total; i++) {
                    if ((i & 0x3FF) == 0) {
                        if (monitor.cancelled()) {
                            break; // stopped: the matches so far are the result (a superseded pass's is dropped)
                        }
                        long now = System.nanoTime();
                        if (now - posted >= PROGRESS_NANOS) {
                            posted = now;
                            if (latest.getAndSet(new Kept(kept, count, i, total)) == null) {
                                tasks.ui(() -> filterProgressed(run, latest.getAndSet(null)));
                            }
                        }
                    }
                    if (reader.matches(i, f, d)) {
                        if (count == kept.length) {
                            kept = Arrays.copyOf(kept, kept.length * 2);
                        }
                        kept[count++] = i;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // arrives at onFailure as the IOException
            }
            return new Kept(kept, count, i, total);
        }).key(filterTask).onSuccess(k -> filterEnded(k, k.examined() < k.total())).onCancelled(
                // stopped before its pass began (it waited for a thread): nothing examined, nothing matched
                () -> filterEnded(new Kept(new int[0], 0, 0, total), true)).onFailure(e -> {
            filterRun = null;
            filtering.set(false);
            filterStatus.set("");
            say("Cannot filter: " + BackgroundTask.reason(e));
        }).runWith(tasks);
        // run at once where the tasks are direct (tests): then there is nothing left to stop
        filterRun = handle.isDone() ? null : handle;
    }

    /** The filter pass ended: it ran to the end, or was {@code stopped} with the matches {@code k} so far. */
    private void filterEnded(Kept k, boolean stopped) {
        filterRun = null;
        filtered = k.frames();
        filteredCount = k.count();
        showTrafficOnceComputed();
        if (stopped) {
            filterAwaitsAnalysis = false;
            String text = String.format("Filter cancelled: %,d of %,d frames examined, %,d matched", k.examined(),
                    k.total(), k.count());
            filterStatus.set(text);
            say(text);
        } else {
            filterStatus.set(filterAwaitsAnalysis ? "Filtering… waiting for the migration analysis" : "");
        }
        filterProgress.set(1);
        filtering.set(filterAwaitsAnalysis);
        arrange();
    }

    /** The matches so far of the filter under way: counted, and in frame order shown as rows. */
    private void filterProgressed(Object run, Kept k) {
        if (k == null || run != filterToken || !filtering.get()) {
            return;
        }
        filterProgress.set(k.total() == 0 ? 1 : (double) k.examined() / k.total());
        filterStatus.set(String.format("Filtering… %,d of %,d frames, %,d matched", k.examined(), k.total(),
                k.count()));
        Sort s = sort.get();
        if (filterAwaitsAnalysis || !inFrameOrder(s)) {
            return; // sorted rows come when the filter is done; migration.* matches once the analysis is there
        }
        boolean continues = filtered != null && filteredFromRun == run;
        filtered = k.frames();
        filteredCount = k.count();
        filteredFromRun = run;
        int keep = currentFrame.get();
        publishing = true;
        try {
            if (continues) {
                frames.grow(k.frames(), k.count());
            } else {
                frames.show(k.frames(), k.count());
            }
        } finally {
            publishing = false;
        }
        shownSort = s;
        shown.set(k.count());
        if (!continues) {
            int row = frames.rowOf(keep);
            if (row < 0) {
                currentFrame.set(-1);
                selectedFrames.set(new int[0]);
            }
            selectionRequest.set(new SelectionRequest(row < 0 ? new int[0] : new int[] {row}));
        }
    }

    /**
     * Stops the filter under way (Cancel, or Esc in the filter field): the frames it matched so far stay on show and
     * {@link #filterStatusProperty()} says how far it got. Nothing happens when no filter runs.
     */
    public void cancelFilter() {
        if (filterRun != null && filtering.get()) {
            filterRun.cancel();
        } else if (filterAwaitsAnalysis && filtering.get()) {
            // the pass is done; what it waits for is the analysis: stop waiting and keep what it matched
            filterAwaitsAnalysis = false;
            filtering.set(false);
            filterStatus.set("Filter cancelled while waiting for the migration analysis");
            say(filterStatus.get());
        }
    }

    /** "Filtering… 120,000 of 1,613,973 frames, 42 matched" while a filter runs; after a cancel, how far it got. */
    public ReadOnlyStringProperty filterStatusProperty() {
        return filterStatus.getReadOnlyProperty();
    }

    /** 0..1 of the frames the filter under way has examined. */
    public ReadOnlyDoubleProperty filterProgressProperty() {
        return filterProgress.getReadOnlyProperty();
    }

    /** The frames a filter kept: the first {@code count} of {@code frames}, ascending; of {@code total}, examined. */
    private record Kept(int[] frames, int count, int examined, int total) {
    }

    // ---- sorting ----

    /**
     * Sorts the shown frames by a column (null: frame order), off the FX thread when it takes a pass; a newer
     * request, filter or capture supersedes one under way. The filter stays: the frames it keeps are sorted.
     */
    public void sortBy(PacketColumn column, boolean ascending) {
        sort.set(column == null ? null : new Sort(column, ascending));
        if (!filtering.get()) {
            arrange();
        }
    }

    /** Stops a sort under way; the list stays in the order it shows. */
    public void cancelSort() {
        if (sorting.get()) {
            sortTask.cancel();
            sorting.set(false);
            say("Sorting cancelled");
            sort.set(shownSort);
        }
    }

    private Sort shownSort;

    /** Puts the filtered frames in the requested order and shows them; sorting runs in the background. */
    private void arrange() {
        Capture c = capture;
        sortTask.cancel();
        if (c == null) {
            return;
        }
        Sort s = sort.get();
        int[] base = filtered;
        int count = filteredCount;
        if (inFrameOrder(s)) {
            sorting.set(false);
            publish(base, count, null, s);
            return;
        }
        sorting.set(true);
        sortProgress.set(-1);
        FrameSorter.Spec spec = new FrameSorter.Spec(s.column(), s.ascending());
        TimeFormat format = timeFormat.get();
        IntFunction<List<String>> texts = annotations;
        FrameSorter by = sorter;
        BackgroundTask.of(monitor -> by.sort(base, count, spec, format, f -> commentOf(c, texts, f),
                        monitor::cancelled, monitor::progress))
                .key(sortTask)
                .onProgress(sortProgress::set)
                .onSuccess(r -> {
                    sorting.set(false);
                    sortProgress.set(1);
                    publish(r.frames(), r.count(), r.rowOfFrame(), s);
                })
                .onFailure(e -> {
                    sorting.set(false);
                    sort.set(shownSort);
                    say("Cannot sort: " + BackgroundTask.reason(e));
                })
                .runWith(tasks);
    }

    /** Shows frames in row order; the current frame and the selection follow their frames, or go. */
    private void publish(int[] rowFrames, int count, int[] rowOfFrame, Sort s) {
        int keep = currentFrame.get();
        int[] keepSelected = selectedFrames.get();
        publishing = true;
        try {
            if (rowFrames == null) {
                frames.showAll(count);
            } else {
                frames.show(rowFrames, count, rowOfFrame);
            }
        } finally {
            publishing = false;
        }
        shownSort = s;
        shown.set(count);
        int[] sel = new int[keepSelected.length + 1];
        int n = 0;
        int currentRow = frames.rowOf(keep);
        if (currentRow >= 0) {
            sel[n++] = currentRow;
        }
        int[] still = new int[keepSelected.length];
        int k = 0;
        for (int f : keepSelected) {
            int r = frames.rowOf(f);
            if (r >= 0) {
                still[k++] = f;
                if (f != keep) {
                    sel[n++] = r;
                }
            }
        }
        if (currentRow < 0) {
            currentFrame.set(-1);
            n = 0; // no current frame, no selection: the details show what the list shows
            k = 0;
        }
        selectedFrames.set(Arrays.copyOf(still, k));
        selectionRequest.set(new SelectionRequest(Arrays.copyOf(sel, n)));
    }

    // ---- selection ----

    /** The frame (0-based) the user selected in the list, or -1. */
    public void setCurrentFrame(int frame) {
        if (!publishing) {
            currentFrame.set(frame);
        }
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

    /** The frames (0-based) selected in the list. */
    public void setSelectedFrames(int[] selection) {
        if (publishing) {
            return;
        }
        int[] sorted = selection.clone();
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

    /** The row showing the frame, or -1. */
    public int rowOf(int frame) {
        return frames.rowOf(frame);
    }

    /**
     * The frames the display filter keeps, ascending whatever the sort: {@code frames} null when every frame is
     * shown. The array is the list's own and is never changed: do not change it.
     */
    public record Displayed(int[] frames, int count) {
        /** Whether the filter keeps frame f (0-based). */
        public boolean contains(int f) {
            return frames == null ? f >= 0 && f < count : Arrays.binarySearch(frames, 0, count, f) >= 0;
        }
    }

    /** What the display filter keeps now, for an export; costs no pass over the frames. */
    public Displayed displayed() {
        return new Displayed(filtered, filteredCount);
    }

    /** Ctrl+G: selects frame {@code number} (1-based, as shown). False when there is none or it is filtered out. */
    public boolean goToFrame(int number) {
        int row = frames.rowOf(number - 1);
        if (capture == null || number < 1 || row < 0) {
            return false;
        }
        selectRow(row);
        return true;
    }

    // ---- Go menu ----

    /** Go > Next Packet: the row under the current one. */
    public void goNext() {
        move(1);
    }

    /** Go > Previous Packet: the row above the current one. */
    public void goPrevious() {
        move(-1);
    }

    /** Go > First Packet. */
    public void goFirst() {
        if (frames.size() > 0) {
            selectRow(0);
        }
    }

    /** Go > Last Packet. */
    public void goLast() {
        if (frames.size() > 0) {
            selectRow(frames.size() - 1);
        }
    }

    private void move(int by) {
        if (frames.size() == 0) {
            return;
        }
        int row = frames.rowOf(currentFrame.get());
        int to = row < 0 ? (by > 0 ? 0 : frames.size() - 1) : row + by;
        if (to >= 0 && to < frames.size()) {
            selectRow(to);
        }
    }

    /**
     * Go > Next (or Previous) Packet in Migration: the nearest row below (above) the current one whose frame
     * belongs to the current frame's migration event. Says so in {@link #messageProperty()} when it cannot.
     */
    public void goInMigration(boolean forward) {
        int current = currentFrame.get();
        FramePipeline shown = pipeline;
        AnalysisResult a = shown != null && shown.hasAnalysis() ? shown.analysis() : null;
        if (current < 0) {
            say("Select a frame first");
            return;
        }
        if (a == null) {
            say("The migration analysis has not finished yet");
            return;
        }
        int event = a.migrationOf(current);
        if (event < 0) {
            say("Frame " + (current + 1) + " belongs to no migration");
            return;
        }
        int from = frames.rowOf(current);
        int best = -1;
        for (int f : a.migrations().get(event).frames()) {
            int r = frames.rowOf(f);
            if (r < 0 || (forward ? r <= from : r >= from)) {
                continue;
            }
            if (best < 0 || (forward ? r < best : r > best)) {
                best = r;
            }
        }
        if (best < 0) {
            say("No " + (forward ? "later" : "earlier") + " frame of migration " + (event + 1) + " in the list");
            return;
        }
        say("");
        selectRow(best);
    }

    private void selectRow(int row) {
        selectionRequest.set(new SelectionRequest(new int[] {row}));
    }

    // ---- marks and time references ----

    /** Edit > Mark/Unmark Packet: marks the selected frames, or unmarks them when all are marked. */
    public void toggleMark() {
        int[] targets = targets();
        if (targets.length == 0) {
            say("Select a frame to mark");
            return;
        }
        boolean all = true;
        for (int f : targets) {
            all &= marked.get(f);
        }
        for (int f : targets) {
            marked.set(f, !all);
        }
        marksChanged();
    }

    /** Edit > Mark All Displayed. */
    public void markAllDisplayed(boolean mark) {
        if (capture == null) {
            return;
        }
        if (filtered == null) {
            marked.set(0, filteredCount, mark);
        } else {
            for (int i = 0; i < filteredCount; i++) {
                marked.set(filtered[i], mark);
            }
        }
        marksChanged();
    }

    private void marksChanged() {
        markedCount.set(marked.cardinality());
        revision.set(revision.get() + 1);
    }

    public boolean isMarked(int frame) {
        return marked.get(frame);
    }

    /** The marked frames (a copy). */
    public BitSet marks() {
        return (BitSet) marked.clone();
    }

    /** Edit > Next Mark (forward) / Previous Mark: the nearest marked row below (above) the current one. */
    public void goToMark(boolean forward) {
        if (marked.isEmpty()) {
            say("No frame is marked");
            return;
        }
        int from = frames.rowOf(currentFrame.get());
        if (from < 0) {
            from = forward ? -1 : frames.size();
        }
        int best = -1;
        for (int f = marked.nextSetBit(0); f >= 0; f = marked.nextSetBit(f + 1)) {
            int r = frames.rowOf(f);
            if (r < 0 || (forward ? r <= from : r >= from)) {
                continue;
            }
            if (best < 0 || (forward ? r < best : r > best)) {
                best = r;
            }
        }
        if (best < 0) {
            say("No marked frame " + (forward ? "below" : "above") + " this one");
            return;
        }
        say("");
        selectRow(best);
    }

    /** Edit > Set/Unset Time Reference: on the current frame. */
    public void toggleTimeReference() {
        int f = currentFrame.get();
        if (f < 0) {
            say("Select a frame to set a time reference on");
            return;
        }
        references.flip(f);
        referenceCount.set(references.cardinality());
        revision.set(revision.get() + 1);
        layoutRevision.set(layoutRevision.get() + 1);
    }

    public boolean isTimeReference(int frame) {
        return references.get(frame);
    }

    private int[] targets() {
        int[] sel = selectedFrames.get();
        if (sel.length > 0) {
            return sel;
        }
        return currentFrame.get() >= 0 ? new int[] {currentFrame.get()} : new int[0];
    }

    // ---- copy ----

    /** Copy > Summary as Text: the rows' cells in the given columns, tab-separated, one line per row. */
    public String summary(int[] rowsInOrder, List<PacketColumn> columns) {
        StringBuilder sb = new StringBuilder();
        for (int r : rowsInOrder) {
            if (r < 0 || r >= frames.size()) {
                continue;
            }
            int f = frames.frameAt(r);
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                sb.append(text(columns.get(i), f));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    // ---- cells ----

    /**
     * A cell's text on one line: a capture's interface name, comment or decoded string can hold a newline or
     * control characters, shown as {@code \x0a} as analyze's table and the timeline show them.
     */
    public String text(PacketColumn column, int frame) {
        return Untrusted.oneLine(rawText(column, frame));
    }

    private String rawText(PacketColumn column, int frame) {
        switch (column) {
            case NUMBER:
                return number(frame);
            case TIME:
                return time(frame);
            case INTERFACE:
                return interfaceName(frame);
            case LENGTH:
                return Integer.toString(length(frame));
            case COMMENT:
                return comment(frame);
            default:
                return FrameSorter.text(row(frame), column);
        }
    }

    public PacketRow row(int frame) {
        return rows.row(frame);
    }

    public String number(int frame) {
        return Integer.toString(frame + 1);
    }

    /**
     * The Time column: "*REF*" on a time reference; since the beginning, relative to the latest reference
     * before the frame (as Wireshark does).
     */
    public String time(int frame) {
        if (references.get(frame)) {
            return REFERENCE;
        }
        TimeFormat f = timeFormat.get();
        if (f == TimeFormat.SINCE_START) {
            int ref = references.previousSetBit(frame);
            FrameIndex index = capture.index();
            long base = index.timestampNanos(Math.max(0, ref));
            return TimeFormat.seconds(index.timestampNanos(frame) - base, timeDigits);
        }
        return f.format(capture.index(), frame, timeDigits, zone);
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

    // ---- column widths ----

    /** The widest values of a capture's columns, found in one pass over the index, off the FX thread. */
    private record Extents(long maxSinceStart, long minSinceStart, long maxDelta, long minDelta, int maxLength,
                           String longestComment) {
    }

    private void computeExtents() {
        Capture c = capture;
        extentsTask.cancel();
        if (c == null) {
            return;
        }
        IntFunction<List<String>> texts = annotations;
        BackgroundTask.of(monitor -> {
            FrameIndex index = c.index();
            int n = c.frameCount();
            long first = n == 0 ? 0 : index.timestampNanos(0);
            long maxSince = 0;
            long minSince = 0;
            long maxDelta = 0;
            long minDelta = 0;
            int maxLength = 0;
            String longest = "";
            long previous = first;
            for (int i = 0; i < n; i++) {
                if ((i & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                }
                long t = index.timestampNanos(i);
                maxSince = Math.max(maxSince, t - first);
                minSince = Math.min(minSince, t - first);
                maxDelta = Math.max(maxDelta, t - previous);
                minDelta = Math.min(minDelta, t - previous);
                previous = t;
                maxLength = Math.max(maxLength, index.originalLength(i));
                String comment = commentOf(c, texts, i);
                if (comment.length() > longest.length()) {
                    longest = comment;
                }
            }
            return new Extents(maxSince, minSince, maxDelta, minDelta, maxLength, longest);
        }).key(extentsTask).onSuccess(e -> {
            extents = e;
            layoutRevision.set(layoutRevision.get() + 1);
        }).onFailure(e -> say("Cannot measure the columns: " + BackgroundTask.reason(e))).runWith(tasks);
    }

    /**
     * Follows the ICMP echoes and TCP conversations of the whole capture on show, pipeline {@code p}, in the
     * background, as Wireshark's first pass does: then the rows show "(no response found!)", "(reply in N)" and
     * "[TCP Retransmission]" without a filter having asked, and the tree the fields behind them. For a file once it
     * is loaded (the window asks once its analysis is done; not a live capture's snapshots, nor a capture of more
     * than {@link #FOLLOW_CONVERSATIONS_UP_TO} frames); {@link #conversationsProgressProperty()} says how far it got,
     * and another capture stops it.
     */
    public void followConversations(FramePipeline p) {
        Capture c = capture;
        if (p == null || c == null || p.capture() != c || c.frameCount() == 0
                || c.frameCount() > FOLLOW_CONVERSATIONS_UP_TO || p.trafficIfComputed() != null
                || conversationsTask.busy()) {
            return; // under way already: another capture would have stopped it
        }
        conversationsProgress.set(0);
        BackgroundTask.of(monitor -> p.traffic(monitor)).key(conversationsTask)
                .onProgress(conversationsProgress::set)
                .onSuccess(facts -> {
                    conversationsProgress.set(-1);
                    if (facts != null && capture == c) {
                        showTrafficOnceComputed();
                        conversationsFollowed.set(conversationsFollowed.get() + 1);
                    }
                })
                .onCancelled(() -> conversationsProgress.set(-1))
                .onFailure(e -> {
                    conversationsProgress.set(-1);
                    say("Cannot follow the ICMP and TCP conversations: " + BackgroundTask.reason(e));
                }).runWith(tasks);
    }

    /** 0..1 of the capture read to follow its conversations ({@link #followConversations}); -1 when none is. */
    public ReadOnlyDoubleProperty conversationsProgressProperty() {
        return conversationsProgress.getReadOnlyProperty();
    }

    /** Increases each time the conversations of the capture on show have been followed (the tree may show more). */
    public ReadOnlyIntegerProperty conversationsFollowedProperty() {
        return conversationsFollowed.getReadOnlyProperty();
    }

    private final ReadOnlyIntegerWrapper conversationsFollowed = new ReadOnlyIntegerWrapper(this,
            "conversationsFollowed");

    /**
     * Once a filter has had the traffic facts computed, the rows show them as Wireshark's do (Info's "(reply in
     * N)", "[TCP Retransmission] "): decoded again as they come into view.
     */
    private void showTrafficOnceComputed() {
        FramePipeline p = pipeline;
        if (p != null && rows != null && !rows.showsTraffic() && p.capture() == capture && trafficComplete(p)) {
            rows = new RowDecoder(p, true);
            revision.set(revision.get() + 1);
        }
    }

    /** Whether {@code p}'s traffic facts have been computed over the whole capture on show. */
    private boolean trafficComplete(FramePipeline p) {
        return p.trafficIfComputed() != null && p.trafficIfComputed().to() == capture.frameCount();
    }

    /** The annotations changed: the Comment column's width follows, and its cells are drawn again. */
    public void annotationsChanged() {
        computeExtents();
        revision.set(revision.get() + 1);
    }

    /**
     * Texts a column must fit, for the view to measure in its font: the frame count's digits, the time format's
     * widest value, the interface names, the widest address, a VLAN tag, the longest comment. Info has none (it
     * takes the rest of the width).
     */
    public List<String> widthSamples(PacketColumn column) {
        Capture c = capture;
        List<String> out = new ArrayList<>();
        int n = c == null ? 0 : c.frameCount();
        switch (column) {
            case NUMBER:
                out.add(Integer.toString(Math.max(1, n)));
                break;
            case TIME:
                if (n > 0) {
                    timeSamples(c, out);
                }
                if (!references.isEmpty()) {
                    out.add(REFERENCE);
                }
                break;
            case INTERFACE:
                if (c != null) {
                    c.interfaces().forEach(i -> out.add(i.name()));
                }
                break;
            case SOURCE:
            case DESTINATION:
                out.add("00:00:00:00:00:00");
                out.add("255.255.255.255");
                break;
            case VLAN:
                out.add("4094"); // a stacked tag widens the column when a row shows one (the view sees it)
                break;
            case PROTOCOL:
                out.add("ATMARP");
                break;
            case LENGTH:
                out.add(Integer.toString(extents != null ? extents.maxLength()
                        : c == null ? 0 : c.maxCapturedLength()));
                break;
            case COMMENT:
                if (extents != null && !extents.longestComment().isEmpty()) {
                    out.add(extents.longestComment());
                }
                break;
            default:
                break;
        }
        return out;
    }

    private void timeSamples(Capture c, List<String> out) {
        FrameIndex index = c.index();
        int last = c.frameCount() - 1;
        long span = index.timestampNanos(last) - index.timestampNanos(0);
        switch (timeFormat.get()) {
            case SINCE_START:
                out.add(TimeFormat.seconds(extents != null ? extents.maxSinceStart() : Math.abs(span), timeDigits));
                if (extents != null && extents.minSinceStart() < 0) {
                    out.add(TimeFormat.seconds(extents.minSinceStart(), timeDigits));
                }
                break;
            case SINCE_PREVIOUS:
                // until the pass has found the largest gap, the span bounds it
                out.add(TimeFormat.seconds(extents != null ? extents.maxDelta() : Math.abs(span), timeDigits));
                if (extents != null && extents.minDelta() < 0) {
                    out.add(TimeFormat.seconds(extents.minDelta(), timeDigits));
                }
                break;
            default:
                out.add(timeFormat.get().format(index, 0, timeDigits, zone));
                out.add(timeFormat.get().format(index, last, timeDigits, zone));
                break;
        }
    }

    // ---- properties ----

    /** The shown frames as 0-based frame indices in row order, for the table's items. */
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

    /** The column and direction the list is (being) sorted by; null for frame order. */
    public ReadOnlyObjectProperty<Sort> sortProperty() {
        return sort.getReadOnlyProperty();
    }

    /** True while a sort runs in the background. */
    public ReadOnlyBooleanProperty sortingProperty() {
        return sorting.getReadOnlyProperty();
    }

    /** 0..1 of the frames decoded for the sort under way; -1 until it knows. */
    public ReadOnlyDoubleProperty sortProgressProperty() {
        return sortProgress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty markedCountProperty() {
        return markedCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty referenceCountProperty() {
        return referenceCount.getReadOnlyProperty();
    }

    /** Increases when cells must be drawn again (marks, time references, annotations, a new capture). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Increases when {@link #widthSamples} may have changed. */
    public ReadOnlyIntegerProperty layoutRevisionProperty() {
        return layoutRevision.getReadOnlyProperty();
    }

    /** What the last Go or Mark command has to say ("Frame 12 belongs to no migration"); "" for nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private void say(String text) {
        message.set("");
        message.set(text);
    }
}
