package dev.cutover.testsupport;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting in window tests for what the window does on its own threads, with a message that says for what. */
public final class Waits {
    private Waits() {
    }

    /** Waits up to {@code seconds} until {@code condition} holds; the timeout names {@code what}. */
    public static void until(long seconds, String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            TimeoutException t = new TimeoutException("waited " + seconds + " s until " + what);
            t.initCause(e);
            throw t;
        }
    }

    /**
     * As {@link #until}, with the condition checked on the FX thread: the JavaFX state it reads is seen whole,
     * between two pieces of work there, never while one changes it (a list half-replaced, a label not yet set).
     */
    public static void untilOnFx(long seconds, String what, Callable<Boolean> condition) throws TimeoutException {
        until(seconds, what, () -> onFx(seconds, condition));
    }

    /**
     * Reads JavaFX state on the FX thread, once the work queued there before has run: read from the test's thread
     * while the window changes it, it may be stale or half-changed.
     */
    public static <T> T onFx(long seconds, Callable<T> read) throws TimeoutException {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading on the FX thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
