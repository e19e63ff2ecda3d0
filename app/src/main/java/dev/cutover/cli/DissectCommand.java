package dev.cutover.cli;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.FrameDecoder;
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

    enum Format { text, jsonl }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (Capture capture = CaptureFiles.open(files, err)) {
            if (capture == null) {
                return ExitCodes.UNREADABLE;
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            JsonLines jsonl = new JsonLines();
            StringBuilder sb = new StringBuilder(4096);
            int n = count == null ? capture.frameCount() : Math.min(count, capture.frameCount());
            for (int i = 0; i < n; i++) {
                decoder.decode(i, d);
                sb.setLength(0);
                if (format == Format.jsonl) {
                    jsonl.append(sb, d);
                    sb.append('\n');
                } else {
                    if (i > 0) {
                        sb.append('\n');
                    }
                    DissectionText.appendTree(sb, d);
                    if (!noHex) {
                        sb.append('\n');
                        DissectionText.appendHex(sb, d.data(), d.capturedLength());
                    }
                }
                out.append(sb);
            }
            out.flush();
            return CaptureFiles.reportDamage(capture, err);
        }
    }
}
