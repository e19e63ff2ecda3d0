package dev.cutover.cli;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.AnalysisFields;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover dissect}: every frame decoded, as a tree with hex dump or as JSON lines. */
@Command(name = "dissect", mixinStandardHelpOptions = true,
        description = {"Decode every frame. Several files merge by time into one numbering (one file per uplink).",
                "jsonl: one JSON object per frame, keys are field names, values as tshark -T json -e prints them."})
public final class DissectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files (gzip-compressed too)")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (tree and hex dump) or jsonl (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "stop after N frames")
    Integer count;

    @Option(names = "--no-hex", description = "text format: leave out the hex dump")
    boolean noHex;

    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "only frames matching this display filter (Wireshark syntax, e.g. 'arp.opcode == 3')")
    String displayFilter;

    @picocli.CommandLine.Mixin
    VendorTable vendorTable = new VendorTable();

    @Option(names = "--analysis", description = "add the migration analysis's facts to each frame (migration.class, "
            + "migration.burst, migration.event, migration.finding); on by itself when -Y asks about them")
    boolean withAnalysis;

    enum Format { text, jsonl }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CompiledFilter filter = FrameSelection.compile(displayFilter, err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        dev.cutover.dissect.Vendors vendors = vendorTable.load(err);
        if (vendors == null) {
            return ExitCodes.USAGE;
        }
        try (Capture capture = CaptureFiles.open(files, err)) {
            if (capture == null) {
                return ExitCodes.UNREADABLE;
            }
            Writer out = new dev.cutover.text.TerminalWriter(
                    new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
            dev.cutover.report.AnnotationStore notes = CaptureFiles.annotations(files, capture, err);
            if (notes == null) {
                err.println("cutover: annotations left out");
                notes = dev.cutover.report.AnnotationStore.inMemory();
            }
            FrameDecoder decoder = new FrameDecoder(capture, notes::commentsOf, vendors);
            Dissection d = new Dissection();
            JsonLines jsonl = new JsonLines();
            StringBuilder sb = new StringBuilder(4096);
            int limit = count == null ? Integer.MAX_VALUE : count;
            Layer needed = filter.requiredLayer();
            AnalysisResult facts = withAnalysis || FrameSelection.needsAnalysis(filter)
                    ? MigrationAnalyzer.analyze(capture) : null;
            int shown = 0;
            for (int i = 0; i < capture.frameCount() && shown < limit; i++) {
                // Decode only as deep as the filter reads; most frames stop there.
                FrameSelection.decode(decoder, i, d, filter, facts);
                if (!filter.matches(d)) {
                    continue;
                }
                if (needed != Layer.ALL) {
                    decoder.decode(i, d, Layer.ALL);
                    if (facts != null) {
                        AnalysisFields.add(facts, i, d);
                    }
                }
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
            out.flush();
            return CaptureFiles.reportDamage(capture, err);
        }
    }
}
