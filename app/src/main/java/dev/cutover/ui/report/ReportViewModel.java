package dev.cutover.ui.report;

import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.report.AnnotationStore;
import dev.cutover.report.CsvReport;
import dev.cutover.report.HtmlReport;
import dev.cutover.report.JsonReport;
import dev.cutover.report.PdfReport;
import dev.cutover.report.ReportBuilder;
import dev.cutover.report.ReportModel;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * File > Export Report: builds the report model off the FX thread, shows an outline of it as a preview, and
 * writes it in the chosen format (atomically; a failure says why and leaves nothing).
 */
public final class ReportViewModel {
    /** The formats a report can be written in. */
    public enum Format {
        HTML("html"), PDF("pdf"), JSON("json"), CSV("csv");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private final Tasks tasks;
    private final TaskKey prepareTask = TaskKey.named("report-prepare");
    private final Supplier<Capture> capture;
    private final Supplier<AnnotationStore> notes;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private ReportModel model;

    public ReportViewModel(Tasks tasks, Supplier<Capture> capture, Supplier<AnnotationStore> notes) {
        this.tasks = tasks;
        this.capture = capture;
        this.notes = notes;
    }

    /** Builds the report of the open capture and its annotations, then shows the preview. */
    public void prepare() {
        Capture c = capture.get();
        AnnotationStore n = notes.get();
        ready.set(false);
        model = null;
        if (c == null) {
            prepareTask.cancel();
            preview.set("No capture is open.");
            return;
        }
        preview.set("Preparing the report…");
        message.set("");
        BackgroundTask.of(monitor -> new ReportBuilder().build(c, MigrationAnalyzer.analyze(c), n, null, null))
                .key(prepareTask)
                .onSuccess(m -> {
                    model = m;
                    preview.set(outline(m));
                    ready.set(true);
                })
                .onFailure(e -> preview.set("The report could not be prepared: " + BackgroundTask.reason(e)))
                .runWith(tasks);
    }

    /** Writes the prepared report to {@code target}; the message says what happened. */
    public void export(Path target, Format format) {
        ReportModel m = model;
        Capture c = capture.get();
        AnnotationStore n = notes.get();
        if (m == null || c == null) {
            return;
        }
        message.set("Writing " + target.getFileName() + "…");
        BackgroundTask.of(monitor -> {
            AtomicFiles.write(target, out -> {
                switch (format) {
                    case HTML: HtmlReport.write(m, out); break;
                    case PDF: PdfReport.write(m, out); break;
                    case JSON: JsonReport.write(m, out); break;
                    default: CsvReport.write(c, n, null, CsvReport.DEFAULT_COLUMNS, out); break;
                }
            });
            return target;
        }).onSuccess(t -> message.set("Report written to " + t))
                .onFailure(e -> message.set("Report not written: " + BackgroundTask.reason(e)))
                .runWith(tasks);
    }

    /** The preview: what each section of the report will hold. */
    static String outline(ReportModel m) {
        StringBuilder sb = new StringBuilder();
        sb.append(m.title()).append('\n').append('\n');
        ReportModel.Summary s = m.summary();
        sb.append(String.format(Locale.ROOT, "Capture summary: %d frames, %s to %s (%.3f s)%n", s.frames(),
                s.firstTime(), s.lastTime(), s.durationSeconds()));
        sb.append("Migrations: ").append(m.analysis().migrations().size()).append('\n');
        m.analysis().migrations().forEach(g -> sb.append("  #").append(g.id()).append(' ').append(g.mac())
                .append(g.rarp() == null ? "" : ", RARP " + g.rarp().count())
                .append(g.garp() == null ? "" : ", GARP " + g.garp().count()).append('\n'));
        sb.append("Timeline chart: ").append(m.chart().rows().size()).append(" MAC(s)\n");
        sb.append("Findings: ").append(m.analysis().findings().size()).append('\n');
        m.analysis().findings().forEach(f -> sb.append("  ").append(f.severity()).append(' ').append(f.code())
                .append(": ").append(f.message()).append('\n'));
        sb.append("Annotated frames: ").append(m.frames().size()).append('\n');
        m.frames().forEach(f -> {
            sb.append("  Frame ").append(f.number()).append(' ').append(f.protocol()).append(' ').append(f.info());
            f.comments().forEach(c -> sb.append("\n    Comment: ").append(c));
            if (!f.tags().isEmpty()) {
                sb.append("\n    Tags: ").append(String.join(", ", f.tags()));
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True once the report is prepared and can be written. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
