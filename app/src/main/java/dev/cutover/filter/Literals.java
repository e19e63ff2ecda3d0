package dev.cutover.filter;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.filter.Ast.Value;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a literal as a value of the type it is compared with, once, at compile time: the same word
 * {@code 10} is a number for {@code vlan.id}, a byte for {@code eth.src[0]}, a time for {@code frame.time_delta}.
 */
final class Literals {
    /** A number to compare with; IPv4 literals may carry a CIDR prefix, which masks both sides. */
    record Num(long value, long mask) {
        static Num exact(long value) {
            return new Num(value, -1L);
        }
    }

    /** Dotted quad; an octet with a leading zero (01) is refused, as inet_pton refuses it for Wireshark. */
    private static final Pattern IPV4 = Pattern.compile(
            "(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})(?:/(\\d{1,3}))?");
    private static final Pattern FLOATING = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern SECONDS = Pattern.compile("(-?)(\\d{1,10})(?:\\.(\\d+))?");
    private static final Pattern US_DATE = Pattern.compile(
            "([A-Za-z]{3}) +(\\d{1,2}), *(\\d{4}) +(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?: +UTC)?");
    private static final Pattern ISO_DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(?:Z| +UTC)?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final Pattern LOOKS_LIKE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+)+");

    private final String src;
    private final Collection<Field> catalogue;

    Literals(String src, Collection<Field> catalogue) {
        this.src = src;
        this.catalogue = catalogue;
    }

    static String text(Value lit) {
        return lit instanceof Ast.Quoted ? ((Ast.Quoted) lit).text() : ((Ast.Word) lit).text();
    }

    /** A literal for a numeric operand (integers, booleans, MACs, IPv4, times). */
    Num number(Value lit, Operand o) throws FilterException {
        String t = text(lit);
        switch (o.type) {
            case UINT8:
            case UINT16:
            case UINT32:
            case FRAMENUM:
                return Num.exact(unsigned(lit, t, o));
            case BOOLEAN:
                return Num.exact(bool(lit, t, o));
            case ETHER:
                return Num.exact(mac(lit, t, o));
            case IPV4:
                return ipv4(lit, t, o);
            case RELATIVE_TIME:
                return Num.exact(seconds(lit, t, o));
            case ABSOLUTE_TIME:
                return Num.exact(date(lit, t, o));
            case DOUBLE:
                return Num.exact(FieldType.doubleKey(floating(lit, t, o)));
            default:
                throw invalid(lit, o, "value");
        }
    }

    private long unsigned(Value lit, String t, Operand o) throws FilterException {
        long max = o.type == FieldType.UINT8 ? 0xffL : o.type == FieldType.UINT16 ? 0xffffL : 0xffff_ffffL;
        BigInteger v = integer(t);
        if (v == null) {
            Long named = valueName(t, o.valueNames());
            if (named != null) {
                return named;
            }
            throw invalid(lit, o, o.valueNames().isEmpty() ? "unsigned integer" : "unsigned integer or value name");
        }
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw error(lit, "\"" + t + "\" is too big for " + o.describe() + ": the maximum is " + max + ".");
        }
        return v.longValue();
    }

    private long bool(Value lit, String t, Operand o) throws FilterException {
        if (t.equalsIgnoreCase("true")) {
            return 1;
        }
        if (t.equalsIgnoreCase("false")) {
            return 0;
        }
        BigInteger v = integer(t);
        if (v != null) {
            return v.signum() != 0 ? 1 : 0;
        }
        Long named = valueName(t, o.valueNames());
        if (named != null) {
            return named != 0 ? 1 : 0;
        }
        throw invalid(lit, o, "boolean");
    }

    /** Decimal, 0x hexadecimal, 0b binary or 0-prefixed octal; null when the text is none of these. */
    static BigInteger integer(String t) {
        int radix = 10;
        String digits = t;
        if (t.length() > 2 && (t.startsWith("0x") || t.startsWith("0X"))) {
            radix = 16;
            digits = t.substring(2);
        } else if (t.length() > 2 && (t.startsWith("0b") || t.startsWith("0B"))) {
            radix = 2;
            digits = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            digits = t.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 80) {
            return digits.length() > 80 && allDigits(digits, radix) ? BigInteger.ONE.shiftLeft(256) : null;
        }
        return allDigits(digits, radix) ? new BigInteger(digits, radix) : null;
    }

    private static boolean allDigits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128 || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Value names match without regard to case ("Request" is "request"); the smallest value wins a tie. */
    private static Long valueName(String t, Map<Long, String> names) {
        Long best = null;
        for (Map.Entry<Long, String> e : names.entrySet()) {
            if (e.getValue().equalsIgnoreCase(t) && (best == null || e.getKey() < best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private long mac(Value lit, String t, Operand o) throws FilterException {
        byte[] b = hexBytes(t);
        if (b == null) {
            throw invalid(lit, o, "Ethernet address");
        }
        if (b.length != 6) {
            throw error(lit, "\"" + t + "\" contains too " + (b.length < 6 ? "few" : "many")
                    + " bytes to be a valid Ethernet address.");
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }

    private Num ipv4(Value lit, String t, Operand o) throws FilterException {
        Matcher m = IPV4.matcher(t);
        if (!m.matches()) {
            throw invalid(lit, o, "IPv4 address");
        }
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw invalid(lit, o, "IPv4 address");
            }
            v = (v << 8) | octet;
        }
        if (m.group(5) == null) {
            return Num.exact(v);
        }
        int bits = Integer.parseInt(m.group(5));
        if (bits > 32) {
            throw error(lit, "\"" + t + "\" is not a valid IPv4 address for " + o.describe()
                    + ": netmask bits should be at most 32, not " + bits + ".");
        }
        long mask = bits == 0 ? 0 : (0xffff_ffffL << (32 - bits)) & 0xffff_ffffL;
        return new Num(v & mask, mask);
    }

    /** A decimal number as strtod reads one ("0.4", "-2", "1e-3", ".5"); no hexadecimal, infinity or NaN. */
    private double floating(Value lit, String t, Operand o) throws FilterException {
        if (!FLOATING.matcher(t).matches()) {
            throw invalid(lit, o, "number");
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v)) {
            throw error(lit, "\"" + t + "\" causes floating-point overflow.");
        }
        return v;
    }

    /** Seconds with up to nine decimals, as nanoseconds; further decimals are below the clock's resolution. */
    private long seconds(Value lit, String t, Operand o) throws FilterException {
        Matcher m = SECONDS.matcher(t);
        if (!m.matches()) {
            throw invalid(lit, o, "time in seconds");
        }
        try {
            long ns = Math.addExact(Math.multiplyExact(Long.parseLong(m.group(2)), 1_000_000_000L),
                    fraction(m.group(3)));
            return m.group(1).isEmpty() ? ns : -ns;
        } catch (ArithmeticException e) {
            throw invalid(lit, o, "time in seconds");
        }
    }

    private static long fraction(String digits) {
        if (digits == null) {
            return 0;
        }
        String nine = (digits + "000000000").substring(0, 9);
        return Long.parseLong(nine);
    }

    /** "Dec  5, 2013 16:59:59.43" or "2013-12-05 16:59:59.43", in UTC as Cutover shows times. */
    private long date(Value lit, String t, Operand o) throws FilterException {
        try {
            Matcher us = US_DATE.matcher(t.trim());
            if (us.matches()) {
                int month = MONTHS.indexOf(us.group(1).toLowerCase(Locale.ROOT));
                if (month >= 0 && month % 3 == 0) {
                    return epochNanos(Integer.parseInt(us.group(3)), month / 3 + 1, Integer.parseInt(us.group(2)),
                            us.group(4), us.group(5), us.group(6), us.group(7));
                }
            }
            Matcher iso = ISO_DATE.matcher(t.trim());
            if (iso.matches()) {
                return epochNanos(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)), iso.group(4), iso.group(5), iso.group(6), iso.group(7));
            }
        } catch (DateTimeException | ArithmeticException e) {
            // falls through to the error below: the fields are out of range (month 13, 25 o'clock)
        }
        throw error(lit, "\"" + t + "\" is not a valid date and time for " + o.describe()
                + "; write it as \"2013-12-05 16:59:59.43\" (UTC).");
    }

    private static long epochNanos(int year, int month, int day, String hour, String minute, String second,
                                   String fraction) {
        LocalDateTime t = LocalDateTime.of(year, month, day, Integer.parseInt(hour), Integer.parseInt(minute),
                second == null ? 0 : Integer.parseInt(second));
        long s = t.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(s, 1_000_000_000L), fraction(fraction));
    }

    /**
     * A byte string: a quoted string's bytes, or hex written {@code aa:bb:cc}, {@code aa-bb-cc},
     * {@code aabb.cc} or {@code aabbcc}; a lone {@code 0x..} up to 0xff is one byte.
     */
    byte[] bytes(Value lit, Operand o) throws FilterException {
        if (lit instanceof Ast.Quoted) {
            return ((Ast.Quoted) lit).bytes();
        }
        String t = text(lit);
        if (o.type == FieldType.IPV6) {
            byte[] address = ipv6(t);
            if (address == null) {
                throw invalid(lit, o, "IPv6 address");
            }
            return address;
        }
        byte[] b = hexBytes(t);
        if (b == null) {
            BigInteger v = t.startsWith("0x") || t.startsWith("0X") ? integer(t) : null;
            if (v != null && v.bitLength() <= 8) {
                return new byte[] {(byte) v.intValue()};
            }
            throw invalid(lit, o, "byte string");
        }
        return b;
    }

    /** An IPv6 address with a prefix length: the first {@code bits} bits are compared, the rest ignored. */
    record Prefix(byte[] address, int bits) {
    }

    /**
     * The IPv6 literal {@code 2001:db8::/32} as its address and prefix length, as Wireshark reads it; null when the
     * literal has no prefix (a quoted string never has one).
     */
    Prefix ipv6Prefix(Value lit, Operand o) throws FilterException {
        if (!(lit instanceof Ast.Word) || o.type != FieldType.IPV6) {
            return null;
        }
        String t = text(lit);
        int slash = t.indexOf('/');
        if (slash < 0) {
            return null;
        }
        byte[] address = ipv6(t.substring(0, slash));
        String length = t.substring(slash + 1);
        if (address == null || !length.matches("\\d{1,3}")) {
            throw invalid(lit, o, "IPv6 address");
        }
        int bits = Integer.parseInt(length);
        if (bits > 128) {
            throw error(lit, "Prefix in a IPv6 address should be <= 128, not " + bits);
        }
        return new Prefix(address, bits);
    }

    /**
     * An IPv6 address in any RFC 4291 text form (fe80::1, 2001:db8:0:0:0:0:0:10, ::ffff:10.0.0.1) as its sixteen
     * bytes; null when the text is not one.
     */
    static byte[] ipv6(String t) {
        if (t.isEmpty() || t.length() > 45) {
            return null;
        }
        int gap = t.indexOf("::");
        if (gap >= 0 && t.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? t.substring(0, gap) : t;
        String tail = gap >= 0 ? t.substring(gap + 2) : "";
        byte[] front = groups(head, gap < 0);
        byte[] back = gap >= 0 ? groups(tail, true) : new byte[0];
        if (front == null || back == null) {
            return null;
        }
        int total = front.length + back.length;
        if (gap < 0 ? total != 16 : total > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(front, 0, out, 0, front.length);
        System.arraycopy(back, 0, out, 16 - back.length, back.length);
        return out;
    }

    /** Colon-separated groups of 1 to 4 hex digits, the last of which may be a dotted IPv4 address when allowed. */
    private static byte[] groups(String s, boolean ipv4Last) {
        if (s.isEmpty()) {
            return new byte[0];
        }
        String[] parts = s.split(":", -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        for (int i = 0; i < parts.length; i++) {
            String g = parts[i];
            if (i == parts.length - 1 && ipv4Last && g.indexOf('.') >= 0) {
                Matcher m = IPV4.matcher(g);
                if (!m.matches() || m.group(5) != null) {
                    return null;
                }
                for (int k = 1; k <= 4; k++) {
                    int octet = Integer.parseInt(m.group(k));
                    if (octet > 255) {
                        return null;
                    }
                    out.write(octet);
                }
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || !allDigits(g, 16)) {
                return null;
            }
            int v = Integer.parseInt(g, 16);
            out.write(v >>> 8);
            out.write(v & 0xff);
        }
        return out.size() > 16 ? null : out.toByteArray();
    }

    /** Hex bytes separated by ':', '-' or '.', or not at all; each group one or two digits, or an even number. */
    static byte[] hexBytes(String t) {
        if (t.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length() / 2 + 1);
        int i = 0;
        while (i <= t.length()) {
            int end = i;
            while (end < t.length() && !isSeparator(t.charAt(end))) {
                end++;
            }
            int n = end - i;
            if (n == 0 || (n > 2 && n % 2 != 0)) {
                return null;
            }
            if (n == 1) {
                int v = hex(t.charAt(i));
                if (v < 0) {
                    return null;
                }
                out.write(v);
            } else {
                for (int k = i; k < end; k += 2) {
                    int hi = hex(t.charAt(k));
                    int lo = hex(t.charAt(k + 1));
                    if (hi < 0 || lo < 0) {
                        return null;
                    }
                    out.write(hi << 4 | lo);
                }
            }
            i = end + 1;
        }
        return out.toByteArray();
    }

    private static boolean isSeparator(char c) {
        return c == ':' || c == '-' || c == '.';
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    /** Text for a string field: a quoted string's value, or the word as written. */
    static String string(Value lit) {
        return text(lit);
    }

    /**
     * A "matches" pattern: Java regular expressions, case-insensitive as Wireshark's default. Against bytes,
     * the pattern is read one character per byte, as the bytes are, so {@code \x9d} matches the byte 0x9d.
     */
    Pattern regex(Value lit, boolean overBytes) throws FilterException {
        String t = overBytes && lit instanceof Ast.Quoted
                ? new String(((Ast.Quoted) lit).bytes(), StandardCharsets.ISO_8859_1) : text(lit);
        try {
            return Pattern.compile(t, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw error(lit, "\"" + t + "\" is not a valid regular expression: " + e.getDescription() + ".");
        } catch (StackOverflowError e) {
            // java.util.regex compiles groups recursively; a pattern of thousands of nested groups is rejected.
            throw error(lit, "This regular expression nests too deeply.");
        }
    }

    private FilterException invalid(Value lit, Operand o, String kind) {
        String t = text(lit);
        StringBuilder msg = new StringBuilder();
        msg.append('"').append(t).append("\" is not a valid ").append(kind).append(" for ").append(o.describe())
                .append('.');
        if (lit instanceof Ast.Word && LOOKS_LIKE_NAME.matcher(t).matches()) {
            String near = Names.closest(t, catalogue);
            if (near != null && !near.equals(t)) {
                msg.append(" Did you mean ").append(near).append('?');
            }
        }
        return error(lit, msg.toString());
    }

    FilterException error(Value lit, String message) {
        return new FilterException(src, lit.span().start(), lit.span().length(), message);
    }
}
