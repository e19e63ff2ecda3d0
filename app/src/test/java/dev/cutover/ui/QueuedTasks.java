package dev.cutover.ui;

import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Tasks whose background work waits in a queue the test runs when it chooses (in order, or newest first, as a
 * pool may), while work for the FX thread runs at once: for testing what supersedes what.
 */
public final class QueuedTasks {
    private QueuedTasks() {
    }

    /** Background work goes into {@code queue}; FX-thread work and serial executors run at once. */
    public static Tasks into(Deque<Runnable> queue) {
        return new Tasks() {
            @Override
            public void background(Runnable work) {
                queue.add(work);
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public Executor serial(String name) {
                return Runnable::run;
            }
        };
    }
}
