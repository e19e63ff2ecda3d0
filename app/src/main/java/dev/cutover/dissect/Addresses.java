package dev.cutover.dissect;

/** Text forms of addresses, as Wireshark prints them with name resolution off. */
public final class Addresses {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Addresses() {
    }

    public static String mac(long mac) {
        char[] c = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xff;
            c[i * 3] = HEX[b >>> 4];
            c[i * 3 + 1] = HEX[b & 15];
            if (i < 5) {
                c[i * 3 + 2] = ':';
            }
        }
        return new String(c);
    }

    public static void appendMac(StringBuilder sb, long mac) {
        for (int i = 0; i < 6; i++) {
            int b = (int) (mac >>> (40 - 8 * i)) & 0xff;
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HEX[b >>> 4]).append(HEX[b & 15]);
        }
    }

    public static String ipv4(long ip) {
        StringBuilder sb = new StringBuilder(15);
        appendIpv4(sb, ip);
        return sb.toString();
    }

    public static void appendIpv4(StringBuilder sb, long ip) {
        sb.append((ip >>> 24) & 0xff).append('.').append((ip >>> 16) & 0xff).append('.')
                .append((ip >>> 8) & 0xff).append('.').append(ip & 0xff);
    }

    /** Plain lower-case hex, no separators: tshark's form for FT_BYTES values. */
    public static void appendHex(StringBuilder sb, byte[] data, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = data[offset + i] & 0xff;
            sb.append(HEX[b >>> 4]).append(HEX[b & 15]);
        }
    }

    /**
     * Wireshark's bytes_to_str, its Info form for addresses of no known kind: plain hex of at most 36 bytes,
     * then an ellipsis.
     */
    public static void appendBytesShort(StringBuilder sb, byte[] data, int offset, int length) {
        appendHex(sb, data, offset, Math.min(36, length));
        if (length > 36) {
            sb.append('\u2026');
        }
    }

    /** An IPv6 address at {@code offset}, in the shortened form (longest zero run as ::). */
    public static String ipv6(byte[] data, int offset) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((data[offset + 2 * i] & 0xff) << 8) | (data[offset + 2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }

    public static boolean isBroadcast(long mac) {
        return mac == 0xffff_ffff_ffffL;
    }

    /** The I/G bit: a group (multicast or broadcast) address. */
    public static boolean isGroup(long mac) {
        return ((mac >>> 40) & 1) != 0;
    }
}
