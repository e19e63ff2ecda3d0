package dev.cutover.ui.statistics;

import dev.cutover.capture.LoadMonitor;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private Monitor current;

    StatisticsJob(Tasks tasks) {
        this.tasks = tasks;
    }

    /** Starts a pass, superseding any under way; {@code done} gets its result on the FX thread. */
    void start(String what, Work<T> work, Consumer<T> done) {
        int g = generation.incrementAndGet();
        running.set(true);
        progress.set(0);
        state.set(what);
        Monitor monitor = new Monitor(g);
        tasks.background(() -> {
            T result;
            try {
                result = work.run(monitor);
            } catch (CancellationException e) {
                tasks.ui(() -> finish(g, monitor.userCancelled.get() ? "Cancelled" : null));
                return;
            } catch (IOException | RuntimeException e) {
                // a pass over a capture that was closed meanwhile fails too: only the current pass speaks
                tasks.ui(() -> finish(g, "Could not compute: " + (e.getMessage() == null ? e.toString()
                        : e.getMessage())));
                return;
            }
            tasks.ui(() -> {
                if (generation.get() == g) {
                    running.set(false);
                    progress.set(1);
                    state.set("");
                    done.accept(result);
                }
            });
        });
    }

    private void finish(int g, String message) {
        if (generation.get() == g) {
            running.set(false);
            if (message != null) {
                state.set(message);
            }
        }
    }

    /** The user's Cancel: the pass under way stops and says so. */
    void cancel() {
        if (running.get()) {
            current.userCancel(generation.get());
        }
    }

    /** Drops the pass under way without a word (the window closed, the capture went). */
    void abandon(String stateText) {
        generation.incrementAndGet();
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

    /** Progress handed to the FX thread at most once at a time; cancelled when superseded or by the user. */
    private final class Monitor implements LoadMonitor {
        final int generationAtStart;
        final AtomicBoolean userCancelled = new AtomicBoolean();
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong(1);
        final AtomicBoolean posted = new AtomicBoolean();

        Monitor(int generation) {
            this.generationAtStart = generation;
            current = this;
        }

        void userCancel(int g) {
            if (g == generationAtStart) {
                userCancelled.set(true);
            }
        }

        @Override
        public void progress(long bytesDone, long bytesTotal) {
            done.set(bytesDone);
            total.set(Math.max(1, bytesTotal));
            if (!posted.getAndSet(true)) {
                tasks.ui(() -> {
                    posted.set(false);
                    if (generation.get() == generationAtStart) {
                        progress.set((double) done.get() / total.get());
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return userCancelled.get() || generation.get() != generationAtStart;
        }
    }
}
