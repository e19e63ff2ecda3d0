package dev.cutover.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One start of a {@link BackgroundTask}: its handle, its monitor, and the delivery of its outcome. */
final class TaskRun<V> implements TaskHandle, TaskMonitor, Runnable {
    private static final Logger LOG = Logger.getLogger(BackgroundTask.class.getName());

    private final Tasks tasks;
    private final BackgroundTask<V> task;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean superseded = new AtomicBoolean();
    private final AtomicBoolean posted = new AtomicBoolean();
    private final AtomicLong progressBits = new AtomicLong();
    private volatile boolean done;

    private TaskRun(Tasks tasks, BackgroundTask<V> task) {
        this.tasks = tasks;
        this.task = task;
    }

    static <V> TaskHandle start(Tasks tasks, BackgroundTask<V> task) {
        TaskRun<V> run = new TaskRun<>(tasks, task);
        if (task.key != null) {
            task.key.replace(run);
        }
        if (task.executor != null) {
            task.executor.execute(run);
        } else {
            tasks.background(run);
        }
        return run;
    }

    @Override
    public void run() {
        if (cancelled.get()) {
            deliver(this::cancelledOutcome); // never began
            return;
        }
        V value;
        try {
            value = task.work.call(this);
        } catch (CancellationException e) {
            deliver(this::cancelledOutcome);
            return;
        } catch (UncheckedIOException e) {
            fail(e.getCause());
            return;
        } catch (Exception | Error e) {
            fail(e);
            return;
        }
        deliver(() -> task.onSuccess.accept(value), () -> {
            if (task.onDiscarded != null) {
                task.onDiscarded.accept(value);
            }
        });
    }

    private void fail(Throwable e) {
        deliver(() -> {
            // a file that cannot be read, or a filter the frames cannot answer yet: the user's to read, not a bug
            boolean expected = e instanceof IOException || e instanceof dev.cutover.frames.MissingSourceException;
            if (task.onFailure == null || !expected) {
                LOG.log(Level.WARNING, (task.key == null ? "A background task" : "The task " + task.key.name())
                        + " failed", e);
            }
            if (task.onFailure != null) {
                task.onFailure.accept(e);
            }
        });
    }

    private void cancelledOutcome() {
        if (task.onCancelled != null) {
            task.onCancelled.run();
        }
    }

    /**
     * On the FX thread: what the work did, unless it was superseded meanwhile. Work cancelled through the handle
     * that ended anyway (it had not polled since) delivers its result: a file it wrote is written.
     */
    private void deliver(Runnable outcome) {
        deliver(outcome, () -> { });
    }

    private void deliver(Runnable outcome, Runnable dropped) {
        tasks.ui(() -> {
            if (done) {
                return;
            }
            done = true;
            if (task.key != null) {
                task.key.release(this);
            }
            if (superseded.get()) {
                dropped.run();
            } else {
                outcome.run();
            }
        });
    }

    void supersede() {
        superseded.set(true);
        cancelled.set(true);
    }

    @Override
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public boolean cancelled() {
        return cancelled.get();
    }

    @Override
    public void progress(long doneUnits, long total) {
        if (task.onProgress == null || cancelled.get()) {
            return;
        }
        double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) doneUnits / total));
        progressBits.set(Double.doubleToRawLongBits(fraction));
        if (!posted.getAndSet(true)) {
            tasks.ui(() -> {
                posted.set(false);
                if (!cancelled.get() && !done) {
                    task.onProgress.accept(Double.longBitsToDouble(progressBits.get()));
                }
            });
        }
    }

    @Override
    public String toString() {
        return "TaskRun[" + (task.key == null ? "" : task.key.name()) + (cancelled.get() ? ", cancelled" : "")
                + (done ? ", done" : "") + "]";
    }
}
