package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The Migrations view: one row per VM with its verdict, and selecting a VM's frames in the packet list. */
public final class MigrationsViewModel {
    private final ReadOnlyObjectWrapper<AnalysisResult> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper(this, "analysing");
    private final Tasks tasks;
    private final MigrationSource source;
    private final Consumer<int[]> frameSelector;
    private final ObservableList<MigrationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MigrationRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<MigrationReport> report =
            new ReadOnlyObjectWrapper<>(this, "report", MigrationReport.EMPTY);
    private final ReadOnlyStringWrapper findingSummary = new ReadOnlyStringWrapper(this, "findingSummary", "");
    private final TaskKey analysisTask = TaskKey.named("migration-analysis");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_CAPTURE);
    private static final String NO_CAPTURE = "No capture open";

    /** @param frameSelector selects frames (0-based) in the packet list and jumps to the first */
    public MigrationsViewModel(Tasks tasks, MigrationSource source, Consumer<int[]> frameSelector) {
        this.tasks = tasks;
        this.source = source;
        this.frameSelector = frameSelector;
    }

    /**
     * Analyses a newly opened capture off the FX thread (null clears); a newer capture drops an older analysis. A
     * failed analysis says so, naming the files and the reason, rather than looking like a capture without
     * migrations.
     */
    public void setCapture(Capture c) {
        failure.set("");
        rows.clear();
        analysis.set(null);
        report.set(MigrationReport.EMPTY);
        findingSummary.set(c == null ? "" : "Findings: analysing…");
        analysing.set(c != null);
        capture.set(c);
        if (c == null) {
            analysisTask.cancel();
            emptyText.set(NO_CAPTURE);
            return;
        }
        emptyText.set("Analysing " + names(c) + "…");
        BackgroundTask.of(monitor -> source.analyse(c, monitor))
                .key(analysisTask)
                .onSuccess(done -> {
                    rows.setAll(done.rows());
                    findingSummary.set(summary(done.findings()));
                    analysis.set(done.analysis());
                    report.set(done);
                    emptyText.set(done.analysis() == null ? "No migration seen"
                            : "No migration seen: " + done.analysis().noMigrationReason());
                    analysing.set(false);
                })
                .onFailure(e -> {
                    findingSummary.set("Findings: analysis failed");
                    failure.set(failureText(c, e));
                    emptyText.set(failure.get());
                    analysing.set(false);
                })
                .runWith(tasks);
    }

    /**
     * "The migration analysis of vmnic3.pcap failed at byte 4130: frame 41 ends past the end of the file; was the
     * file changed?": the files, where in them (a CaptureException knows) and why, once each.
     */
    static String failureText(Capture c, Throwable e) {
        if (e instanceof CaptureException) {
            CaptureException ce = (CaptureException) e;
            String where = (c.sources().size() > 1 && ce.file() != null ? " in " + ce.file().getFileName() : "")
                    + (ce.offset() >= 0 ? " at byte " + ce.offset() : "");
            return "The migration analysis of " + names(c) + " failed" + where + ": " + ce.reason();
        }
        return "The migration analysis of " + names(c) + " failed: " + BackgroundTask.reason(e);
    }

    /** The capture's file names, as the title shows them. */
    static String names(Capture c) {
        return c.sources().stream().map(s -> String.valueOf(s.file().getFileName()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** "Findings: 1 error, 2 warnings" for these findings, "Findings: none" without any. */
    public static String summary(List<Finding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return summary(counts);
    }

    /** "Findings: 1 error, 2 warnings, 3 notes, 4 chats" for counts by severity, "Findings: none" when all are 0. */
    public static String summary(Map<Severity, Integer> counts) {
        StringBuilder sb = new StringBuilder("Findings:");
        String sep = " ";
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity s = Severity.values()[i];
            int n = counts.getOrDefault(s, 0);
            if (n > 0) {
                sb.append(sep).append(n).append(' ').append(s.label().toLowerCase(Locale.ROOT))
                        .append(n == 1 ? "" : "s");
                sep = ", ";
            }
        }
        return sep.equals(" ") ? "Findings: none" : sb.toString();
    }

    /** The user picked a VM: its frames become the packet list's selection. */
    public void select(MigrationRow row) {
        if (row != null) {
            frameSelector.accept(row.frames());
        }
    }

    /** One row per migration, in the order of their first frame. */
    public ObservableList<MigrationRow> rows() {
        return rowsView;
    }

    /** The last analysis' report, {@link MigrationReport#EMPTY} while none is done. */
    public ReadOnlyObjectProperty<MigrationReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The capture being analysed or shown, null when none is open. */
    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    /** True from a new capture until its analysis is done (or failed). */
    public ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }

    /**
     * "Findings: 1 warning": the migration analysis's findings only, by severity. The status bar shows the
     * Findings view's count instead, which adds the dissection's expert infos.
     */
    public ReadOnlyStringProperty findingSummaryProperty() {
        return findingSummary.getReadOnlyProperty();
    }

    /**
     * Why the last analysis failed, as the window says it ("The migration analysis of cut.pcap failed: frame 7
     * ends past the end of the file"); empty when it did not.
     */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What the table says while it has no row: nothing open, analysing, the failure, or no migration. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The analysis behind the rows, null until it has run (or when there is none). */
    public ReadOnlyObjectProperty<AnalysisResult> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }
}
