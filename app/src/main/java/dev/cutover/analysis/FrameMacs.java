package dev.cutover.analysis;

import dev.cutover.capture.WindowBytes;

import java.util.Arrays;

/**
 * Each Ethernet frame's destination and source MAC address, taken while the capture is indexed ({@link ArpTap}),
 * so that the outcome pass reads again only the frames from or to a moved VM's MAC instead of the whole file. An
 * address is kept as its number in a table of the capture's addresses (16 bits), both of a frame in one int: 4
 * bytes per frame, in blocks that are never copied as they grow. A capture of more than 65,535 addresses (a MAC
 * flood, or traffic generated with random addresses) keeps a 16-bit fingerprint of each address instead: then
 * {@link #exact} is false, and the frames whose fingerprints match a moved MAC's are read and their addresses
 * compared (a few in a thousand moved MACs let about a tenth of the other frames through).
 */
final class FrameMacs {
    private static final int SHIFT = 17;
    private static final int BLOCK = 1 << SHIFT;
    /** Address numbers run from 1; 0 is "no address" (a frame too short, or not Ethernet). */
    private static final int MAX_ADDRESSES = 0xFFFF;
    private static final long EMPTY = -1L; // no 48-bit address

    private int[][] blocks = new int[16][];
    private int count;
    /** False once the capture has more addresses than numbers: the blocks then hold fingerprints. */
    private boolean exact = true;
    /** The capture's addresses, numbered from 0 as they first appear: a frame holds number + 1. */
    private Numbering addresses = new Numbering();
    // consecutive frames mostly repeat the last frame's addresses
    private long lastDst = EMPTY;
    private int lastDstNumber;
    private long lastSrc = EMPTY;
    private int lastSrcNumber;

    /** Adds the next frame: its two addresses when it is Ethernet with both, else none. */
    void add(WindowBytes bytes, boolean ethernet) {
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
            block[count & (BLOCK - 1)] = lastSrcNumber << 16 | lastDstNumber;
        }
        count++;
    }

    /** The address's number (from 1), given one when it is new; its fingerprint once they are kept instead. */
    private int number(long mac) {
        if (!exact) {
            return fingerprint(mac);
        }
        int id = addresses.get(mac);
        if (id < 0) {
            if (addresses.size() == MAX_ADDRESSES) {
                toFingerprints();
                return fingerprint(mac);
            }
            id = addresses.of(mac);
        }
        return id + 1;
    }

    /** Turns the numbers of the frames so far into their addresses' fingerprints, and keeps those from now on. */
    private void toFingerprints() {
        int[] print = new int[MAX_ADDRESSES + 1];
        for (int id = 0; id < addresses.size(); id++) {
            print[id + 1] = fingerprint(addresses.value(id));
        }
        for (int f = 0; f < count; f++) {
            int[] block = blocks[f >>> SHIFT];
            int v = block[f & (BLOCK - 1)];
            block[f & (BLOCK - 1)] = print[v >>> 16] << 16 | print[v & 0xFFFF];
        }
        lastDstNumber = print[lastDstNumber];
        lastSrcNumber = print[lastSrcNumber];
        exact = false;
        addresses = null;
    }

    /** 1 to 65,535, from a mix of the address's bits (0 stays "no address"). */
    static int fingerprint(long mac) {
        long h = mac * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return 1 + (int) ((h >>> 16) % MAX_ADDRESSES);
    }

    /**
     * True when every frame's addresses are numbered: {@link #sourceSlot} and {@link #destinationSlot} say whose
     * a frame is. False when the capture has more addresses than numbers: {@link #either} then lets through the
     * frames whose addresses may be among the given ones, to be read and compared.
     */
    boolean exact() {
        return exact;
    }

    /** How many frames were added. */
    int count() {
        return count;
    }

    /**
     * The given addresses by number, to hand to {@link #either}, {@link #sourceSlot} and {@link #destinationSlot}:
     * for each address number (or fingerprint) the index {@code i} of a {@code macs[i]} with {@code use[i]} that
     * has it, -1 for the others.
     */
    int[] slotsOf(long[] macs, boolean[] use) {
        int[] slots = new int[MAX_ADDRESSES + 1];
        Arrays.fill(slots, -1);
        for (int i = 0; i < macs.length; i++) {
            if (use[i]) {
                int id = exact ? addresses.get(macs[i]) + 1 : fingerprint(macs[i]);
                if (id > 0) {
                    slots[id] = i;
                }
            }
        }
        return slots;
    }

    /** Frame {@code f}'s source address as {@code slots} has it, -1 when not one of them (with {@link #exact}). */
    int sourceSlot(int f, int[] slots) {
        return slots[blocks[f >>> SHIFT][f & (BLOCK - 1)] >>> 16];
    }

    /** Frame {@code f}'s destination address as {@code slots} has it (with {@link #exact}). */
    int destinationSlot(int f, int[] slots) {
        return slots[blocks[f >>> SHIFT][f & (BLOCK - 1)] & 0xFFFF];
    }

    /**
     * True when frame {@code f}'s destination or source is among {@code slots}; without {@link #exact}, when it may
     * be (its address's fingerprint is one of theirs).
     */
    boolean either(int f, int[] slots) {
        int v = blocks[f >>> SHIFT][f & (BLOCK - 1)];
        return (slots[v >>> 16] & slots[v & 0xFFFF]) != -1; // -1 only when both are -1
    }
}
