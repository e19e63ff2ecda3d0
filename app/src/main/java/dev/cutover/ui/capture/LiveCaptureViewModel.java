package dev.cutover.ui.capture;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveFiles;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.capture.live.LiveSession;
import dev.cutover.capture.live.LiveStore;
import dev.cutover.ui.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Live capture in the window: start, stop, restart, save. The view calls {@link #drain()} about every
 * 100 ms on the FX thread; each drain moves a batch of frames from the capture queue into the store (and,
 * with a ring of files, hands a copy to a writer thread), and at most once a second (and when the capture
 * ends) the kept frames become, on a background thread, a {@link Capture} handed to the packet list and
 * migrations pane, and are analysed so a new finding is announced. Nothing here touches a disk on the FX thread.
 */
public final class LiveCaptureViewModel {
    /** How often the kept frames are shown and analysed again while frames arrive. */
    static final long REFRESH_NANOS = 1_000_000_000L;

    /**
     * Frames written to disk as they arrive, a ring of files of at most fileBytes each of which the newest
     * files are kept (0: all); see {@link LiveFiles}.
     */
    public record RingFiles(Path target, long fileBytes, int files) {
        public RingFiles {
            Objects.requireNonNull(target, "target");
            if (fileBytes <= 0 || files < 0) {
                throw new IllegalArgumentException("a ring of files needs a positive size and a file count >= 0");
            }
        }
    }

    /** Opens a session; tests and the window use {@link LivePcap#open}. */
    public interface Opener {
        LiveSession open(LiveOptions options) throws LiveCaptureException;
    }

    private final Tasks tasks;
    private final Opener opener;
    private final Consumer<Capture> show;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(this, "frames");
    private final ReadOnlyLongWrapper kernelDrops = new ReadOnlyLongWrapper(this, "kernelDrops");
    private final ReadOnlyLongWrapper queueDrops = new ReadOnlyLongWrapper(this, "queueDrops");
    private final ReadOnlyIntegerWrapper migrations = new ReadOnlyIntegerWrapper(this, "migrations");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper(this, "announcement", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper written = new ReadOnlyStringWrapper(this, "written", "");
    /** The findings raised by the latest analysis, each announced once while it stays raised. */
    private final Set<String> announced = new HashSet<>();
    /** The finding the announcement names, or null. */
    private String announcedKey;
    /**
     * Snapshots taken so far, and the newest one shown with its analysis: an older one, made on another
     * thread and finished late, is stale.
     */
    private long snapshots;
    private long applied;
    private long shownOffset;
    private IntFunction<List<String>> shownComments = i -> List.of();
    private final List<LiveFrame> batch = new ArrayList<>();
    private LiveSession session;
    private LiveStore store;
    private LiveFiles files;
    private Executor writer;
    private volatile boolean writeFailed;
    private LiveOptions lastOptions;
    private int lastRing;
    private RingFiles lastFiles;
    private long lastRefresh;
    private long shownFrames = -1;
    private Capture shown;
    private Capture previous;

    public LiveCaptureViewModel(Tasks tasks, Opener opener, Consumer<Capture> show) {
        this.tasks = tasks;
        this.opener = opener;
        this.show = show;
    }

    /** Checks the filter (libpcap's message when it is wrong), opens the interface and starts capturing. */
    public boolean start(LiveOptions options, int ringFrames) {
        return start(options, ringFrames, null);
    }

    /**
     * As {@link #start(LiveOptions, int)}, also writing every frame to a ring of files as it arrives (null for
     * none); the window then keeps the last ringFrames frames (0: all).
     */
    public boolean start(LiveOptions options, int ringFrames, RingFiles ringFiles) {
        stop();
        error.set("");
        try {
            LivePcap.checkFilter(options.filter());
            session = opener.open(options);
        } catch (LiveCaptureException e) {
            error.set(e.getMessage());
            return false;
        }
        store = LiveStore.of(session, ringFrames);
        writeFailed = false;
        if (ringFiles != null) {
            files = LiveFiles.of(session, ringFiles.target(), null, ringFiles.fileBytes(), ringFiles.files());
            writer = tasks.serial("ring files");
        } else {
            files = null;
            writer = null;
        }
        lastOptions = options;
        lastRing = ringFrames;
        lastFiles = ringFiles;
        announced.clear();
        announcedKey = null;
        applied = snapshots; // an analysis of the capture before is not this one's
        shownOffset = 0;
        shownFrames = -1;
        lastRefresh = System.nanoTime();
        frames.set(0);
        kernelDrops.set(0);
        queueDrops.set(0);
        migrations.set(0);
        announcement.set("");
        written.set("");
        running.set(true);
        unsaved.set(false);
        status.set("Capturing on " + options.interfaceName());
        return true;
    }

    /** Compiles the capture filter; false, with libpcap's message in {@link #errorProperty()}, when it is wrong. */
    public boolean checkFilter(String filter) {
        error.set("");
        try {
            LivePcap.checkFilter(filter);
            return true;
        } catch (LiveCaptureException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    /** Starts again on the same interface with the same filter; what was captured is replaced. */
    public boolean restart() {
        return lastOptions != null && start(lastOptions, lastRing, lastFiles);
    }

    /** Moves the queued frames into the store; shows and analyses them when a second has passed. */
    public void drain() {
        if (session == null) {
            return;
        }
        batch.clear();
        session.drain(batch, 100_000);
        store.addAll(batch);
        if (!batch.isEmpty()) {
            unsaved.set(true);
            if (files != null) {
                LiveFiles to = files;
                List<LiveFrame> copy = List.copyOf(batch);
                writer.execute(() -> write(to, copy));
            }
        }
        frames.set(store.received());
        kernelDrops.set(session.kernelDrops());
        queueDrops.set(session.queueDrops());
        boolean ended = !session.running();
        long now = System.nanoTime();
        if (store.received() != shownFrames && (ended || now - lastRefresh >= REFRESH_NANOS)) {
            lastRefresh = now;
            refresh();
        }
        if (ended && running.get()) {
            finish();
        } else {
            status.set(statusText("Capturing on " + session.options().interfaceName()));
        }
    }

    private String statusText(String head) {
        return String.format("%s: %,d frames, %,d dropped by the kernel, %,d by the queue", head,
                frames.get(), kernelDrops.get(), queueDrops.get());
    }

    /** Runs on the writer's thread, in order; after a failure it writes nothing more and says why once. */
    private void write(LiveFiles to, List<LiveFrame> frames) {
        if (writeFailed) {
            return;
        }
        try {
            to.writeAll(frames);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void closeFiles(LiveFiles to) {
        try {
            to.close();
            if (!writeFailed) {
                String where = to.describe();
                tasks.ui(() -> {
                    written.set(where);
                    if (!running.get()) {
                        status.set(statusText("Stopped") + "; written to " + where);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        if (!writeFailed) {
            writeFailed = true;
            String text = "Writing the capture's files stopped: " + e.getMessage()
                    + "; the capture goes on in the window, save it before it is lost";
            tasks.ui(() -> error.set(text));
        }
    }

    private void refresh() {
        shownFrames = store.received();
        LiveStore from = store;
        List<LiveFrame> copy = from.frames();
        long evictedAtCopy = from.evicted();
        long number = ++snapshots;
        tasks.background(() -> {
            Capture capture;
            try {
                capture = from.snapshot(copy);
            } catch (IOException e) {
                tasks.ui(() -> error.set("cannot show the live frames: " + e.getMessage()));
                return;
            }
            AnalysisResult result;
            try {
                result = MigrationAnalyzer.analyze(capture);
            } catch (IOException | RuntimeException e) {
                result = null;
            }
            AnalysisResult analysed = result;
            tasks.ui(() -> showSnapshot(number, evictedAtCopy, capture, analysed));
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
            announce(result);
        }
    }

    /**
     * Announces each finding newly raised. One that more frames take back (no-arp-frames while only the RARP
     * burst has come, before the guest's gratuitous ARP) is no longer announced.
     */
    private void announce(AnalysisResult result) {
        migrations.set(result.migrations().size());
        Set<String> raised = new HashSet<>();
        for (Finding f : result.findings()) {
            if (f.code() == dev.cutover.analysis.FindingCode.NO_ARP_FRAMES && result.arpFrameCount() == 0) {
                continue; // a capture under way that has seen nothing of the ARP family yet: not news while it runs
            }
            String key = f.code() + " " + f.mac() + " " + f.ip();
            raised.add(key);
            if (announced.add(key)) {
                announcement.set("Finding: " + f.code().id() + " — " + f.message());
                announcedKey = key;
            }
        }
        announced.retainAll(raised);
        if (announcedKey != null && !raised.contains(announcedKey)) {
            announcement.set("");
            announcedKey = null;
        }
    }

    private void finish() {
        running.set(false);
        LiveCaptureException failure = session.failure();
        if (failure != null) {
            error.set(failure.getMessage() + "; the frames captured before it are kept");
        }
        status.set(statusText("Stopped"));
        if (files != null) {
            LiveFiles to = files;
            writer.execute(() -> closeFiles(to));
            files = null;
        }
    }

    /** Stops capturing; what was captured stays shown and can be saved. */
    public void stop() {
        if (session == null || !running.get()) {
            return;
        }
        session.stop();
        lastRefresh = 0;
        drain();
        if (running.get()) {
            finish();
        }
    }

    /** Writes pcapng (interface name, filter and comment kept) or, for a .pcap name, classic pcap. */
    public void save(Path target, String comment) throws IOException {
        if (store == null) {
            throw new IllegalStateException("nothing captured");
        }
        writeFile(store, store.frames(), commentsNow(), target, comment);
        unsaved.set(false);
    }

    /**
     * Saves as {@link #save} does, on a background thread: the frames kept now and their annotations are taken
     * at once, the file is written away from the FX thread, and a failure shows in {@link #errorProperty()}.
     * Frames that arrive meanwhile still count as unsaved.
     *
     * @return how many annotated frames lose their comments because pcap has no place for them (0 for pcapng)
     */
    public int saveInBackground(Path target, String comment) {
        return saveInBackground(target, comment, () -> { });
    }

    /** As {@link #saveInBackground(Path, String)}, then runs {@code onSaved} on the FX thread once the file is written. */
    public int saveInBackground(Path target, String comment, Runnable onSaved) {
        if (store == null) {
            throw new IllegalStateException("nothing captured");
        }
        LiveStore from = store;
        List<LiveFrame> copy = from.frames();
        List<List<String>> comments = commentsNow();
        long receivedAtCopy = from.received();
        tasks.background(() -> {
            try {
                writeFile(from, copy, comments, target, comment);
                tasks.ui(() -> {
                    if (store == from && store.received() == receivedAtCopy) {
                        unsaved.set(false);
                    }
                    status.set(status.get().isEmpty() ? "Saved " + target : status.get() + "; saved " + target);
                    onSaved.run();
                });
            } catch (IOException | RuntimeException e) {
                tasks.ui(() -> error.set("Cannot write " + target + ": " + e.getMessage()));
            }
        });
        return isPcap(target) ? (int) comments.stream().filter(c -> !c.isEmpty()).count() : 0;
    }

    private static boolean isPcap(Path target) {
        return String.valueOf(target.getFileName()).toLowerCase(java.util.Locale.ROOT).endsWith(".pcap");
    }

    private static void writeFile(LiveStore from, List<LiveFrame> copy, List<List<String>> comments, Path target,
                              String comment) throws IOException {
        if (isPcap(target)) {
            from.writePcap(target, copy);
        } else {
            from.writePcapng(target, comment, copy, i -> i < comments.size() ? comments.get(i) : List.of());
        }
    }

    /**
     * The annotations of the frames kept now, by their position in the store: the window numbers its frames from
     * the snapshot on show, which may be older than the store when a ring has let frames go since.
     */
    private List<List<String>> commentsNow() {
        List<List<String>> out = new ArrayList<>(store.size());
        long firstKept = store.evicted();
        for (int j = 0; j < store.size(); j++) {
            long shownIndex = firstKept + j - shownOffset;
            out.add(shownIndex < 0 || shownIndex > Integer.MAX_VALUE ? List.of()
                    : List.copyOf(shownComments.apply((int) shownIndex)));
        }
        return out;
    }

    /**
     * Where the comments of the frames on show come from (the window's annotations, by 0-based frame of the
     * snapshot shown); they are saved as packet comments in pcapng.
     */
    public void setShownComments(IntFunction<List<String>> comments) {
        this.shownComments = Objects.requireNonNull(comments, "comments");
    }

    /** Frames the ring had let go before the first frame of the snapshot on show: its frame 1 is this + 1. */
    public long shownOffset() {
        return shownOffset;
    }

    /**
     * Whether discarding now loses frames nobody saved: the window asks before it does. Frames going to a
     * ring of files are saved there, unless writing failed.
     */
    public boolean needsConfirmationToDiscard() {
        return unsaved.get() && (lastFiles == null || writeFailed);
    }

    /**
     * Stops and drops the capture (after the user agreed), before something else is shown: the counts, the status
     * bar label and the announcement are cleared, and there is nothing to save any more.
     */
    public void discard() {
        stop();
        unsaved.set(false);
        store = null;
        session = null;
        applied = snapshots;
        announcedKey = null;
        announcement.set("");
        frames.set(0);
        kernelDrops.set(0);
        queueDrops.set(0);
        migrations.set(0);
        status.set("");
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Frames captured so far (a ring keeps fewer). */
    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty kernelDropsProperty() {
        return kernelDrops.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty queueDropsProperty() {
        return queueDrops.getReadOnlyProperty();
    }

    /** Migrations found in the frames shown. */
    public ReadOnlyIntegerProperty migrationsProperty() {
        return migrations.getReadOnlyProperty();
    }

    /** Frame counts and drops, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The latest finding raised live, for the status bar. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    /** Where the ring of files went, once the capture stopped and the last file is complete; empty before. */
    public ReadOnlyStringProperty writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Why the capture could not start or stopped by itself; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
