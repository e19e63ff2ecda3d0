package dev.cutover.capture;

import dev.cutover.bench.DenseCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large pcap opened by a caller that watches no progress is indexed in two halves at once: the index, the damage
 * and the analysis are exactly those of one pass, whole, cut short in either half, or damaged in either half.
 */
class SplitIndexTest {
    @TempDir
    Path dir;

    private long before;

    @BeforeEach
    void smallFilesSplit() {
        before = PcapReader.splitFrom;
        PcapReader.splitFrom = 1 << 20;
    }

    @AfterEach
    void restore() {
        PcapReader.splitFrom = before;
    }

    private Path dense(String name) throws IOException {
        Path f = dir.resolve(name);
        DenseCapture.write(f, 60_000, 3);
        assertThat(Files.size(f)).isGreaterThan(4L << 20);
        return f;
    }

    /** One pass: a monitor that watches progress keeps the file from being split. */
    private static Capture onePass(Path f) throws CaptureException {
        return Capture.open(List.of(f), null, new LoadMonitor() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        }, null, null);
    }

    private static Capture split(Path f, FrameTap tap) throws CaptureException {
        return Capture.open(List.of(f), null, LoadMonitor.NONE, tap, null);
    }

    private static void assertSame(Capture split, Capture whole) {
        assertThat(split.frameCount()).isEqualTo(whole.frameCount());
        FrameIndex a = split.index();
        FrameIndex b = whole.index();
        for (int i = 0; i < whole.frameCount(); i++) {
            if (a.dataOffset(i) != b.dataOffset(i) || a.timestampNanos(i) != b.timestampNanos(i)
                    || a.capturedLength(i) != b.capturedLength(i) || a.originalLength(i) != b.originalLength(i)
                    || a.interfaceId(i) != b.interfaceId(i)) {
                throw new AssertionError("frame " + (i + 1) + " differs");
            }
        }
        assertThat(split.damages()).isEqualTo(whole.damages());
    }

    @Test
    void aWholeFileIndexesAsInOnePassInTwoHalves() throws IOException {
        Path f = dense("whole.pcap");
        long joined = PcapReader.HALVES_JOINED.get();
        try (Capture s = split(f, null); Capture w = onePass(f)) {
            assertSame(s, w);
            assertThat(s.damages()).isEmpty();
            assertThat(PcapReader.HALVES_JOINED.get()).as("the file was read in two halves").isEqualTo(joined + 1);
        }
    }

    @Test
    void aFileWhoseFramesATapMustSeeInOrderIsReadInOnePass() throws IOException {
        Path f = dense("tapped.pcap");
        FrameTap tap = dev.cutover.analysis.MigrationAnalyzer.tap();
        long joined = PcapReader.HALVES_JOINED.get();
        try (Capture s = split(f, tap); Capture w = onePass(f)) {
            assertSame(s, w);
            assertThat(PcapReader.HALVES_JOINED.get()).isEqualTo(joined);
            var cfg = dev.cutover.analysis.AnalysisConfig.DEFAULTS;
            assertThat(json(s, dev.cutover.analysis.MigrationAnalyzer.analyzeTapped(s, cfg, LoadMonitor.NONE, tap)))
                    .contains("\"migrations\" : [ {")
                    .isEqualTo(json(w, dev.cutover.analysis.MigrationAnalyzer.analyze(w, cfg, LoadMonitor.NONE)));
        }
    }

    @Test
    void everySamplePcapSplitAtItsMiddleIndexesAndAnalysesAsInOnePass() throws IOException {
        PcapReader.splitFrom = 0;
        long joined = PcapReader.HALVES_JOINED.get();
        try (var files = Files.list(Path.of("../sample-captures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList()) {
                try (Capture s = split(f, null); Capture w = onePass(f)) {
                    assertSame(s, w);
                    var cfg = dev.cutover.analysis.AnalysisConfig.DEFAULTS;
                    assertThat(json(s, dev.cutover.analysis.MigrationAnalyzer.analyze(s, cfg, LoadMonitor.NONE)))
                            .as(f.toString())
                            .isEqualTo(json(w, dev.cutover.analysis.MigrationAnalyzer.analyze(w, cfg,
                                    LoadMonitor.NONE)));
                }
            }
        }
        // the IPv6, VLAN, bond and spoofing samples among them, each read in two halves
        assertThat(PcapReader.HALVES_JOINED.get() - joined).isGreaterThanOrEqualTo(10);
    }

    private static String json(Capture c, dev.cutover.analysis.AnalysisResult r) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintWriter p = new java.io.PrintWriter(out);
        dev.cutover.report.AnalysisJson.write(c, r, p);
        p.flush();
        return out.toString();
    }

    @Test
    void aFileCutShortInItsSecondHalfKeepsTheSameFramesAndNamesTheSameDamage() throws IOException {
        Path f = dense("cut.pcap");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(r.length() * 3 / 4 + 7);
        }
        try (Capture s = split(f, null); Capture w = onePass(f)) {
            assertSame(s, w);
            assertThat(w.damages()).hasSize(1);
            assertThat(w.damages().get(0).reason()).startsWith("cut short");
        }
    }

    @Test
    void aDamagedRecordInEitherHalfStopsReadingWhereOnePassStops() throws IOException {
        for (double at : new double[] {0.25, 0.75}) {
            Path f = dense("damaged-" + at + ".pcap");
            try (Capture c = onePass(f); RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                // the captured length of the frame at that point claims a megabyte
                int frame = (int) (c.frameCount() * at);
                long header = c.index().dataOffset(frame) - PcapReader.RECORD_HEADER_LENGTH;
                r.seek(header + 8);
                r.write(new byte[] {0, 0, 0x10, 0});
            }
            try (Capture s = split(f, null); Capture w = onePass(f)) {
                assertSame(s, w);
                assertThat(w.damages()).hasSize(1);
                assertThat(w.damages().get(0).reason()).contains("more than the 262144 maximum");
            }
        }
    }

    @Test
    void strayBytesAfterTheLastRecordAreReportedAsInOnePass() throws IOException {
        Path f = dense("stray.pcap");
        Files.write(f, new byte[] {1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
        try (Capture s = split(f, null); Capture w = onePass(f)) {
            assertSame(s, w);
            assertThat(w.damages().get(0).reason()).contains("5 stray bytes");
        }
    }
}
