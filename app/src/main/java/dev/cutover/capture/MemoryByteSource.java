package dev.cutover.capture;

import java.util.Objects;

/** A byte source over an array in memory, for text imports and live capture. */
public final class MemoryByteSource implements ByteSource {
    private final byte[] data;

    /** Wraps the array without copying it: the caller must not change it afterwards. */
    public MemoryByteSource(byte[] data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (pos < 0) {
            throw new IndexOutOfBoundsException("negative position " + pos);
        }
        if (pos >= data.length) {
            return 0;
        }
        int n = (int) Math.min(len, data.length - pos);
        System.arraycopy(data, (int) pos, dst, off, n);
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
