package dev.cutover.frames;

import dev.cutover.analysis.LinkPeek;
import dev.cutover.capture.FrameTap;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.WindowBytes;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Vendors;
import dev.cutover.filter.CompiledFilter;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A display filter run on each frame of a single pcap or pcapng file while the file is being indexed, each match
 * decoded in full and handed on as it is found: a command that prints the matching frames ({@code dissect -Y})
 * reads the file once instead of indexing it and then reading it again. For one file, a frame's number, times,
 * interface, flags and comments are final when it is indexed, so the decode is the one a {@link FramePipeline}
 * with no annotations and no analysis bound makes of the finished capture, and the frames come in the same order.
 * A filter that reads the migration analysis needs the whole capture first and cannot run here.
 * <p>
 * The indexing thread only looks at each frame: a filter of ARP's fields rejects a frame whose link layer carries
 * no ARP from a peek at its bytes in the indexer's window, as {@link FramePipeline.Reader#matches} does. The
 * frames that may match are copied, in batches, to one thread of the tap's own, which decodes each as deep as the
 * filter reads and, when it matches, once more in full only if the filter read less, and hands it to the sink; so
 * the file is read while the frames before are decoded and printed, and the wait for the MAC vendor table the
 * decode names vendors from overlaps with indexing. The batches waiting are bounded; when they are all full, the
 * indexing thread, rather than wait, judges the frames itself and hands on only the matches until there is room.
 */
public final class FilteringTap implements FrameTap, AutoCloseable {
    /** Gets each frame that matches, decoded in full, in frame order, on the tap's thread. */
    @FunctionalInterface
    public interface Sink {
        void frame(Dissection d) throws IOException;
    }

    /** Frames in a batch, at most. */
    private static final int BATCH_FRAMES = 1024;
    /** Bytes of frames in a batch before it is handed on. */
    private static final int BATCH_BYTES = 256 << 10;
    /** Batches waiting to be decoded, at most. */
    private static final int QUEUED = 64;
    /** Batches waiting, at least, for the indexing thread to judge frames itself: all it may hand on. */
    private static final int HELP_WHEN_WAITING = QUEUED;

    private final CompiledFilter filter;
    private final Layer filterDepth;
    private final ArpOnly arpOnly;
    private final Future<Vendors> vendors;
    private final int limit;
    private final Sink sink;
    private final int helpWhenWaiting;

    // the indexing thread's side
    private int seen;
    private long firstTime;
    private long previousTime;
    private Batch filling = new Batch();
    private boolean finished;
    /** Whether the indexing thread judges frames itself, the decoder being behind; and what it judges them with. */
    private boolean help;
    private Dissector judge;
    private final Dissection judged = new Dissection();
    private byte[] judgeBuffer = new byte[2048];

    // between the threads
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(QUEUED + 1);
    private final BlockingQueue<Batch> spare = new ArrayBlockingQueue<>(QUEUED + 2);
    private final Thread decoder;
    /** Set by the decoder when nothing more is wanted: the limit is reached, or it failed. */
    private volatile boolean enough;
    private volatile Throwable failure;
    private volatile int shown;

    /** The batch that tells the decoder there are no more. */
    private static final Batch END = new Batch();

    /** Frames copied from the indexer's window, with what the decoder needs of each. */
    private static final class Batch {
        byte[] bytes = new byte[BATCH_BYTES];
        int used;
        int count;
        final int[] start = new int[BATCH_FRAMES];
        final FrameInfo[] info = new FrameInfo[BATCH_FRAMES];
        /** How deep the filter needs the frame decoded; null when the indexing thread found that it matches. */
        final Layer[] depth = new Layer[BATCH_FRAMES];

        boolean full() {
            return count == BATCH_FRAMES || used >= BATCH_BYTES;
        }

