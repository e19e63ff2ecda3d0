package dev.cutover.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.FieldType;

/**
 * One frame as one JSON object: keys are field names, values strings formatted as {@code tshark -T json -e}
 * prints them, an array when a field occurs more than once. Protocol nodes carry no value and are left out.
 */
final class JsonLines {
    private int[] counts = new int[0];
    private int[] stamps = new int[0];
    private int stamp;
    private final StringBuilder value = new StringBuilder(64);
    private String[] keys = new String[0];

    void append(StringBuilder sb, Dissection d) {
        ensure(Field.idLimit());
        int n = d.size();
        count(d, n);
        stamp++;
        sb.append('{');
        boolean first = true;
        // One loop here, the others in methods of their own: the JIT compiles a method again from each loop that
        // runs long before it is compiled, and this one's body is large.
        for (int i = 0; i < n; i++) {
            Field f = d.field(i);
            if (f.type() == FieldType.PROTOCOL || stamps[f.id()] == stamp) {
                continue;
            }
            stamps[f.id()] = stamp;
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(key(f));
            if (counts[f.id()] == 1) {
                valueOf(sb, d, i);
            } else {
                values(sb, d, f, i, n);
            }
        }
        sb.append('}');
    }

    /** Counts how often each field occurs, under a new stamp. */
    private void count(Dissection d, int n) {
        stamp++;
        for (int i = 0; i < n; i++) {
            int id = d.field(i).id();
            if (stamps[id] != stamp) {
                stamps[id] = stamp;
                counts[id] = 0;
            }
            counts[id]++;
        }
    }

    /** The values of a field that occurs more than once, from its first node {@code i}, as an array. */
    private void values(StringBuilder sb, Dissection d, Field f, int i, int n) {
        sb.append('[');
        boolean firstValue = true;
        for (int j = i; j < n; j++) {
            if (d.field(j) == f) {
                if (!firstValue) {
                    sb.append(',');
                }
                firstValue = false;
                valueOf(sb, d, j);
            }
        }
        sb.append(']');
    }

    /** The node's value, quoted: formatted in place, and escaped only when it has to be (rarely). */
    private void valueOf(StringBuilder sb, Dissection d, int node) {
        sb.append('"');
        int start = sb.length();
        FieldFormat.appendValue(sb, d, node);
        if (!plain(sb, start)) {
            value.setLength(0);
            value.append(sb, start, sb.length());
            sb.setLength(start);
            // Jackson's own escaping, as every other JSON Cutover writes
            JsonStringEncoder.getInstance().quoteAsString(value, sb);
        }
        sb.append('"');
    }

    /** The quoted key and colon, built once per field. */
    private String key(Field f) {
        String k = keys[f.id()];
        if (k == null) {
            StringBuilder b = new StringBuilder();
            string(b, f.abbrev());
            k = b.append(':').toString();
            keys[f.id()] = k;
        }
        return k;
    }

    private void ensure(int size) {
        if (counts.length < size) {
            counts = new int[size];
            stamps = new int[size];
            keys = java.util.Arrays.copyOf(keys, size);
            stamp = 0;
        }
    }

    static void string(StringBuilder sb, CharSequence s) {
        sb.append('"');
        if (plain(s, 0)) {
            sb.append(s).append('"');
            return;
        }
        // Jackson's own escaping, as every other JSON Cutover writes
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }

    /** Whether {@code s} from {@code start} needs no escaping, as most values (numbers, addresses) need none. */
    private static boolean plain(CharSequence s, int start) {
        for (int i = start, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
