package dev.cutover.text;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a {@link TerminalWriter} over a UTF-8 {@link java.io.OutputStreamWriter} writes, encoded straight into a
 * large byte buffer: each control character as its escape ({@code \x1b}), everything else as UTF-8, an unpaired
 * surrogate as {@code ?}. For a command that prints megabytes of decoded frames, where the writer chain (a copy to
 * a string, a scan, a copy into the writer's buffer, the encoder) cost more than the text took to make.
 */
public final class TerminalOutput {
    private final OutputStream out;
    private final byte[] buffer;
    private int used;
    private final StringBuilder escape = new StringBuilder(8);

    /** Writes to {@code out} in pieces of {@code bufferBytes} (at least 16). */
    public TerminalOutput(OutputStream out, int bufferBytes) {
        this.out = out;
        this.buffer = new byte[Math.max(16, bufferBytes)];
    }

    /** A high surrogate that ended the text appended last, to be paired with what comes next; 0 for none. */
    private char pendingHigh;

    /** Characters of the text being appended, copied out of it a piece at a time. */
    private char[] chars = new char[8192];

    /** Appends {@code text}, escaped and encoded. */
    public void append(CharSequence text) throws IOException {
        int n = text.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        if (text instanceof StringBuilder sb) {
            sb.getChars(0, n, chars, 0);
        } else {
            text.toString().getChars(0, n, chars, 0);
        }
        append(chars, n);
    }

    private void append(char[] text, int n) throws IOException {
        byte[] b = buffer;
        for (int i = 0; i < n; i++) {
            if (b.length - used < 8) { // the longest a character takes: an escape, \u202e
                drain();
            }
            char c = text[i];
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    utf8(b, Character.toCodePoint(high, c));
                    continue;
                }
                b[used++] = '?';
                if (b.length - used < 8) {
                    drain();
                }
            }
            if (c < 0x80 && (c >= 0x20 || c == '\t' || c == '\n') && c != 0x7f) {
                b[used++] = (byte) c;
            } else if (Untrusted.isControl(c)) {
                escape.setLength(0);
                Untrusted.appendEscape(escape, c);
                for (int k = 0; k < escape.length(); k++) {
                    b[used++] = (byte) escape.charAt(k);
                }
            } else if (c < 0x800) {
                b[used++] = (byte) (0xC0 | c >> 6);
                b[used++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text[i + 1])) {
                utf8(b, Character.toCodePoint(c, text[++i]));
            } else if (Character.isHighSurrogate(c) && i + 1 == n) {
                // as the writer's encoder: kept for a low surrogate the next text may begin with
                pendingHigh = c;
            } else if (Character.isSurrogate(c)) {
                b[used++] = '?';
            } else {
                b[used++] = (byte) (0xE0 | c >> 12);
                b[used++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[used++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void utf8(byte[] b, int cp) {
        b[used++] = (byte) (0xF0 | cp >> 18);
        b[used++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[used++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[used++] = (byte) (0x80 | cp & 0x3F);
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /**
     * Writes out what is buffered and flushes the stream; a high surrogate that ended the last text stays held, as
     * the writer's encoder holds it.
     */
    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
