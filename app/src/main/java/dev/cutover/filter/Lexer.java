package dev.cutover.filter;

import dev.cutover.filter.Token.Kind;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits filter text into tokens, Wireshark 4.0's way: unquoted literals are one word, keywords are lower case. */
final class Lexer {
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("and", Kind.AND), Map.entry("or", Kind.OR), Map.entry("not", Kind.NOT),
            Map.entry("eq", Kind.EQ), Map.entry("any_eq", Kind.EQ), Map.entry("ne", Kind.NE),
            Map.entry("all_ne", Kind.NE), Map.entry("all_eq", Kind.ALL_EQ), Map.entry("any_ne", Kind.ANY_NE),
            Map.entry("lt", Kind.LT), Map.entry("le", Kind.LE), Map.entry("gt", Kind.GT), Map.entry("ge", Kind.GE),
            Map.entry("contains", Kind.CONTAINS), Map.entry("matches", Kind.MATCHES), Map.entry("in", Kind.IN));

    private final String src;
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String src) throws FilterException {
        Lexer lexer = new Lexer(src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            out.add(t);
        } while (t.kind() != Kind.EOF);
        return out;
    }

    private Token next() throws FilterException {
        while (pos < src.length() && isSpace(src.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= src.length()) {
            return new Token(Kind.EOF, "", null, start, start);
        }
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                return single(Kind.LPAREN);
            case ')':
                return single(Kind.RPAREN);
            case '{':
                return single(Kind.LBRACE);
            case '}':
                return single(Kind.RBRACE);
            case ',':
                return single(Kind.COMMA);
            case '[':
                return slice();
            case '"':
                return string(pos, false);
            case '=':
                if (startsWith("===")) {
                    return op(Kind.ALL_EQ, 3);
                }
                if (startsWith("==")) {
                    return op(Kind.EQ, 2);
                }
                break;
            case '!':
                return startsWith("!=") ? op(Kind.NE, 2) : op(Kind.NOT, 1);
            case '~':
                return startsWith("~=") ? op(Kind.ANY_NE, 2) : op(Kind.MATCHES, 1);
            case '<':
                return startsWith("<=") ? op(Kind.LE, 2) : op(Kind.LT, 1);
            case '>':
                return startsWith(">=") ? op(Kind.GE, 2) : op(Kind.GT, 1);
            case '&':
                return startsWith("&&") ? op(Kind.AND, 2) : op(Kind.BITAND, 1);
            case '|':
                if (startsWith("||")) {
                    return op(Kind.OR, 2);
                }
                break;
            default:
                if (startsWith("..")) {
                    return op(Kind.DOTDOT, 2);
                }
                if (isWordChar(c)) {
                    return word();
                }
        }
        int cp = src.codePointAt(pos);
        throw new FilterException(src, pos, Character.charCount(cp),
                "\"" + new String(Character.toChars(cp)) + "\" was unexpected in this context.");
    }

    private Token single(Kind kind) {
        pos++;
        return new Token(kind, src.substring(pos - 1, pos), null, pos - 1, pos);
    }

    private Token op(Kind kind, int length) {
        int start = pos;
        pos += length;
        return new Token(kind, src.substring(start, pos), null, start, pos);
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    /** A word ends before "..", so that {@code {3..4}} is a range and not one literal. */
    private Token word() throws FilterException {
        int start = pos;
        while (pos < src.length() && isWordChar(src.charAt(pos)) && !startsWith("..")) {
            pos++;
        }
        String w = src.substring(start, pos);
        if ((w.equals("r") || w.equals("R")) && pos < src.length() && src.charAt(pos) == '"') {
            return string(start, true);
        }
        if (w.indexOf(':') >= 0) {
            colonGroups(w, start);
        }
        Kind keyword = KEYWORDS.get(w);
        return new Token(keyword == null ? Kind.WORD : keyword, w, null, start, pos);
    }

    /**
     * Wireshark 4.0 reads colon-separated bytes only in pairs of hex digits ({@code 00:50:56}), so
     * {@code 00:50:56:9d:b0:5} is not a short MAC but a byte string followed by an unexpected {@code :5}.
     * IPv6 addresses ({@code fe80::1}) are left alone.
     */
    private void colonGroups(String w, int start) throws FilterException {
        if (w.contains("::") || IPV6_GROUPS.matcher(w).matches()) {
            return;
        }
        int valid = pairsPrefix(w, 0);
        if (valid == w.length()) {
            return;
        }
        int at = valid > 0 ? valid : w.indexOf(':');
        String rest = w.substring(at);
        int length;
        if (rest.charAt(0) == ':' && rest.length() > 1 && pairsPrefix(rest, 1) == rest.length()) {
            length = rest.length();
        } else {
            length = rest.charAt(0) == ':' ? 1 : 0;
            while (length < rest.length() && Character.digit(rest.charAt(length), 16) >= 0
                    && rest.charAt(length) < 128) {
                length++;
            }
            length = Math.max(1, length);
        }
        throw new FilterException(src, start + at, length,
                "\"" + rest.substring(0, length) + "\" was unexpected in this context.");
    }

    /** IPv6 written out in full: eight groups of one to four hex digits. */
    private static final java.util.regex.Pattern IPV6_GROUPS =
            java.util.regex.Pattern.compile("[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){7}(/\\d{1,3})?");

    /**
     * The end of the longest run from {@code from} of two-digit hex groups joined by colons, with at least two
     * groups; {@code from} itself when there is none.
     */
    private static int pairsPrefix(String w, int from) {
        int i = from;
        int groups = 0;
        int end = from;
        while (i + 2 <= w.length() && isHex(w.charAt(i)) && isHex(w.charAt(i + 1))) {
            groups++;
            i += 2;
            if (groups >= 2) {
                end = i;
            }
            if (i < w.length() && w.charAt(i) == ':') {
                i++;
            } else {
                break;
            }
        }
        return groups >= 2 ? end : from;
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    /** The text between brackets, checked by the parser; a missing "]" is reported at the "[". */
    private Token slice() throws FilterException {
        int start = pos;
        int close = src.indexOf(']', pos);
        if (close < 0) {
            throw new FilterException(src, start, 1, "The right bracket was missing from a slice.");
        }
        pos = close + 1;
        return new Token(Kind.SLICE, src.substring(start + 1, close), null, start, pos);
    }

    /**
     * A quoted string starting at {@code start} (at the {@code r} of a raw string). Escapes follow C, as
     * Wireshark: octal and {@code \x} escapes give raw bytes, so the value is kept as bytes as well as text.
     */
    private Token string(int start, boolean raw) throws FilterException {
        pos = src.indexOf('"', start) + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new FilterException(src, start, src.length() - start,
                        "The final quote was missing from a quoted string.");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                flush(plain, bytes);
                byte[] value = bytes.toByteArray();
                return new Token(Kind.STRING, new String(value, StandardCharsets.UTF_8), value, start, pos);
            }
            if (c != '\\') {
                plain.append(c);
                pos++;
            } else if (raw) {
                // A raw string keeps its backslashes; one only stops the next quote from ending the string.
                plain.append(c);
                if (pos + 1 < src.length()) {
                    plain.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else {
                flush(plain, bytes);
                escape(bytes);
            }
        }
    }

    private static void flush(StringBuilder plain, ByteArrayOutputStream bytes) {
        if (plain.length() > 0) {
            byte[] b = plain.toString().getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
            plain.setLength(0);
        }
    }

    private void escape(ByteArrayOutputStream out) throws FilterException {
        int at = pos;
        if (pos + 1 >= src.length()) {
            throw new FilterException(src, at, 1, "The final quote was missing from a quoted string.");
        }
        char e = src.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '\\': out.write('\\'); return;
            case '"': out.write('"'); return;
            case '\'': out.write('\''); return;
            case 'a': out.write(7); return;
            case 'b': out.write(8); return;
            case 'f': out.write(12); return;
            case 'n': out.write('\n'); return;
            case 'r': out.write('\r'); return;
            case 't': out.write('\t'); return;
            case 'v': out.write(11); return;
            case 'x':
                int hex = digits(16, 2);
                if (hex < 0) {
                    break;
                }
                out.write(hex);
                return;
            default:
                if (e >= '0' && e <= '7') {
                    pos--;
                    int oct = digits(8, 3);
                    if (oct > 255) {
                        break;
                    }
                    out.write(oct);
                    return;
                }
        }
        int end = Math.min(src.length(), Math.max(pos, at + 2));
        throw new FilterException(src, at, end - at,
                src.substring(at, end) + " is not a valid character escape sequence.");
    }

    /** Up to {@code max} digits of {@code radix} at pos; -1 when there is none. */
    private int digits(int radix, int max) {
        int v = 0;
        int n = 0;
        while (n < max && pos < src.length() && Character.digit(src.charAt(pos), radix) >= 0
                && src.charAt(pos) < 128) {
            v = v * radix + Character.digit(src.charAt(pos), radix);
            pos++;
            n++;
        }
        return n == 0 ? -1 : v;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == ':' || c == '-' || c == '/';
    }
}
