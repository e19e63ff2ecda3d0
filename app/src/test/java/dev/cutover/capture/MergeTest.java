package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several files opened together are merged by time stamp, mergecap style. */
class MergeTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A pcap whose frames each hold one byte: their tag. */
    private Path pcap(String name, long[] seconds, int[] tags) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET, 65535, false)) {
                for (int i = 0; i < seconds.length; i++) {
                    w.write(T0 + seconds[i] * SECOND, new byte[] {(byte) tags[i]}, 0, 1, 1);
                }
            }
        });
        return file;
    }

    @Test
    void earliestFirstAndTiesToTheFileGivenFirst() throws IOException {
        Path a = pcap("vmnic0.pcap", new long[] {1, 3, 5}, new int[] {11, 13, 15});
        Path b = pcap("vmnic1.pcap", new long[] {2, 3, 4}, new int[] {22, 23, 24});
        try (Capture c = Capture.open(List.of(a, b), LoadMonitor.NONE)) {
            assertThat(c.frameCount()).isEqualTo(6);
            int[] tags = new int[6];
            for (int i = 0; i < 6; i++) {
                tags[i] = c.frameBytes(i)[0];
            }
            assertThat(tags).containsExactly(11, 22, 13, 23, 24, 15);
            assertThat(c.sourceOf(2)).isZero();
            assertThat(c.sourceOf(3)).isEqualTo(1);
            assertThat(c.interfaceOf(0).name()).isEqualTo("vmnic0.pcap");
            assertThat(c.interfaceOf(1).name()).isEqualTo("vmnic1.pcap");
            assertThat(c.interfaces()).extracting(InterfaceInfo::id).containsExactly(0, 1);
            assertThat(c.interfaces()).extracting(InterfaceInfo::sourceIndex).containsExactly(0, 1);
            assertThat(c.sources()).extracting(SourceInfo::file).containsExactly(a, b);
            assertThat(c.sources()).extracting(SourceInfo::frames).containsExactly(3, 3);
            for (int i = 1; i < 6; i++) {
                assertThat(c.index().timestampNanos(i)).isGreaterThanOrEqualTo(c.index().timestampNanos(i - 1));
            }
        }
        // the other order gives the tie to vmnic1
        try (Capture c = Capture.open(List.of(b, a), LoadMonitor.NONE)) {
            assertThat(c.frameBytes(2)[0]).isEqualTo((byte) 23);
            assertThat(c.frameBytes(3)[0]).isEqualTo((byte) 13);
        }
    }

    @Test
    void eachFileKeepsItsOwnOrder() throws IOException {
        // b is out of order within itself; merging never reorders a file's own frames
        Path a = pcap("a.pcap", new long[] {2}, new int[] {1});
        Path b = pcap("b.pcap", new long[] {3, 1}, new int[] {2, 3});
        try (Capture c = Capture.open(List.of(a, b), LoadMonitor.NONE)) {
            assertThat(new int[] {c.frameBytes(0)[0], c.frameBytes(1)[0], c.frameBytes(2)[0]}).containsExactly(1, 2, 3);
        }
    }

    @Test
    void commentsFollowTheirFramesAndDamagesStayPerFile() throws IOException {
        Path a = pcap("a.pcap", new long[] {1, 4}, new int[] {1, 4});
        Path b = dir.resolve("b.pcapng");
        AtomicFiles.write(b, out -> {
            try (PcapngWriter w = new PcapngWriter(out, null)) {
                int eth = w.addInterface(LinkTypes.ETHERNET, 0, "uplink", null, 9);
                int lo = w.addInterface(LinkTypes.NULL, 0, "lo", null, 6);
                w.write(eth, T0 + 2 * SECOND, new byte[] {2}, 0, 1, 1, List.of("two"), 1);
                w.write(lo, T0 + 3 * SECOND, new byte[] {3}, 0, 1, 1, List.of(), 2);
                w.write(eth, T0 + 5 * SECOND, new byte[] {5, 5}, 0, 2, 2, List.of("five"), 0);
            }
        });
        Path broken = dir.resolve("broken.pcap");
        byte[] whole = java.nio.file.Files.readAllBytes(pcap("whole.pcap", new long[] {6, 7}, new int[] {6, 7}));
        java.nio.file.Files.write(broken, java.util.Arrays.copyOf(whole, whole.length - 1));

        try (Capture c = Capture.open(List.of(a, b, broken), LoadMonitor.NONE)) {
            assertThat(c.frameCount()).isEqualTo(6);
            assertThat(c.comments(1)).containsExactly("two");
            assertThat(c.packetFlags(1)).isEqualTo(1);
            assertThat(c.packetFlags(2)).isEqualTo(2);
            assertThat(c.interfaceOf(2).name()).isEqualTo("lo");
            assertThat(c.interfaceOf(2).id()).isEqualTo(2);
            assertThat(c.comments(3)).isEmpty();
            assertThat(c.comments(4)).containsExactly("five");
            assertThat(c.sourceOf(5)).isEqualTo(2);
            assertThat(c.maxCapturedLength()).isEqualTo(2);
            assertThat(c.damages()).singleElement().satisfies(d -> {
                assertThat(d.file()).isEqualTo(broken);
                assertThat(d.frameNumber()).isEqualTo(2);
            });
            assertThat(c.sources().get(2).damage()).isNotNull();
            assertThat(c.sources().get(0).damage()).isNull();
        }
    }
}
