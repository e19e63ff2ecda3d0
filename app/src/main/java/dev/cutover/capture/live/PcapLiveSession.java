package dev.cutover.capture.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.cutover.capture.live.LiveCaptureException.Kind;
import java.io.EOFException;
import java.lang.reflect.Field;
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
 * A running capture on a libpcap handle: one thread reads frames into a bounded queue, a reader drains them in
 * batches. Frames the queue has no room for are counted, as are the kernel's drops. The thread calls
 * {@code pcap_next_ex} itself on pcap4j's handle, which allocates nothing per frame but the frame.
 */
public final class PcapLiveSession implements LiveSession {
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

    PcapLiveSession(PcapHandle handle, LiveOptions options, int linkType) {
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
            FrameReader reader = FrameReader.of(handle);
            while (!stopping) {
                LiveFrame frame;
                try {
                    frame = reader.next();
                } catch (EOFException e) {
                    break;
                }
                if (frame != null) {
                    accept(frame);
                }
                lastStats = maybeStats(lastStats);
            }
            if (stopping) {
                readLeftovers(reader);
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

    /**
     * Frames already in the kernel's buffer when stop was asked for belong to the capture, and dropping them
     * would lose them without a count: read them without waiting, until none has come for two read timeouts
     * (the kernel hands over a partly filled block when its timeout passes), for half a second at most.
     */
    private void readLeftovers(FrameReader reader) throws Exception {
        try {
            handle.setBlockingMode(PcapHandle.BlockingMode.NONBLOCKING);
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            return; // a handle that cannot stop blocking would wait for frames that may never come
        }
        long start = System.nanoTime();
        long lastFrame = start;
        boolean breakSeen = false;
        while (System.nanoTime() - start < 500_000_000L
                && System.nanoTime() - lastFrame < 2L * POLL_MILLIS * 1_000_000L) {
            LiveFrame frame;
            try {
                frame = reader.next();
            } catch (EOFException e) {
                if (breakSeen) {
                    return; // a savefile's end, or stop asked twice
                }
                breakSeen = true; // the stop's own breakLoop, not yet seen by a read
                continue;
            }
            if (frame == null) {
                Thread.sleep(5);
                continue;
            }
            lastFrame = System.nanoTime();
            accept(frame);
        }
    }

    /** Counts a frame read and queues it, or counts it dropped when the queue is full. */
    private void accept(LiveFrame frame) {
        captured.incrementAndGet();
        if (!queue.offer(frame)) {
            queueDrops.incrementAndGet();
        }
    }

    /** Whether frames are read straight from libpcap on this handle, rather than through pcap4j's slower read. */
    static boolean readsDirectly(PcapHandle handle) {
        return FrameReader.of(handle) instanceof Direct;
    }

    /** Reads the next frame off the handle, on the capture thread. */
    private interface FrameReader {
        /**
         * The next frame, or null when none came within the read timeout.
         *
         * @throws EOFException at the end of the frames (a savefile; never a live interface)
         */
        LiveFrame next() throws Exception;

        /** Straight from libpcap when pcap4j lets the handle's pointer be read, else through pcap4j. */
        static FrameReader of(PcapHandle handle) {
            try {
                Field field = PcapHandle.class.getDeclaredField("handle");
                field.setAccessible(true);
                Pointer pcap = (Pointer) field.get(handle);
                if (pcap != null) {
                    return new Direct(handle, pcap);
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Another pcap4j, or the field not open to us: read as pcap4j does.
            }
            return () -> pcap4j(handle);
        }

        /**
         * pcap4j's read: it allocates two JNA references (native memory released by finalizers), a Timestamp and
         * an Integer per frame, which at 100,000 frames/s keeps the garbage collector busy.
         */
        private static LiveFrame pcap4j(PcapHandle handle) throws Exception {
            byte[] data;
            try {
                data = handle.getNextRawPacketEx();
            } catch (TimeoutException e) {
                return null;
            }
            // Time stamp and length belong to the frame just read: take them on this thread, now.
            Timestamp ts = handle.getTimestamp();
            Integer original = handle.getOriginalLength();
            long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
            return new LiveFrame(nanos, data, original == null ? data.length : original);
        }
    }

    /**
     * {@code pcap_next_ex} called directly, its two out-parameters in one block of native memory reused for every
     * frame, so a frame costs its bytes and its record. Only the capture thread uses the handle while it runs
     * (it also closes it), so pcap4j's lock around the handle is not needed here.
     */
    private static final class Direct implements FrameReader {
        /** struct pcap_pkthdr as pcap4j reads it: a timeval of two C longs, then caplen and len. */
        private static final int USEC = Native.LONG_SIZE;
        private static final int CAPLEN = 2 * Native.LONG_SIZE;
        private static final int LEN = CAPLEN + 4;

        static {
            Native.register(NativeLibrary.getInstance(BpfCompiler.libraryName()));
        }

        private final PcapHandle handle;
        private final Pointer pcap;
        private final Memory out = new Memory(2L * Native.POINTER_SIZE);
        private final Pointer headerOut = out.share(0);
        private final Pointer dataOut = out.share(Native.POINTER_SIZE);

        Direct(PcapHandle handle, Pointer pcap) {
            this.handle = handle;
            this.pcap = pcap;
        }

        private static native int pcap_next_ex(Pointer pcap, Pointer header, Pointer data);

        @Override
        public LiveFrame next() throws Exception {
            int rc = pcap_next_ex(pcap, headerOut, dataOut);
            if (rc == 0) {
                return null;
            }
            if (rc == -2) {
                throw new EOFException();
            }
            if (rc < 0) {
                throw new PcapNativeException("Error occurred in pcap_next_ex(): " + handle.getError(), rc);
            }
            Pointer header = out.getPointer(0);
            Pointer data = out.getPointer(Native.POINTER_SIZE);
            long nanos = cLong(header, 0) * 1_000_000_000L + cLong(header, USEC) * 1000L;
            return new LiveFrame(nanos, data.getByteArray(0, header.getInt(CAPLEN)), header.getInt(LEN));
        }

        private static long cLong(Pointer p, long offset) {
            return Native.LONG_SIZE == 8 ? p.getLong(offset) : p.getInt(offset);
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
    @Override
    public int drain(Collection<? super LiveFrame> into, int max) {
        return queue.drainTo(into, max);
    }

    /** Waits up to the timeout for a first frame, then moves what is queued; for readers with nothing else to do. */
    @Override
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
    @Override
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
    @Override
    public boolean running() {
        return finished.getCount() > 0;
    }

    /** Why the capture stopped by itself (the interface went away, say), or null. */
    @Override
    public LiveCaptureException failure() {
        return failure;
    }

    @Override
    public LiveOptions options() {
        return options;
    }

    /** The interface's LINKTYPE_ value. */
    @Override
    public int linkType() {
        return linkType;
    }

    /** Frames libpcap delivered, including those the queue dropped. */
    @Override
    public long captured() {
        return captured.get();
    }

    /** Frames the kernel (or the interface) dropped, as libpcap last reported. */
    @Override
    public long kernelDrops() {
        return kernelDrops;
    }

    /** Frames the queue had no room for. */
    @Override
    public long queueDrops() {
        return queueDrops.get();
    }
}
