package dev.cutover.cli;

import dev.cutover.report.AnalysisJson;
import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.filter.CompiledFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.BitSet;
import java.util.concurrent.Callable;

/** {@code cutover analyze}: RARP bursts, migration events and findings. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Find the migrations in captures (RARP bursts and gratuitous ARP of one MAC) and what looks "
                + "wrong with them.", "Several files merge by time into one numbering (one file per uplink)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaptureFileArgs input;

    @Mixin
    DisplayFilterOption displayFilter;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Mixin
    AnalysisOptions analysisOptions;

    @Option(names = "--all", description = "text format: every migration and finding, not the first "
            + AnalysisText.MIGRATIONS_SHOWN + " migrations and " + AnalysisText.FINDINGS_SHOWN_PER_CODE
            + " findings of each kind")
    boolean all;

    enum Format { text, json }

    AnalysisConfig config() {
        return analysisOptions.config();
    }

    @Override
    public Integer call() throws Exception {
        AnalysisConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompiledFilter filter = displayFilter.compile(err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        long[] shifts = input.shiftNanos(err);
        if (shifts == null) {
            return ExitCodes.USAGE;
        }
        MigrationAnalyzer.prepare();
        try (OpenedCaptures opened = OpenedCaptures.open(input.files, shifts, config, null,
                filter.needs().annotations(), false, !displayFilter.given(), err)) {
            if (opened == null) {
                return ExitCodes.UNREADABLE;
            }
            Capture capture = opened.capture;
            AnalysisResult result;
            if (!displayFilter.given()) {
                result = opened.pipeline.analysis();
            } else {
                // The selection may itself ask about the analysis of every frame (migration.finding == ...).
                BitSet selected = opened.pipeline.select(filter, LoadMonitor.NONE);
                result = MigrationAnalyzer.analyze(capture, config, LoadMonitor.NONE, selected::get);
            }
            if (format == Format.json) {
                AnalysisJson.write(capture, result, out);
                out.println();
            } else {
                out.print(AnalysisText.render(capture, result, all));
            }
            out.flush();
            return CaptureFiles.reportDamage(capture, err);
        }
    }
}
