package dev.cutover.capture;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Writes a little-endian pcapng file of one section, with per-packet comments and flags. */
public final class PcapngWriter implements Closeable {
    private static final int IDB = 1;
    private static final int EPB = 6;

    private final OutputStream out;
    private final List<Integer> resolutions = new ArrayList<>();
    private long written;
    private static final byte[] PADDING = new byte[3];

    /** Writes the section header; closing the writer closes out. */
    public PcapngWriter(OutputStream out, String application) throws IOException {
        this(out, application, null);
    }

    /** Writes the section header with a comment on the whole capture (null for none). */
    public PcapngWriter(OutputStream out, String application, String comment) throws IOException {
        this.out = new BufferedOutputStream(Objects.requireNonNull(out, "out"), 1 << 16);
        Options options = new Options();
        if (comment != null) {
            options.text(1, comment);
        }
        if (application != null) {
            options.text(4, application);
        }
        byte[] body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0)
                .putLong(-1) // section length not given
                .array();
        writeBlock(PcapngReader.SHB, body, null, 0, 0, options);
    }

    /**
     * Describes an interface and returns its id for {@link #write}.
     *
     * @param tsResolDigits 6 for microsecond time stamps, 9 for nanosecond
     */
    public int addInterface(int linkType, int snapLen, String name, String description, int tsResolDigits)
            throws IOException {
        return addInterface(linkType, snapLen, name, description, tsResolDigits, null);
    }

    /** As {@link #addInterface(int, int, String, String, int)}, keeping the capture filter as if_filter. */
    public int addInterface(int linkType, int snapLen, String name, String description, int tsResolDigits,
                            String filter) throws IOException {
        if (tsResolDigits != 6 && tsResolDigits != 9) {
            throw new IllegalArgumentException("time stamp resolution must be 6 or 9 digits: " + tsResolDigits);
        }
        if ((linkType & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("link type out of range: " + linkType);
        }
        Options options = new Options();
        if (name != null) {
            options.text(2, name);
        }
        if (description != null) {
            options.text(3, description);
        }
        options.add(9, new byte[] {(byte) tsResolDigits});
        if (filter != null && !filter.isEmpty()) {
            byte[] text = filter.getBytes(StandardCharsets.UTF_8);
            byte[] value = new byte[text.length + 1]; // first byte 0: a libpcap filter string
            System.arraycopy(text, 0, value, 1, text.length);
            options.add(11, value);
        }
        byte[] body = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) linkType).putShort((short) 0).putInt(snapLen).array();
        writeBlock(IDB, body, null, 0, 0, options);
        resolutions.add(tsResolDigits);
        return resolutions.size() - 1;
    }

    /** Appends an enhanced packet block; comments become opt_comment options, a non-zero flags an epb_flags. */
    public void write(int interfaceId, long timestampNanos, byte[] data, int off, int capturedLength,
                      int originalLength, List<String> comments, int flags) throws IOException {
        Objects.checkIndex(interfaceId, resolutions.size());
        Objects.checkFromIndexSize(off, capturedLength, data.length);
        if (originalLength < 0) {
            throw new IllegalArgumentException("negative original length " + originalLength);
        }
        long units = resolutions.get(interfaceId) == 9 ? timestampNanos : Math.floorDiv(timestampNanos, 1000L);
        Options options = new Options();
        for (String comment : comments) {
            options.text(1, comment);
        }
        if (flags != 0) {
            options.add(2, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(flags).array());
        }
        byte[] body = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(capturedLength).putInt(originalLength).array();
        writeBlock(EPB, body, data, off, capturedLength, options);
    }

    private void writeBlock(int type, byte[] fixed, byte[] data, int off, int dataLength, Options options)
            throws IOException {
        int padded = (dataLength + 3) & ~3;
        byte[] opts = options.bytes();
        int length = 12 + fixed.length + padded + opts.length;
        written += length;
        ByteBuffer head = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(length);
        out.write(head.array());
        out.write(fixed);
        if (data != null) {
            out.write(data, off, dataLength);
            out.write(PADDING, 0, padded - dataLength);
        }
        out.write(opts);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).array());
    }

    /** Bytes of blocks written so far, the file's size once flushed. */
    public long written() {
        return written;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** A block's options, ended by opt_endofopt when there are any. */
    private static final class Options {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void text(int code, String value) {
            add(code, value.getBytes(StandardCharsets.UTF_8));
        }

        void add(int code, byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("option " + code + " is longer than 65535 bytes");
            }
            ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .putShort((short) code).putShort((short) value.length);
            bytes.writeBytes(h.array());
            bytes.writeBytes(value);
            bytes.writeBytes(new byte[((value.length + 3) & ~3) - value.length]);
        }

        byte[] bytes() {
            if (bytes.size() == 0) {
                return new byte[0];
            }
            return concat(bytes.toByteArray(), new byte[4]);
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] r = new byte[a.length + b.length];
            System.arraycopy(a, 0, r, 0, a.length);
            System.arraycopy(b, 0, r, a.length, b.length);
            return r;
        }
    }
}
