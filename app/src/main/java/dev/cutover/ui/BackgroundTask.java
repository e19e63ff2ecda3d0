package dev.cutover.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Work to run away from the FX thread, described before it runs, as JabRef's {@code BackgroundTask}: the work
 * (polling a {@link TaskMonitor} for cancellation and reporting progress to it), the key it supersedes others
 * under, and what to do on the FX thread with its result, its failure or its progress. {@link Tasks#run} starts it.
 *
 * <pre>{@code
 * BackgroundTask.of(monitor -> sorter.sort(..., monitor::cancelled))
 *         .key(sortKey)
 *         .onProgress(sortProgress::set)
 *         .onSuccess(this::publish)
 *         .onFailure(e -> say("Cannot sort: " + BackgroundTask.reason(e)))
 *         .runWith(tasks);
 * }</pre>
 *
 * @param <V> what the work computes
 */
public final class BackgroundTask<V> {
    /** The work itself: runs away from the FX thread; a CancellationException ends it quietly. */
    @FunctionalInterface
    public interface Work<V> {
        V call(TaskMonitor monitor) throws Exception;
    }

    final Work<V> work;
    TaskKey key;
    Executor executor;
    Consumer<? super V> onSuccess = v -> { };
    Consumer<? super Throwable> onFailure;
    DoubleConsumer onProgress;
    Runnable onCancelled;
    Consumer<? super V> onDiscarded;

    private BackgroundTask(Work<V> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Describes work that computes a value. */
    public static <V> BackgroundTask<V> of(Work<V> work) {
        return new BackgroundTask<>(work);
    }

    /** A newer task under the same key cancels this one, and this one cancels the older one when it starts. */
    public BackgroundTask<V> key(TaskKey k) {
        this.key = k;
        return this;
    }

    /** Runs the work on this executor instead of the shared pool (a pass that must not wait for others). */
    public BackgroundTask<V> runOn(Executor e) {
        this.executor = e;
        return this;
    }

    /** Gets the result on the FX thread, unless the task was superseded meanwhile. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /**
     * Gets the failure on the FX thread, unless the task was superseded meanwhile: an IOException
     * (an {@link UncheckedIOException} arrives as its cause), or anything unexpected, which is also logged once.
     * Without a handler every failure is logged.
     */
    public BackgroundTask<V> onFailure(Consumer<? super Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /** Gets the work's progress, 0 to 1, on the FX thread: at most one update waits there at a time. */
    public BackgroundTask<V> onProgress(DoubleConsumer c) {
        this.onProgress = Objects.requireNonNull(c);
        return this;
    }

    /**
     * Runs on the FX thread when the work stopped for a cancel through its handle (not when superseded): it threw
     * a CancellationException at a poll, or never began.
     */
    public BackgroundTask<V> onCancelled(Runnable r) {
        this.onCancelled = Objects.requireNonNull(r);
        return this;
    }

    /**
     * Gets, on the FX thread, a result that will never be delivered because the task was superseded after the work
     * had made it: to close what it opened.
     */
    public BackgroundTask<V> onDiscarded(Consumer<? super V> c) {
        this.onDiscarded = Objects.requireNonNull(c);
        return this;
    }

    /** Starts the task: the same as {@code tasks.run(this)}. */
    public TaskHandle runWith(Tasks tasks) {
        return tasks.run(this);
    }

    /**
     * A failure in the words of the status bar: an IOException's own message ("frame 7 ends past the end of the
     * file"), anything else its kind and message ("IllegalStateException: no frame 12"), as it did not expect.
     */
    public static String reason(Throwable e) {
        String m = e.getMessage();
        boolean blank = m == null || m.isBlank();
        if (e instanceof IOException || e instanceof dev.cutover.frames.MissingSourceException) {
            return blank ? e.getClass().getSimpleName() : m;
        }
        return e.getClass().getSimpleName() + (blank ? "" : ": " + m);
    }
}
