package dev.cutover.dissect;

/**
 * Reads big-endian values from a frame and records each as a node in one call, Wireshark's
 * {@code proto_tree_add_item}. Every read checks its bounds first and throws {@link Truncated} rather
 * than reading past the captured bytes, so a dissector never sees a value it did not have.
 */
public final class Cursor {
    private final Dissection out;
    private byte[] data;
    private int captured;
    private int reported;
    private int tunnels;

    public Cursor(Dissection out) {
        this.out = out;
    }

    void bind(byte[] frame, int capturedLength, int originalLength) {
        this.data = frame;
        this.captured = capturedLength;
        this.reported = Math.max(originalLength, capturedLength);
        this.tunnels = 0;
    }

    /**
     * Counts one more tunnel level; false past the limit. A crafted frame could nest tunnels thousands deep,
     * and each level is a call deeper.
     */
    public boolean enterTunnel() {
        return ++tunnels <= 8;
    }

    public Dissection out() {
        return out;
    }

    public byte[] data() {
        return data;
    }

    public int captured() {
        return captured;
    }

    /** The frame's length on the wire. */
    public int reported() {
        return reported;
    }

    /** Throws unless {@code length} bytes at {@code offset} were captured. */
    public void require(Field field, int offset, int length) {
        if (offset < 0 || length < 0 || (long) offset + length > captured) {
            int available = Math.max(0, captured - Math.max(0, offset));
            boolean snapped = (long) offset + length <= reported;
            throw new Truncated(field, offset, length, available, snapped);
        }
    }

    /**
     * Throws unless the bytes were captured and lie before {@code end}, where the protocol's own length says
     * it stops: a read past that end is malformed even when the frame goes on (padding is not payload).
     */
    public void requireWithin(Field field, int offset, int length, int end) {
        if ((long) offset + length > end) {
            int available = Math.max(0, Math.min(end, captured) - Math.max(0, offset));
            throw new Truncated(field, offset, length, available, false);
        }
        require(field, offset, length);
    }

    public boolean has(int offset, int length) {
        return offset >= 0 && length >= 0 && (long) offset + length <= captured;
    }

    public int u8(int offset) {
        return data[offset] & 0xff;
    }

    public int u16(int offset) {
        return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    }

    public long u32(int offset) {
        return ((long) u16(offset) << 16) | u16(offset + 2);
    }

    public long mac(int offset) {
        return ((long) u16(offset) << 32) | u32(offset + 2);
    }

    /** A protocol node over {@code [offset, offset+length)}, made the parent of what follows. */
    public int protocol(Field field, int offset, int length) {
        int node = out.add(field, offset, Math.max(0, Math.min(length, captured - offset)), 0);
        out.open(node);
        out.appendProtocol(field.abbrev());
        return node;
    }

    public int uint8(Field field, int offset) {
        require(field, offset, 1);
        int v = u8(offset);
        out.add(field, offset, 1, v);
        return v;
    }

    public int uint16(Field field, int offset) {
        require(field, offset, 2);
        int v = u16(offset);
        out.add(field, offset, 2, v);
        return v;
    }

    public long uint32(Field field, int offset) {
        require(field, offset, 4);
        long v = u32(offset);
        out.add(field, offset, 4, v);
        return v;
    }

    /** A bit field within {@code width} bytes: records the masked, shifted value. */
    public int bits(Field field, int offset, int width) {
        require(field, offset, width);
        long raw = width == 1 ? u8(offset) : width == 2 ? u16(offset) : width == 3
                ? ((long) u16(offset) << 8) | u8(offset + 2) : u32(offset);
        long mask = field.mask();
        int v = (int) ((raw & mask) >>> Long.numberOfTrailingZeros(mask));
        out.add(field, offset, width, v);
        return v;
    }

    public long ether(Field field, int offset) {
        require(field, offset, 6);
        long v = mac(offset);
        out.add(field, offset, 6, v);
        return v;
    }

    public long ipv4(Field field, int offset) {
        require(field, offset, 4);
        long v = u32(offset);
        out.add(field, offset, 4, v);
        return v;
    }

    /** A byte-sequence field; its value is the bytes it covers. */
    public int bytes(Field field, int offset, int length) {
        require(field, offset, length);
        return out.add(field, offset, length, 0);
    }

    /** A computed fact: zero length, no bytes of its own. */
    public int generated(Field field, long value) {
        return out.add(field, 0, 0, value);
    }

    public int generatedText(Field field, String value) {
        return out.addObject(field, 0, 0, value);
    }

    public int expert(Expert expert, int offset, int length, String message) {
        return out.addExpert(expert, offset, length, message);
    }
}
