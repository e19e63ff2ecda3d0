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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover analyze}: RARP bursts, migration events and findings. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Find the migrations in captures (RARP bursts and gratuitous ARP of one MAC) and what looks "
                + "wrong with them.", "Several files merge by time into one numbering (one file per uplink)."})
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "pcap, pcapng (gzip-compressed too), pktcap-uw or tcpdump text, hex dumps")
    List<Path> files;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "analyse only the frames matching this display filter (Wireshark syntax; may use the "
                    + "analysis's own fields, e.g. 'migration.finding == \"rarp-without-garp\"')")
    String displayFilter;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--burst-gap", paramLabel = "S", defaultValue = "30",
            description = "RARP frames of one MAC at most S seconds apart are one burst (default: ${DEFAULT-VALUE})")
    double burstGap;

    @Option(names = "--window", paramLabel = "S", defaultValue = "5",
            description = "GARP within S seconds of a burst's first frame, before or after, is the same migration "
                    + "(default: ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--storm-requests", paramLabel = "N", defaultValue = "30",
            description = "more than N ARP requests within the storm window are a storm (default: ${DEFAULT-VALUE})")
    int stormRequests;

    @Option(names = "--storm-window", paramLabel = "MS", defaultValue = "100",
            description = "the storm window in milliseconds (default: ${DEFAULT-VALUE})")
    double stormWindow;

    @Option(names = "--flood-rate", paramLabel = "N", defaultValue = "5",
            description = "one sender with more than N ARP requests in every second of the flood span is flooding "
                    + "(default: ${DEFAULT-VALUE})")
    int floodRate;

    @Option(names = "--flood-span", paramLabel = "S", defaultValue = "10",
            description = "how many seconds that must last (default: ${DEFAULT-VALUE})")
    double floodSpan;

    @Option(names = "--pattern-tolerance", paramLabel = "MS", defaultValue = "25",
            description = "how far a RARP may stray from a known pattern's schedule, in milliseconds "
                    + "(default: ${DEFAULT-VALUE})")
    double patternTolerance;

    @Option(names = "--failover-macs", paramLabel = "N", defaultValue = "4",
            description = "at least N MACs announced at once from one interface are a failover "
                    + "(default: ${DEFAULT-VALUE})")
    int failoverMacs;

    @Option(names = "--failover-window", paramLabel = "S", defaultValue = "1",
            description = "how close together, in seconds, those announcements start (default: ${DEFAULT-VALUE})")
    double failoverWindow;

    @Option(names = "--all", description = "text format: every migration and finding, not the first "
            + AnalysisText.MIGRATIONS_SHOWN + " migrations and " + AnalysisText.FINDINGS_SHOWN_PER_CODE
            + " findings of each kind")
    boolean all;

    enum Format { text, json }

    AnalysisConfig config() {
        try {
            return new AnalysisConfig(seconds(burstGap, "--burst-gap"), seconds(window, "--window"), stormRequests,
                    seconds(stormWindow / 1000, "--storm-window"), seconds(patternTolerance / 1000,
                    "--pattern-tolerance"), failoverMacs, seconds(failoverWindow, "--failover-window"),
                    floodRate, seconds(floodSpan, "--flood-span"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration seconds(double s, String option) {
        if (!(s > 0) || s > 1e9) {
            throw new ParameterException(spec.commandLine(), option + " must be a positive number, not " + s);
        }
        return Duration.ofNanos(Math.max(1, Math.round(s * 1e9)));
    }

    @Override
    public Integer call() throws Exception {
        AnalysisConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompiledFilter filter = FrameSelection.compile(displayFilter, err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        MigrationAnalyzer.prepare();
        try (Capture capture = CaptureFiles.open(files, err)) {
            if (capture == null) {
                return ExitCodes.UNREADABLE;
            }
            AnalysisResult result;
            if (filter.text().isBlank()) {
                result = MigrationAnalyzer.analyze(capture, config, LoadMonitor.NONE);
            } else {
                AnalysisResult facts = FrameSelection.needsAnalysis(filter)
                        ? MigrationAnalyzer.analyze(capture, config, LoadMonitor.NONE) : null;
                BitSet selected = FrameSelection.select(capture, filter, facts);
                result = MigrationAnalyzer.analyze(capture, config, LoadMonitor.NONE, selected::get);
            }
            out.print(format == Format.json ? AnalysisJson.render(capture, result) + System.lineSeparator()
                    : AnalysisText.render(capture, result, all));
            out.flush();
            return CaptureFiles.reportDamage(capture, err);
        }
    }
}
