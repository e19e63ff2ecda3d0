package dev.cutover.cli;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.Needs;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.frames.FilteringTap;
import dev.cutover.frames.FramePipeline;
import dev.cutover.text.TerminalOutput;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;

/** {@code cutover dissect}: every frame decoded, as a tree with hex dump or as JSON lines. */
@Command(name = "dissect", mixinStandardHelpOptions = true,
        description = {"Decode every frame. Several files merge by time into one numbering (one file per uplink).",
                "jsonl: one JSON object per frame, keys are field names, values as tshark -T json -e prints them."})
public final class DissectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaptureFileArgs input;

    @Option(names = "--format", defaultValue = "text", description = "text (tree and hex dump) or jsonl (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N frames")
    Integer count;

    @Option(names = "--no-hex", description = "text format: leave out the hex dump")
    boolean noHex;

    @Mixin
    DisplayFilterOption displayFilter;

    @Mixin
    AnalysisOptions analysisOptions;

    @Mixin
    VendorTable vendorTable;

    @Option(names = "--analysis", description = "add the migration analysis's facts to each frame (migration.class, "
            + "migration.burst, migration.event, migration.finding); on by itself when -Y asks about them")
    boolean withAnalysis;

    @Option(names = {"-2", "--two-pass"}, description = "add the cross-frame facts of ICMP echo and TCP to each frame "
            + "(icmp.resp_in, icmp.resp_to, icmp.resptime, icmp.no_resp, tcp.stream, tcp.analysis.retransmission), "
            + "as tshark -2 does; on by itself when -Y asks about them")
    boolean twoPass;

    enum Format { text, jsonl }

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
        AnalysisConfig config = analysisOptions.config();
        if (vendorTable.refused(err)) {
            return ExitCodes.USAGE;
        }
        dev.cutover.dissect.Vendors vendors = vendorTable.named();
        java.util.concurrent.Future<dev.cutover.dissect.Vendors> table;
        if (vendors == null) {
            // the bundled vendor table, which the decode names MACs from, loads on another thread while the files
            // are indexed rather than after
            java.util.concurrent.FutureTask<dev.cutover.dissect.Vendors> loading =
                    new java.util.concurrent.FutureTask<>(dev.cutover.dissect.Vendors::bundled);
            Thread t = new Thread(loading, "cutover-prepare");
            t.setDaemon(true);
            t.start();
            table = loading;
        } else {
            table = java.util.concurrent.CompletableFuture.completedFuture(vendors);
        }
        out = new TerminalOutput(System.out, 1 << 16);
        int limit = count == null ? Integer.MAX_VALUE : count;
        boolean filtered = displayFilter.given();
        boolean analysis = withAnalysis || filter.needs().analysis();
        boolean traffic = twoPass || filter.needs().traffic();
        // One file, and nothing that needs the whole capture first (the analysis, the traffic facts, annotations
        // kept beside it): every frame is final as it is indexed, so it is filtered and printed then, and the
        // file read once.
        FilteringTap tap = input.files.size() == 1 && !analysis && !traffic
                && Files.notExists(AnnotationStore.sidecarOf(input.files.get(0)))
                ? new FilteringTap(filtered ? filter : null, table, limit, this::print) : null;
        try (tap; OpenedCaptures opened = OpenedCaptures.open(input.files, shifts, config, vendors, true, false, tap,
                err)) {
            if (opened == null) {
                if (tap != null) {
                    // the file failed while it was read (it changed under us): what was read before the fault is
                    // printed whole, after the reason on standard error
                    try {
                        tap.finish();
                    } catch (IOException | RuntimeException e) {
                        // the command fails for the reason already reported
                    }
                    out.flush();
                }
                return ExitCodes.UNREADABLE;
            }
            Capture capture = opened.capture;
            int from = 0;
            if (tap != null) {
                tap.finish();
                // a text capture is not tapped: its frames are all read below
                from = tap.seen();
            }
            // The tree shows the analysis's and the traffic facts when asked for, or when the filter reads them.
            if (!opened.prepare(filter.needs().withTraffic(traffic), err)) {
                return ExitCodes.UNREADABLE;
            }
            FramePipeline.Reader matcher = opened.pipeline.reader(filter);
            FramePipeline.Reader tree = opened.pipeline.reader(new Needs(Layer.ALL, analysis, true, traffic));
            Dissection d = new Dissection();
            for (int i = from; i < capture.frameCount() && shown < limit; i++) {
                // Decode only as deep as the filter reads; most frames stop there.
                if (filtered && !matcher.matches(i, filter, d)) {
                    continue;
                }
                tree.decode(i, d);
                print(d);
            }
            out.flush();
            return CaptureFiles.reportDamage(capture, err);
        }
    }

    private TerminalOutput out;
    private final StringBuilder sb = new StringBuilder(4096);
    private final JsonLines jsonl = new JsonLines();
    /** Frames printed so far. */
    private int shown;

    /** Prints one frame, decoded in full. */
    private void print(Dissection d) throws IOException {
        sb.setLength(0);
        if (format == Format.jsonl) {
            jsonl.append(sb, d);
            sb.append('\n');
        } else {
            if (shown > 0) {
                sb.append('\n');
            }
            DissectionText.appendTree(sb, d);
            if (!noHex) {
                sb.append('\n');
                DissectionText.appendHex(sb, d.data(), d.capturedLength());
            }
        }
        out.append(sb);
        shown++;
    }
}
