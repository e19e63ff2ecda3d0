package dev.cutover.capture.live;

import dev.cutover.capture.live.LiveCaptureException.Kind;
import java.io.EOFException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapStat;

/**
 * A running capture: one thread reads frames from libpcap into a bounded queue, a reader drains them in
 * batches. Frames the queue has no room for are counted, as are the kernel's drops.
 */
public final class LiveSession implements AutoCloseable {
    /** How long libpcap waits for frames before the capture thread looks whether it should stop. */
    static final int POLL_MILLIS = 50;
    private static final long STATS_EVERY_NANOS = 250_000_000L;

    private final PcapHandle handle;
    private final LiveOptions options;
    private final int linkType;
    private final BlockingQueue<LiveFrame> queue;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong captured = new AtomicLong();
    private final AtomicLong queueDrops = new AtomicLong();
    private volatile long kernelDrops;
    private volatile boolean stopping;
    private volatile LiveCaptureException failure;

    LiveSession(PcapHandle handle, LiveOptions options, int linkType) {
        this.handle = handle;
        this.options = options;
        this.linkType = linkType;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.thread = new Thread(this::run, "live capture " + options.interfaceName());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long lastStats = System.nanoTime();
        try {
            while (!stopping) {
                byte[] data;
                try {
                    data = handle.getNextRawPacketEx();
                } catch (TimeoutException e) {
                    lastStats = maybeStats(lastStats);
                    continue;
                } catch (EOFException e) {
                    break;
                }
                // Time stamp and length belong to the frame just read: take them on this thread, now.
                Timestamp ts = handle.getTimestamp();
                Integer original = handle.getOriginalLength();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                LiveFrame frame = new LiveFrame(nanos, data, original == null ? data.length : original);
                captured.incrementAndGet();
                if (!queue.offer(frame)) {
                    queueDrops.incrementAndGet();
                }
                lastStats = maybeStats(lastStats);
            }
            readStats();
        } catch (PcapNativeException e) {
            // Mid-capture, libpcap fails this way when the interface disappears or goes down; its text says which.
            failure = new LiveCaptureException(Kind.INTERFACE_GONE, options.interfaceName()
                    + ": capture stopped: " + e.getMessage(), e);
        } catch (Exception e) {
            failure = new LiveCaptureException(Kind.FAILED, options.interfaceName() + ": capture stopped: "
                    + e.getMessage(), e);
        } finally {
            handle.close();
            finished.countDown();
        }
    }

    private long maybeStats(long last) {
        long now = System.nanoTime();
        if (now - last < STATS_EVERY_NANOS) {
            return last;
        }
        readStats();
        return now;
    }

    private void readStats() {
        try {
            PcapStat stat = handle.getStats();
            kernelDrops = stat.getNumPacketsDropped() + stat.getNumPacketsDroppedByIf();
        } catch (Exception e) {
            // Some platforms keep no statistics; the drops stay at what was last read.
        }
    }

    /** Moves up to max queued frames into the collection and returns how many. */
    public int drain(Collection<? super LiveFrame> into, int max) {
        return queue.drainTo(into, max);
    }

    /** Waits up to the timeout for a first frame, then moves what is queued; for readers with nothing else to do. */
    public int await(Collection<? super LiveFrame> into, int max, long timeout, TimeUnit unit)
            throws InterruptedException {
        LiveFrame first = queue.poll(timeout, unit);
        if (first == null) {
            return 0;
        }
        into.add(first);
        return 1 + queue.drainTo(into, max - 1);
    }

    /** Asks the capture thread to stop and waits for it; the queue keeps what was read. */
    public void stop() {
        stopping = true;
        try {
            // libpcap's TPACKET_V3 ignores the poll timeout while no frame comes: wake the capture thread up
            handle.breakLoop();
        } catch (NotOpenException e) {
            // The capture thread has already closed it.
        }
        if (Thread.currentThread() != thread) {
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether the capture thread still reads frames. */
    public boolean running() {
        return finished.getCount() > 0;
    }

    /** Why the capture stopped by itself (the interface went away, say), or null. */
    public LiveCaptureException failure() {
        return failure;
    }

    public LiveOptions options() {
        return options;
    }

    /** The interface's LINKTYPE_ value. */
    public int linkType() {
        return linkType;
    }

    /** Frames libpcap delivered, including those the queue dropped. */
    public long captured() {
        return captured.get();
    }

    /** Frames the kernel (or the interface) dropped, as libpcap last reported. */
    public long kernelDrops() {
        return kernelDrops;
    }

    /** Frames the queue had no room for. */
    public long queueDrops() {
        return queueDrops.get();
    }
}
