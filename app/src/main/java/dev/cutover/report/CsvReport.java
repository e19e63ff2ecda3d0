package dev.cutover.report;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per frame, like Wireshark's "Export Packet Dissections as CSV": the packet list's columns by
 * default, or any field names (values of repeated fields joined by commas). RFC 4180 quoting.
 */
public final class CsvReport {
    /** The packet list's columns. */
    public static final List<String> DEFAULT_COLUMNS = List.of("No.", "Time", "Source", "Destination", "Protocol",
            "Length", "Info", "Comment", "Tags");

    private CsvReport() {
    }

    /** Throws IllegalArgumentException naming a column that is neither a built-in column nor a field. */
    public static void checkColumns(List<String> columns) {
        for (String c : columns) {
            if (builtIn(c) < 0 && FieldCatalogue.byName(c) == null) {
                throw new IllegalArgumentException("unknown column " + c + ": use " + String.join(", ",
                        DEFAULT_COLUMNS) + " or a field name such as arp.src.hw_mac");
            }
        }
    }

    private static int builtIn(String c) {
        for (int i = 0; i < DEFAULT_COLUMNS.size(); i++) {
            if (DEFAULT_COLUMNS.get(i).equalsIgnoreCase(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes the header and one row per frame that matches {@code filter} (all when null). */
    public static void write(Capture capture, AnnotationStore notes, CompiledFilter filter, List<String> columns,
                             OutputStream out) throws IOException {
        checkColumns(columns);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<String> row = new ArrayList<>(columns);
        line(w, row);
        FrameDecoder decoder = new FrameDecoder(capture, notes::commentsOf);
        Dissection d = new Dissection();
        for (int i = 0; i < capture.frameCount(); i++) {
            if (filter != null) {
                decoder.decode(i, d, filter.requiredLayer());
                if (!filter.matches(d)) {
                    continue;
                }
            }
            FrameInfo info = decoder.decode(i, d, Layer.ALL);
            row.clear();
            for (String c : columns) {
                row.add(value(c, info, d, notes.get(i + 1)));
            }
            line(w, row);
        }
        w.flush();
    }

    private static String value(String column, FrameInfo info, Dissection d, Annotation a) {
        switch (builtIn(column)) {
            case 0: return Integer.toString(info.number());
            case 1: return FieldFormat.seconds(info.relativeNanos());
            case 2: return d.sourceColumn();
            case 3: return d.destinationColumn();
            case 4: return d.protocolColumn();
            case 5: return Integer.toString(info.capturedLength());
            case 6: return d.infoColumn();
            case 7: return String.join("; ", info.comments());
            case 8: return a == null ? "" : String.join(", ", a.tags());
            default:
                Field f = FieldCatalogue.byName(column);
                StringBuilder sb = new StringBuilder();
                for (int n = d.find(f); n >= 0; n = d.find(f, n + 1)) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(FieldFormat.value(d, n));
                }
                return sb.toString();
        }
    }

    private static void line(Writer w, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            w.write('"');
            w.write(dev.cutover.text.Untrusted.forCsv(v).replace("\"", "\"\""));
            w.write('"');
        }
        w.write("\r\n");
    }
}
