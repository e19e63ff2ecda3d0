package dev.cutover.ui.capture;

import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.capture.live.LiveSession;
import java.util.Collection;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The live capture's session from start to stop: opens it (the filter checked first), drains its queue, keeps its
 * counts and the status bar's text, and says why it stopped when it stopped by itself. FX thread only.
 */
final class LiveSessionControl {
    private final LiveCaptureViewModel.Opener opener;
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(this, "frames");
    final ReadOnlyLongWrapper kernelDrops = new ReadOnlyLongWrapper(this, "kernelDrops");
    final ReadOnlyLongWrapper queueDrops = new ReadOnlyLongWrapper(this, "queueDrops");
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private LiveSession session;

    LiveSessionControl(LiveCaptureViewModel.Opener opener) {
        this.opener = opener;
    }

    /** Checks the filter, opens the interface and counts from zero; {@link #begin()} says it runs. */
    LiveSession open(LiveOptions options) throws LiveCaptureException {
        LivePcap.checkFilter(options.filter());
        session = opener.open(options);
        frames.set(0);
        kernelDrops.set(0);
        queueDrops.set(0);
        return session;
    }

    /** Once everything else is ready for its frames: the capture is running. */
    void begin() {
        running.set(true);
        status.set("Capturing on " + session.options().interfaceName());
    }

    /** The session of the capture on show, or null. */
    LiveSession session() {
        return session;
    }

    /** Moves up to max queued frames into the collection. */
    void drainInto(Collection<LiveFrame> into, int max) {
        session.drain(into, max);
    }

    /** The counts after a drain, received being the frames the window has taken in all. */
    void counted(long received) {
        frames.set(received);
        kernelDrops.set(session.kernelDrops());
        queueDrops.set(session.queueDrops());
        if (running.get()) {
            status.set(statusText("Capturing on " + session.options().interfaceName()));
        }
    }

    /** Whether the capture still runs, rather than having stopped (or been stopped) since it started. */
    boolean sessionRunning() {
        return session.running();
    }

    /** Asks the session to stop and waits for it; its queue keeps what it read. */
    void stopSession() {
        session.stop();
    }

    /**
     * The capture has stopped and its queue has been drained: the status says so, and the reason, when it stopped
     * by itself, is returned for the user (null otherwise).
     */
    String finished() {
        running.set(false);
        status.set(statusText("Stopped"));
        LiveCaptureException failure = session.failure();
        return failure == null ? null : failure.getMessage() + "; the frames captured before it are kept";
    }

    /** "head: n frames, n dropped by the kernel, n by the queue". */
    String statusText(String head) {
        return String.format("%s: %,d frames, %,d dropped by the kernel, %,d by the queue", head,
                frames.get(), kernelDrops.get(), queueDrops.get());
    }

    /** Forgets the session and clears the counts and the status. */
    void forget() {
        session = null;
        frames.set(0);
        kernelDrops.set(0);
        queueDrops.set(0);
        status.set("");
    }
}
