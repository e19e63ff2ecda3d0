package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening reports progress in bytes of the files, and stops when asked to. */
class LoadMonitorTest {
    @TempDir
    Path dir;

    /** A pcap of about 20 MB: enough for several progress reports. */
    private Path bigPcap(String name) throws IOException {
        Path file = dir.resolve(name);
        byte[] frame = Bytes.pattern(1500, 0);
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET, 65535, false)) {
                for (int i = 0; i < 13_000; i++) {
                    w.write(i * 1_000L, frame, 0, frame.length, frame.length);
                }
            }
        });
        return file;
    }

    @Test
    void progressCountsBytesOfAllFilesUpToTheirTotal() throws IOException {
        Path a = bigPcap("a.pcap");
        Path b = bigPcap("b.pcap");
        long total = Files.size(a) + Files.size(b);
        List<long[]> reports = new ArrayList<>();
        LoadMonitor monitor = new LoadMonitor() {
            @Override
            public void progress(long done, long all) {
                reports.add(new long[] {done, all});
            }
        };
        try (Capture c = Capture.open(List.of(a, b), monitor)) {
            assertThat(c.frameCount()).isEqualTo(26_000);
        }
        assertThat(reports.size()).isGreaterThan(8);
        long previous = -1;
        for (long[] r : reports) {
            assertThat(r[1]).isEqualTo(total);
            assertThat(r[0]).isBetween(previous, total);
            previous = r[0];
        }
        assertThat(previous).isEqualTo(total);
    }

    @Test
    void cancellingStopsTheLoad() throws IOException {
        Path a = bigPcap("a.pcap");
        LoadMonitor monitor = new LoadMonitor() {
            private int polls;

            @Override
            public boolean cancelled() {
                return ++polls > 2;
            }
        };
        assertThatThrownBy(() -> Capture.open(List.of(a), monitor)).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingAGzipExpansionDeletesItsTemporaryFile() throws IOException {
        Path plain = bigPcap("a.pcap");
        Path gz = dir.resolve("a.pcap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            // incompressible enough that the compressed stream spans several progress reports
            java.util.Random random = new java.util.Random(1);
            byte[] noise = new byte[1 << 20];
            out.write(Files.readAllBytes(plain), 0, 24);
            for (int i = 0; i < 12; i++) {
                random.nextBytes(noise);
                out.write(noise);
            }
        }
        Set<Path> before = GzipCaptureTest.temporaryFiles();
        Set<Path> ours = new HashSet<>();
        LoadMonitor monitor = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                try {
                    ours.addAll(GzipCaptureTest.temporaryFiles());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ours.removeAll(before);
                return true;
            }
        };
        assertThatThrownBy(() -> Capture.open(List.of(gz), monitor)).isInstanceOf(CancellationException.class);
        assertThat(ours).isNotEmpty().noneMatch(Files::exists);
    }

    @Test
    void missingFilesAndEmptyListsAreReported() {
        Path missing = dir.resolve("missing.pcap");
        assertThatThrownBy(() -> Capture.open(missing)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("missing.pcap").hasMessageContaining("no such file");
        assertThatThrownBy(() -> Capture.open(List.of(), LoadMonitor.NONE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingFileClosesTheOnesOpenedBeforeIt() throws IOException {
        Path good = bigPcap("good.pcap");
        Path bad = Files.writeString(dir.resolve("bad.pcap"), "not a capture");
        assertThatThrownBy(() -> Capture.open(List.of(good, bad), LoadMonitor.NONE))
                .isInstanceOf(CaptureException.class).hasMessageContaining("bad.pcap");
    }
}
