package dev.cutover.ui;

import java.util.concurrent.Executor;

/**
 * Where view models run work: long work off the FX thread, results back on it. Tests use {@link #DIRECT},
 * which runs both at once on the caller's thread, so a view model can be tested without a window.
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
