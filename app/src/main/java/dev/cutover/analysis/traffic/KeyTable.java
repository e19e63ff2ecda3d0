package dev.cutover.analysis.traffic;

import java.util.Arrays;

/**
 * An open-addressing map from a 128-bit key (two longs) to an int, in primitive arrays: one entry per conversation
 * or address, never an object per frame.
 */
final class KeyTable {
    static final int ABSENT = -1;

    private long[] k1 = new long[64];
    private long[] k2 = new long[64];
    private int[] values = new int[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** The value of (a, b), or {@link #ABSENT}. */
    int get(long a, long b) {
        int mask = values.length - 1;
        for (int i = slot(a, b, mask); used[i]; i = (i + 1) & mask) {
            if (k1[i] == a && k2[i] == b) {
                return values[i];
            }
        }
        return ABSENT;
    }

    /** Sets the value of (a, b), replacing any it had. */
    void put(long a, long b, int value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int mask = values.length - 1;
        int i = slot(a, b, mask);
        while (used[i]) {
            if (k1[i] == a && k2[i] == b) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        k1[i] = a;
        k2[i] = b;
        values[i] = value;
        size++;
    }

    int size() {
        return size;
    }

    private static int slot(long a, long b, int mask) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldK1 = k1;
        long[] oldK2 = k2;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        int n = oldValues.length * 2;
        k1 = new long[n];
        k2 = new long[n];
        values = new int[n];
        used = new boolean[n];
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldUsed[i]) {
                put(oldK1[i], oldK2[i], oldValues[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "KeyTable of " + size + " in " + Arrays.toString(new int[] {values.length});
    }
}
