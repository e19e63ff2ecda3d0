package dev.cutover.capture.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds an Ethernet frame from one summary line of {@code tcpdump -e} (with or without {@code -n}, {@code -v}):
 * ARP, RARP and ICMPv6 neighbor solicitations and advertisements, untagged or behind 802.1Q tags. What the line
 * does not print (padding, checksums, addresses tcpdump leaves out) is filled with zeros or inferred, and named in
 * the frame's comment.
 */
final class TcpdumpLine {
    private static final String MAC_TOKEN = "([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}|Broadcast)(?: \\(oui [^()]*\\))?";
    private static final Pattern HEAD = Pattern.compile("^" + MAC_TOKEN + " > " + MAC_TOKEN
            + ", ethertype ([^,]+?)(?: \\((0x[0-9a-fA-F]{4})\\))?, length (\\d{1,6}): (.*)$");
    private static final Pattern TAG = Pattern.compile(
            "^vlan (\\d{1,4}), p (\\d)(, DEI)?, ethertype ([^,]+?)(?: \\((0x[0-9a-fA-F]{4})\\))?, (.*)$");
    private static final Pattern ARP_VERBOSE = Pattern.compile("^Ethernet \\(len 6\\), IPv4 \\(len 4\\), ");
    private static final Pattern WHO_HAS = Pattern.compile(
            "^Request who-has (\\S+)(?: \\(" + MAC_TOKEN + "\\))? tell (\\S+), length \\d+$");
    private static final Pattern IS_AT = Pattern.compile("^Reply (\\S+) is-at " + MAC_TOKEN + ", length \\d+$");
    private static final Pattern WHO_IS = Pattern.compile(
            "^Reverse Request who-is " + MAC_TOKEN + " tell " + MAC_TOKEN + ", length \\d+$");
    private static final Pattern AT = Pattern.compile("^Reverse Reply " + MAC_TOKEN + " at (\\S+), length \\d+$");
    private static final Pattern IP6 = Pattern.compile("^(?:\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\) )?(\\S+) > (\\S+): "
            + "(?:\\[[^\\]]*\\] )?ICMP6, (.*)$");
    private static final Pattern NA = Pattern.compile("^neighbor advertisement, (?:tgt is (\\S+), length (\\d+)"
            + "|length (\\d+), tgt is (\\S+)(?:, Flags \\[([^\\]]*)\\])?)$");
    private static final Pattern NS = Pattern.compile("^neighbor solicitation, (?:who has (\\S+), length (\\d+)"
            + "|length (\\d+), who has (\\S+))$");
    private static final Pattern HLIM = Pattern.compile("hlim (\\d+)");
    private static final Pattern OPTION = Pattern.compile(
            "^\\s*(source|destination) link-address option \\((\\d)\\), length 8 \\(1\\): " + MAC_TOKEN + "\\s*$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    /** A line that is tcpdump's but not one Cutover can rebuild a frame from. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A frame rebuilt from a line; a verbose line's option line after it may still fill in its ND option. */
    static final class Rebuilt {
        final byte[] bytes;
        private final List<String> unknown;
        private final int optionAt;
        private final int optionType;
        private boolean optionInferred;

        Rebuilt(byte[] bytes, List<String> unknown, int optionAt, int optionType, boolean optionInferred) {
            this.bytes = bytes;
            this.unknown = unknown;
            this.optionAt = optionAt;
            this.optionType = optionType;
            this.optionInferred = optionInferred;
        }

        /** Takes tcpdump -v's "destination link-address option (2), length 8 (1): MAC" line; false when it is not one. */
        boolean option(String line) {
            Matcher m = OPTION.matcher(line);
            if (optionAt < 0 || !m.matches() || Integer.parseInt(m.group(2)) != optionType) {
                return false;
            }
            bytes[optionAt] = (byte) optionType;
            bytes[optionAt + 1] = 1;
            System.arraycopy(mac(m.group(3)), 0, bytes, optionAt + 2, 6);
            optionInferred = false;
            return true;
        }

        /** "rebuilt from tcpdump -e text: the ICMPv6 checksum ... are not in the text". */
        String comment() {
            List<String> all = new ArrayList<>(unknown);
            if (optionInferred) {
                all.add("the link-layer address option (the Ethernet source is used)");
            }
            if (all.isEmpty()) {
                return "rebuilt from tcpdump -e text";
            }
            String list = all.size() == 1 ? all.get(0)
                    : String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
            return "rebuilt from tcpdump -e text: " + list + (all.size() == 1 ? " is" : " are") + " not in the text";
        }
    }

    private TcpdumpLine() {
    }

    /** Whether the line (after its time stamp) is one tcpdump -e prints: "MAC > MAC, ethertype ...". */
    static boolean isLinkLine(String rest) {
        int arrow = rest.indexOf(" > ");
        return arrow > 0 && rest.indexOf(", ethertype ", arrow) > 0;
    }

    /** The frame the line describes. */
    static Rebuilt rebuild(String rest) throws Unreadable {
        Matcher m = HEAD.matcher(rest);
        if (!m.matches()) {
            throw new Unreadable("not a tcpdump -e line Cutover can read (\"" + shorten(rest) + "\")");
        }
        byte[] src = mac(m.group(1));
        byte[] dst = mac(m.group(2));
        int etherType = etherType(m.group(3), m.group(4));
        int frameLength = Integer.parseInt(m.group(5));
        String body = m.group(6);
        Bytes out = new Bytes();
        out.put(dst);
        out.put(src);
        int tags = 0;
        while (etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100) {
            Matcher t = TAG.matcher(body);
            if (!t.matches() || ++tags > 2) {
                throw new Unreadable("an 802.1Q tag that cannot be read (\"" + shorten(body) + "\")");
            }
            int vlan = Integer.parseInt(t.group(1));
            if (vlan > 4095) {
                throw new Unreadable("VLAN " + vlan + " is more than 4095");
            }
            out.u16(etherType);
            out.u16(Integer.parseInt(t.group(2)) << 13 | (t.group(3) != null ? 0x1000 : 0) | vlan);
            etherType = etherType(t.group(4), t.group(5));
            body = t.group(6);
        }
        out.u16(etherType);
        List<String> unknown = new ArrayList<>();
        Rebuilt r;
        if (etherType == 0x0806 || etherType == 0x8035) {
            arp(body, src, dst, out, unknown);
            r = null;
        } else if (etherType == 0x86dd) {
            r = icmp6(body, src, out, unknown);
        } else {
            throw new Unreadable("only ARP, RARP and ICMPv6 neighbor discovery are rebuilt from tcpdump's one-line"
                    + " text, not ethertype " + String.format(Locale.ROOT, "0x%04x", etherType));
        }
        int padding = frameLength - out.size();
        if (padding > 0) {
            out.zeros(padding);
            unknown.add("the Ethernet padding (" + padding + (padding == 1 ? " byte" : " bytes") + ", zeros)");
        }
        if (r == null) {
            return new Rebuilt(out.bytes(), unknown, -1, 0, false);
        }
        return new Rebuilt(out.bytes(), unknown, r.optionAt, r.optionType, r.optionInferred);
    }

    private static void arp(String body, byte[] src, byte[] dst, Bytes out, List<String> unknown) throws Unreadable {
        Matcher v = ARP_VERBOSE.matcher(body);
        if (v.find()) {
            body = body.substring(v.end());
        }
        byte[] zeroMac = new byte[6];
        byte[] zeroIp = new byte[4];
        int op;
        byte[] sha;
        byte[] spa;
        byte[] tha;
        byte[] tpa;
        Matcher m;
        if ((m = WHO_HAS.matcher(body)).matches()) {
            op = 1;
            tpa = ipv4(m.group(1));
            tha = m.group(2) != null ? mac(m.group(2)) : zeroMac;
            spa = ipv4(m.group(3));
            sha = src;
            unknown.add("the ARP sender MAC (the Ethernet source is used)");
        } else if ((m = IS_AT.matcher(body)).matches()) {
            op = 2;
            spa = ipv4(m.group(1));
            sha = mac(m.group(2));
            tha = dst;
            tpa = zeroIp;
            unknown.add("the ARP target MAC (the Ethernet destination is used)");
            unknown.add("the ARP target IPv4 address (0.0.0.0)");
        } else if ((m = WHO_IS.matcher(body)).matches()) {
            op = 3;
            tha = mac(m.group(1));
            sha = mac(m.group(2));
            spa = zeroIp;
            tpa = zeroIp;
        } else if ((m = AT.matcher(body)).matches()) {
            op = 4;
            tha = mac(m.group(1));
            tpa = ipv4(m.group(2));
            sha = src;
            spa = zeroIp;
            unknown.add("the RARP sender MAC (the Ethernet source is used)");
            unknown.add("the RARP sender IPv4 address (0.0.0.0)");
        } else {
            throw new Unreadable("an ARP line Cutover cannot read (\"" + shorten(body) + "\")");
        }
        out.u16(1);
        out.u16(0x0800);
        out.u8(6);
        out.u8(4);
        out.u16(op);
        out.put(sha);
        out.put(spa);
        out.put(tha);
        out.put(tpa);
    }

    private static Rebuilt icmp6(String body, byte[] src, Bytes out, List<String> unknown) throws Unreadable {
        Matcher m = IP6.matcher(body);
        if (!m.matches()) {
            throw new Unreadable("only ICMPv6 neighbor discovery is rebuilt from tcpdump's IPv6 lines (\""
                    + shorten(body) + "\")");
        }
        String verbose = m.group(1);
        byte[] srcIp = ipv6(m.group(2));
        byte[] dstIp = ipv6(m.group(3));
        String icmp = m.group(4);
        int type;
        String target;
        int length;
        String flags = null;
        Matcher n;
        if ((n = NA.matcher(icmp)).matches()) {
            type = 136;
            target = n.group(1) != null ? n.group(1) : n.group(4);
            length = atMost(n.group(2) != null ? n.group(2) : n.group(3), 100_000);
            flags = n.group(1) != null ? null : n.group(5) == null ? "" : n.group(5);
        } else if ((n = NS.matcher(icmp)).matches()) {
            type = 135;
            target = n.group(1) != null ? n.group(1) : n.group(4);
            length = atMost(n.group(2) != null ? n.group(2) : n.group(3), 100_000);
        } else {
            throw new Unreadable("only ICMPv6 neighbor solicitations and advertisements are rebuilt from tcpdump's"
                    + " one-line text (\"" + shorten(icmp) + "\")");
        }
        if (length < 24 || length > 1500) {
            throw new Unreadable("an ICMPv6 neighbor message of " + (length == 100_000 ? "100,000 or more" : length)
                    + " bytes");
        }
        int hopLimit = 255;
        if (verbose != null) {
            Matcher h = HLIM.matcher(verbose);
            if (h.find()) {
                hopLimit = atMost(h.group(1), 255);
            }
        }
        out.u32(0x6000_0000);
        out.u16(length);
        out.u8(58);
        out.u8(hopLimit);
        out.put(srcIp);
        out.put(dstIp);
        out.u8(type);
        out.u8(0);
        out.u16(0);
        unknown.add("the ICMPv6 checksum (zero)");
        int flagBits = 0;
        if (type == 136) {
            if (flags == null) {
                unknown.add("the NA flags (none set)");
            } else {
                flagBits = (flags.contains("router") ? 0x80 : 0) | (flags.contains("solicited") ? 0x40 : 0)
                        | (flags.contains("override") ? 0x20 : 0);
            }
        }
        out.u8(flagBits);
        out.zeros(3);
        out.put(ipv6(target));
        int optionAt = -1;
        boolean inferred = false;
        int options = length - 24;
        int optionType = type == 136 ? 2 : 1;
        if (options == 8) {
            optionAt = out.size();
            // the one 8-byte option an ND message carries is the link-layer address of its sender
            out.u8(optionType);
            out.u8(1);
            out.put(src);
            inferred = true;
        } else if (options > 0) {
            out.zeros(options);
            unknown.add("the ND options (" + options + " bytes, zeros)");
        }
        return new Rebuilt(null, null, optionAt, optionType, inferred);
    }

    private static int etherType(String name, String hex) throws Unreadable {
        if (hex != null) {
            return Integer.parseInt(hex.substring(2), 16);
        }
        switch (name) {
            case "ARP":
                return 0x0806;
            case "Reverse ARP":
                return 0x8035;
            case "IPv4":
                return 0x0800;
            case "IPv6":
                return 0x86dd;
            case "802.1Q":
                return 0x8100;
            case "802.1Q-QinQ":
                return 0x88a8;
            default:
                throw new Unreadable("ethertype \"" + shorten(name) + "\" without its number");
        }
    }

    static byte[] mac(String s) {
        if ("Broadcast".equals(s)) {
            return new byte[] {-1, -1, -1, -1, -1, -1};
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(i * 3, i * 3 + 2), 16);
        }
        return b;
    }

