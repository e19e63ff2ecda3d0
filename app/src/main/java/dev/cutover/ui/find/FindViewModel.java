package dev.cutover.ui.find;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.filter.FilterException;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.TaskMonitor;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.PacketListViewModel;
import javafx.beans.property.BooleanProperty;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Edit > Find Packet, as Wireshark's find bar: compiles what to look for as it is typed (red with the reason when
 * it cannot be), then searches the displayed frames from the one after the current frame, off the FX thread,
 * wrapping around once, and selects the first match or says that none matched. A newer search or Cancel stops
 * an older one.
 */
public final class FindViewModel {
    /** How the text in the bar reads in its mode. */
    public enum Validity { EMPTY, VALID, INVALID }

    private static final int CHECK_EVERY = 512;

    private final Tasks tasks;
    private final PacketListViewModel packets;
    private final Supplier<Capture> capture;
    private final Supplier<AnalysisResult> analysis;
    private final IntFunction<List<String>> comments;
    private final ZoneId zone;
    private final TaskKey searchTask = TaskKey.named("find");

    private final ObjectProperty<PacketSearch.Mode> mode = new SimpleObjectProperty<>(this, "mode",
            PacketSearch.Mode.DISPLAY_FILTER);
    private final ObjectProperty<PacketSearch.Scope> scope = new SimpleObjectProperty<>(this, "scope",
            PacketSearch.Scope.LIST);
    private final BooleanProperty caseSensitive = new SimpleBooleanProperty(this, "caseSensitive");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final ReadOnlyObjectWrapper<Validity> validity = new ReadOnlyObjectWrapper<>(this, "validity",
            Validity.EMPTY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyIntegerWrapper found = new ReadOnlyIntegerWrapper(this, "found", -1);
    private PacketSearch compiled;

    /**
     * @param capture  the capture on show
     * @param analysis the migration analysis of it, or null while there is none
     * @param comments the annotations' comments of a frame (0-based)
     */
    public FindViewModel(Tasks tasks, PacketListViewModel packets, Supplier<Capture> capture,
                         Supplier<AnalysisResult> analysis, IntFunction<List<String>> comments) {
        this(tasks, packets, capture, analysis, comments, ZoneId.systemDefault());
    }

    public FindViewModel(Tasks tasks, PacketListViewModel packets, Supplier<Capture> capture,
                         Supplier<AnalysisResult> analysis, IntFunction<List<String>> comments, ZoneId zone) {
        this.tasks = tasks;
        this.packets = packets;
        this.capture = capture;
        this.analysis = analysis;
        this.comments = comments;
        this.zone = zone;
        text.addListener((o, was, now) -> validate());
        mode.addListener((o, was, now) -> validate());
        scope.addListener((o, was, now) -> validate());
        caseSensitive.addListener((o, was, now) -> validate());
        validate();
    }

    private void validate() {
        result.set("");
        String t = text.get();
        if (t == null || t.isEmpty()) {
            compiled = null;
            validity.set(Validity.EMPTY);
            problem.set("");
            return;
        }
        try {
            compiled = PacketSearch.compile(mode.get(), scope.get(), caseSensitive.get(), t);
            validity.set(Validity.VALID);
            problem.set("");
        } catch (FilterException e) {
            compiled = null;
            validity.set(Validity.INVALID);
            problem.set(e.message() + " (at character " + (e.position() + 1) + ")");
        }
    }

    /** Enter, Find, Ctrl+N: the next displayed frame that matches, after the current one. False when none can start. */
    public boolean findNext() {
        return find(true);
    }

    /** Ctrl+B: the previous displayed frame that matches, before the current one. */
    public boolean findPrevious() {
        return find(false);
    }

    private boolean find(boolean forward) {
        PacketSearch search = compiled;
        if (search == null) {
            if (validity.get() == Validity.EMPTY) {
                result.set(mode.get() == PacketSearch.Mode.HEX ? "Enter the bytes to find"
                        : mode.get() == PacketSearch.Mode.DISPLAY_FILTER ? "Enter a display filter"
                        : "Enter the text to find");
            }
            return false;
        }
        Capture c = capture.get();
        int n = packets.frames().size();
        if (c == null || n == 0) {
            result.set(c == null ? "No capture is open" : "No packet is displayed");
            return false;
        }
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = packets.frames().get(i);
        }
        int current = packets.currentFrameProperty().get();
        int start = current < 0 ? -1 : java.util.Arrays.binarySearch(rows, current);
        PacketSearch.TimeColumn time = PacketSearch.TimeColumn.of(c, packets.timeFormatProperty().get(), zone);
        AnalysisResult facts = analysis.get();
        searching.set(true);
        progress.set(0);
        result.set("Searching…");
        BackgroundTask.of(monitor -> run(monitor, search, c, facts, time, rows, start, forward))
                .key(searchTask)
                .onProgress(p -> {
                    progress.set(p);
                    result.set("Searching… " + Math.round(p * 100) + "%");
                })
                .onSuccess(hit -> finish(hit, forward))
                .onFailure(e -> {
                    searching.set(false);
                    progress.set(-1);
                    result.set("The search stopped: " + BackgroundTask.reason(e));
                })
                .runWith(tasks);
        return true;
    }

