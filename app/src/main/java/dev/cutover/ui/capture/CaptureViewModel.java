package dev.cutover.ui.capture;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureDamage;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Opening captures: indexes the files off the FX thread with progress and cancel, then publishes the open
 * {@link Capture}. A damaged file opens with what could be read and a banner; a file that is no capture
 * becomes a failure message for a dialog.
 */
public final class CaptureViewModel {
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final ReadOnlyObjectWrapper<List<Path>> files = new ReadOnlyObjectWrapper<>(this, "files", List.of());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "No capture open");
    private final ReadOnlyStringWrapper damage = new ReadOnlyStringWrapper(this, "damage");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");

    private Job current;

    public CaptureViewModel(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Opens the files together (merged by time), replacing what is open. */
    public void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        cancel();
        Job job = new Job(List.copyOf(paths));
        current = job;
        loading.set(true);
        progress.set(0);
        failure.set(null);
        state.set("Loading " + names(job.paths) + "…");
        tasks.background(() -> job.run());
    }

    /** Merges more files (another uplink's capture) into the open view. */
    public void add(List<Path> more) {
        List<Path> all = new ArrayList<>(files.get());
        for (Path p : more) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        open(all);
    }

    /** Stops the load under way; what was open stays open. */
    public void cancel() {
        Job job = current;
        if (job != null) {
            job.cancelled.set(true);
        }
    }

    /** The failure has been shown to the user. */
    public void acknowledgeFailure() {
        failure.set(null);
    }

    /** Closes the capture (on exit). */
    public void close() {
        cancel();
        Capture c = capture.get();
        capture.set(null);
        if (c != null) {
            c.close();
        }
    }

    private void finished(Job job, Capture opened) {
        if (job != current) {
            opened.close();
            return;
        }
        current = null;
        Capture old = capture.get();
        files.set(job.paths);
        capture.set(opened);
        if (old != null) {
            old.close();
        }
        loading.set(false);
        progress.set(1);
        List<CaptureDamage> damages = opened.damages();
        damage.set(damages.isEmpty() ? null : "Damaged capture, showing the frames before the damage: "
                + damages.stream().map(CaptureDamage::message).collect(Collectors.joining("; ")));
        state.set(String.format("Loaded %,d frames from %s", opened.frameCount(), names(job.paths)));
    }

    private void failed(Job job, String message, String stateText) {
        if (job != current) {
            return;
        }
        current = null;
        loading.set(false);
        progress.set(capture.get() == null ? 0 : 1);
        // what stays on show is named, so the status bar never says "Not opened" over a capture that is open
        Capture open = capture.get();
        state.set(open == null ? stateText + ": " + names(job.paths)
                : String.format("%s: %s; still showing %s (%,d frames)", stateText, names(job.paths),
                        names(files.get()), open.frameCount()));
        if (message != null) {
            failure.set(message);
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", "));
    }

    /** One load: its own cancel flag, and progress handed to the FX thread at most once at a time. */
    private final class Job implements LoadMonitor {
        final List<Path> paths;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong(1);
        final AtomicBoolean posted = new AtomicBoolean();

        Job(List<Path> paths) {
            this.paths = paths;
        }

        void run() {
            try {
                Capture opened = Capture.open(paths, this);
                tasks.ui(() -> finished(this, opened));
            } catch (CaptureException e) {
                tasks.ui(() -> failed(this, "Cannot open this as a capture.\n" + e.getMessage()
                        + "\nCutover reads pcap and pcapng files (also gzip-compressed).", "Not opened"));
            } catch (CancellationException e) {
                tasks.ui(() -> failed(this, null, "Loading cancelled"));
            } catch (RuntimeException e) {
                tasks.ui(() -> failed(this, "Cannot open " + names(paths) + ": " + e, "Not opened"));
            }
        }

        @Override
        public void progress(long bytesDone, long bytesTotal) {
            done.set(bytesDone);
            total.set(Math.max(1, bytesTotal));
            if (!posted.getAndSet(true)) {
                tasks.ui(() -> {
                    posted.set(false);
                    if (current == this) {
                        progress.set((double) done.get() / total.get());
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }

    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    public Capture capture() {
        return capture.get();
    }

    public ReadOnlyObjectProperty<List<Path>> filesProperty() {
        return files.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** 0..1 of the bytes read. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The banner text naming the damage, or null when the capture was read to its end. */
    public ReadOnlyStringProperty damageProperty() {
        return damage.getReadOnlyProperty();
    }

    /** Why the last open failed, for a dialog; null when there is nothing to tell. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
