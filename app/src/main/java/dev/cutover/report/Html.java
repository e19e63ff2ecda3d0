package dev.cutover.report;

/** Escaping for HTML text and attribute values. */
final class Html {
    private Html() {
    }

    static String escape(String s) {
        return dev.cutover.text.Untrusted.forMarkup(s);
    }
}
