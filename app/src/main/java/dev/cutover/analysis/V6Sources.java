package dev.cutover.analysis;

import java.util.Arrays;

/**
 * The global IPv6 addresses each MAC sent IPv6 from (2000::/3 and fc00::/7 source addresses of frames with that
 * Ethernet source), each pair once with the first frame and time it was seen: what a VM used before it moved, so
 * that the analysis can tell which addresses it should have announced after. An open-addressing table of
 * primitives: an IPv6 capture has millions of frames but few distinct pairs.
 */
final class V6Sources {
    /**
     * Past this many distinct global source addresses a MAC forwards others' traffic (a router, a gateway's
     * uplink): its sources are not its own addresses, and no more of them are kept.
     */
    static final int PER_MAC_LIMIT = 8;

    private long[] mac = new long[64];
    private long[] hi = new long[64];
    private long[] lo = new long[64];
    private int[] frame = new int[64];
    private long[] time = new long[64];
    /** Slot of each entry + 1, 0 for free, in a table twice the entries' capacity. */
    private int[] slots = new int[128];
    private int count;
    /** Distinct addresses recorded per MAC, counted as they are first seen. */
    private final java.util.Map<Long, int[]> perMac = new java.util.HashMap<>();
    /** MACs seen with more than {@link #PER_MAC_LIMIT} addresses. */
    private final java.util.Set<Long> routers = new java.util.HashSet<>();
    private long lastRouter = -1;

    /** Global unicast or unique local: an address a host is reached at beyond its link. */
    static boolean isGlobal(long hi) {
        int first = (int) (hi >>> 56) & 0xFF;
        return (first & 0xE0) == 0x20 || (first & 0xFE) == 0xFC;
    }

    int size() {
        return count;
    }

    long mac(int i) {
        return mac[i];
    }

    long hi(int i) {
        return hi[i];
    }

    long lo(int i) {
        return lo[i];
    }

    int frame(int i) {
        return frame[i];
    }

    long time(int i) {
        return time[i];
    }

    /**
     * True when {@code m} sent from more than {@link #PER_MAC_LIMIT} global addresses: its entries here are a
     * sample of others' addresses, not its own. The same whether the capture was read in one part or several.
     */
    boolean isRouter(long m) {
        return routers.contains(m);
    }

    /** Records the pair unless it is there already with an earlier frame. */
    void add(long m, long h, long l, int f, long t) {
        int mask = slots.length - 1;
        int s = hash(m, h, l) & mask;
        while (slots[s] != 0) {
            int i = slots[s] - 1;
            if (mac[i] == m && hi[i] == h && lo[i] == l) {
                if (f < frame[i]) {
                    frame[i] = f;
                    time[i] = t;
                }
                return;
            }
            s = (s + 1) & mask;
        }
        if (m == lastRouter) {
            return;
        }
        if (routers.contains(m)) {
            lastRouter = m;
            return;
        }
        int[] n = perMac.computeIfAbsent(m, k -> new int[1]);
        if (++n[0] > PER_MAC_LIMIT) {
            routers.add(m);
            lastRouter = m;
            return;
        }
        if (count == mac.length) {
            grow();
            n[0]--;
            add(m, h, l, f, t);
            return;
        }
        mac[count] = m;
        hi[count] = h;
        lo[count] = l;
        frame[count] = f;
        time[count] = t;
        slots[s] = ++count;
    }

    void addAll(V6Sources o) {
        routers.addAll(o.routers);
        for (int i = 0; i < o.count; i++) {
            add(o.mac[i], o.hi[i], o.lo[i], o.frame[i], o.time[i]);
        }
    }

    private void grow() {
        int n = mac.length * 2;
        mac = Arrays.copyOf(mac, n);
        hi = Arrays.copyOf(hi, n);
        lo = Arrays.copyOf(lo, n);
        frame = Arrays.copyOf(frame, n);
        time = Arrays.copyOf(time, n);
        slots = new int[n * 2];
        int mask = slots.length - 1;
        for (int i = 0; i < count; i++) {
            int s = hash(mac[i], hi[i], lo[i]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
    }

    private static int hash(long m, long h, long l) {
        long x = m * 0x9E3779B97F4A7C15L ^ h * 0xC2B2AE3D27D4EB4FL ^ l * 0x165667B19E3779F9L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 32));
    }
}
