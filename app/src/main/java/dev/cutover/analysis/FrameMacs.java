package dev.cutover.analysis;

import dev.cutover.capture.WindowBytes;

import java.util.Arrays;

/**
 * Each Ethernet frame's destination and source MAC address, taken while the capture is indexed ({@link ArpTap}),
 * so that the outcome pass reads again only the frames from or to a moved VM's MAC instead of the whole file. An
 * address is kept as its number in a table of the capture's addresses (16 bits), both of a frame in one int: 4
 * bytes per frame, in blocks that are never copied as they grow. A capture of more than 65,535 addresses (a MAC
 * flood) gives up: {@link #complete} is then false and the pass reads every frame of its windows.
 */
final class FrameMacs {
    private static final int SHIFT = 17;
    private static final int BLOCK = 1 << SHIFT;
    /** Address numbers run from 1; 0 is "no address" (a frame too short, or not Ethernet). */
    private static final int MAX_ADDRESSES = 0xFFFF;
    private static final long EMPTY = -1L; // no 48-bit address

    private int[][] blocks = new int[16][];
    private int count;
    private boolean overflow;
    private long[] keys = filled(1024);
    private char[] numbers = new char[1024];
    private int distinct;
    // consecutive frames mostly repeat the last frame's addresses
    private long lastDst = EMPTY;
    private int lastDstNumber;
    private long lastSrc = EMPTY;
    private int lastSrcNumber;

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    /** Adds the next frame: its two addresses when it is Ethernet with both, else none. */
    void add(WindowBytes bytes, boolean ethernet) {
        if (overflow) {
            return;
        }
        int b = count >>> SHIFT;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        int[] block = blocks[b];
        if (block == null) {
            block = blocks[b] = new int[BLOCK];
        }
        if (ethernet && bytes.length() >= 12) {
            long dst = mac48(bytes, 0);
            long src = mac48(bytes, 6);
            if (dst != lastDst) {
                lastDst = dst;
                lastDstNumber = number(dst);
            }
            if (src != lastSrc) {
                lastSrc = src;
                lastSrcNumber = number(src);
            }
            if (overflow) {
                blocks = null;
                return;
            }
            block[count & (BLOCK - 1)] = lastSrcNumber << 16 | lastDstNumber;
        }
        count++;
    }

    private static long mac48(WindowBytes b, int o) {
        return ((long) b.u16(o) << 32) | ((long) b.u16(o + 2) << 16) | b.u16(o + 4);
    }

    private static int slot(long mac, int mask) {
        long h = mac * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31)) & mask;
    }

    /** The address's number, given one when it is new. */
    private int number(long mac) {
        int mask = keys.length - 1;
        int s = slot(mac, mask);
        while (keys[s] != EMPTY) {
            if (keys[s] == mac) {
                return numbers[s];
            }
            s = (s + 1) & mask;
        }
        if (distinct == MAX_ADDRESSES) {
            overflow = true;
            return 0;
        }
        keys[s] = mac;
        numbers[s] = (char) ++distinct;
        if (2 * distinct > keys.length) {
            grow();
        }
        return distinct;
    }

    private void grow() {
        long[] oldKeys = keys;
        char[] oldNumbers = numbers;
        keys = filled(oldKeys.length * 2);
        numbers = new char[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int s = slot(oldKeys[i], mask);
                while (keys[s] != EMPTY) {
                    s = (s + 1) & mask;
                }
                keys[s] = oldKeys[i];
                numbers[s] = oldNumbers[i];
            }
        }
    }

    /** True when every frame added has its addresses here. */
    boolean complete() {
        return !overflow;
    }

    /** How many frames were added. */
    int count() {
        return count;
    }

    /**
     * The addresses among {@code macs[0..n)} that some frame has, as a set to hand to {@link #either}: a flag per
     * address number.
     */
    boolean[] setOf(long[] macs, int n) {
        boolean[] set = new boolean[MAX_ADDRESSES + 1];
        int mask = keys.length - 1;
        for (int i = 0; i < n; i++) {
            for (int s = slot(macs[i], mask); keys[s] != EMPTY; s = (s + 1) & mask) {
                if (keys[s] == macs[i]) {
                    set[numbers[s]] = true;
                    break;
                }
            }
        }
        return set;
    }

    /** True when frame {@code f}'s destination or source is in {@code set}. */
    boolean either(int f, boolean[] set) {
        int v = blocks[f >>> SHIFT][f & (BLOCK - 1)];
        return set[v >>> 16] || set[v & 0xFFFF];
    }
}
