package dev.cutover.ui;

/** A running {@link BackgroundTask}, as {@link Tasks#run} returns it: to cancel it. */
public interface TaskHandle {
    /** A handle for work that never ran: cancelling it does nothing. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };

    /**
     * Asks the work to stop: it sees so at its next poll of the monitor, and its {@code onCancelled} runs on the FX
     * thread once it has stopped (at once if it had not begun). Work that ends anyway, before polling again,
     * delivers its result or failure as usual, so what it did (a file written) is never hidden. To drop a result
     * unseen, cancel through the {@link TaskKey} or start a newer task under it.
     */
    void cancel();

    /** Cancelled through this handle, or superseded by a newer task under the same key. */
    boolean isCancelled();

    /** The task's outcome was delivered (or dropped): nothing more will come from it. */
    boolean isDone();
}
