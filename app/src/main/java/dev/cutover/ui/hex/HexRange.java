package dev.cutover.ui.hex;

/**
 * Bytes to highlight in the hex dump.
 *
 * @param kind how strongly: the selected field, or the protocol around it
 */
public record HexRange(int start, int length, Kind kind) {
    /** The selected field's bytes, or the enclosing protocol's. */
    public enum Kind { FIELD, PROTOCOL }

    public boolean contains(int offset) {
        return offset >= start && offset < start + length;
    }
}
