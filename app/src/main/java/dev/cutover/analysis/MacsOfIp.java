package dev.cutover.analysis;

import java.util.ArrayList;
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

    private final List<Long> macs = new ArrayList<>(2);
    private final List<Long> times = new ArrayList<>(2);

    /**
     * Records that {@code mac} claimed the address at {@code timeNanos}. Read {@link #current()} and
     * {@link #lastTime()} before calling to know the MAC it had and when that MAC last claimed it.
     */
    public Change claim(long mac, long timeNanos) {
        if (macs.isEmpty()) {
            macs.add(mac);
            times.add(timeNanos);
            return Change.FIRST;
        }
        if (macs.get(0) == mac) {
            times.set(0, timeNanos);
            return Change.SAME;
        }
        int at = macs.indexOf(mac);
        if (at > 0) {
            macs.remove(at);
            times.remove(at);
        }
        macs.add(0, mac);
        times.add(0, timeNanos);
        return at == 1 ? Change.PREVIOUS : at > 1 ? Change.OLDER : Change.NEW_MAC;
    }

    /** The MAC that claimed the address last, or -1 before any claim. */
    public long current() {
        return macs.isEmpty() ? -1 : macs.get(0);
    }

    /** When the current MAC last claimed it, or -1 before any claim. */
    public long lastTime() {
        return times.isEmpty() ? -1 : times.get(0);
    }

    /** When {@code mac} last claimed the address, or -1 if it never did. */
    public long lastTime(long mac) {
        int at = macs.indexOf(mac);
        return at < 0 ? -1 : times.get(at);
    }

    /** The MACs, most recent first. */
    public List<Long> macs() {
        return List.copyOf(macs);
    }
}
