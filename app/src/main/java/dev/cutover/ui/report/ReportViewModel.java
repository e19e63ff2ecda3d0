package dev.cutover.ui.report;

import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.frames.Column;
import dev.cutover.frames.FramePipeline;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.export.DissectionCsv;
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
import java.util.List;
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
    /** What is on show, as the window's frame pipeline (null: nothing open). */
    private final Supplier<FramePipeline> shownFrames;
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private Supplier<List<Column>> columns = () -> DissectionCsv.DEFAULT_COLUMNS;
    private ReportModel model;
    private FramePipeline frames;

    /** A report of the open capture and its annotations (the analysis is run for it). */
    public ReportViewModel(Tasks tasks, Supplier<Capture> capture, Supplier<AnnotationStore> notes) {
        this(tasks, () -> {
            Capture c = capture.get();
            return c == null ? null : FramePipeline.of(c).withAnnotations(notes.get());
        });
    }

    /**
     * A report of what the window shows, through its frame pipeline: the window's analysis when it is bound
     * (it is run for the report otherwise), its annotations, a live capture's frames as shown.
     */
    public ReportViewModel(Tasks tasks, Supplier<FramePipeline> shownFrames) {
        this.tasks = tasks;
        this.shownFrames = shownFrames;
    }

    /** The CSV's columns: the packet list's, in the user's order, as they are when the report is written. */
    public void setColumns(Supplier<List<Column>> listColumns) {
        this.columns = listColumns;
    }

    /** Builds the report of the open capture and its annotations, then shows the preview. */
    public void prepare() {
        FramePipeline shown = shownFrames.get();
        ready.set(false);
        model = null;
        if (shown == null) {
            prepareTask.cancel();
            preview.set("No capture is open.");
            return;
        }
        preview.set("Preparing the report…");
        message.set("");
        BackgroundTask.of(monitor -> {
            FramePipeline p = shown.hasAnalysis() ? shown
                    : shown.withAnalysis(MigrationAnalyzer.analyze(shown.capture()));
            return new Prepared(p, new ReportBuilder().build(p, null, null));
        })
                .key(prepareTask)
                .onSuccess(r -> {
                    model = r.model();
                    frames = r.frames();
                    preview.set(outline(r.model()));
                    ready.set(true);
                })
                .onFailure(e -> preview.set("The report could not be prepared: " + BackgroundTask.reason(e)))
                .runWith(tasks);
    }

    /** Writes the prepared report to {@code target}; the message says what happened. */
    public void export(Path target, Format format) {
        ReportModel m = model;
        FramePipeline p = frames;
        List<Column> cols = format == Format.CSV ? withTags(columns.get()) : List.of();
        if (m == null || p == null) {
            return;
        }
        message.set("Writing " + target.getFileName() + "…");
        BackgroundTask.of(monitor -> {
            AtomicFiles.write(target, out -> {
                switch (format) {
                    case HTML: HtmlReport.write(m, out); break;
                    case PDF: PdfReport.write(m, out); break;
                    case JSON: JsonReport.write(m, out); break;
                    default: DissectionCsv.write(p, null, cols, out); break;
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

    private static List<Column> withTags(List<Column> listColumns) {
        List<Column> out = new java.util.ArrayList<>(listColumns);
        if (!out.contains(Column.TAGS)) {
            out.add(Column.TAGS);
        }
        return out;
    }

    /** A prepared report and the frames it was made from, for the CSV written later. */
    private record Prepared(FramePipeline frames, ReportModel model) {
    }
}
