package dev.cutover.capture;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked reads of one block's fields: every read is preceded by {@link #require}, which
 * turns running off the end into a {@link Malformed} naming the file offset and what was being read.
 * Reused across blocks, so reading a block allocates nothing.
 */
final class FieldReader {
    private ByteBuffer buffer;
    private int position;
    private int limit;
    private long fileOffsetOfZero;

    /** Reads buffer[from, to), whose first byte sits at fileOffset in the file. */
    FieldReader reset(ByteBuffer buffer, int from, int to, long fileOffset) {
        this.buffer = buffer;
        this.position = from;
        this.limit = to;
        this.fileOffsetOfZero = fileOffset - from;
        return this;
    }

    int remaining() {
        return limit - position;
    }

    /** File offset of the next byte to read. */
    long offset() {
        return fileOffsetOfZero + position;
    }

    void require(int n, String what) throws Malformed {
        if (n < 0 || limit - position < n) {
            throw new Malformed(offset(), what + " needs " + n + " bytes, only " + remaining() + " remain");
        }
    }

    int u8() throws Malformed {
        require(1, "a 1-byte field");
        return buffer.get(position++) & 0xFF;
    }

    int u16() throws Malformed {
        require(2, "a 2-byte field");
        int v = buffer.getShort(position) & 0xFFFF;
        position += 2;
        return v;
    }

    long u32() throws Malformed {
        require(4, "a 4-byte field");
        long v = buffer.getInt(position) & 0xFFFFFFFFL;
        position += 4;
        return v;
    }

    long s64() throws Malformed {
        require(8, "an 8-byte field");
        long v = buffer.getLong(position);
        position += 8;
        return v;
    }

    /** Points {@code into} at the next n bytes, without consuming them here. */
    void sliceInto(FieldReader into, int n) throws Malformed {
        require(n, "a field");
        into.reset(buffer, position, position + n, offset());
    }

    void skip(int n) throws Malformed {
        require(n, "skipping");
        position += n;
    }

    /** UTF-8 text of n bytes, without the NUL terminators some writers add. */
    String utf8(int n) throws Malformed {
        require(n, "a text field");
        int end = position + n;
        while (end > position && buffer.get(end - 1) == 0) {
            end--;
        }
        byte[] bytes = new byte[end - position];
        buffer.get(position, bytes);
        position += n;
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
