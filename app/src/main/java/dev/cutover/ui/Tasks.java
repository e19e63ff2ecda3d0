package dev.cutover.ui;

import java.util.concurrent.Executor;

/**
 * Where view models run work: long work off the FX thread, results back on it. Tests use {@link #DIRECT},
 * which runs both at once on the caller's thread, so a view model can be tested without a window. View models
 * describe their work as a {@link BackgroundTask} and start it with {@link #run}.
 */
public interface Tasks {
    /** Runs both kinds of work at once, on the calling thread. */
    Tasks DIRECT = new Tasks() {
        @Override
        public void background(Runnable work) {
            work.run();
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

    /**
     * Starts a task: its work away from the FX thread (on {@link #background} unless it names an executor), its
     * outcome back on it through {@link #ui}; a task with a key supersedes the one under way with that key.
     * With {@link #DIRECT} the outcome has been delivered when this returns.
     */
    default <V> TaskHandle run(BackgroundTask<V> task) {
        return TaskRun.start(this, task);
    }

    /** Runs work away from the FX thread. */
    void background(Runnable work);

    /** Runs work on the FX thread (later, unless already there and direct). */
    void ui(Runnable work);

    /**
     * An executor that runs its work away from the FX thread one piece at a time, in the order given: for
     * writing a file as frames arrive. Its thread goes when idle.
     */
    Executor serial(String name);
}
