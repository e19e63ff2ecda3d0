package dev.cutover.ui.packets;

/**
 * How the packet list orders a text column: empty first, then IPv4 addresses by value (10.0.10.12 before
 * 10.0.10.117), then numbers and VLAN stacks ("100/10") tag by tag, then any other text ignoring case first.
 */
final class TextOrder {
    private TextOrder() {
    }

    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        // one kind before another, so the order stays transitive when a column mixes kinds
        int ka = kind(a);
        int kb = kind(b);
        if (ka != kb) {
            return Integer.compare(ka, kb);
        }
        switch (ka) {
            case IPV4:
                return Long.compare(ipv4(a), ipv4(b));
            case NUMBERS: {
                long[] na = numbers(a);
                long[] nb = numbers(b);
                for (int i = 0; i < Math.min(na.length, nb.length); i++) {
                    int c = Long.compare(na[i], nb[i]);
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(na.length, nb.length);
            }
            default: {
                int c = String.CASE_INSENSITIVE_ORDER.compare(a, b);
                return c != 0 ? c : a.compareTo(b);
            }
        }
    }

    private static final int EMPTY = 0;
    private static final int IPV4 = 1;
    private static final int NUMBERS = 2;
    private static final int TEXT = 3;

    private static int kind(String s) {
        if (s.isEmpty()) {
            return EMPTY;
        }
        if (ipv4(s) >= 0) {
            return IPV4;
        }
        return numbers(s) != null ? NUMBERS : TEXT;
    }

    /** The address as an unsigned value, or -1 when the text is not a dotted quad. */
    static long ipv4(String s) {
        long value = 0;
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int start = i;
            int part = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start || part > 255) {
                return -1;
            }
            value = (value << 8) | part;
            parts++;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return -1;
            }
            i++;
            if (i == n) {
                return -1;
            }
        }
        return parts == 4 ? value : -1;
    }

    /** "100/10" as {100, 10}; null when the text is not numbers separated by slashes. */
    private static long[] numbers(String s) {
        String[] parts = s.split("/", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 18) {
                return null;
            }
            for (int k = 0; k < p.length(); k++) {
                if (p.charAt(k) < '0' || p.charAt(k) > '9') {
                    return null;
                }
            }
            out[i] = Long.parseLong(p);
        }
        return out;
    }
}
