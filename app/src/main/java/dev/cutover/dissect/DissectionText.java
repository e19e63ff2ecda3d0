package dev.cutover.dissect;

/** The decoded frame as text: the details tree like {@code tshark -V}, and the bytes like its hex pane. */
public final class DissectionText {
    private DissectionText() {
    }

    /** Appends the tree: one line per shown node, four spaces of indent per level. */
    public static void appendTree(StringBuilder sb, Dissection d) {
        for (int i = 0; i < d.size(); i++) {
            if (isHidden(d, i)) {
                continue;
            }
            int depth = d.depth(i);
            for (int k = 0; k < depth; k++) {
                sb.append("    ");
            }
            String label = FieldFormat.label(d, i);
            if (label.indexOf('\n') >= 0) {
                // a comment of several lines stays under its label rather than passing for lines of the tree
                label = dev.cutover.text.Untrusted.forTerminal(label, "    ".repeat(depth + 1));
            }
            sb.append(label).append('\n');
        }
    }

    private static boolean isHidden(Dissection d, int node) {
        for (int p = node; p >= 0; p = d.parent(p)) {
            if (d.field(p).hidden()) {
                return true;
            }
        }
        return false;
    }

    /** Appends the hex dump: offset, 16 bytes in hex, and their printable ASCII. */
    public static void appendHex(StringBuilder sb, byte[] data, int length) {
        for (int row = 0; row < length; row += 16) {
            sb.append(String.format("%04x  ", row));
            for (int i = 0; i < 16; i++) {
                if (row + i < length) {
                    int b = data[row + i] & 0xff;
                    sb.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16)).append(' ');
                } else {
                    sb.append("   ");
                }
                if (i == 7) {
                    sb.append(' ');
                }
            }
            sb.append("  ");
            for (int i = 0; i < 16 && row + i < length; i++) {
                int b = data[row + i] & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append('\n');
        }
    }
}
