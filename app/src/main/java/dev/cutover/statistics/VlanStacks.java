package dev.cutover.statistics;

import java.util.ArrayList;
import java.util.List;

/** A frame's VLAN tags packed in a long, as {@link LinkFacts#vlanStack()} makes them, and their text. */
public final class VlanStacks {
    /** An untagged frame's stack. */
    public static final long UNTAGGED = 0;

    private VlanStacks() {
    }

    /** The VLAN IDs, outer first. */
    public static List<Integer> ids(long stack) {
        int n = (int) (stack >>> 48);
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add((int) (stack >>> (36 - 12 * i)) & 0xFFF);
        }
        return l;
    }

    /** "10", "100/10" for stacked tags (outer first, as the packet list's VLAN column), "untagged". */
    public static String text(long stack) {
        List<Integer> ids = ids(stack);
        if (ids.isEmpty()) {
            return "untagged";
        }
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(id);
        }
        return sb.toString();
    }
}
