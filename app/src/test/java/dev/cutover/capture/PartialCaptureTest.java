package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening one file shows the frames read so far: prefix captures that agree with the whole capture frame for frame,
 * and a cancel that keeps the frames read rather than discarding them.
 */
class PartialCaptureTest {
    private static final int FRAMES = 13_000;

    @TempDir
    Path dir;

    /** A pcap of about 20 MB (several 4 MB buffer refills); frame i is 1000 + i % 500 bytes of pattern i. */
    private Path bigPcap(String name) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET, 65535, false)) {
                for (int i = 0; i < FRAMES; i++) {
                    byte[] frame = Bytes.pattern(1000 + i % 500, i);
                    w.write(i * 1_000L, frame, 0, frame.length, frame.length);
                }
            }
        });
        return file;
    }

    /** The same frames in pcapng, every 7th with a comment and inbound flags. */
    private Path bigPcapng(String name) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            try (PcapngWriter w = new PcapngWriter(out, "test")) {
                w.addInterface(LinkTypes.ETHERNET, 65535, "vmk1", null, 9);
                for (int i = 0; i < FRAMES; i++) {
                    byte[] frame = Bytes.pattern(1000 + i % 500, i);
                    boolean noted = i % 7 == 0;
                    w.write(0, i * 1_000L, frame, 0, frame.length, frame.length,
                            noted ? List.of("frame " + (i + 1)) : List.of(), noted ? 1 : 0);
                }
            }
        });
        return file;
    }

    @Test
    void prefixesGrowAndAgreeWithTheWholeCapture() throws IOException {
        Path file = bigPcapng("big.pcapng");
        List<Capture> prefixes = new ArrayList<>();
        List<Integer> sizesWhenPublished = new ArrayList<>();
        try (Capture whole = Capture.open(List.of(file), LoadMonitor.NONE, p -> {
            prefixes.add(p);
            sizesWhenPublished.add(p.frameCount());
        })) {
            assertThat(whole.frameCount()).isEqualTo(FRAMES);
            assertThat(whole.stopped()).isFalse();
            assertThat(prefixes).isNotEmpty();
            int previous = 0;
            for (int k = 0; k < prefixes.size(); k++) {
                Capture p = prefixes.get(k);
                int n = p.frameCount();
                // a snapshot: the load went on after it was made, yet it still holds what it held
                assertThat(n).isEqualTo(sizesWhenPublished.get(k)).isGreaterThan(previous).isLessThanOrEqualTo(FRAMES);
                previous = n;
                assertThat(p.sources().get(0).frames()).isEqualTo(n);
                assertThat(p.interfaces()).extracting(InterfaceInfo::name).containsExactly("vmk1");
                assertThat(p.damages()).isEmpty();
                for (int f : new int[] {0, n / 2, n - 1}) {
                    assertThat(p.index().timestampNanos(f)).isEqualTo(whole.index().timestampNanos(f));
                    assertThat(p.frameBytes(f)).isEqualTo(Bytes.pattern(1000 + f % 500, f));
                    assertThat(p.comments(f)).isEqualTo(whole.comments(f));
                    assertThat(p.packetFlags(f)).isEqualTo(whole.packetFlags(f));
                }
                assertThat(p.comments(0)).containsExactly("frame 1");
                assertThat(p.stopped()).isFalse();
                int last = n;
                assertThatThrownBy(() -> p.index().timestampNanos(last)).isInstanceOf(IndexOutOfBoundsException.class);
                // a prefix does not own the file: closing it leaves the whole capture readable
                p.close();
            }
            assertThat(whole.frameBytes(FRAMES - 1)).isEqualTo(Bytes.pattern(1000 + (FRAMES - 1) % 500, FRAMES - 1));
        }
    }

    @Test
    void cancellingKeepsTheFramesReadSoFar() throws IOException {
        Path file = bigPcap("big.pcap");
        List<Capture> prefixes = new ArrayList<>();
        LoadMonitor stopAfterFirstPrefix = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return !prefixes.isEmpty();
            }
        };
        try (Capture kept = Capture.open(List.of(file), stopAfterFirstPrefix, prefixes::add)) {
            assertThat(prefixes).hasSize(1);
            int seen = prefixes.get(0).frameCount();
            assertThat(kept.stopped()).isTrue();
            assertThat(kept.frameCount()).isBetween(seen, FRAMES - 1);
            assertThat(kept.sources().get(0).frames()).isEqualTo(kept.frameCount());
            assertThat(kept.damages()).isEmpty();
            int last = kept.frameCount() - 1;
            assertThat(kept.frameBytes(last)).isEqualTo(Bytes.pattern(1000 + last % 500, last));
            assertThat(kept.index().timestampNanos(last)).isEqualTo(last * 1_000L);
        }
    }

    @Test
    void aCancelBeforeTheFirstFrameIsACancelNotAnEmptyCapture() throws IOException {
        LoadMonitor cancelled = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        List<Capture> prefixes = new ArrayList<>();
        for (Path file : List.of(bigPcapng("first.pcapng"), bigPcap("first.pcap"))) {
            // what was open before stays open: the window gets a cancel, not a capture of 0 frames to show instead
            assertThatThrownBy(() -> Capture.open(List.of(file), cancelled, prefixes::add))
                    .as(file.getFileName().toString()).isInstanceOf(CancellationException.class);
        }
        assertThat(prefixes).isEmpty();
    }

    @Test
    void withoutPrefixesOrWithSeveralFilesACancelStillDiscards() throws IOException {
        Path a = bigPcap("a.pcap");
        Path b = bigPcap("b.pcap");
        LoadMonitor cancelled = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        List<Capture> prefixes = new ArrayList<>();
        assertThatThrownBy(() -> Capture.open(List.of(a), cancelled)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> Capture.open(List.of(a, b), cancelled, prefixes::add))
                .isInstanceOf(CancellationException.class);
        try (Capture both = Capture.open(List.of(a, b), LoadMonitor.NONE, prefixes::add)) {
            assertThat(both.frameCount()).isEqualTo(2 * FRAMES);
        }
        assertThat(prefixes).isEmpty();
    }

    @Test
    void aGzipFileShowsNoPrefixAndACancelDiscardsIt() throws IOException {
        Path plain = bigPcap("a.pcap");
        Path gz = dir.resolve("a.pcap.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(plain));
        }
        List<Capture> prefixes = new ArrayList<>();
        try (Capture c = Capture.open(List.of(gz), LoadMonitor.NONE, prefixes::add)) {
            assertThat(c.frameCount()).isEqualTo(FRAMES);
        }
        assertThat(prefixes).isEmpty();
        LoadMonitor cancelled = new LoadMonitor() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Capture.open(List.of(gz), cancelled, prefixes::add))
                .isInstanceOf(CancellationException.class);
    }
}
