package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The Migrations view: one row per VM, the findings, and selecting their frames in the packet list. */
public final class MigrationsViewModel {
    private final javafx.beans.property.ReadOnlyObjectWrapper<AnalysisResult> analysis =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final Tasks tasks;
    private final MigrationSource source;
    private final Consumer<int[]> frameSelector;
    private final ObservableList<MigrationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MigrationReport> report =
            new ReadOnlyObjectWrapper<>(this, "report", MigrationReport.EMPTY);
    private final ReadOnlyStringWrapper findingSummary = new ReadOnlyStringWrapper(this, "findingSummary", "");
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final javafx.beans.property.ReadOnlyBooleanWrapper analysing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "analysing", false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    /** @param frameSelector selects frames (0-based) in the packet list and jumps to the first */
    public MigrationsViewModel(Tasks tasks, MigrationSource source, Consumer<int[]> frameSelector) {
        this.tasks = tasks;
        this.source = source;
        this.frameSelector = frameSelector;
    }

    /** Analyses a newly opened capture off the FX thread (null clears). */
    public void setCapture(Capture capture) {
        int g = generation.incrementAndGet();
        this.capture.set(capture);
        failure.set("");
        analysing.set(capture != null);
        rows.clear();
        findings.clear();
        analysis.set(null);
        report.set(MigrationReport.EMPTY);
        findingSummary.set(capture == null ? "" : "Findings: analysing…");
        if (capture == null) {
            return;
        }
        LoadMonitor monitor = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return generation.get() != g;
            }
        };
        tasks.background(() -> {
            MigrationReport report;
            try {
                report = source.analyse(capture, monitor);
            } catch (RuntimeException e) {
                tasks.ui(() -> {
                    if (generation.get() == g) {
                        findingSummary.set("Findings: analysis failed (" + e.getMessage() + ")");
                        failure.set(e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                                : e.getMessage());
                        analysing.set(false);
                    }
                });
                return;
            }
            tasks.ui(() -> {
                if (generation.get() == g) {
                    rows.setAll(report.rows());
                    findings.setAll(report.findings());
                    findingSummary.set(summary(report));
                    analysis.set(report.analysis());
                    this.report.set(report);
                    analysing.set(false);
                }
            });
        });
    }

    static String summary(MigrationReport report) {
        if (report.findings().isEmpty()) {
            return "Findings: none";
        }
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        report.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder("Findings:");
        Severity[] order = {Severity.ERROR, Severity.WARNING, Severity.NOTE, Severity.CHAT};
        String sep = " ";
        for (Severity s : order) {
            Integer n = counts.get(s);
            if (n != null) {
                sb.append(sep).append(n).append(' ').append(s.label().toLowerCase(java.util.Locale.ROOT))
                        .append(n == 1 || s == Severity.CHAT ? "" : "s");
                sep = ", ";
            }
        }
        return sb.toString();
    }

    /** The user picked a VM: its frames become the packet list's selection. */
    public void select(MigrationRow row) {
        if (row != null) {
            frameSelector.accept(row.frames());
        }
    }

    /** The user picked a finding: its frames become the packet list's selection. */
    public void select(Finding finding) {
        if (finding != null) {
            frameSelector.accept(finding.frames());
        }
    }

    public ObservableList<MigrationRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<Finding> findings() {
        return FXCollections.unmodifiableObservableList(findings);
    }

    /** The last analysis' report, {@link MigrationReport#EMPTY} while none is done. */
    public ReadOnlyObjectProperty<MigrationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** "Findings: 1 warning, 2 notes" for the status bar. */
    public ReadOnlyStringProperty findingSummaryProperty() {
        return findingSummary.getReadOnlyProperty();
    }

    /** The capture analysed (or being analysed), null when none is open. */
    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    /** True while the capture is being analysed. */
    public javafx.beans.property.ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }

    /** Why the last analysis failed, empty when it did not. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The analysis behind the rows, null until it has run (or when there is none). */
    public javafx.beans.property.ReadOnlyObjectProperty<AnalysisResult> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
