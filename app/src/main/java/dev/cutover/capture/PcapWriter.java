package dev.cutover.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/** Writes a classic little-endian pcap file, with microsecond or nanosecond time stamps. */
public final class PcapWriter implements Closeable {
    private final OutputStream out;
    private final boolean nanosecond;
    private final ByteBuffer header = ByteBuffer.allocate(PcapReader.RECORD_HEADER_LENGTH)
            .order(ByteOrder.LITTLE_ENDIAN);

    /** Writes the file header; closing the writer closes out. */
    public PcapWriter(OutputStream out, int linkType, int snapLen, boolean nanosecond) throws IOException {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
        this.nanosecond = nanosecond;
        if ((linkType & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("link type out of range: " + linkType);
        }
        ByteBuffer h = ByteBuffer.allocate(PcapReader.FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4);
        h.putShort((short) 2).putShort((short) 4);
        h.putInt(0).putInt(0);
        h.putInt(snapLen).putInt(linkType);
        this.out.write(h.array());
    }

    /** Appends a record; the time stamp must fall between 1970 and 2106, which pcap can hold. */
    public void write(long timestampNanos, byte[] data, int off, int capturedLength, int originalLength)
            throws IOException {
        Objects.checkFromIndexSize(off, capturedLength, data.length);
        if (originalLength < 0) {
            throw new IllegalArgumentException("negative original length " + originalLength);
        }
        long seconds = Math.floorDiv(timestampNanos, TimestampScale.NANOS_PER_SECOND);
        long nanos = Math.floorMod(timestampNanos, TimestampScale.NANOS_PER_SECOND);
        if (seconds < 0 || seconds > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("time stamp outside pcap's range: " + timestampNanos + " ns");
        }
        header.clear();
        header.putInt((int) seconds);
        header.putInt((int) (nanosecond ? nanos : nanos / 1000));
        header.putInt(capturedLength);
        header.putInt(originalLength);
        out.write(header.array());
        out.write(data, off, capturedLength);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
