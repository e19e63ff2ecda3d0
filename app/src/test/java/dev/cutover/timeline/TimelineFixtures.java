package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;

import java.nio.file.Path;
import java.util.List;

/** Timelines of the sample captures. */
final class TimelineFixtures {
    static final Path QEMU = Path.of("../sample-captures/qemu-announce-self.pcap");
    static final Path TWO_UPLINKS = Path.of("../sample-captures/two-uplinks-nanosecond.pcapng");
    static final Path SILENT_VM = Path.of("../sample-captures/silent-vm-rarp-no-garp.pcap");
    static final Path DUPLICATE_IP = Path.of("../sample-captures/duplicate-ip.pcap");
    static final Path DUAL_STACK = Path.of("../sample-captures/esxi-vmotion-dual-stack.pcap");

    private TimelineFixtures() {
    }

    static TimelineModel of(Path... files) throws Exception {
        try (Capture c = Capture.open(List.of(files), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            return TimelineModel.of(r, facts(c), c.index().timestampNanos(0));
        }
    }

    static TimelineFrames facts(Capture c) {
        return TimelineFrames.of(c);
    }
}
