package dev.cutover.analysis;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.proto.Migration;

import java.util.List;

/**
 * Adds what the analysis knows of a frame to its decode, as generated fields under a "migration" node, so a
 * display filter can ask {@code migration.finding == "rarp-without-garp"} and the tree and exports show it.
 */
public final class AnalysisFields {
    private AnalysisFields() {
    }

    /** Appends the facts for {@code frame} (0-based) to {@code d}; adds nothing for a frame with none. */
    public static void add(AnalysisResult result, int frame, Dissection d) {
        FrameClass cls = result.classOf(frame);
        int burst = result.burstOf(frame);
        int event = result.migrationOf(frame);
        List<FindingCode> codes = result.findingCodesOf(frame);
        if (cls == FrameClass.NONE && burst < 0 && event < 0 && codes.isEmpty()) {
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
        d.close();
    }
}
