package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldFormat;

/**
 * The display filter that selects a field's value, as Wireshark's "Apply as Filter" and "Copy as Filter" write it
 * ({@code proto_construct_match_selected_string}): the field name alone for a protocol or a label, otherwise
 * {@code name == value} with the value written as the filter language reads it back. And the ways Wireshark
 * combines it with the filter already applied.
 */
public final class MatchSelected {
    /** Wireshark's Apply/Prepare as Filter submenu. */
    public enum Action {
        SELECTED("Selected"),
        NOT_SELECTED("Not Selected"),
        AND_SELECTED("…and Selected"),
        OR_SELECTED("…or Selected"),
        AND_NOT_SELECTED("…and not Selected"),
        OR_NOT_SELECTED("…or not Selected");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The menu item's words. */
        public String label() {
            return label;
        }
    }

    private MatchSelected() {
    }

    /** The filter matching node {@code node} of the dissection; null when the node has no name to filter on. */
    public static String of(Dissection d, int node) {
        Field f = d.field(node);
        String name = f.abbrev();
        // a heading of the tree (dns.text, a duplicate address report's heading) has a name but no filter
        if (name == null || name.isEmpty() || dev.cutover.dissect.FieldCatalogue.byName(name) == null) {
            return null;
        }
        switch (f.type()) {
            case PROTOCOL:
            case NONE:
                return name;
            case STRING:
                Object o = d.object(node);
                return name + " == " + quote(o == null ? "" : o.toString());
            case ABSOLUTE_TIME:
                String t = FieldFormat.absoluteTime(d.value(node), 9);
                return name + " == " + quote(t.endsWith(" UTC") ? t.substring(0, t.length() - 4) : t);
            case BYTES:
                if (d.length(node) == 0) {
                    return name;
                }
                return name + " == " + FieldFormat.value(d, node);
            default:
                return name + " == " + FieldFormat.value(d, node);
        }
    }

    /** The filter an action makes of the selected field's filter and the one applied now ("" for none). */
    public static String combine(String current, String selected, Action action) {
        String cur = current == null ? "" : current.strip();
        switch (action) {
            case NOT_SELECTED:
                return "!(" + selected + ")";
            case AND_SELECTED:
                return cur.isEmpty() ? selected : "(" + cur + ") && (" + selected + ")";
            case OR_SELECTED:
                return cur.isEmpty() ? selected : "(" + cur + ") || (" + selected + ")";
            case AND_NOT_SELECTED:
                return cur.isEmpty() ? "!(" + selected + ")" : "(" + cur + ") && !(" + selected + ")";
            case OR_NOT_SELECTED:
                return cur.isEmpty() ? "!(" + selected + ")" : "(" + cur + ") || !(" + selected + ")";
            case SELECTED:
            default:
                return selected;
        }
    }

    /** A string literal of the filter language: in double quotes, with backslash and quote escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