    /** The frame a search found (-1: none), and whether it wrapped around to get there. */
    private record Hit(int frame, boolean wrapped) {
    }

    private Hit run(TaskMonitor monitor, PacketSearch search, Capture c, AnalysisResult facts,
                    PacketSearch.TimeColumn time, int[] rows, int start, boolean forward) throws IOException {
        int n = rows.length;
        PacketSearch.Matcher matcher = search.matcher(c, comments, facts, time);
        // From the row after (or before) the current one round to the current row itself, which comes last.
        for (int k = 1; k <= n; k++) {
            if (k % CHECK_EVERY == 0) {
                monitor.checkCancelled();
                monitor.progress(k, n);
            }
            int row;
            if (start < 0) {
                row = forward ? k - 1 : n - k;
            } else {
                row = Math.floorMod(forward ? start + k : start - k, n);
            }
            if (matcher.matches(rows[row])) {
                return new Hit(rows[row], start >= 0 && (forward ? row <= start : row >= start));
            }
        }
        return new Hit(-1, false);
    }

    private void finish(Hit hit, boolean forward) {
        int frame = hit.frame();
        searching.set(false);
        progress.set(-1);
        if (frame < 0) {
            found.set(-1);
            result.set("No packet matched");
            return;
        }
        found.set(frame);
        if (!packets.goToFrame(frame + 1)) {
            result.set("Frame " + (frame + 1) + " matched but is no longer displayed");
            return;
        }
        result.set("Found frame " + (frame + 1) + (hit.wrapped()
                ? (forward ? ", after wrapping around to the first frame" : ", after wrapping around to the last frame")
                : ""));
    }

    /** Stops a search under way. */
    public void cancel() {
        if (searching.get()) {
            searchTask.cancel();
            searching.set(false);
            progress.set(-1);
            result.set("Search cancelled");
        }
    }

    /** Esc or Cancel: stops a search under way, or closes the bar. */
    public void cancelOrClose() {
        if (searching.get()) {
            cancel();
        } else {
            open.set(false);
            result.set("");
        }
    }

    public ObjectProperty<PacketSearch.Mode> modeProperty() {
        return mode;
    }

    /** Where a string is looked for (only the String mode reads it). */
    public ObjectProperty<PacketSearch.Scope> scopeProperty() {
        return scope;
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Whether the find bar is shown. */
    public BooleanProperty openProperty() {
        return open;
    }

    public ReadOnlyObjectProperty<Validity> validityProperty() {
        return validity.getReadOnlyProperty();
    }

    /** Why the text is not a filter or hex value, with the character position; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "Searching… 40%", "Found frame 42", "No packet matched", "Search cancelled"; empty before a search. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** How far the search is, 0 to 1; -1 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The frame (0-based) the last search found, -1 when it found none. */
    public ReadOnlyIntegerProperty foundProperty() {
        return found.getReadOnlyProperty();
    }
}
