package dev.cutover.cli;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.dissect.Needs;
import dev.cutover.frames.Column;
import dev.cutover.export.DissectionCsv;
import dev.cutover.report.HtmlReport;
import dev.cutover.report.JsonReport;
import dev.cutover.report.PdfReport;
import dev.cutover.report.ReportBuilder;
import dev.cutover.report.ReportModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
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

    @Mixin
    CaptureFileArgs input;

    @Option(names = "--format", required = true, description = "html, pdf, json or csv")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the file to write")
    Path output;

    @Mixin
    DisplayFilterOption displayFilter;

    @Mixin
    AnalysisOptions analysisOptions;

    @Mixin
    VendorTable vendorTable;

    @Option(names = "--columns", split = ",", paramLabel = "COL",
            description = "csv columns: the packet list's (No., Time, Interface, Source, Destination, VLAN, "
                    + "Protocol, Length, Comment, Info), Tags, or field names (default: the list's and Tags)")
    List<String> columns;

    enum Format { html, pdf, json, csv }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CompiledFilter filter = displayFilter.compile(err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        long[] shifts = input.shiftNanos(err);
        if (shifts == null) {
            return ExitCodes.USAGE;
        }
        List<Column> cols;
        try {
            cols = columns == null || columns.isEmpty() ? DissectionCsv.DEFAULT_COLUMNS : Column.named(columns);
        } catch (IllegalArgumentException e) {
            err.println("cutover: report: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        String refused = Outputs.refuse(output, input.files);
        if (refused != null) {
            err.println("cutover: report: " + refused);
            return ExitCodes.USAGE;
        }
        CompiledFilter f = displayFilter.given() ? filter : null;
        AnalysisConfig config = analysisOptions.config();
        MigrationAnalyzer.prepare();
        if (vendorTable.refused(err)) {
            return ExitCodes.USAGE;
        }
        dev.cutover.dissect.Vendors vendors = vendorTable.named();
        try (OpenedCaptures opened = OpenedCaptures.open(input.files, shifts, config, vendors, true, true, err)) {
            if (opened == null) {
                return ExitCodes.UNREADABLE;
            }
            // html, pdf and json always show the analysis; csv runs it when a column or the filter reads it
            Needs needs = format == Format.csv ? Column.needsOf(cols) : Needs.EVERYTHING;
            if (!opened.prepare(f == null ? needs : needs.and(f.needs()), err)) {
                return ExitCodes.UNREADABLE;
            }
            boolean ok;
            if (format == Format.csv) {
                ok = Outputs.write(output, out -> DissectionCsv.write(opened.pipeline, f, cols, out), err);
            } else {
                ReportModel model = new ReportBuilder().build(opened.pipeline, f, displayFilter.text);
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
            return CaptureFiles.reportDamage(opened.capture, err);
        }
    }
}