    private static byte[] ipv4(String s) throws Unreadable {
        Matcher m = IPV4.matcher(s);
        if (!m.matches()) {
            throw new Unreadable("\"" + shorten(s) + "\" is a host name, not an IPv4 address: run tcpdump with -n");
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(m.group(i + 1));
            if (v > 255) {
                throw new Unreadable("\"" + s + "\" is not an IPv4 address");
            }
            b[i] = (byte) v;
        }
        return b;
    }

    private static byte[] ipv6(String s) throws Unreadable {
        if (s.indexOf(':') < 0 || !s.matches("[0-9a-fA-F:.]+")) {
            throw new Unreadable("\"" + shorten(s) + "\" is a host name, not an IPv6 address: run tcpdump with -n");
        }
        try {
            // literal only: the pattern above leaves no name to look up
            byte[] b = java.net.InetAddress.getByName(s).getAddress();
            return b.length == 16 ? b : fail(s);
        } catch (java.net.UnknownHostException e) {
            return fail(s);
        }
    }

    private static byte[] fail(String s) throws Unreadable {
        throw new Unreadable("\"" + shorten(s) + "\" is not an IPv6 address");
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** A growing byte array. */
    private static final class Bytes {
        private byte[] b = new byte[128];
        private int n;

        void u8(int v) {
            if (n == b.length) {
                b = java.util.Arrays.copyOf(b, n * 2);
            }
            b[n++] = (byte) v;
        }

        void u16(int v) {
            u8(v >>> 8);
            u8(v);
        }

        void u32(int v) {
            u16(v >>> 16);
            u16(v);
        }

        void put(byte[] bytes) {
            for (byte x : bytes) {
                u8(x);
            }
        }

        void zeros(int count) {
            for (int i = 0; i < count; i++) {
                u8(0);
            }
        }

        int size() {
            return n;
        }

        byte[] bytes() {
            return java.util.Arrays.copyOf(b, n);
        }
    }

    /** The decimal number, or {@code max} where it is larger (however many digits it has). */
    static int atMost(String digits, int max) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            v = v * 10 + (digits.charAt(i) - '0');
            if (v > max) {
                return max;
            }
        }
        return v;
    }
}
