package dev.cutover.ui;

import dev.cutover.capture.LoadMonitor;

import java.util.concurrent.CancellationException;

/**
 * What a {@link BackgroundTask}'s work reports its progress to and polls for cancellation. It is a
 * {@link LoadMonitor}, so the work can hand it straight to the engine's long passes.
 */
public interface TaskMonitor extends LoadMonitor {
    /** Throws a CancellationException when the task was cancelled or superseded: a poll point in a loop. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
