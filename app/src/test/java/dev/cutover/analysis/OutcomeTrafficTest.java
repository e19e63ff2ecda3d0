package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.PcapWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ping part of an outcome on the ping samples changed the ways real captures differ from them: cut short
 * right after a request, with the VM also pinging an address that never answers.
 */
class OutcomeTrafficTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        Path p = Path.of("..", "sample-captures", name);
        return Files.exists(p) ? p : Path.of("sample-captures", name);
    }

    private static MigrationOutcome outcome(Path file) throws IOException {
        try (Capture c = Capture.open(file)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(r.migrations()).hasSize(1);
            assertThat(r.findings()).extracting(Finding::code).doesNotContain(FindingCode.PING_LOSS);
            return r.outcomeOf(r.migrations().get(0));
        }
    }

    /** A frame of the capture to write: its time and bytes. */
    private record Frame(long time, byte[] bytes) {
    }

    private static List<Frame> frames(Path file) throws IOException {
        List<Frame> l = new ArrayList<>();
        try (Capture c = Capture.open(file)) {
            for (int i = 0; i < c.frameCount(); i++) {
                l.add(new Frame(c.index().timestampNanos(i), c.frameBytes(i)));
            }
        }
        return l;
    }

    private Path write(String name, List<Frame> frames) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(out); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            for (Frame f : frames) {
                w.write(f.time(), f.bytes(), 0, f.bytes().length, f.bytes().length);
            }
        }
        return out;
    }

    @Test
    void aCaptureStoppedRightAfterARequestLosesNoPing() throws IOException {
        List<Frame> all = frames(sample("vmotion-ping-ok.pcap"));
        // the last request is the client's (10.0.10.201 -> 10.0.10.52): stop right after it, before the reply
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            byte[] b = all.get(i).bytes();
            if (b.length > 42 && (b[12] & 0xFF) == 0x81 && (b[18 + 9] & 0xFF) == 1 && (b[18 + 20] & 0xFF) == 8) {
                last = i;
            }
        }
        assertThat(last).isPositive();
        MigrationOutcome o = outcome(write("cut.pcap", all.subList(0, last + 1)));
        assertThat(o.echo().lost()).isZero();
        assertThat(o.echo().sent()).isEqualTo(199);
    }

    @Test
    void aPingToAnAddressThatNeverAnswersIsNoPingLost() throws IOException {
        List<Frame> all = new ArrayList<>(frames(sample("vmotion-ping-ok.pcap")));
        byte[] request = null;
        for (Frame f : all) {
            byte[] b = f.bytes();
            if (b.length > 42 && (b[12] & 0xFF) == 0x81 && (b[18 + 9] & 0xFF) == 1 && (b[18 + 20] & 0xFF) == 8) {
                request = b;
                break;
            }
        }
        assertThat(request).isNotNull();
        // the VM (10.0.10.52) pings 10.9.9.9 once a second, which never answers
        long t0 = all.get(0).time();
        for (int k = 0; k < 20; k++) {
            byte[] b = request.clone();
            System.arraycopy(new byte[] {10, 0, 10, 52}, 0, b, 18 + 12, 4);
            System.arraycopy(new byte[] {10, 9, 9, 9}, 0, b, 18 + 16, 4);
            b[18 + 20 + 7] = (byte) k; // its own sequence number
            all.add(new Frame(t0 + k * 1_000_000_000L + 500_000, b));
        }
        all.sort(java.util.Comparator.comparingLong(Frame::time));
        MigrationOutcome o = outcome(write("dead.pcap", all));
        assertThat(o.echo().sent()).isEqualTo(200);
        assertThat(o.echo().lost()).isZero();
        assertThat(o.echo().longestGapNanos()).isEqualTo(100_000_000L);
        assertThat(o.summary()).isEqualTo("ok, dark 212 ms");
    }

    @Test
    void aPingCaughtOnBothHostsUplinksIsOnePingNotOneHalfLost() throws IOException {
        // the client's echoes after the move cross the source host's uplink too: a second file holds a copy of
        // each, 100 us later
        Path ok = sample("vmotion-ping-ok.pcap");
        List<Frame> copies = new ArrayList<>();
        for (Frame f : frames(ok).subList(360, frames(ok).size())) {
            byte[] b = f.bytes();
            if (b.length > 42 && (b[12] & 0xFF) == 0x81 && (b[18 + 9] & 0xFF) == 1) {
                copies.add(new Frame(f.time() + 100_000, b));
            }
        }
        assertThat(copies).hasSizeGreaterThan(50);
        Path other = write("other-host.pcap", copies);
        try (Capture c = Capture.open(List.of(ok, other), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            MigrationOutcome o = r.outcomeOf(r.migrations().get(0));
            assertThat(o.echo().sent()).isEqualTo(200);
            assertThat(o.echo().lost()).isZero();
            assertThat(r.findings()).extracting(Finding::code).doesNotContain(FindingCode.PING_LOSS);
        }
    }

    @Test
    void aMoveAnnouncedByRarpAloneMeasuresThePingOfTheAddressTheVmSpokeFrom() throws IOException {
        List<Frame> all = new ArrayList<>();
        for (Frame f : frames(sample("vmotion-ping-3-lost.pcap"))) {
            byte[] b = f.bytes();
            boolean garp = b.length >= 46 && (b[16] & 0xFF) == 0x08 && b[17] == 0x06
                    && java.util.Arrays.equals(b, 18 + 14, 18 + 18, b, 18 + 24, 18 + 28);
            if (!garp) {
                all.add(f);
            }
        }
        try (Capture c = Capture.open(write("no-garp.pcap", all))) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            MigrationEvent e = r.migrations().get(0);
            assertThat(e.hasGarp()).isFalse();
            MigrationOutcome o = r.outcomeOf(e);
            assertThat(o.echo().lost()).isEqualTo(3);
            assertThat(o.echo().sent()).isEqualTo(200);
            assertThat(r.findings()).extracting(Finding::code).contains(FindingCode.PING_LOSS);
            Finding loss = r.findings().stream().filter(f -> f.code() == FindingCode.PING_LOSS).findFirst()
                    .orElseThrow();
            assertThat(loss.message()).contains("(10.0.10.52)");
        }
    }
}
