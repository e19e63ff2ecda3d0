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
     * Asks the work to stop (it sees so at its next poll of the monitor). Neither its result nor its failure is
     * delivered any more; its {@code onCancelled} runs on the FX thread once the work has ended. Call it on the FX
     * thread, so that nothing already on its way there gets through.
     */
    void cancel();

    /** Cancelled through this handle or superseded by a newer task of the same key. */
    boolean isCancelled();

    /** The task's outcome was delivered (or dropped): nothing more will come from it. */
    boolean isDone();
}
