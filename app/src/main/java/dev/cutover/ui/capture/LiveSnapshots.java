package dev.cutover.ui.capture;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LiveStore;
import dev.cutover.ui.Tasks;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What the window shows of a live capture: at most once a second while frames arrive (and once when the capture
 * ends) the kept frames become a snapshot, taken on the FX thread without copying them, analysed on a background
 * thread and handed with the analysis to the views; an older snapshot that finishes after a newer one is stale
 * and dropped. FX thread only, but for the analysis.
 */
final class LiveSnapshots {
    /** How often the kept frames are shown and analysed again while frames arrive. */
    static final long REFRESH_NANOS = 1_000_000_000L;

    private final Tasks tasks;
    private final Consumer<Capture> show;
    private final FindingAnnouncer announcer;
    private final LongSupplier clock;
    final ReadOnlyIntegerWrapper migrations = new ReadOnlyIntegerWrapper(this, "migrations");
    /** Snapshots taken so far, and the newest one shown with its analysis. */
    private long snapshots;
    private long applied;
    private long shownOffset;
    private long lastRefresh;
    /** Frames received when the latest snapshot was taken; -1 before the first. */
    private long shownFrames = -1;
    private Capture shown;
    private Capture previous;

    /** @param clock nanoseconds, as {@link System#nanoTime()} counts them */
    LiveSnapshots(Tasks tasks, Consumer<Capture> show, FindingAnnouncer announcer, LongSupplier clock) {
        this.tasks = tasks;
        this.show = show;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** A new capture: an analysis of the capture before, finishing late, is not this one's. */
    void reset() {
        applied = snapshots;
        shownOffset = 0;
        shownFrames = -1;
        lastRefresh = clock.getAsLong();
        migrations.set(0);
    }

    /** After a drain: shows the store's frames again when a second has passed, or at once when the capture ended. */
    void drained(LiveStore store, boolean ended) {
        long now = clock.getAsLong();
        if (store.received() != shownFrames && (ended || now - lastRefresh >= REFRESH_NANOS)) {
            lastRefresh = now;
            take(store);
        }
    }

    private void take(LiveStore store) {
        shownFrames = store.received();
        Capture capture = store.snapshot();
        long offset = store.evicted();
        long number = ++snapshots;
        tasks.background(() -> {
            AnalysisResult result;
            try {
                result = MigrationAnalyzer.analyze(capture);
            } catch (IOException | RuntimeException e) {
                result = null; // the frames are still shown; the next snapshot's analysis may succeed
            }
            AnalysisResult analysed = result;
            tasks.ui(() -> showSnapshot(number, offset, capture, analysed));
        });
    }

    private void showSnapshot(long number, long offset, Capture capture, AnalysisResult result) {
        if (number <= applied) {
            capture.close(); // a newer one is already shown, or the capture it came from was replaced
            return;
        }
        if (previous != null) {
            previous.close(); // two snapshots back: nothing reads it any more
        }
        previous = shown;
        shown = capture;
        shownOffset = offset;
        show.accept(capture);
        applied = number;
        if (result != null) {
            migrations.set(result.migrations().size());
            announcer.analysed(result);
        }
    }

    /** Frames the ring had let go before the first frame of the snapshot on show: its frame 1 is this + 1. */
    long shownOffset() {
        return shownOffset;
    }

    /** The capture was dropped: no snapshot still under way is shown. */
    void drop() {
        applied = snapshots;
        migrations.set(0);
    }
}
