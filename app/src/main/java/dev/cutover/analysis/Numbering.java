package dev.cutover.analysis;

/**
 * Numbers values (MACs) 0, 1, 2, ... in the order they first appear, in a primitive table: for the rules that
 * group a capture's frames by MAC through sorted (number, row) keys rather than a boxed map.
 */
final class Numbering {
    private final LongPairTable ids = new LongPairTable();
    private long[] values = new long[16];
    private int count;

    /** The number of {@code value}, given it now if it has none. */
    int of(long value) {
        int id = ids.get(value, 0) - 1;
        if (id < 0) {
            id = count++;
            ids.add(value, 0, id + 1);
            if (id == values.length) {
                values = java.util.Arrays.copyOf(values, id * 2);
            }
            values[id] = value;
        }
        return id;
    }

    /** The number of {@code value}, or -1 when it has none. */
    int get(long value) {
        return ids.get(value, 0) - 1;
    }

    /** The value numbered {@code id}. */
    long value(int id) {
        return values[id];
    }

    /** How many values are numbered. */
    int size() {
        return count;
    }
}
