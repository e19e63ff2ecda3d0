package dev.cutover.ui.capture;

import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureDamage;
import dev.cutover.capture.CaptureException;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.frames.FramePipeline;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskHandle;
import dev.cutover.ui.TaskKey;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Opening captures: indexes the files off the FX thread with progress and cancel, then publishes the open
 * {@link Capture}. While one pcap or pcapng file loads, {@link #partialProperty()} follows the frames read so far
 * (a few times a second), and a cancel keeps them: the capture opens with the frames read until then. A damaged
 * file opens with what could be read and a banner; a file that is no capture becomes a failure message for a dialog.
 */
public final class CaptureViewModel {
    private final Tasks tasks;
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final ReadOnlyObjectWrapper<List<Path>> files = new ReadOnlyObjectWrapper<>(this, "files", List.of());
    private final ReadOnlyObjectWrapper<long[]> shifts = new ReadOnlyObjectWrapper<>(this, "shifts", new long[0]);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "No capture open");
    private final ReadOnlyStringWrapper damage = new ReadOnlyStringWrapper(this, "damage");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure");
    private final ReadOnlyObjectWrapper<Capture> partial = new ReadOnlyObjectWrapper<>(this, "partial");
    /** Counts the opens, so the frames so far of a load that was superseded are never shown. */
    private int generation;

    private final TaskKey loadTask = TaskKey.named("open");
    private TaskHandle load = TaskHandle.NONE;

    /** The files of the load under way (or the last one). */
    private List<Path> loadingFiles;
    /** Their time shifts. */
    private long[] loadingShifts;

    public CaptureViewModel(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Opens the files together (merged by time), replacing what is open. */
    public void open(List<Path> paths) {
        open(paths, null);
    }

    /**
     * Opens the files together with each one's clock corrected: {@code timeShiftNanos[i]} nanoseconds added to every
     * time stamp of file i (null for none), as {@link Capture#open(List, long[], dev.cutover.capture.LoadMonitor,
     * dev.cutover.capture.FrameTap, java.util.function.Consumer)} does; the files are not changed.
     */
    public void open(List<Path> paths, long[] timeShiftNanos) {
        open(paths, timeShiftNanos, false);
    }

    /**
     * Opens the files with the time shifts their annotation sidecar records ({@link AnnotationStore#recordedShifts}:
     * the first file's {@code FILE.cutover.json}, when it was made on these files), read on the loading thread;
     * unshifted when it records none. The status bar names the shifts and the sidecar they came from.
     */
    public void openWithRecordedShifts(List<Path> paths) {
        open(paths, null, true);
    }

    private void open(List<Path> paths, long[] timeShiftNanos, boolean recorded) {
        if (paths.isEmpty()) {
            return;
        }
        if (timeShiftNanos != null && timeShiftNanos.length != paths.size()) {
            throw new IllegalArgumentException(timeShiftNanos.length + " time shifts for " + paths.size() + " files");
        }
        List<Path> files = List.copyOf(paths);
        long[] shiftsGiven = timeShiftNanos == null ? new long[files.size()] : timeShiftNanos.clone();
        int open = ++generation;
        loadingFiles = files;
        loadingShifts = shiftsGiven;
        loading.set(true);
        partial.set(null);
        progress.set(0);
        failure.set(null);
        state.set("Loading " + names(files) + "…");
        // the newest frames so far wait here for the FX thread: one update waits there at a time, never one per frame
        AtomicReference<Capture> latest = new AtomicReference<>();
        // the shifts the sidecar records, when they were read and applied
        AtomicReference<long[]> fromSidecar = new AtomicReference<>();
        // a load under way is superseded: what it opened is closed, never shown
        load = BackgroundTask.of(monitor -> {
            boolean[] warm = {false};
            long[] shiftsUsed = shiftsGiven;
            if (recorded) {
                long[] kept = AnnotationStore.recordedShifts(files);
                if (kept != null) {
                    fromSidecar.set(kept);
                    shiftsUsed = kept;
                }
            }
            return Capture.open(files, shiftsUsed, monitor, null, prefix -> {
                if (!warm[0]) {
                    warm[0] = true;
                    warmUp(prefix);
                }
                if (latest.getAndSet(prefix) == null) {
                    tasks.ui(() -> {
                        Capture p = latest.getAndSet(null);
                        if (p != null && open == generation && loading.get() && !monitor.cancelled()) {
                            showPartial(files, p);
                        }
                    });
                }
            });
        })
                .key(loadTask)
                .onProgress(progress::set)
                .onSuccess(opened -> finished(files, fromSidecar.get() == null ? shiftsGiven : fromSidecar.get(),
                        fromSidecar.get() == null ? null : AnnotationStore.sidecarOf(files.get(0)), opened))
                .onDiscarded(Capture::close)
                .onCancelled(() -> failed(files, null, "Loading cancelled"))
                .onFailure(e -> failed(files, e instanceof CaptureException
                        ? "Cannot open this as a capture.\n" + e.getMessage()
                                + "\nCutover reads pcap and pcapng files (also gzip-compressed)."
                        : "Cannot open " + names(files) + ": " + BackgroundTask.reason(e), "Not opened"))
                .runWith(tasks);
    }

    /**
     * Decodes the first frame on the loading thread, once: the vendor table and the dissectors are read here rather
     * than on the FX thread when the first rows are drawn.
     */
    private static void warmUp(Capture prefix) {
        try {
            FramePipeline.of(prefix).reader(new Needs(Layer.ALL, false, false)).decode(0, new Dissection(), Layer.ALL);
        } catch (java.io.IOException | RuntimeException e) {
            // the list will say the frame is unreadable when it draws it; warming up is no reason to fail the load
        }
    }

    private void showPartial(List<Path> files, Capture p) {
        partial.set(p);
        state.set(String.format("Loading %s… %,d frames so far", names(files), p.frameCount()));
    }

    /** Merges more files (another uplink's capture) into the open view. */
    public void add(List<Path> more) {
        // during a load, to what is loading (whose frames may be on show), not to what it replaces
        boolean during = loading.get() && loadingFiles != null;
        List<Path> all = new ArrayList<>(during ? loadingFiles : files.get());
        long[] kept = during ? loadingShifts : shifts.get();
        for (Path p : more) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        // the files open keep their time shifts; the ones added come in unshifted
        open(all, java.util.Arrays.copyOf(kept, all.size()));
    }

    /** Stops the load under way; what was open stays open. */
    public void cancel() {
        load.cancel();
    }

    /** The failure has been shown to the user. */
    public void acknowledgeFailure() {
        failure.set(null);
    }

    /** Closes the capture (on exit). */
    public void close() {
        loadTask.cancel();
        generation++;
        partial.set(null);
        Capture c = capture.get();
        capture.set(null);
        if (c != null) {
            c.close();
        }
    }

    /** {@code sidecar}: where the shifts were read from, null when they were given. */
    private void finished(List<Path> paths, long[] shiftsGiven, Path sidecar, Capture opened) {
        Capture old = capture.get();
        files.set(paths);
        shifts.set(shiftsGiven);
        capture.set(opened);
        if (old != null) {
            old.close();
        }
        loading.set(false);
        partial.set(null);
        progress.set(1);
        List<CaptureDamage> damages = opened.damages();
        if (opened.stopped()) {
            damage.set(String.format("Loading was stopped: showing the first %,d frames of %s", opened.frameCount(),
                    names(paths)));
            state.set(String.format("Loading stopped: %,d frames read from %s", opened.frameCount(), names(paths)));
            return;
        }
        damage.set(damages.isEmpty() ? null : "Damaged capture, showing the frames before the damage: "
                + damages.stream().map(CaptureDamage::message).collect(Collectors.joining("; ")));
        String shift = shiftText(paths, shiftsGiven);
        state.set(String.format("Loaded %,d frames from %s", opened.frameCount(), names(paths))
                + (shift == null ? "" : "; " + shift) + (shift == null || sidecar == null ? ""
                : ", as recorded in " + sidecar.getFileName()));
    }

    /** The time shifts of the open files, e.g. "Time shift: vusb2.pcap +2.913 s"; null when no file is shifted. */
    public String timeShiftText() {
        return shiftText(files.get(), shifts.get());
    }

    private static String shiftText(List<Path> paths, long[] nanos) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < paths.size() && i < nanos.length; i++) {
            if (nanos[i] != 0) {
                parts.add(paths.get(i).getFileName() + " " + dev.cutover.capture.TimeShifts.signed(nanos[i]) + " s");
            }
        }
        return parts.isEmpty() ? null : "Time shift: " + String.join(", ", parts);
    }

    private void failed(List<Path> paths, String message, String stateText) {
        loading.set(false);
        partial.set(null);
        progress.set(capture.get() == null ? 0 : 1);
        // what stays on show is named, so the status bar never says "Not opened" over a capture that is open
        Capture open = capture.get();
        state.set(open == null ? stateText + ": " + names(paths)
                : String.format("%s: %s; still showing %s (%,d frames)", stateText, names(paths),
                        names(files.get()), open.frameCount()));
        if (message != null) {
            failure.set(message);
        }
    }

    private static String names(List<Path> paths) {
        return paths.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", "));
    }

    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    public Capture capture() {
        return capture.get();
    }

    /**
     * While one pcap or pcapng file loads: the frames read so far, as a capture that grows a few times a second (each
     * value holds the frames of the one before); null otherwise. Such a capture is the load's to close, not the
     * caller's. When the load ends, {@link #captureProperty()} changes first, then this goes back to null.
     */
    public ReadOnlyObjectProperty<Capture> partialProperty() {
        return partial.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Path>> filesProperty() {
        return files.getReadOnlyProperty();
    }

    /**
     * The time shift of each open file, in nanoseconds, in the order of {@link #filesProperty()} (set before the
     * capture is published). The array is not to be changed.
     */
    public ReadOnlyObjectProperty<long[]> shiftsProperty() {
        return shifts.getReadOnlyProperty();
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
