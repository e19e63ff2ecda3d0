package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gzip-compressed captures are expanded to a temporary file, and a broken stream is damage. */
class GzipCaptureTest {
    @TempDir
    Path dir;

    private static byte[] pcap(int frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bytes, LinkTypes.ETHERNET, 65535, false)) {
            for (int i = 0; i < frames; i++) {
                // varied content, so the compressed stream is long enough to break in the middle
                byte[] data = Bytes.pattern(200, i * 31);
                data[0] = (byte) (i >> 8);
                data[1] = (byte) i;
                w.write(1_700_000_000_000_000_000L + i * 1_000_000L, data, 0, data.length, data.length);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** Expanded gzip files in the temporary folder, which other processes may share. */
    static Set<Path> temporaryFiles() throws IOException {
        Set<Path> files = new HashSet<>();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> list = Files.newDirectoryStream(tmp, "cutover-*.capture")) {
            list.forEach(files::add);
        }
        return files;
    }

    @Test
    void gzippedPcapIsReadAndItsTemporaryFileDeletedOnClose() throws IOException {
        byte[] compressed = gzip(pcap(500));
        Path file = Files.write(dir.resolve("vmnic0.pcap.gz"), compressed);
        Set<Path> before = temporaryFiles();
        Set<Path> ours = new HashSet<>();
        try (Capture c = Capture.open(file)) {
            ours.addAll(temporaryFiles());
            ours.removeAll(before);
            assertThat(ours).isNotEmpty();
            assertThat(c.frameCount()).isEqualTo(500);
            SourceInfo s = c.sources().get(0);
            assertThat(s.gzipped()).isTrue();
            assertThat(s.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(s.fileSize()).isEqualTo(compressed.length);
            assertThat(c.interfaces().get(0).name()).isEqualTo("vmnic0.pcap.gz");
            byte[] expected = Bytes.pattern(200, 499 * 31);
            expected[0] = (byte) (499 >> 8);
            expected[1] = (byte) 499;
            assertThat(c.frameBytes(499)).isEqualTo(expected);
        }
        assertThat(ours).noneMatch(Files::exists);
    }

    @Test
    void gzippedPcapngIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapngWriter w = new PcapngWriter(bytes, "test")) {
            int eth = w.addInterface(LinkTypes.ETHERNET, 0, "eth0", null, 9);
            w.write(eth, 5, new byte[] {1, 2, 3}, 0, 3, 3, List.of("hello"), 2);
        }
        Path file = Files.write(dir.resolve("noext"), gzip(bytes.toByteArray()));
        try (Capture c = Capture.open(file)) {
            assertThat(c.sources().get(0).format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(c.sources().get(0).gzipped()).isTrue();
            assertThat(c.frameBytes(0)).containsExactly(1, 2, 3);
            assertThat(c.comments(0)).containsExactly("hello");
            assertThat(c.index().timestampNanos(0)).isEqualTo(5);
        }
    }

    @Test
    void streamCutShortKeepsTheFramesBeforeIt() throws IOException {
        byte[] compressed = gzip(pcap(2000));
        Path file = Files.write(dir.resolve("cut.pcap.gz"), Arrays.copyOf(compressed, compressed.length / 2));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isBetween(100, 1999);
            CaptureDamage d = c.damages().get(0);
            assertThat(d.frameNumber()).isEqualTo(c.frameCount() + 1L);
            assertThat(d.byteOffset()).isPositive().isLessThanOrEqualTo(compressed.length / 2);
            assertThat(d.reason()).startsWith("gzip data corrupt after ");
            assertThat(c.sources().get(0).damage()).isEqualTo(d);
            for (int i = 0; i < c.frameCount(); i++) {
                assertThat(c.index().capturedLength(i)).isEqualTo(200);
            }
        }
    }

    @Test
    void corruptStreamKeepsTheFramesBeforeIt() throws IOException {
        byte[] compressed = gzip(pcap(2000));
        for (int i = compressed.length / 2; i < compressed.length / 2 + 64; i++) {
            compressed[i] = (byte) 0xFF;
        }
        Path file = Files.write(dir.resolve("corrupt.pcap.gz"), compressed);
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isBetween(1, 1999);
            assertThat(c.damages()).singleElement()
                    .satisfies(d -> assertThat(d.reason()).startsWith("gzip data corrupt after "));
        }
    }

    @Test
    void gzipOfSomethingElseIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("page.gz"), gzip("<html></html>".getBytes()));
        assertThatThrownBy(() -> Capture.open(file)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("not a pcap or pcapng capture (starts with 3c 68 74 6d)");
        Path header = Files.write(dir.resolve("header-only.gz"), Arrays.copyOf(gzip(pcap(1)), 10));
        assertThatThrownBy(() -> Capture.open(header)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("header-only.gz");
        Path magic = Files.write(dir.resolve("magic-only.gz"), new byte[] {0x1f, (byte) 0x8b});
        assertThatThrownBy(() -> Capture.open(magic)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("magic-only.gz");
    }
}
