package dev.cutover.statistics;

/** RFC 4180 lines for the statistics' Copy as CSV: CRLF, fields quoted when they hold a comma, quote or break. */
public final class Csv {
    private Csv() {
    }

    /** Appends one line of fields. */
    public static void row(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i] == null ? "" : dev.cutover.text.Untrusted.forCsv(fields[i]);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append("\r\n");
    }
}
