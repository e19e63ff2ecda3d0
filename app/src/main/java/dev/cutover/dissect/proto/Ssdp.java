package dev.cutover.dissect.proto;

import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * SSDP (UDP 1900): HTTP-like text, which Wireshark decodes with its HTTP dissector under the name SSDP. The
 * Info column is the request or status line.
 */
public final class Ssdp {
    public static final int PORT = 1900;
    private static final Set<String> METHODS = Set.of("M-SEARCH", "NOTIFY", "GET", "POST", "HEAD", "PUT",
            "SUBSCRIBE", "UNSUBSCRIBE", "OPTIONS");

    public static final Field SSDP = Field.payload("ssdp", "Simple Service Discovery Protocol", FieldType.PROTOCOL)
            .build();
    /** The lines of the message as the tree shows them; not filterable. */
    static final Field TEXT = Field.payload("ssdp.text", "", FieldType.NONE).build();
    public static final Field METHOD = Field.payload("http.request.method", "Request Method", FieldType.STRING).build();
    public static final Field URI = Field.payload("http.request.uri", "Request URI", FieldType.STRING).build();
    public static final Field REQUEST_VERSION = Field.payload("http.request.version", "Request Version", FieldType.STRING)
            .build();
    public static final Field RESPONSE_VERSION = Field.payload("http.response.version", "Response Version",
            FieldType.STRING).build();
    public static final Field CODE = Field.payload("http.response.code", "Status Code", FieldType.UINT16).build();
    public static final Field PHRASE = Field.payload("http.response.phrase", "Response Phrase", FieldType.STRING).build();
    public static final Field REQUEST_LINE = Field.payload("http.request.line", "Request line", FieldType.STRING).hidden()
            .blurb("A header line of a request").build();
    public static final Field RESPONSE_LINE = Field.payload("http.response.line", "Response line", FieldType.STRING)
            .hidden().blurb("A header line of a response").build();

    public static final List<Field> FIELDS = List.of(SSDP, METHOD, URI, REQUEST_VERSION, RESPONSE_VERSION, CODE,
            PHRASE, REQUEST_LINE, RESPONSE_LINE);

    private Ssdp() {
    }

    /** Decodes the text at {@code o} up to {@code end} (the UDP payload's end). */
    static void dissect(Cursor c, int o, int end) {
        Dissection out = c.out();
        int stop = Math.min(end, c.captured());
        c.protocol(SSDP, o, stop - o);
        out.setProtocolColumn("SSDP");
        StringBuilder info = out.info();
        info.setLength(0);
        byte[] d = c.data();
        int first = lineEnd(d, o, stop);
        String line = text(d, o, first);
        int next = skipEol(d, first, stop);
        boolean response = line.startsWith("HTTP/");
        boolean request = !response && isRequest(line);
        if (!response && !request) {
            info.append("Continuation");
            out.close();
            return;
        }
        info.append(line).append(' ');
        int node = out.addObject(TEXT, o, next - o, line + "\\r\\n");
        out.open(node);
        int sp1 = line.indexOf(' ');
        int sp2 = sp1 < 0 ? -1 : line.indexOf(' ', sp1 + 1);
        if (sp1 > 0) {
            String a = line.substring(0, sp1);
            String b = sp2 < 0 ? line.substring(sp1 + 1) : line.substring(sp1 + 1, sp2);
            String rest = sp2 < 0 ? null : line.substring(sp2 + 1);
            if (response) {
                out.addObject(RESPONSE_VERSION, o, sp1, a);
                try {
                    out.add(CODE, o + sp1 + 1, b.length(), Integer.parseInt(b));
                } catch (NumberFormatException e) {
                    // not a status code: the line is shown, its parts are not
                }
                if (rest != null) {
                    out.addObject(PHRASE, o + sp2 + 1, rest.length(), rest);
                }
            } else {
                out.addObject(METHOD, o, sp1, a);
                out.addObject(URI, o + sp1 + 1, b.length(), b);
                if (rest != null) {
                    out.addObject(REQUEST_VERSION, o + sp2 + 1, rest.length(), rest);
                }
            }
        }
        out.close();
        int p = next;
        while (p < stop) {
            int e = lineEnd(d, p, stop);
            int after = skipEol(d, e, stop);
            String header = text(d, p, e);
            out.addObject(TEXT, p, after - p, header + "\\r\\n");
            if (e == p) {
                break;
            }
            out.addObject(response ? RESPONSE_LINE : REQUEST_LINE, p, after - p, header + "\r\n");
            p = after;
        }
        out.close();
    }

    private static boolean isRequest(String line) {
        int sp = line.indexOf(' ');
        return sp > 0 && METHODS.contains(line.substring(0, sp));
    }

    private static int lineEnd(byte[] d, int from, int stop) {
        int i = from;
        while (i < stop && d[i] != '\r' && d[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int skipEol(byte[] d, int at, int stop) {
        int i = at;
        if (i < stop && d[i] == '\r') {
            i++;
        }
        if (i < stop && d[i] == '\n') {
            i++;
        }
        return i;
    }

    private static String text(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.UTF_8);
    }
}
