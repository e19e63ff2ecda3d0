package dev.cutover.ui;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A slot for one task at a time, held by the view model that starts it ("packet-filter", "sort", a statistics
 * window): a newer task started under the key supersedes the one under way, which is cancelled and whose result
 * is never delivered. Keys are compared by identity, so two view models never share one by their name.
 */
public final class TaskKey {
    private final String name;
    private final AtomicReference<TaskRun<?>> current = new AtomicReference<>();

    private TaskKey(String name) {
        this.name = name;
    }

    /** A new key; the name only serves messages and logs. */
    public static TaskKey named(String name) {
        return new TaskKey(name);
    }

    public String name() {
        return name;
    }

    /** Drops the task under this key, if any, without a word: neither its result nor its onCancelled comes. */
    public void cancel() {
        TaskRun<?> was = current.getAndSet(null);
        if (was != null) {
            was.supersede();
        }
    }

    /** Whether a task started under this key has not delivered its outcome yet. */
    public boolean busy() {
        TaskRun<?> now = current.get();
        return now != null && !now.isDone();
    }

    void replace(TaskRun<?> next) {
        TaskRun<?> was = current.getAndSet(next);
        if (was != null && was != next) {
            was.supersede();
        }
    }

    void release(TaskRun<?> done) {
        current.compareAndSet(done, null);
    }

    @Override
    public String toString() {
        return "TaskKey[" + name + "]";
    }
}
