package dev.cutover.capture.live;

import dev.cutover.capture.ByteSource;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of live frames, one after another in chunks of 1 MiB that are written once and never copied:
 * {@link #append} copies a frame in once, {@link #view} gives what is held so far as a {@link ByteSource}
 * without copying anything, and {@link #release} lets go of the chunks before the oldest frame a ring keeps.
 * Positions are counted from the first byte ever appended until {@link #rebase()}.
 *
 * <p>One thread appends and releases. A view may be read on any thread that learnt of it through a
 * happens-before edge (an executor hand-off): it reads only bytes written before it was made, and the
 * appender only ever writes after them.
 */
final class LiveBytes {
    static final int CHUNK_BITS = 20;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    /**
     * chunks[k] holds positions (firstChunk + k) * CHUNK on. A view keeps the array it was made with, so
     * releasing makes a new array rather than clearing slots of this one; a slot past the end a view can read
     * may still be filled in place.
     */
    private byte[][] chunks = new byte[8][];
    private long firstChunk;
    private int count;
    private long end;

    /** Copies the bytes in and returns the position of the first. */
    long append(byte[] data) {
        long at = end;
        int done = 0;
        while (done < data.length) {
            int within = (int) (end & MASK);
            if (within == 0 && end >>> CHUNK_BITS == firstChunk + count) {
                addChunk();
            }
            byte[] chunk = chunks[(int) ((end >>> CHUNK_BITS) - firstChunk)];
            int n = Math.min(data.length - done, CHUNK - within);
            System.arraycopy(data, done, chunk, within, n);
            done += n;
            end += n;
        }
        return at;
    }

    private void addChunk() {
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, count * 2);
        }
        chunks[count++] = new byte[CHUNK];
    }

    /** Position after the last byte appended. */
    long end() {
        return end;
    }

    /** Bytes held in chunks now, released ones not counted. */
    long heldBytes() {
        return (long) count * CHUNK;
    }

    /** Lets go of every chunk wholly before {@code position}; views made before keep theirs. */
    void release(long position) {
        int drop = (int) Math.min(count, Math.max(0, (position >>> CHUNK_BITS) - firstChunk));
        if (drop == 0) {
            return;
        }
        byte[][] kept = new byte[Math.max(8, Integer.highestOneBit(Math.max(1, count - drop)) * 2)][];
        System.arraycopy(chunks, drop, kept, 0, count - drop);
        chunks = kept;
        count -= drop;
        firstChunk += drop;
    }

    /**
     * Numbers positions from the first chunk held from now on, so a ring that runs for weeks never counts
     * past what an index entry holds; returns how much every position held moved down by.
     */
    long rebase() {
        long shift = firstChunk << CHUNK_BITS;
        chunks = Arrays.copyOf(chunks, chunks.length);
        firstChunk = 0;
        end -= shift;
        return shift;
    }

    /** The bytes appended so far, as a source of positions up to {@link #end()}. */
    ByteSource view() {
        return new View(chunks, firstChunk, end);
    }

    /** A fixed part of the chunks: reads below its first chunk or past its end find nothing. */
    private static final class View implements ByteSource {
        private final byte[][] chunks;
        private final long first;
        private final long end;

        View(byte[][] chunks, long firstChunk, long end) {
            this.chunks = chunks;
            this.first = firstChunk << CHUNK_BITS;
            this.end = end;
        }

        @Override
        public long size() {
            return end;
        }

        @Override
        public int read(long pos, byte[] dst, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, dst.length);
            if (pos < first) {
                throw new IOException("bytes at " + pos + " were let go by the ring before this snapshot");
            }
            int done = 0;
            while (done < len && pos + done < end) {
                long p = pos + done;
                byte[] chunk = chunks[(int) ((p - first) >>> CHUNK_BITS)];
                int within = (int) (p & MASK);
                int n = (int) Math.min(Math.min(len - done, CHUNK - within), end - p);
                System.arraycopy(chunk, within, dst, off + done, n);
                done += n;
            }
            return done;
        }

        @Override
        public void close() {
            // the chunks go with the last view or store that holds them
        }
    }
}
