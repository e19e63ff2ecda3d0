package dev.cutover.capture;

/** The bytes of one frame, read by offset: a look at its headers without copying or decoding it. */
public interface FrameBytes {
    /** The byte at {@code offset}, 0..255. */
    int u8(int offset);

    /** The big-endian 16-bit value at {@code offset}. */
    int u16(int offset);
}
