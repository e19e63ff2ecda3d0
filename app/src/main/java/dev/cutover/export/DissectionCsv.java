package dev.cutover.export;

import dev.cutover.annotations.AnnotationSource;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Needs;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.frames.Column;
import dev.cutover.frames.FramePipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row per frame, like Wireshark's "Export Packet Dissections as CSV": the packet list's columns (the same
 * declarations, in the user's order) and any field names (values of repeated fields joined by commas). RFC 4180
 * quoting.
 */
public final class DissectionCsv {
    /** The packet list's columns in their default order, then the annotation's tags. */
    public static final List<Column> DEFAULT_COLUMNS;

    static {
        List<Column> cols = new ArrayList<>(Column.LIST);
        cols.add(Column.TAGS);
        DEFAULT_COLUMNS = List.copyOf(cols);
    }

    private DissectionCsv() {
    }

    /** Writes the header and one row per frame that matches {@code filter} (all when null). */
    public static void write(FramePipeline frames, CompiledFilter filter, List<Column> columns, OutputStream out)
            throws IOException {
        Needs needs = Column.needsOf(columns);
        frames.check(needs, fieldsOf(columns));
        FramePipeline.Reader matcher = filter == null ? null : frames.reader(filter);
        FramePipeline.Reader reader = frames.reader(needs);
        AnnotationSource notes = frames.annotations();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<String> row = new ArrayList<>(columns.size());
        for (Column c : columns) {
            row.add(c.title());
        }
        line(w, row);
        Dissection d = new Dissection();
        int n = frames.capture().frameCount();
        for (int i = 0; i < n; i++) {
            if (matcher != null && !matcher.matches(i, filter, d)) {
                continue;
            }
            FrameInfo info = reader.decode(i, d);
            row.clear();
            for (Column c : columns) {
                row.add(c.of(info, d, notes.get(i + 1)));
            }
            line(w, row);
        }
        w.flush();
    }

    private static List<dev.cutover.dissect.Field> fieldsOf(List<Column> columns) {
        List<dev.cutover.dissect.Field> out = new ArrayList<>();
        for (Column c : columns) {
            dev.cutover.dissect.Field f = dev.cutover.dissect.FieldCatalogue.byName(c.id());
            if (f != null) {
                out.add(f);
            }
        }
        return out;
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
