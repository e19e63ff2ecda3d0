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
    void theDarkSpanIsWordedAsTheOutcomeSummary() {
        // "ok, dark 56 ms", "warn, dark 1.3 s": the span beside the summary says the same
        long[] nanos = {56_200_000L, 212_000_000L, 1_250_000_000L, 12_345_000_000L};
        String[] words = {"dark 56 ms", "dark 212 ms", "dark 1.3 s", "dark 12.3 s"};
        for (int i = 0; i < nanos.length; i++) {
            DarkSpan d = new DarkSpan(0, 10, 11, 5_000_000_000L, 5_000_000_000L + nanos[i], OutcomeTrack.Verdict.WARN);
            assertThat(d.label()).isEqualTo(words[i]);
        }
        assertThat(new DarkSpan(0, 10, -1, 0, 30_000_000_000L, OutcomeTrack.Verdict.BAD).label())
                .isEqualTo("dark > 30 s");
    }
}
