package dev.cutover.ui;

import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The application's {@link Tasks}: a small pool of daemon threads, and {@code Platform.runLater}. */
public final class FxTasks implements Tasks {
    private final ExecutorService pool;

    public FxTasks() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cutover-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void background(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void ui(Runnable work) {
        Platform.runLater(work);
    }

    @Override
    public Executor serial(String name) {
        ThreadPoolExecutor one = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "cutover-" + name);
            t.setDaemon(true);
            return t;
        });
        one.allowCoreThreadTimeOut(true);
        return one;
    }

    public void shutdown() {
        pool.shutdownNow();
    }
}
