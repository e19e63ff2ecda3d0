package dev.cutover.testsupport;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
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
}
