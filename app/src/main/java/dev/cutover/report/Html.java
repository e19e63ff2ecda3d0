package dev.cutover.report;

/** Escaping for HTML text and attribute values. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default:
                    // Control characters other than tab and newline have no place in a report.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
