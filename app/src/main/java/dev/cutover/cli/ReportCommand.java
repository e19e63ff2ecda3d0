package dev.cutover.cli;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.report.CsvReport;
import dev.cutover.report.HtmlReport;
import dev.cutover.report.JsonReport;
import dev.cutover.report.PdfReport;
import dev.cutover.report.ReportBuilder;
import dev.cutover.report.ReportModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover report}: the analysis, the chart, the findings and the annotated frames as one file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a report for a ticket: capture summary, migrations, timeline chart, findings with "
                + "explanations, and each annotated frame decoded with its hex dump.",
                "csv: one row per frame (every frame, or those -Y matches) with --columns.",
                "Annotations come from the first FILE's sidecar (FILE.cutover.json)."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "captures, merged by time")
    List<Path> files;

    @Option(names = "--format", required = true, description = "html, pdf, json or csv")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the file to write")
    Path output;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "only frames matching this display filter (e.g. 'frame.comment contains \"evidence\"')")
    String displayFilter;

    @Option(names = "--columns", split = ",", paramLabel = "COL",
            description = "csv columns: No., Time, Source, Destination, Protocol, Length, Info, Comment, Tags or "
                    + "field names (default: all of the former)")
    List<String> columns;

    enum Format { html, pdf, json, csv }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CompiledFilter filter = FrameSelection.compile(displayFilter, err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        List<String> cols = columns == null || columns.isEmpty() ? CsvReport.DEFAULT_COLUMNS : columns;
        if (format == Format.csv) {
            try {
                CsvReport.checkColumns(cols);
            } catch (IllegalArgumentException e) {
                err.println("cutover: report: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        String refused = Outputs.refuse(output, files);
        if (refused != null) {
            err.println("cutover: report: " + refused);
            return ExitCodes.USAGE;
        }
        boolean filtered = displayFilter != null && !displayFilter.isBlank();
        MigrationAnalyzer.prepare();
        try (Capture capture = CaptureFiles.open(files, err)) {
            if (capture == null) {
                return ExitCodes.UNREADABLE;
            }
            AnnotationStore notes = CaptureFiles.annotations(files, capture, err);
            if (notes == null) {
                return ExitCodes.UNREADABLE;
            }
            boolean ok;
            if (format == Format.csv) {
                ok = Outputs.write(output, out -> CsvReport.write(capture, notes, filtered ? filter : null, cols, out),
                        err);
            } else {
                AnalysisResult result = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
                ReportModel model = new ReportBuilder().build(capture, result, notes, filtered ? filter : null,
                        displayFilter);
                ok = Outputs.write(output, out -> {
                    switch (format) {
                        case html: HtmlReport.write(model, out); break;
                        case pdf: PdfReport.write(model, out); break;
                        default: JsonReport.write(model, out); break;
                    }
                }, err);
            }
            if (!ok) {
                return ExitCodes.NOT_WRITTEN;
            }
            return CaptureFiles.reportDamage(capture, err);
        }
    }
}
