package dev.cutover.ui.statistics;

import dev.cutover.capture.LoadMonitor;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskHandle;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * One statistics pass at a time, off the FX thread: its progress and state for the window, a Cancel, and a
 * newer pass (another capture, another filter) making an older one stop and its result be dropped.
 *
 * @param <T> what the pass computes
 */
final class StatisticsJob<T> {
    /** The pass: runs away from the FX thread, reports to the monitor, stops when it says so. */
    interface Work<T> {
        T run(LoadMonitor monitor) throws IOException;
    }

    private final Tasks tasks;
    private final TaskKey key = TaskKey.named("statistics");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private TaskHandle current = TaskHandle.NONE;

    StatisticsJob(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Starts a pass, superseding any under way; {@code done} gets its result on the FX thread. */
    void start(String what, Work<T> work, Consumer<T> done) {
        running.set(true);
        progress.set(0);
        state.set(what);
        current = BackgroundTask.of(work::run)
                .key(key)
                .onProgress(progress::set)
                .onSuccess(result -> {
                    running.set(false);
                    progress.set(1);
                    state.set("");
                    done.accept(result);
                })
                .onFailure(e -> {
                    running.set(false);
                    state.set("Could not compute: " + BackgroundTask.reason(e));
                })
                .onCancelled(() -> {
                    running.set(false);
                    state.set("Cancelled");
                })
                .runWith(tasks);
    }

    /** The user's Cancel: the pass under way stops and says so. */
    void cancel() {
        if (running.get()) {
            current.cancel();
        }
    }

    /** Drops the pass under way without a word (the window closed, the capture went). */
    void abandon(String stateText) {
        key.cancel();
        running.set(false);
        progress.set(0);
        state.set(stateText);
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
