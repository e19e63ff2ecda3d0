package dev.cutover.ui.migrations;

import java.util.List;

/** What a {@link MigrationSource} found: one row per VM, and the findings. */
public record MigrationReport(List<MigrationRow> rows, List<Finding> findings) {
    public static final MigrationReport EMPTY = new MigrationReport(List.of(), List.of());

    public MigrationReport {
        rows = List.copyOf(rows);
        findings = List.copyOf(findings);
    }
}
