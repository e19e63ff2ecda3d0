package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.samples.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a trace, analyses it, and keeps what the frame index says of each frame's class. */
final class Analyses {
    static final long T0 = 1_763_712_000_000_000_000L;
    static final long MS = 1_000_000L;

    final AnalysisResult result;
    final byte[] indexClasses;

    private Analyses(AnalysisResult result, byte[] indexClasses) {
        this.result = result;
        this.indexClasses = indexClasses;
    }

    static Analyses of(Path dir, Trace trace) throws IOException {
        return of(dir, trace, AnalysisConfig.DEFAULTS);
    }

    static Analyses of(Path dir, Trace trace, AnalysisConfig config) throws IOException {
        Path file = Files.createTempFile(dir, "trace-", ".pcap");
        trace.pcap(file);
        return open(List.of(file), config);
    }

    static Analyses open(List<Path> files, AnalysisConfig config) throws IOException {
        try (Capture c = Capture.open(files, LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, config, LoadMonitor.NONE);
            byte[] classes = new byte[c.frameCount()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = c.index().frameClass(i);
            }
            return new Analyses(r, classes);
        }
    }

    List<FindingCode> codes() {
        List<FindingCode> l = new ArrayList<>();
        for (Finding f : result.findings()) {
            l.add(f.code());
        }
        return l;
    }

    Finding only(FindingCode code) {
        List<Finding> l = result.findings().stream().filter(f -> f.code() == code).toList();
        if (l.size() != 1) {
            throw new AssertionError("expected one " + code.id() + ", got " + l);
        }
        return l.get(0);
    }
}
