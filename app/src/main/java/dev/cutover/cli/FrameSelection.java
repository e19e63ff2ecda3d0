package dev.cutover.cli;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.AnalysisFields;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.proto.Migration;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.BitSet;
import java.util.Set;

/** Which frames a display filter selects, with the analysis's facts when the filter asks about them. */
final class FrameSelection {
    private static final Set<Field> ANALYSIS_FIELDS = Set.of(Migration.ANALYSIS, Migration.CLASS, Migration.BURST,
            Migration.PATTERN, Migration.EVENT, Migration.FINDING);

    private FrameSelection() {
    }

    /** Compiles a display filter (null or blank: every frame), or prints why not, the way Wireshark shows it, and returns null. */
    static CompiledFilter compile(String text, PrintWriter err) {
        try {
            return CompiledFilter.compile(text);
        } catch (FilterException e) {
            err.println("cutover: invalid display filter:");
            err.println(e.render());
            err.flush();
            return null;
        }
    }

    /** True when the filter reads what only the migration analysis knows (migration.finding, ...). */
    static boolean needsAnalysis(CompiledFilter filter) {
        for (Field f : filter.fields()) {
            if (ANALYSIS_FIELDS.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** The 0-based frames the filter matches; {@code facts} (or null) supplies the analysis's fields. */
    static BitSet select(Capture capture, CompiledFilter filter, AnalysisResult facts) throws IOException {
        FrameDecoder decoder = new FrameDecoder(capture);
        Dissection d = new Dissection();
        BitSet selected = new BitSet(capture.frameCount());
        for (int i = 0; i < capture.frameCount(); i++) {
            decode(decoder, i, d, filter, facts);
            if (filter.matches(d)) {
                selected.set(i);
            }
        }
        return selected;
    }

    /** Decodes frame {@code i} as deep as the filter reads, with the analysis's facts when there are any. */
    static void decode(FrameDecoder decoder, int i, Dissection d, CompiledFilter filter, AnalysisResult facts)
            throws IOException {
        decoder.decode(i, d, filter.requiredLayer());
        if (facts != null) {
            AnalysisFields.add(facts, i, d);
        }
    }
}