        void add(FrameInfo frame, WindowBytes data, Layer decodeTo) {
            int n = data.length();
            if (bytes.length - used < n) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(used + n, bytes.length * 2));
            }
            data.copyTo(bytes, used);
            start[count] = used;
            info[count] = frame;
            depth[count] = decodeTo;
            used += n;
            count++;
        }

        void clear() {
            java.util.Arrays.fill(info, 0, count, null);
            used = 0;
            count = 0;
        }
    }

    /**
     * Starts the tap's decoding thread.
     *
     * @param filter  the frames to hand on; null for every frame. It must not read the migration analysis.
     * @param vendors the table MAC vendors are named from; it may still be loading
     * @param limit   hand on at most this many frames
     * @param sink    gets the frames that match, on the tap's thread
     */
    public FilteringTap(CompiledFilter filter, Future<Vendors> vendors, int limit, Sink sink) {
        this(filter, vendors, limit, sink, HELP_WHEN_WAITING);
    }

    /**
     * As {@link #FilteringTap(CompiledFilter, Future, int, Sink)}, the indexing thread judging frames itself while
     * at least {@code helpWhenWaiting} batches wait (0: always, once the vendor table is there).
     */
    FilteringTap(CompiledFilter filter, Future<Vendors> vendors, int limit, Sink sink, int helpWhenWaiting) {
        if (filter != null && filter.needs().wholeCapture()) {
            throw new IllegalArgumentException("the filter reads the migration analysis or the traffic facts, which"
                    + " need every frame: " + filter.text());
        }
        this.filter = filter;
        this.filterDepth = filter == null ? Layer.ALL : filter.requiredLayer();
        this.arpOnly = filter == null ? null : ArpOnly.of(filter);
        this.vendors = vendors;
        this.limit = limit;
        this.sink = sink;
        this.enough = limit <= 0;
        this.helpWhenWaiting = helpWhenWaiting;
        this.help = helpWhenWaiting <= 0;
        this.decoder = new Thread(this::decodeAll, "cutover-decode");
        decoder.setDaemon(true);
        decoder.start();
    }

    @Override
    public void frame(int frame, InterfaceInfo iface, long timestampNanos, WindowBytes bytes, int originalLength)
            throws IOException {
        frame(frame, iface, timestampNanos, bytes, originalLength, 0, List.of());
    }

    @Override
    public void frame(int frame, InterfaceInfo iface, long timestampNanos, WindowBytes bytes, int originalLength,
                      int flags, List<String> comments) throws IOException {
        if (frame != seen || finished) {
            throw new IllegalStateException("frame " + (frame + 1) + " tapped after " + seen + " frames");
        }
        long previous = seen == 0 ? timestampNanos : previousTime;
        if (seen == 0) {
            firstTime = timestampNanos;
        }
        previousTime = timestampNanos;
        seen++;
        if (enough) {
            return;
        }
        if ((seen & 0xFFF) == 0) {
            // judging here hands on batches slowly: look again now and then whether the decoder has caught up
            help = full.size() >= helpWhenWaiting;
        }
        int length = bytes.length();
        Layer depth = filterDepth;
        if (arpOnly != null && arpOnly.applies
                && LinkPeek.peek(bytes, iface.linkType(), length) == LinkPeek.NOT_ARP) {
            if (!arpOnly.withoutArpAnswer) {
                // it reads ARP's fields only and none is there: no decode can make it match
                return;
            }
            depth = arpOnly.withoutArpDepth;
        }
        FrameInfo info = new FrameInfo(frame + 1, timestampNanos, timestampNanos - firstTime,
                timestampNanos - previous, length, originalLength, iface.id(), iface.name(), iface.linkType(),
                iface.fcsLength(), flags, comments);
        if (help && filter != null && (judge != null || vendors.isDone())) {
            // the decoder is behind: judge the frame here, and hand on only a match, to be decoded in full there
            if (judge == null) {
                judge = new Dissector(table());
            }
            if (judgeBuffer.length < length) {
                judgeBuffer = new byte[Math.max(length, judgeBuffer.length * 2)];
            }
            bytes.copyTo(judgeBuffer);
            judge.dissect(info, judgeBuffer, judged, depth);
            if (!filter.matches(judged)) {
                return;
            }
            depth = null;
        }
        filling.add(info, bytes, depth);
        if (filling.full()) {
            handOn(filling);
            Batch next = spare.poll();
            filling = next != null ? next : new Batch();
            help = full.size() >= helpWhenWaiting;
        }
    }

    private void handOn(Batch b) throws InterruptedIOException {
        try {
            full.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while frames were being decoded");
        }
    }

    /** The tap's thread: decodes the batches as they come, until {@link #END}. */
    private void decodeAll() {
        Dissection d = new Dissection();
        byte[] buffer = new byte[2048];
        Dissector dissector = null;
        while (true) {
            Batch b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                failure = e;
                enough = true;
                return;
            }
            if (b == END) {
                return;
            }
            try {
                for (int i = 0; i < b.count && !enough; i++) {
                    if (dissector == null) {
                        dissector = new Dissector(table());
                    }
                    FrameInfo info = b.info[i];
                    int n = info.capturedLength();
                    if (buffer.length < n) {
                        buffer = new byte[Math.max(n, buffer.length * 2)];
                    }
                    System.arraycopy(b.bytes, b.start[i], buffer, 0, n);
                    Layer depth = b.depth[i];
                    if (depth == null) {
                        // judged a match already
                        dissector.dissect(info, buffer, d, Layer.ALL);
                    } else {
                        dissector.dissect(info, buffer, d, depth);
                        if (filter != null && !filter.matches(d)) {
                            continue;
                        }
                        if (depth != Layer.ALL) {
                            dissector.dissect(info, buffer, d, Layer.ALL);
                        }
                    }
                    sink.frame(d);
                    shown++;
                    if (shown >= limit) {
                        enough = true;
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                // the rest is not decoded; the indexer still hands its batches on until the end
                failure = e;
                enough = true;
            }
            b.clear();
            spare.offer(b);
        }
    }

    private Vendors table() throws IOException {
        try {
            return vendors.get();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while the vendor table was loading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    /**
     * Waits until every frame tapped so far is decoded and handed on; call it once the file is indexed (or failed
     * to be). Throws what the decoding or the sink threw. The tap sees no frames after this.
     */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (filling.count > 0) {
                full.put(filling);
            }
            full.put(END);
            decoder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            enough = true;
            throw new InterruptedIOException("interrupted while frames were being decoded");
        }
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IOException(t.getMessage(), t);
        }
    }

    /** Ends the tap's thread if {@link #finish()} was not called (the file could not be opened). */
    @Override
    public void close() {
        if (!finished) {
            try {
                enough = true;
                finish();
            } catch (IOException | RuntimeException e) {
                // the command is failing already, for the reason it reports
            }
        }
    }

    /** How many frames the tap saw: all of the capture's when it was a single pcap or pcapng file, else none. */
    public int seen() {
        return seen;
    }

    /** How many frames it handed on; valid after {@link #finish()}. */
    public int shown() {
        return shown;
    }
}
