package dev.cutover.capture.live;

import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * A running live capture as its reader sees it: frames queued since the last drain, the counts of frames
 * captured and dropped, whether it still runs and why it stopped by itself. {@link LivePcap#open} makes one on a
 * network interface ({@link PcapLiveSession}); tests script one in memory.
 */
public interface LiveSession extends AutoCloseable {
    /** Moves up to max queued frames into the collection and returns how many. */
    int drain(Collection<? super LiveFrame> into, int max);

    /** Waits up to the timeout for a first frame, then moves what is queued; for readers with nothing else to do. */
    int await(Collection<? super LiveFrame> into, int max, long timeout, TimeUnit unit) throws InterruptedException;

    /** Asks the capture to stop and waits for it; the queue keeps what was read. */
    void stop();

    /** Stops, as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }

    /** Whether frames are still being read. */
    boolean running();

    /** Why the capture stopped by itself (the interface went away, say), or null. */
    LiveCaptureException failure();

    /** What the capture was opened with. */
    LiveOptions options();

    /** The interface's LINKTYPE_ value. */
    int linkType();

    /** Frames delivered, including those the queue dropped. */
    long captured();

    /** Frames the kernel (or the interface) dropped, as last reported. */
    long kernelDrops();

    /** Frames the queue had no room for. */
    long queueDrops();
}
