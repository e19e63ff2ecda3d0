package dev.cutover.ui.capture;

import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveFiles;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.capture.live.LiveSession;
import dev.cutover.ui.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Live capture in the window: start, stop, restart, save. The view calls {@link #drain()} about every 100 ms on
 * the FX thread; each drain moves a batch of frames from the session's queue to where they are kept, and at most
 * once a second (and when the capture ends) the kept frames are shown and analysed so a new finding is announced.
 * Nothing here touches a disk on the FX thread. The work is split by what it is about: the session from start to
 * stop ({@link LiveSessionControl}), keeping and saving the frames ({@link LiveFrameKeeper}), the snapshot on show
 * and its analysis ({@link LiveSnapshots}), and announcing findings ({@link FindingAnnouncer}).
 */
public final class LiveCaptureViewModel {
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

    /** Opens a session; the window uses {@link LivePcap#open}, tests a session scripted in memory. */
    public interface Opener {
        LiveSession open(LiveOptions options) throws LiveCaptureException;
    }

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final LiveSessionControl session;
    private final FindingAnnouncer announcer = new FindingAnnouncer();
    private final LiveSnapshots snapshots;
    private final LiveFrameKeeper keeper;
    private final List<LiveFrame> batch = new ArrayList<>();
    private LiveOptions lastOptions;
    private int lastRing;
    private RingFiles lastFiles;

    public LiveCaptureViewModel(Tasks tasks, Opener opener, Consumer<Capture> show) {
        this(tasks, opener, show, System::nanoTime);
    }

    /** As the public constructor, with the clock that says when a second has passed (tests move it by hand). */
    LiveCaptureViewModel(Tasks tasks, Opener opener, Consumer<Capture> show, LongSupplier clock) {
        this.session = new LiveSessionControl(opener);
        this.snapshots = new LiveSnapshots(tasks, show, announcer, clock);
        this.keeper = new LiveFrameKeeper(tasks, error::set, snapshots::shownOffset);
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
        LiveSession opened;
        try {
            opened = session.open(options);
        } catch (LiveCaptureException e) {
            error.set(e.getMessage());
            return false;
        }
        keeper.start(opened, ringFrames, ringFiles);
        lastOptions = options;
        lastRing = ringFrames;
        lastFiles = ringFiles;
        announcer.reset();
        snapshots.reset();
        session.begin();
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

    /** Moves the queued frames to where they are kept; shows and analyses them when a second has passed. */
    public void drain() {
        if (session.session() == null) {
            return;
        }
        batch.clear();
        session.drainInto(batch, 100_000);
        keeper.take(batch);
        session.counted(keeper.store().received());
        boolean ended = !session.sessionRunning();
        snapshots.drained(keeper.store(), ended);
        if (ended && session.running.get()) {
            finish();
        }
    }

    private void finish() {
        String failure = session.finished();
        if (failure != null) {
            error.set(failure);
        }
        keeper.finish(where -> {
            if (!session.running.get()) {
                session.status.set(session.statusText("Stopped") + "; written to " + where);
            }
        });
    }

    /** Stops capturing; what was captured stays shown and can be saved. */
    public void stop() {
        if (session.session() == null || !session.running.get()) {
            return;
        }
        session.stopSession();
        drain();
        if (session.running.get()) {
            finish();
        }
    }

    /** Writes pcapng (interface name, filter and comment kept) or, for a .pcap name, classic pcap. */
    public void save(Path target, String comment) throws IOException {
        keeper.save(target, comment);
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
        return keeper.saveInBackground(target, comment, () -> {
            String now = session.status.get();
            session.status.set(now.isEmpty() ? "Saved " + target : now + "; saved " + target);
            onSaved.run();
        });
    }

    /**
     * Where the comments of the frames on show come from (the window's annotations, by 0-based frame of the
     * snapshot shown); they are saved as packet comments in pcapng.
     */
    public void setShownComments(IntFunction<List<String>> comments) {
        keeper.setShownComments(comments);
    }

    /** Frames the ring had let go before the first frame of the snapshot on show: its frame 1 is this + 1. */
    public long shownOffset() {
        return snapshots.shownOffset();
    }

    /**
     * Whether discarding now loses frames nobody saved: the window asks before it does. Frames going to a
     * ring of files are saved there, unless writing failed.
     */
    public boolean needsConfirmationToDiscard() {
        return keeper.needsConfirmationToDiscard();
    }

    /**
     * Stops and drops the capture (after the user agreed), before something else is shown: the counts, the status
     * bar label and the announcement are cleared, and there is nothing to save any more.
     */
    public void discard() {
        stop();
        keeper.drop();
        session.forget();
        snapshots.drop();
        announcer.clear();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return session.running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unsavedProperty() {
        return keeper.unsaved.getReadOnlyProperty();
    }

    /** Frames captured so far (a ring keeps fewer). */
    public ReadOnlyLongProperty framesProperty() {
        return session.frames.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty kernelDropsProperty() {
        return session.kernelDrops.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty queueDropsProperty() {
        return session.queueDrops.getReadOnlyProperty();
    }

    /** Migrations found in the frames shown. */
    public ReadOnlyIntegerProperty migrationsProperty() {
        return snapshots.migrations.getReadOnlyProperty();
    }

    /** Frame counts and drops, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return session.status.getReadOnlyProperty();
    }

    /** The latest finding raised live, for the status bar. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcer.announcement.getReadOnlyProperty();
    }

    /** Where the ring of files went, once the capture stopped and the last file is complete; empty before. */
    public ReadOnlyStringProperty writtenProperty() {
        return keeper.written.getReadOnlyProperty();
    }

    /** Why the capture could not start or stopped by itself; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
