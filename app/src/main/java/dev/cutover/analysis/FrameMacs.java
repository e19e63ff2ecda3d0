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
    /** The capture's addresses, numbered from 0 as they first appear: a frame holds number + 1. */
    private final Numbering addresses = new Numbering();
    // consecutive frames mostly repeat the last frame's addresses
    private long lastDst = EMPTY;
    private int lastDstNumber;
    private long lastSrc = EMPTY;
    private int lastSrcNumber;

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
            long dst = LinkPeek.mac48(bytes, 0);
            long src = LinkPeek.mac48(bytes, 6);
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

    /** The address's number, given one when it is new. */
    private int number(long mac) {
        int id = addresses.get(mac);
        if (id < 0) {
            if (addresses.size() == MAX_ADDRESSES) {
                overflow = true;
                return 0;
            }
            id = addresses.of(mac);
        }
        return id + 1;
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
        for (int i = 0; i < n; i++) {
            int id = addresses.get(macs[i]);
            if (id >= 0) {
                set[id + 1] = true;
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
