package dev.cutover.text;

/**
 * Text that came from a capture (comments, interface names, decoded strings) made safe for where it goes: a
 * terminal, where control characters are escapes the terminal would obey (a title change, a cleared screen),
 * and a spreadsheet, where a cell starting with {@code =} is a formula it would evaluate.
 */
public final class Untrusted {
    private Untrusted() {
    }

    /**
     * True for a character a terminal acts on or that changes how the text around it reads: C0 controls but tab
     * and newline, DEL, C1 controls, the bidirectional embeddings, overrides and isolates (U+202A to U+202E,
     * U+2066 to U+2069: an override shows {@code 00:50:56} reversed, the "Trojan Source" trick) and the line and
     * paragraph separators (U+2028, U+2029: a line break to some viewers).
     */
    static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * Appends {@code \xHH} for a control character, as tshark escapes one, and {@code \u202e} for a
     * bidirectional control or separator (a JSON reader reads that back as the character).
     */
    static void appendEscape(StringBuilder sb, int c) {
        if (c > 0xff) {
            sb.append("\\u");
            for (int shift = 12; shift >= 0; shift -= 4) {
                sb.append(Character.forDigit((c >>> shift) & 15, 16));
            }
            return;
        }
        sb.append("\\x").append(Character.forDigit(c >>> 4, 16)).append(Character.forDigit(c & 15, 16));
    }

    /**
     * The text for a terminal: every control character escaped ({@code \x1b}), and each newline followed by
     * {@code continuation}, so a comment of several lines stays indented under its label instead of passing
     * for lines of the output.
     */
    public static String forTerminal(CharSequence text, String continuation) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append('\n').append(continuation);
            } else if (isControl(c)) {
                appendEscape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The text on one line, for a table cell or a column: every control character escaped, newline and tab
     * included ({@code \x0a}), so a name or comment can neither act on the terminal nor forge a row.
     */
    public static String oneLine(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || isControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                appendEscape(sb, c);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text.toString() : sb.toString();
    }

    /**
     * Text for HTML, SVG or any XML, in an element or a quoted attribute: the markup characters as entities, and
     * every character XML does not allow (C0 controls but tab and newline, a lone surrogate, U+FFFE, U+FFFF) as
     * U+FFFD, so the file stays well-formed and shows where something was.
     */
    public static String forMarkup(CharSequence text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if ((c < 0x20 && c != '\n' && c != '\t') || Character.isSurrogate(c)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    /**
     * A cell for CSV that a spreadsheet shows as text: one starting with {@code =}, {@code +}, {@code -},
     * {@code @} or a tab gets a leading apostrophe (OWASP's advice against formula injection), unless it is a
     * plain number such as {@code -0.000412}. Control characters but tab and newline are escaped ({@code \x1b}, a
     * carriage return too, so it never starts a cell): a NUL breaks CSV readers, an escape sequence acts on a
     * terminal that shows the file; a quoted cell keeps its lines.
     */
    public static String forCsv(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        for (int i = 0; i < cell.length(); i++) {
            if (isControl(cell.charAt(i))) {
                cell = forTerminal(cell, "");
                break;
            }
        }
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t') {
            return cell;
        }
        if ((c == '-' || c == '+') && isNumber(cell)) {
            return cell;
        }
        return "'" + cell;
    }

    private static boolean isNumber(String s) {
        boolean digits = false;
        boolean dot = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
