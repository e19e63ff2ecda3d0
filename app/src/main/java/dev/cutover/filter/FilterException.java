package dev.cutover.filter;

/**
 * A display filter that cannot be compiled: where in the text it went wrong and why, rendered the way
 * Wireshark shows it (the filter, a caret line under the offending characters, the message).
 */
public final class FilterException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String filter;
    private final int position;
    private final int length;
    private final String message;

    /**
     * @param filter   the filter text as the user typed it
     * @param position 0-based index of the first offending character (the text's length for "at the end")
     * @param length   how many characters the problem spans, 0 for a point
     * @param message  one sentence, without the filter
     */
    public FilterException(String filter, int position, int length, String message) {
        super(message);
        this.filter = filter == null ? "" : filter;
        this.position = Math.max(0, Math.min(position, this.filter.length()));
        this.length = Math.max(0, Math.min(length, this.filter.length() - this.position));
        this.message = message;
    }

    public String filter() {
        return filter;
    }

    public int position() {
        return position;
    }

    public int length() {
        return length;
    }

    public String message() {
        return message;
    }

    /**
     * Three lines: the line of the filter holding the error, a caret line ({@code ^~~~}) under the offending
     * characters, and the message.
     */
    public String render() {
        int lineStart = filter.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = filter.indexOf('\n', position);
        if (lineEnd < 0) {
            lineEnd = filter.length();
        }
        StringBuilder sb = new StringBuilder(filter.length() * 2 + message.length() + 4);
        sb.append(filter, lineStart, lineEnd).append('\n');
        for (int i = lineStart; i < position; i++) {
            // Tabs are copied so the caret lines up however the terminal expands them.
            sb.append(filter.charAt(i) == '\t' ? '\t' : ' ');
        }
        sb.append('^');
        int end = Math.min(position + length, lineEnd);
        for (int i = position + 1; i < end; i++) {
            sb.append('~');
        }
        return sb.append('\n').append(message).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
