package dev.cutover.analysis;

import java.util.Arrays;

/**
 * A hash table from a pair of longs to an int, open addressing in plain arrays: for the rules that key on a MAC and
 * an address (80 bits, more than one long holds) once per ARP frame, where a map of boxed pairs cost more than the
 * rule; and for the traffic facts' conversations, echo requests and IPv6 addresses. Absent pairs read as 0.
 */
public final class LongPairTable {
    private long[] a = new long[64];
    private long[] b = new long[64];
    private int[] value = new int[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** The value of (x, y), 0 when absent. */
    public int get(long x, long y) {
        int mask = used.length - 1;
        for (int s = slot(x, y, mask); used[s]; s = (s + 1) & mask) {
            if (a[s] == x && b[s] == y) {
                return value[s];
            }
        }
        return 0;
    }

    /** Adds {@code delta} to the value of (x, y) and returns the value it had before. */
    public int add(long x, long y, int delta) {
        int s = entry(x, y);
        int before = value[s];
        value[s] = before + delta;
        return before;
    }

    /** Sets the value of (x, y), replacing any it had. */
    public void put(long x, long y, int v) {
        int s = entry(x, y); // first: it may grow the arrays
        value[s] = v;
    }

    /** How many pairs the table holds. */
    public int size() {
        return size;
    }

    /** The slot of (x, y), made (with the value 0) when the pair is new. */
    private int entry(long x, long y) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        int mask = used.length - 1;
        int s = slot(x, y, mask);
        while (used[s]) {
            if (a[s] == x && b[s] == y) {
                return s;
            }
            s = (s + 1) & mask;
        }
        used[s] = true;
        a[s] = x;
        b[s] = y;
        value[s] = 0;
        size++;
        return s;
    }

    private static int slot(long x, long y, int mask) {
        long h = x * 0x9E3779B97F4A7C15L + y;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h & mask;
    }

    private void grow() {
        long[] oa = a;
        long[] ob = b;
        int[] ov = value;
        boolean[] ou = used;
        int n = ou.length * 2;
        a = new long[n];
        b = new long[n];
        value = new int[n];
        used = new boolean[n];
        size = 0;
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                put(oa[i], ob[i], ov[i]);
            }
        }
    }

    /** Sorted keys: the 32-bit {@code high} over the row or pair index {@code low}, grouped by high. */
    static long key(long high, int low) {
        return (high << 32) | low;
    }

    /** The first index of {@code keys[0..n)} (sorted) whose key is at least {@code key}. */
    static int lowerBound(long[] keys, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Copies and sorts the first n keys. */
    static long[] sorted(long[] keys, int n) {
        long[] s = Arrays.copyOf(keys, n);
        Arrays.sort(s);
        return s;
    }
}
