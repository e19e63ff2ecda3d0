package dev.cutover.capture;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where each frame is and what its record header said, in primitive chunked arrays: 24 bytes of heap
 * per frame and no frame bytes.
 *
 * <p>One thread appends; other threads may read {@link #size()} and the entries below it while it grows.
 * Chunks of 65536 entries are never copied as the index grows, so the only waste is the unfilled part
 * of the last chunk, and {@link #trim()} gives that back once loading is done.
 */
public final class FrameIndex {
    /** Largest data offset an entry can hold (1 TiB). */
    public static final long MAX_OFFSET = (1L << 40) - 1;
    /** Largest interface id an entry can hold. */
    public static final int MAX_INTERFACE_ID = 0xFFFF;

    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    private static final long ARRAY_HEADER = 16;
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(FrameIndex.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // offset (40 bits) | interface id (16 bits) | frame class (8 bits)
    private volatile long[][] packed = new long[0][];
    private volatile long[][] timestamps = new long[0][];
    private volatile int[][] capturedLengths = new int[0][];
    private volatile int[][] originalLengths = new int[0][];
    @SuppressWarnings("unused") // written through SIZE
    private volatile int size;

    // the appending thread's view of the last chunk, so append touches no directory
    private long[] lastPacked;
    private long[] lastTimestamps;
    private int[] lastCaptured;
    private int[] lastOriginal;

    /** Number of frames; safe to read from any thread while the index grows. */
    public int size() {
        return size;
    }

    /** Position of the frame's first byte in its source. */
    public long dataOffset(int i) {
        return packedAt(i) >>> 24;
    }

    /** Nanoseconds since the Unix epoch (UTC). */
    public long timestampNanos(int i) {
        Objects.checkIndex(i, size);
        return timestamps[i >>> CHUNK_BITS][i & MASK];
    }

    public int capturedLength(int i) {
        Objects.checkIndex(i, size);
        return capturedLengths[i >>> CHUNK_BITS][i & MASK];
    }

    public int originalLength(int i) {
        Objects.checkIndex(i, size);
        return originalLengths[i >>> CHUNK_BITS][i & MASK];
    }

    /** Global {@link InterfaceInfo#id()} of the interface the frame was captured on. */
    public int interfaceId(int i) {
        return (int) (packedAt(i) >>> 8) & 0xFFFF;
    }

    /** A byte free for the analysis to set; 0 initially. */
    public byte frameClass(int i) {
        return (byte) packedAt(i);
    }

    /** Sets the analysis byte; call it from one thread, once loading has finished. */
    public void setFrameClass(int i, byte c) {
        Objects.checkIndex(i, size);
        long[] chunk = packed[i >>> CHUNK_BITS];
        int at = i & MASK;
        chunk[at] = (chunk[at] & ~0xFFL) | (c & 0xFFL);
    }

    /** Adds a frame; only one thread may append. */
    public void append(long dataOffset, long timestampNanos, int capturedLength, int originalLength, int interfaceId) {
        if (dataOffset < 0 || dataOffset > MAX_OFFSET) {
            throw new IllegalArgumentException("data offset out of range: " + dataOffset);
        }
        if (interfaceId < 0 || interfaceId > MAX_INTERFACE_ID) {
            throw new IllegalArgumentException("interface id out of range: " + interfaceId);
        }
        if (capturedLength < 0 || originalLength < 0) {
            throw new IllegalArgumentException("negative length: " + capturedLength + ", " + originalLength);
        }
        int n = size;
        if (n == Integer.MAX_VALUE) {
            throw new IllegalStateException("frame index is full");
        }
        int at = n & MASK;
        if (lastPacked == null || at == 0 || at >= lastPacked.length) {
            makeRoomFor(n);
        }
        lastPacked[at] = (dataOffset << 24) | ((long) interfaceId << 8);
        lastTimestamps[at] = timestampNanos;
        lastCaptured[at] = capturedLength;
        lastOriginal[at] = originalLength;
        // release: a reader that sees the new size sees the entry written above
        SIZE.setRelease(this, n + 1);
    }

    /** Gives back the unused tail of the last chunk; call it from the appending thread. */
    public void trim() {
        int n = size;
        int used = n & MASK;
        if (used == 0 || lastPacked == null || lastPacked.length == used) {
            return;
        }
        replaceLastChunk(n >>> CHUNK_BITS, used);
    }

    /** Approximate heap held by the arrays (elements plus array headers), to report bytes per frame. */
    public long heapBytes() {
        long[][] p = packed;
        long[][] t = timestamps;
        int[][] c = capturedLengths;
        int[][] o = originalLengths;
        long bytes = 4 * (ARRAY_HEADER + 4L * p.length);
        for (int k = 0; k < p.length; k++) {
            bytes += 4 * ARRAY_HEADER + 8L * p[k].length + 8L * t[k].length + 4L * c[k].length + 4L * o[k].length;
        }
        return bytes;
    }

    private long packedAt(int i) {
        Objects.checkIndex(i, size);
        return packed[i >>> CHUNK_BITS][i & MASK];
    }

    private void makeRoomFor(int n) {
        int chunk = n >>> CHUNK_BITS;
        if (chunk < packed.length) {
            // the last chunk was trimmed and loading goes on: give it back its full size
            replaceLastChunk(chunk, CHUNK);
            return;
        }
        long[][] p = Arrays.copyOf(packed, chunk + 1);
        long[][] t = Arrays.copyOf(timestamps, chunk + 1);
        int[][] c = Arrays.copyOf(capturedLengths, chunk + 1);
        int[][] o = Arrays.copyOf(originalLengths, chunk + 1);
        p[chunk] = new long[CHUNK];
        t[chunk] = new long[CHUNK];
        c[chunk] = new int[CHUNK];
        o[chunk] = new int[CHUNK];
        publish(p, t, c, o);
    }

    private void replaceLastChunk(int chunk, int length) {
        long[][] p = packed.clone();
        long[][] t = timestamps.clone();
        int[][] c = capturedLengths.clone();
        int[][] o = originalLengths.clone();
        p[chunk] = Arrays.copyOf(p[chunk], length);
        t[chunk] = Arrays.copyOf(t[chunk], length);
        c[chunk] = Arrays.copyOf(c[chunk], length);
        o[chunk] = Arrays.copyOf(o[chunk], length);
        publish(p, t, c, o);
    }

    // Readers may meet an old or a new directory; both hold the same entries below size, and the
    // volatile writes make the copied contents visible with the new arrays.
    private void publish(long[][] p, long[][] t, int[][] c, int[][] o) {
        int last = p.length - 1;
        lastPacked = p[last];
        lastTimestamps = t[last];
        lastCaptured = c[last];
        lastOriginal = o[last];
        packed = p;
        timestamps = t;
        capturedLengths = c;
        originalLengths = o;
    }
}
