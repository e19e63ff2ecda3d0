package dev.cutover.analysis;

import java.util.Arrays;

/** The first difference between two sets of ARP rows, for tests that hold two ways of reading them equal. */
final class ArpRowsDiff {
    private ArpRowsDiff() {
    }

    /**
     * Null when {@code a} and {@code b} have the same rows and problems; otherwise the first difference, naming
     * row, frame and column, with {@code other} naming where {@code b} came from ("the dissector").
     */
    static String rows(ArpFrames a, ArpFrames b, String other) {
        if (a.count != b.count) {
            return a.count + " rows, " + other + " " + b.count;
        }
        int n = a.count;
        String[] names = {"frame", "time", "iface", "cls", "opcode", "ethSrc", "ethDst", "dest", "senderMac",
            "senderIp", "targetMac", "targetIp", "vlans", "flags"};
        Object[][] pairs = {{a.frame, b.frame}, {a.time, b.time}, {a.iface, b.iface}, {a.cls, b.cls},
            {a.opcode, b.opcode}, {a.ethSrc, b.ethSrc}, {a.ethDst, b.ethDst}, {a.dest, b.dest},
            {a.senderMac, b.senderMac}, {a.senderIp, b.senderIp}, {a.targetMac, b.targetMac},
            {a.targetIp, b.targetIp}, {a.vlans, b.vlans}, {a.flags, b.flags}};
        for (int k = 0; k < pairs.length; k++) {
            for (int r = 0; r < n; r++) {
                if (!Arrays.equals(element(pairs[k][0], r), element(pairs[k][1], r))) {
                    return "row " + r + " (frame " + (a.frame[r] + 1) + ") " + names[k] + " "
                            + Arrays.toString(element(pairs[k][0], r)) + ", " + other + " "
                            + Arrays.toString(element(pairs[k][1], r));
                }
            }
        }
        if ((a.ndFlags == null) != (b.ndFlags == null)) {
            return "neighbour discovery columns " + (a.ndFlags != null) + ", " + other + " " + (b.ndFlags != null);
        }
        if (a.ndFlags != null) {
            String[] nd = {"ndTargetHi", "ndTargetLo", "ndLinkAddr", "ndFlags"};
            Object[][] ndPairs = {{a.ndTargetHi, b.ndTargetHi}, {a.ndTargetLo, b.ndTargetLo},
                {a.ndLinkAddr, b.ndLinkAddr}, {a.ndFlags, b.ndFlags}};
            for (int k = 0; k < ndPairs.length; k++) {
                for (int r = 0; r < n; r++) {
                    if (a.isNdp(r) && !Arrays.equals(element(ndPairs[k][0], r), element(ndPairs[k][1], r))) {
                        return "row " + r + " (frame " + (a.frame[r] + 1) + ") " + nd[k] + " "
                                + Arrays.toString(element(ndPairs[k][0], r)) + ", " + other + " "
                                + Arrays.toString(element(ndPairs[k][1], r));
                    }
                }
            }
        }
        String sources = v6Sources(a.v6Sources);
        if (!sources.equals(v6Sources(b.v6Sources))) {
            return "IPv6 sources " + sources + ", " + other + " " + v6Sources(b.v6Sources);
        }
        if (!a.problems.equals(b.problems)) {
            return "problems " + a.problems + ", " + other + " " + b.problems;
        }
        return null;
    }

    /** The (MAC, address, first frame) triples, sorted, as text; a router MAC once. */
    static String v6Sources(V6Sources s) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (int i = 0; s != null && i < s.size(); i++) {
            // a router's entries are a sample that depends on how the capture was split: only its status counts
            all.add(s.isRouter(s.mac(i)) ? String.format("%012x router", s.mac(i))
                    : String.format("%012x %016x%016x #%d", s.mac(i), s.hi(i), s.lo(i), s.frame(i) + 1));
        }
        return all.toString();
    }

    private static long[] element(Object array, int i) {
        if (array instanceof int[]) {
            return new long[] {((int[]) array)[i]};
        }
        if (array instanceof long[]) {
            return new long[] {((long[]) array)[i]};
        }
        return new long[] {((byte[]) array)[i]};
    }
}
