package dev.cutover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover info}: what capinfos tells, for each file. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Format, link types, interfaces, frame count, first/last time, duration and sizes of each file.")
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files (gzip-compressed too)")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--index-stats", description = "also print the frame index's memory per frame")
    boolean indexStats;

    enum OutputFormat { text, json }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = ExitCodes.OK;
        List<CaptureSummary> summaries = new ArrayList<>();
        for (Path file : files) {
            try (Capture capture = CaptureFiles.open(List.of(file), err)) {
                if (capture == null) {
                    code = Math.max(code, ExitCodes.UNREADABLE);
                    continue;
                }
                CaptureSummary summary = CaptureSummary.of(capture, 0);
                summaries.add(summary);
                if (format == OutputFormat.text) {
                    if (summaries.size() > 1) {
                        out.println();
                    }
                    out.print(summary.toText());
                    if (indexStats) {
                        long bytes = capture.index().heapBytes();
                        out.printf(java.util.Locale.ROOT, "%-21s%d bytes for %d frames (%.1f bytes/frame)%n",
                                "Frame index:", bytes, capture.frameCount(),
                                capture.frameCount() == 0 ? 0.0 : (double) bytes / capture.frameCount());
                    }
                    out.flush();
                }
                int damage = CaptureFiles.reportDamage(capture, err);
                code = code == ExitCodes.UNREADABLE ? code : Math.max(code, damage);
            }
        }
        if (format == OutputFormat.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(summaries));
            out.flush();
        }
        return code;
    }
}
