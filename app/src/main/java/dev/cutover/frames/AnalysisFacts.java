package dev.cutover.frames;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.FrameClass;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.proto.Migration;

import java.util.List;

/**
 * Writes what the analysis knows of a frame into its decode, as generated fields under a "migration" node
 * (the fields whose declared source is the analysis), so filters, columns, the tree and exports read them as
 * any other field. Only {@link FramePipeline} calls it.
 */
final class AnalysisFacts {
    private AnalysisFacts() {
    }

    /** Appends the facts for {@code frame} (0-based) to {@code d}; adds nothing for a frame with none. */
    static void append(AnalysisResult result, int frame, Dissection d) {
        FrameClass cls = result.classOf(frame);
        int burst = result.burstOf(frame);
        int event = result.migrationOf(frame);
        List<FindingCode> codes = result.findingCodesOf(frame);
        int copyOf = result.copyOf(frame);
        List<AnalysisResult.OutcomeMark> marks = result.outcomeMarksOf(frame);
        if (cls == FrameClass.NONE && burst < 0 && event < 0 && codes.isEmpty() && copyOf < 0 && marks.isEmpty()) {
            return;
        }
        while (d.depthOpen() > 0) {
            d.close();
        }
        int node = d.add(Migration.ANALYSIS, 0, 0, 0);
        d.open(node);
        if (cls != FrameClass.NONE) {
            d.addObject(Migration.CLASS, 0, 0, cls.label());
        }
        if (burst >= 0) {
            d.add(Migration.BURST, 0, 0, burst + 1L);
            d.addObject(Migration.PATTERN, 0, 0, result.bursts().get(burst).pattern().id());
        }
        if (event >= 0) {
            d.add(Migration.EVENT, 0, 0, event + 1L);
        }
        for (FindingCode code : codes) {
            d.addObject(Migration.FINDING, 0, 0, code.id());
        }
        for (AnalysisResult.OutcomeMark m : marks) {
            d.add(switch (m.role()) {
                case STALE -> Migration.OUTCOME_STALE;
                case FLOODED -> Migration.OUTCOME_FLOODED;
                case DARK_BEFORE -> Migration.OUTCOME_DARK_BEFORE;
                case DARK_AFTER -> Migration.OUTCOME_DARK_AFTER;
                case LOST_PING -> Migration.OUTCOME_LOST_PING;
                case RETRANSMISSION -> Migration.OUTCOME_RETRANSMISSION;
            }, 0, 0, m.event() + 1L);
        }
        if (copyOf >= 0) {
            d.add(Migration.COPY_OF, 0, 0, copyOf + 1L);
        }
        d.close();
    }
}
