package dev.cutover.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureSummary;
import dev.cutover.capture.ClockOffsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cutover info}: what capinfos tells, for each file. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Format, link types, interfaces, frame count, first/last time, duration and sizes of each file.",
                "With several files, how far each file's clock is from the first file's, judged from broadcast "
                + "frames seen in both, and the --time-shift that aligns them."})
public final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaptureFileArgs input;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--index-stats", description = "also print the frame index's memory per frame")
    boolean indexStats;

    enum OutputFormat { text, json }

    /** How far each file's clock is from the first readable file's, and the --time-shift that aligns them. */
    private static void printClockAdvice(List<Path> files, long[] shifts, Capture[] opened, PrintWriter out)
            throws java.io.IOException {
        int first = 0;
        while (first < opened.length && opened[first] == null) {
            first++;
        }
        if (first >= opened.length - 1) {
            return;
        }
        ClockOffsets.Sample reference = ClockOffsets.sample(opened[first], 0);
        List<String> lines = new ArrayList<>();
        for (int f = first + 1; f < opened.length; f++) {
            if (opened[f] == null) {
                continue;
            }
            ClockOffsets.Offset offset = ClockOffsets.between(reference, ClockOffsets.sample(opened[f], 0));
            if (offset == null) {
                continue;
            }
            String advice = ClockOffsets.advice(name(files, first), name(files, f), offset, shifts[f]);
            lines.add(advice != null ? advice : ClockOffsets.comparison(name(files, first), name(files, f), offset));
        }
        if (!lines.isEmpty()) {
            out.println();
            lines.forEach(out::println);
            out.flush();
        }
    }

    /** The file's name when no other file given has it (--time-shift takes either), else its path. */
    private static String name(List<Path> files, int f) {
        String base = CaptureSummary.baseName(files.get(f));
        long same = files.stream().filter(p -> CaptureSummary.baseName(p).equals(base)).count();
        return same == 1 ? base : files.get(f).toString();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long[] shifts = input.shiftNanos(err);
        if (shifts == null) {
            return ExitCodes.USAGE;
        }
        List<Path> files = input.files;
        int code = ExitCodes.OK;
        List<CaptureSummary> summaries = new ArrayList<>();
        Capture[] opened = new Capture[files.size()];
        try {
            for (int f = 0; f < files.size(); f++) {
                Capture capture = CaptureFiles.open(List.of(files.get(f)), new long[] {shifts[f]}, err, null);
                if (capture == null) {
                    code = Math.max(code, ExitCodes.UNREADABLE);
                    continue;
                }
                opened[f] = capture;
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
            if (format == OutputFormat.text) {
                printClockAdvice(files, shifts, opened, out);
            }
        } finally {
            for (Capture c : opened) {
                if (c != null) {
                    c.close();
                }
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
