package dev.cutover.capture;

import java.nio.ByteBuffer;

/**
 * Walks pcapng options (code, length, value padded to 4 bytes) without allocating: call
 * {@link #next()} until it returns false, and read the current value through {@link #value()}.
 */
final class OptionCursor {
    private final FieldReader area = new FieldReader();
    private final FieldReader value = new FieldReader();
    private int code;
    private int length;
    private boolean ended;

    /** Starts on the option area buffer[from, to), which begins at fileOffset. */
    OptionCursor reset(ByteBuffer buffer, int from, int to, long fileOffset) {
        area.reset(buffer, from, to, fileOffset);
        ended = false;
        return this;
    }

    boolean next() throws Malformed {
        if (ended || area.remaining() == 0) {
            return false;
        }
        long at = area.offset();
        area.require(4, "an option header");
        code = area.u16();
        length = area.u16();
        if (code == 0) {
            // opt_endofopt: whatever follows is not options
            ended = true;
            return false;
        }
        if (length > area.remaining()) {
            throw new Malformed(at, "option " + code + " of length " + length
                    + " runs past the end of the block (" + area.remaining() + " bytes left)");
        }
        area.sliceInto(value, length);
        // tolerate a last option without its padding: the value itself is intact
        area.skip(Math.min((length + 3) & ~3, area.remaining()));
        return true;
    }

    int code() {
        return code;
    }

    int length() {
        return length;
    }

    /** The current option's value, bounded to its length. */
    FieldReader value() {
        return value;
    }
}
