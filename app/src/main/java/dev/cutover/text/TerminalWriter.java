package dev.cutover.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer for standard output and error that never passes a control character to the terminal: each is
 * written as {@code \x1b}, as tshark prints them. Tab and newline pass (the commands' own layout); a newline
 * inside a decoded value is indented by whoever formats it ({@link Untrusted#forTerminal}).
 */
public final class TerminalWriter extends FilterWriter {
    private final StringBuilder escape = new StringBuilder(4);

    public TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (Untrusted.isControl(c)) {
            escape.setLength(0);
            Untrusted.appendEscape(escape, c);
            out.write(escape.toString());
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (Untrusted.isControl(buf[i])) {
                out.write(buf, start, i - start);
                write(buf[i]);
                start = i + 1;
            }
        }
        out.write(buf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (Untrusted.isControl(str.charAt(i))) {
                out.write(str, start, i - start);
                write(str.charAt(i));
                start = i + 1;
            }
        }
        out.write(str, start, end - start);
    }
}
