package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.analysis.MigrationOutcome;
import dev.cutover.capture.Capture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline shows each migration's outcome with the verdict the analysis gave it, as the migrations table and the
 * reports do: over the samples, every verdict the analysis gives (a VM that sent nothing in its window is "nothing to
 * judge by", the note's colour, not "worth a look").
 */
class OutcomeTracksTest {
    @Test
    void eachTrackHasItsMigrationsVerdict() throws Exception {
        Set<MigrationOutcome.Verdict> seen = EnumSet.noneOf(MigrationOutcome.Verdict.class);
        for (String name : new String[] {"esxi-vmotion-vlan10.pcap", "vmotion-ping-ok.pcap",
                "vmotion-ping-3-lost.pcap", "silent-vm-dark.pcap", "qemu-announce-self.pcap"}) {
            try (Capture c = Capture.open(Path.of("../sample-captures", name))) {
                AnalysisResult r = MigrationAnalyzer.analyze(c);
                IntFunction<OutcomeTrack> tracks = OutcomeTracks.of(r);
                for (int id = 0; id < r.migrations().size(); id++) {
                    MigrationOutcome o = r.outcomeOf(r.migrations().get(id));
                    OutcomeTrack t = tracks.apply(id);
                    assertThat(t).as(name).isNotNull();
                    assertThat(t.verdict().name()).as(name).isEqualTo(o.verdict().name());
                    assertThat(t.summary()).isEqualTo(o.summary());
                    seen.add(o.verdict());
                }
            }
        }
        assertThat(seen).contains(MigrationOutcome.Verdict.OK, MigrationOutcome.Verdict.UNKNOWN,
                MigrationOutcome.Verdict.BAD);
        assertThat(TimelinePalette.LIGHT.verdict(OutcomeTrack.Verdict.UNKNOWN)).isEqualTo(TimelinePalette.LIGHT.note())
                .isNotEqualTo(TimelinePalette.LIGHT.warn());
    }

    @Test
    void theDarkSpanSaysWhatTheOutcomeSummarySays() throws Exception {
        // between two of the VM's frames, to the window's end, and to the capture's end (a window past it)
        java.time.Duration thirty = java.time.Duration.ofSeconds(30);
        java.time.Duration long_ = java.time.Duration.ofSeconds(600);
        Object[][] cases = {
            {"vmotion-ping-3-lost.pcap", thirty, "dark 400 ms"},
            {"vmotion-ping-ok.pcap", thirty, "dark 212 ms"},
            {"silent-vm-dark.pcap", thirty, "dark > 30 s"},
            {"silent-vm-dark.pcap", long_, "(capture ends)"},
        };
        for (Object[] k : cases) {
            try (Capture c = Capture.open(Path.of("../sample-captures", (String) k[0]))) {
                dev.cutover.analysis.AnalysisConfig config = dev.cutover.analysis.AnalysisConfig.DEFAULTS
                        .withOutcome((java.time.Duration) k[1], dev.cutover.analysis.AnalysisConfig.DEFAULTS
                                .darkThreshold(), dev.cutover.analysis.AnalysisConfig.DEFAULTS.staleThreshold());
                AnalysisResult r = MigrationAnalyzer.analyze(c, config, dev.cutover.capture.LoadMonitor.NONE);
                TimelineModel m = TimelineModel.of(r, TimelineFrames.of(c), c.index().timestampNanos(0),
                        OutcomeTracks.of(r));
                LaneOutcome o = m.lanes().get(0).outcome();
                assertThat(o.darkSpans()).as(k[0] + " " + k[1]).hasSize(1);
                DarkSpan d = o.darkSpans().get(0);
                String summary = o.tracks().get(0).summary();
                assertThat(d.label()).as(summary).contains((String) k[2]);
                assertThat(summary).as(k[0] + " " + k[1]).contains(d.label());
                if (d.label().endsWith("(capture ends)")) {
                    // and it stops where the capture does
                    assertThat(d.toNanos()).isEqualTo(c.index().timestampNanos(c.frameCount() - 1));
                }
            }
        }
    }
}
