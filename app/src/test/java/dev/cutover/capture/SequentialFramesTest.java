package dev.cutover.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-ahead pass gives the same bytes as positional reads, across merged files and small windows. */
class SequentialFramesTest {
    @TempDir
    Path dir;

    private Path pcap(String name, int frames, int seed, long start) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, 1, 65535, false)) {
                for (int i = 0; i < frames; i++) {
                    byte[] f = new byte[20 + (i * 37 + seed) % 900];
                    for (int k = 0; k < f.length; k++) {
                        f[k] = (byte) (k * 31 + i + seed);
                    }
                    w.write(start + i * 2_000_000L, f, 0, f.length, f.length);
                }
            }
        });
        return file;
    }

    @Test
    void sameBytesAsPositionalReadsOverMergedFiles() throws IOException {
        Path a = pcap("a.pcap", 300, 1, 1_000_000_000L);
        Path b = pcap("b.pcap", 200, 7, 1_001_000_000L);
        List<long[]> progress = new ArrayList<>();
        LoadMonitor monitor = new LoadMonitor() {
            @Override
            public void progress(long done, long total) {
                progress.add(new long[] {done, total});
            }
        };
        try (Capture c = Capture.open(List.of(a, b), LoadMonitor.NONE)) {
            SequentialFrames frames = new SequentialFrames(c, monitor, 4096);
            byte[] buf = new byte[c.maxCapturedLength()];
            for (int i = 0; i < c.frameCount(); i++) {
                int n = frames.moveTo(i);
                byte[] expected = c.frameBytes(i);
                assertThat(n).isEqualTo(expected.length);
                assertThat(frames.u8(3)).isEqualTo(expected[3] & 0xFF);
                assertThat(frames.u16(12)).isEqualTo(((expected[12] & 0xFF) << 8) | (expected[13] & 0xFF));
                frames.copyTo(buf);
                assertThat(java.util.Arrays.copyOf(buf, n)).isEqualTo(expected);
            }
            // backwards works too
            frames.moveTo(5);
            assertThat(frames.u8(0)).isEqualTo(c.frameBytes(5)[0] & 0xFF);
            assertThatThrownBy(() -> frames.u8(frames.length())).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(progress).isNotEmpty();
        long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isPositive().isLessThanOrEqualTo(last[1]);
    }

    @Test
    void aSparseReadGivesTheFramesAskedForLargerThanItsWindowToo() throws IOException {
        Path file = dir.resolve("jumbo.pcap");
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, 1, 65535, false)) {
                for (int i = 0; i < 400; i++) {
                    byte[] f = new byte[i % 5 == 0 ? 9000 : 60 + i];   // jumbo frames, over the 4 KB a read takes
                    for (int k = 0; k < f.length; k++) {
                        f[k] = (byte) (k * 13 + i);
                    }
                    w.write(1_000_000_000L + i * 1_000L, f, 0, f.length, f.length);
                }
            }
        });
        try (Capture c = Capture.open(file)) {
            SequentialFrames frames = SequentialFrames.sparse(c, LoadMonitor.NONE);
            byte[] buf = new byte[c.maxCapturedLength()];
            int read = 0;
            for (int i = 0; i < c.frameCount(); i += 3) {
                int n = frames.moveTo(i);
                frames.copyTo(buf);
                assertThat(java.util.Arrays.copyOf(buf, n)).as("frame " + (i + 1)).isEqualTo(c.frameBytes(i));
                read++;
            }
            assertThat(read).isEqualTo(134);
        }
    }

    @Test
    void theMonitorCancels() throws IOException {
        Path a = pcap("a.pcap", 300, 1, 0);
        try (Capture c = Capture.open(a)) {
            SequentialFrames frames = new SequentialFrames(c, new LoadMonitor() {
                @Override
                public boolean cancelled() {
                    return true;
                }
            }, 4096);
            assertThatThrownBy(() -> {
                for (int i = 0; i < c.frameCount(); i++) {
                    frames.moveTo(i);
                }
            }).isInstanceOf(CancellationException.class);
        }
    }
}
