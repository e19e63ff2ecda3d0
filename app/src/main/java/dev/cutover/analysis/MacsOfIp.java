package dev.cutover.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * arpwatch's memory of one IPv4 address ({@code ent_add}): the MACs that claimed it, most recent first, with when
 * each last did. Shared by the binding history (arpwatch's events) and the analysis (moves and conflicts), so both
 * name a change the same way.
 */
public final class MacsOfIp {
    /** What a claim changed, in arpwatch's terms. */
    public enum Change {
        /** The current MAC again. */
        SAME,
        /** The first MAC seen for the address ("new station"). */
        FIRST,
        /** A MAC the address never had ("changed ethernet address"). */
        NEW_MAC,
        /** The MAC it had just before the current one ("flip flop"). */
        PREVIOUS,
        /** A MAC it had two or more changes ago ("reused old ethernet address"). */
        OLDER
    }

    // most recent first, in primitive arrays: an address is claimed once per ARP frame that names it
    private long[] macs = new long[2];
    private long[] times = new long[2];
    private int size;

    /**
     * Records that {@code mac} claimed the address at {@code timeNanos}. Read {@link #current()} and
     * {@link #lastTime()} before calling to know the MAC it had and when that MAC last claimed it.
     */
    public Change claim(long mac, long timeNanos) {
        if (size == 0) {
            macs[0] = mac;
            times[0] = timeNanos;
            size = 1;
            return Change.FIRST;
        }
        if (macs[0] == mac) {
            times[0] = timeNanos;
            return Change.SAME;
        }
        int at = indexOf(mac);
        boolean known = at >= 0;
        if (!known) {
            if (size == macs.length) {
                macs = Arrays.copyOf(macs, size * 2);
                times = Arrays.copyOf(times, size * 2);
            }
            at = size++;
        }
        // move the ones before it down by one and put it first
        System.arraycopy(macs, 0, macs, 1, at);
        System.arraycopy(times, 0, times, 1, at);
        macs[0] = mac;
        times[0] = timeNanos;
        return !known ? Change.NEW_MAC : at == 1 ? Change.PREVIOUS : Change.OLDER;
    }

    private int indexOf(long mac) {
        for (int i = 0; i < size; i++) {
            if (macs[i] == mac) {
                return i;
            }
        }
        return -1;
    }

    /** The MAC that claimed the address last, or -1 before any claim. */
    public long current() {
        return size == 0 ? -1 : macs[0];
    }

    /** When the current MAC last claimed it, or -1 before any claim. */
    public long lastTime() {
        return size == 0 ? -1 : times[0];
    }

    /** When {@code mac} last claimed the address, or -1 if it never did. */
    public long lastTime(long mac) {
        int at = indexOf(mac);
        return at < 0 ? -1 : times[at];
    }

    /** The MACs, most recent first. */
    public List<Long> macs() {
        List<Long> l = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            l.add(macs[i]);
        }
        return List.copyOf(l);
    }
}
