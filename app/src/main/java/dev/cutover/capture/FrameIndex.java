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
    // Each entry is three longs side by side in one array per chunk:
    //   offset (40 bits) | interface id (16 bits) | frame class (8 bits)
    //   time stamp
    //   captured length (high 32 bits) | original length (low 32 bits)
    // Side by side, an append writes one cache line of one array: measurably faster while a big
    // file loads than four parallel arrays, and a chunk is one object for the collector to move.
    private static final int LONGS = 3;
    private static final long ARRAY_HEADER = 16;
    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(FrameIndex.class, "size", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long[][] chunks = new long[0][];
    @SuppressWarnings("unused") // written through SIZE
    private volatile int size;
    // the appending thread's last chunk, so append touches no directory
    private long[] last;
    /** Position in the chunks of this index's entry 0: 0, except for a {@link #view}. */
    private final int base;
    private final boolean view;

    /** An empty index to append to. */
    public FrameIndex() {
        this.base = 0;
        this.view = false;
    }

    private FrameIndex(long[][] chunks, int base, int size) {
        this.chunks = chunks;
        this.base = base;
        this.size = size;
        this.view = true;
    }

    /**
     * Entries from..to-1 of this index as an index of their own, numbered from 0, sharing this one's entries
     * rather than copying them: what a live capture's snapshot shows while the live index goes on growing.
     * The view cannot grow; a frame class set through it is set here too (and the reverse).
     */
    public FrameIndex view(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new FrameIndex(chunks, base + from, to - from);
    }

    /** Number of frames; safe to read from any thread while the index grows. */
    public int size() {
        return size;
    }

    /** Position of the frame's first byte in its source. */
    public long dataOffset(int i) {
        return entry(i, 0) >>> 24;
    }

    /** Nanoseconds since the Unix epoch (UTC). */
    public long timestampNanos(int i) {
        return entry(i, 1);
    }

    public int capturedLength(int i) {
        return (int) (entry(i, 2) >>> 32);
    }

    public int originalLength(int i) {
        return (int) entry(i, 2);
    }

    /** Global {@link InterfaceInfo#id()} of the interface the frame was captured on. */
    public int interfaceId(int i) {
        return (int) (entry(i, 0) >>> 8) & 0xFFFF;
    }

    /** A byte free for the analysis to set; 0 initially. */
    public byte frameClass(int i) {
        return (byte) entry(i, 0);
    }

    /** Sets the analysis byte; call it from one thread, once loading has finished. */
    public void setFrameClass(int i, byte c) {
        Objects.checkIndex(i, size);
        int j = base + i;
        long[] chunk = chunks[j >>> CHUNK_BITS];
        int at = (j & MASK) * LONGS;
        chunk[at] = (chunk[at] & ~0xFFL) | (c & 0xFFL);
    }

    /** Adds a frame; only one thread may append. */
    public void append(long dataOffset, long timestampNanos, int capturedLength, int originalLength, int interfaceId) {
        if (view) {
            throw new UnsupportedOperationException("a view of an index cannot grow");
        }
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
        int at = (n & MASK) * LONGS;
        long[] chunk = chunkFor(n);
        chunk[at] = (dataOffset << 24) | ((long) interfaceId << 8);
        chunk[at + 1] = timestampNanos;
        chunk[at + 2] = ((long) capturedLength << 32) | originalLength;
        // release: a reader that sees the new size sees the entry written above
        SIZE.setRelease(this, n + 1);
    }

    /**
     * Appends every entry of {@code part} (an index of its own, not a view, no longer read by anyone) and lets go
     * of its chunks as they are copied, so that joining two halves of a file needs little more than one index.
     */
    void moveAllFrom(FrameIndex part) {
        if (view || part.view) {
            throw new UnsupportedOperationException("views cannot be joined");
        }
        long[][] from = part.chunks;
        int count = part.size;
        for (int i = 0; i < count; i++) {
            int n = size;
            int at = (n & MASK) * LONGS;
            long[] chunk = chunkFor(n);
            long[] src = from[i >>> CHUNK_BITS];
            int s = (i & MASK) * LONGS;
            chunk[at] = src[s];
            chunk[at + 1] = src[s + 1];
            chunk[at + 2] = src[s + 2];
            SIZE.setRelease(this, n + 1);
            if ((i & MASK) == MASK) {
                from[i >>> CHUNK_BITS] = null;
            }
        }
        part.chunks = new long[0][];
        part.last = null;
        part.size = 0;
    }

    /** The chunk entry {@code n} (the next one) goes in, made when it starts a chunk; the appending thread only. */
    private long[] chunkFor(int n) {
        if (n == Integer.MAX_VALUE) {
            throw new IllegalStateException("frame index is full");
        }
        int at = (n & MASK) * LONGS;
        long[] chunk = last;
        return chunk == null || at == 0 || at >= chunk.length ? makeRoomFor(n) : chunk;
    }

    /** Gives back the unused tail of the last chunk; call it from the appending thread. */
    public void trim() {
        if (view) {
            return;
        }
        int n = size;
        int used = n & MASK;
        if (used == 0 || last == null || last.length == used * LONGS) {
            return;
        }
        replaceLastChunk(n >>> CHUNK_BITS, used);
    }

    /** Approximate heap held by the arrays (elements plus array headers), to report bytes per frame. */
    public long heapBytes() {
        long[][] c = chunks;
        long bytes = ARRAY_HEADER + 4L * c.length;
        for (long[] chunk : c) {
            bytes += ARRAY_HEADER + 8L * chunk.length;
        }
        return bytes;
    }

    private long entry(int i, int field) {
        Objects.checkIndex(i, size);
        int j = base + i;
        return chunks[j >>> CHUNK_BITS][(j & MASK) * LONGS + field];
    }

    private long[] makeRoomFor(int n) {
        int chunk = n >>> CHUNK_BITS;
        if (chunk < chunks.length) {
            // the last chunk was trimmed and loading goes on: give it back its full size
            return replaceLastChunk(chunk, CHUNK);
        }
        long[][] c = Arrays.copyOf(chunks, chunk + 1);
        c[chunk] = new long[CHUNK * LONGS];
        return publish(c);
    }

    private long[] replaceLastChunk(int chunk, int entries) {
        long[][] c = chunks.clone();
        c[chunk] = Arrays.copyOf(c[chunk], entries * LONGS);
        return publish(c);
    }

    // Readers may meet the old or the new directory; both hold the same entries below size, and
    // the volatile write makes a copied chunk's contents visible along with the new directory.
    private long[] publish(long[][] c) {
        last = c[c.length - 1];
        chunks = c;
        return last;
    }
}
