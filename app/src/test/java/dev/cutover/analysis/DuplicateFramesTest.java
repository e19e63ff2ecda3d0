package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.TwoClocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A frame several of the merged captures caught is one frame on the wire: the analysis counts it once. */
class DuplicateFramesTest {
    @TempDir
    Path dir;

    private static AnalysisResult analyze(List<Path> files, long[] shifts) throws IOException {
        try (Capture c = Capture.open(files, shifts, LoadMonitor.NONE, null, null)) {
            return MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        }
    }

    @Test
    void theBurstCaughtOnTwoHostsIsCountedOnceWhenTheClocksAreAligned() throws IOException {
        // vmnic5: RARP T, unicast, RARP T+1, RARP T+2, GARP T+2.1, ARP request; vusb2 (shifted onto vmnic5's
        // clock): RARP T, RARP T+1, unicast, RARP T+2, GARP T+2.1. Merged: vmnic5's copy first at each moment.
        AnalysisResult r = analyze(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)),
                new long[] {0, TwoClocks.BEHIND_NANOS});
        assertThat(r.copyCount()).isEqualTo(4);
        assertThat(r.migrations()).hasSize(1);
        MigrationEvent e = r.migrations().get(0);
        assertThat(e.rarp().frames()).hasSize(3);
        assertThat(e.rarp().intervalsNanos()).containsExactly(1_000_000_000L, 1_000_000_000L);
        assertThat(e.garpFrames()).hasSize(1);
        assertThat(r.arpFrameCount()).isEqualTo(5);
        // each copy answers as the frame it copies and names it
        for (int f = 0; f < r.frameCount(); f++) {
            int original = r.copyOf(f);
            if (original >= 0) {
                assertThat(original).isLessThan(f);
                assertThat(r.classOf(f)).isEqualTo(r.classOf(original));
                assertThat(r.migrationOf(f)).isEqualTo(0);
            }
        }
        assertThat(r.findings()).extracting(Finding::code).doesNotContain(FindingCode.MAC_ON_MULTIPLE_INTERFACES);
    }

    @Test
    void capturesWhoseClocksDisagreeHaveNoCopiesUntilTheyAreAligned() throws IOException {
        // 2.913 s apart, the same bytes are not the same moment: info tells the shift that aligns them
        AnalysisResult r = analyze(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)), new long[] {0, 0});
        assertThat(r.copyCount()).isZero();
        assertThat(r.arpFrameCount()).isEqualTo(9);
    }

    @Test
    void theSameBurstLaterOnAnotherCaptureIsTheVmMovingBackNotACopy() throws IOException {
        // vusb2 shifted ten minutes on: its RARPs and GARP have vmnic5's bytes but are other frames
        AnalysisResult r = analyze(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)),
                new long[] {0, TwoClocks.BEHIND_NANOS + 600_000_000_000L});
        assertThat(r.copyCount()).isZero();
        assertThat(r.migrations()).hasSize(2);
        assertThat(r.migrations()).allSatisfy(e -> assertThat(e.rarp().frames()).hasSize(3));
    }

    @Test
    void aCopyMoreThanFiveMillisecondsAwayIsAnotherFrame() throws IOException {
        AnalysisResult near = analyze(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)),
                new long[] {0, TwoClocks.BEHIND_NANOS + 4_000_000L});
        assertThat(near.copyCount()).isEqualTo(4);
        AnalysisResult far = analyze(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)),
                new long[] {0, TwoClocks.BEHIND_NANOS + 6_000_000L});
        assertThat(far.copyCount()).isZero();
    }

    @Test
    void oneFileHasNoCopiesEvenOfFramesWithTheSameBytes() throws IOException {
        // a burst's RARPs are byte for byte the same frame sent again, not copies
        AnalysisResult r = analyze(List.of(TwoClocks.vmnic5(dir)), new long[] {0});
        assertThat(r.copyCount()).isZero();
        assertThat(r.migrations().get(0).rarp().frames()).hasSize(3);
    }

    @Test
    void theSampleOpenedTwiceCountsEachFrameOnceAndKeepsItsPattern() throws IOException {
        Path sample = Path.of("..", "sample-captures", "esxi-vmotion-vlan10.pcap");
        if (!Files.exists(sample)) {
            sample = Path.of("sample-captures", "esxi-vmotion-vlan10.pcap");
        }
        Path again = Files.copy(sample, dir.resolve("again.pcap"));
        AnalysisResult alone = analyze(List.of(sample), new long[] {0});
        AnalysisResult twice = analyze(List.of(sample, again), new long[] {0, 0});
        assertThat(twice.copyCount()).isEqualTo(alone.arpFrameCount() + alone.ndpFrameCount());
        assertThat(twice.arpFrameCount()).isEqualTo(alone.arpFrameCount());
        assertThat(twice.migrations()).hasSize(1);
        MigrationEvent a = alone.migrations().get(0);
        MigrationEvent t = twice.migrations().get(0);
        assertThat(t.rarp().frames()).hasSize(a.rarp().frames().size());
        assertThat(t.rarp().pattern()).isEqualTo(a.rarp().pattern());
        assertThat(t.garpFrames()).hasSize(a.garpFrames().size());
        assertThat(twice.findings()).extracting(Finding::code).isEqualTo(alone.findings().stream()
                .map(Finding::code).toList());
    }
}
