package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisResult;

import java.util.List;

/**
 * What a {@link MigrationSource} found: one row per VM, and the findings.
 *
 * @param analysis the analysis behind them (its per-frame facts feed the display filter, the details and the
 *                 timeline); null when the source ran none
 */
public record MigrationReport(List<MigrationRow> rows, List<Finding> findings, AnalysisResult analysis) {
    public static final MigrationReport EMPTY = new MigrationReport(List.of(), List.of());

    public MigrationReport(List<MigrationRow> rows, List<Finding> findings) {
        this(rows, findings, null);
    }

    public MigrationReport {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }

}
