package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;

import java.util.List;

/**
 * What a {@link MigrationSource} found: one row per VM, and the analysis behind them.
 *
 * @param analysis the analysis behind the rows (its findings, and the per-frame facts that feed the display
 *                 filter, the details and the timeline); null when the source ran none
 */
public record MigrationReport(List<MigrationRow> rows, AnalysisResult analysis) {
    public static final MigrationReport EMPTY = new MigrationReport(List.of(), null);

    public MigrationReport {
        rows = List.copyOf(rows);
    }

    /** The analysis's findings, errors first; empty when there was no analysis. */
    public List<Finding> findings() {
        return analysis == null ? List.of() : analysis.findings();
    }
}
