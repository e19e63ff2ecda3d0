package dev.cutover.dissect;

/** Thrown inside a dissector when a field runs past the bytes there are; caught once per frame. */
final class Truncated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Field field;
    final int offset;
    final int needed;
    final int available;
    /** True when the bytes were on the wire but not captured (snaplen), false when the packet itself is short. */
    final boolean snapped;

    Truncated(Field field, int offset, int needed, int available, boolean snapped) {
        super(null, null, false, false);
        this.field = field;
        this.offset = offset;
        this.needed = needed;
        this.available = available;
        this.snapped = snapped;
    }
}
