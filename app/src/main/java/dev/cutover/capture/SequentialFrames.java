package dev.cutover.capture;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Reads a capture's frames in index order through one large read-ahead window per file, for passes that
 * look at every frame: a positional read per frame costs a system call each, a window costs one per few
 * megabytes. Frames may be visited in any order; ascending order reads each file once. One per thread.
 */
public final class SequentialFrames implements FrameBytes {
    private final Capture capture;
    private final FrameIndex index;
    private final LoadMonitor monitor;
    private final ByteWindow[] windows;
    private final long[] reached;
    private final long total;
    private final WindowBytes current = new WindowBytes();

    /** Reads with windows of the default size; the monitor hears progress and may cancel. */
    public SequentialFrames(Capture capture, LoadMonitor monitor) throws IOException {
        this(capture, monitor, ByteWindow.DEFAULT_CAPACITY);
    }

    /**
     * Reads frames that lie far apart: each read takes little more than the frame asked for (a few KB), so the
     * frames between them are not read at all; for a pass that a cheaper test has told which frames to read.
     */
    public static SequentialFrames sparse(Capture capture, LoadMonitor monitor) throws IOException {
        return new SequentialFrames(capture, monitor, SPARSE_BYTES);
    }

    /** The window of {@link #sparse}: a page or two, about what a read costs in calls anyway. */
    public static final int SPARSE_BYTES = 4096;

    SequentialFrames(Capture capture, LoadMonitor monitor, int windowBytes) throws IOException {
        this.capture = Objects.requireNonNull(capture, "capture");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.index = capture.index();
        int n = capture.sources().size();
        this.windows = new ByteWindow[n];
        this.reached = new long[n];
        long sum = 0;
        for (int s = 0; s < n; s++) {
            ByteSource source = capture.source(s);
            long size = source.size();
            sum += size;
            int which = s;
            windows[s] = new ByteWindow(source, size, windowBytes, pos -> refilled(which, pos));
        }
        this.total = sum;
    }

    private void refilled(int source, long position) {
        if (monitor.cancelled()) {
            throw new CancellationException("reading the capture was cancelled");
        }
        reached[source] = position;
        long done = 0;
        for (long r : reached) {
            done += r;
        }
        monitor.progress(done, total);
    }

    /** Makes {@code frame} (0-based) the current frame and returns its captured length. */
    public int moveTo(int frame) throws IOException {
        int n = index.capturedLength(frame);
        int source = capture.sourceOf(frame);
        ByteWindow window = windows[source];
        long offset = index.dataOffset(frame);
        if (offset + n > window.size()) {
            throw new CaptureException(capture.sources().get(source).file(), offset, "frame " + (frame + 1)
                    + " ends past the end of the file; was the file changed?");
        }
        int start = window.at(offset, n); // before buffer(): a refill may bring a larger buffer
        current.at(window.buffer(), start, n);
        return n;
    }

    /** The current frame's captured length. */
    public int length() {
        return current.length();
    }

    /** The byte at {@code offset} of the current frame, 0..255. */
    @Override
    public int u8(int offset) {
        return current.u8(offset);
    }

    /** The big-endian 16-bit value at {@code offset} of the current frame. */
    @Override
    public int u16(int offset) {
        return current.u16(offset);
    }

    /** Copies the current frame's bytes into dst[0..] and returns how many there are. */
    public int copyTo(byte[] dst) {
        return current.copyTo(dst);
    }
}
