package dev.cutover.capture;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One frame's bytes where a read-ahead window holds them, read in place: what {@link SequentialFrames} shows of its
 * current frame and a {@link FrameTap} sees of the frame just indexed. Valid until the window moves.
 */
public final class WindowBytes implements FrameBytes {
    private ByteBuffer buffer;
    private int start;
    private int length;

    WindowBytes() {
    }

    /** Shows the {@code n} bytes of {@code b} from {@code offset}. */
    void at(ByteBuffer b, int offset, int n) {
        buffer = Objects.requireNonNull(b);
        start = offset;
        length = n;
    }

    /** The frame's captured length. */
    public int length() {
        return length;
    }

    /** The byte at {@code offset} of the frame, 0..255. */
    @Override
    public int u8(int offset) {
        Objects.checkIndex(offset, length);
        return buffer.get(start + offset) & 0xFF;
    }

    /** The big-endian 16-bit value at {@code offset} of the frame. */
    @Override
    public int u16(int offset) {
        Objects.checkFromIndexSize(offset, 2, length);
        return ((buffer.get(start + offset) & 0xFF) << 8) | (buffer.get(start + offset + 1) & 0xFF);
    }

    /** Copies the frame's bytes into dst[0..] and returns how many there are. */
    public int copyTo(byte[] dst) {
        return copyTo(dst, 0);
    }

    /** Copies the frame's bytes into dst[at..] and returns how many there are. */
    public int copyTo(byte[] dst, int at) {
        if (dst.length - at < length) {
            throw new IndexOutOfBoundsException("the frame has " + length + " bytes, the buffer holds "
                    + (dst.length - at) + " from " + at);
        }
        buffer.get(start, dst, at, length);
        return length;
    }
}
