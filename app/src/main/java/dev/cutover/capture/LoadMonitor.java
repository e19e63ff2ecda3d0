package dev.cutover.capture;

/** What long work reports its progress to and asks whether to stop. */
public interface LoadMonitor {

    /** A monitor that ignores progress and never cancels. */
    LoadMonitor NONE = new LoadMonitor() { };

    /** Called every few megabytes; done and total count bytes of the files on disk. */
    default void progress(long done, long total) {
    }

    /** Polled with each progress report; true stops the work with a CancellationException. */
    default boolean cancelled() {
        return false;
    }
}
