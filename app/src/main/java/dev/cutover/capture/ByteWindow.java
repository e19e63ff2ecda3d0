package dev.cutover.capture;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A window of a byte source held in one reusable buffer, so the index pass reads the file in large
 * sequential pieces and looks at record headers without copying record data. Files are read into a
 * direct buffer, which saves the extra copy the JDK makes when a channel reads into a heap array.
 */
final class ByteWindow {
    static final int DEFAULT_CAPACITY = 4 << 20;

    /** Called after each refill with the position reached, to report progress and poll for cancel. */
    interface RefillListener {
        void refilled(long position) throws IOException;
    }

    private final ByteSource source;
    private final long size;
    private final RefillListener listener;
    private final FileByteSource file;
    private ByteBuffer buffer;
    private long start;
    private int length;

    ByteWindow(ByteSource source, long size, int capacity, RefillListener listener) {
        this.source = source;
        this.size = size;
        this.listener = listener;
        this.file = source instanceof FileByteSource ? (FileByteSource) source : null;
        this.buffer = allocate((int) Math.max(16, Math.min(capacity, size)));
    }

    private ByteBuffer allocate(int capacity) {
        return file != null ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.wrap(new byte[capacity]);
    }

    long size() {
        return size;
    }

    /**
     * Another window of the default capacity and this one's byte order over the same source, for reading elsewhere
     * in it on another thread.
     */
    ByteWindow another(RefillListener listener) {
        ByteWindow w = new ByteWindow(source, size, DEFAULT_CAPACITY, listener);
        w.order(buffer.order());
        return w;
    }

    void order(ByteOrder order) {
        buffer.order(order);
    }

    /** The buffer holding the window; it changes only when {@link #at} has to grow it. */
    ByteBuffer buffer() {
        return buffer;
    }

    /**
     * Makes the n bytes at pos readable and returns their index in {@link #buffer()}. The caller has
     * checked that they lie inside the source and that n is bounded by the format's limits.
     */
    int at(long pos, int n) throws IOException {
        long rel = pos - start;
        if (rel >= 0 && rel + n <= length) {
            return (int) rel;
        }
        refill(pos, n);
        return 0;
    }

    private void refill(long pos, int n) throws IOException {
        if (pos < 0 || n < 0 || pos + n > size) {
            throw new IllegalArgumentException("window request outside the source: " + pos + "+" + n);
        }
        if (n > buffer.capacity()) {
            buffer = allocate(n).order(buffer.order());
        }
        int want = (int) Math.min(buffer.capacity(), size - pos);
        int got = 0;
        if (file != null) {
            buffer.clear().limit(want);
            got = file.read(pos, buffer);
            buffer.clear();
        } else {
            byte[] array = buffer.array();
            while (got < want) {
                int r = source.read(pos + got, array, got, want - got);
                if (r <= 0) {
                    break;
                }
                got += r;
            }
        }
        if (got < n) {
            throw new EOFException("the file ended at byte " + (pos + got) + " while reading it; was it changed?");
        }
        start = pos;
        length = got;
        listener.refilled(pos);
    }
}
