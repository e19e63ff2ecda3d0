package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.SourceInfo;
import dev.cutover.samples.Wire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live frame store without libpcap: the ring limits, the files it writes, the snapshot the views read. */
class LiveStoreTest {
    private static LiveFrame frame(int i) {
        byte[] data = Wire.rarp(LinkLab.VM_MAC + i);
        return new LiveFrame(1_700_000_000_000_000_000L + i * 1_000_000L, data, data.length);
    }

    @Test
    void aFrameRingKeepsTheNewest() throws Exception {
        LiveStore store = new LiveStore("eth1", "rarp", LinkTypes.ETHERNET, 65535, 3);
        for (int i = 0; i < 10; i++) {
            store.add(frame(i));
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.received()).isEqualTo(10);
        assertThat(store.evicted()).isEqualTo(7);
        assertThat(store.snapshot().index().timestampNanos(0)).isEqualTo(frame(7).timestampNanos());
    }

    @Test
    void pcapngKeepsTheInterfaceFilterAndCommentAndTheSnapshotReadsLikeAFile(@TempDir Path dir) throws Exception {
        LiveStore store = new LiveStore("eth1", LiveOptions.MIGRATION_FILTER, LinkTypes.ETHERNET, 65535, 0);
        for (int i = 0; i < 4; i++) {
            store.add(frame(i));
        }
        Path file = dir.resolve("live.pcapng");
        store.writePcapng(file, "watch of host 12");
        String raw = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertThat(raw).contains("watch of host 12").contains(LiveOptions.MIGRATION_FILTER);
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(4);
            assertThat(c.interfaces().get(0).name()).isEqualTo("eth1");
            assertThat(c.index().timestampNanos(3)).isEqualTo(frame(3).timestampNanos());
            assertThat(c.damages()).isEmpty();
        }
        Path pcap = dir.resolve("live.pcap");
        store.writePcap(pcap);
        try (Capture c = Capture.open(pcap); Capture snapshot = store.snapshot()) {
            assertThat(c.frameCount()).isEqualTo(4);
            assertThat(snapshot.frameCount()).isEqualTo(4);
            assertThat(snapshot.frameBytes(2)).isEqualTo(frame(2).data());
        }
    }

    @Test
    void framesCommentsAreSavedAsPacketCommentsWithTheRingsNumbering(@TempDir Path dir) throws Exception {
        LiveStore store = new LiveStore("eth1", "", LinkTypes.ETHERNET, 65535, 3);
        for (int i = 0; i < 5; i++) {
            store.add(frame(i));
        }
        Path file = dir.resolve("noted.pcapng");
        // kept now: frames 2, 3, 4 of those received; position 1 is frame 3
        store.writePcapng(file, null, i -> i == 1 ? List.of("first RARP [evidence]") : List.of());
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(3);
            assertThat(c.frameBytes(1)).isEqualTo(frame(3).data());
            assertThat(c.comments(1)).containsExactly("first RARP [evidence]");
            assertThat(c.comments(0)).isEmpty();
            assertThat(c.comments(2)).isEmpty();
        }
    }

    /**
     * Frames of many kinds and lengths: RARP and gratuitous ARP, tagged or not, IPv4 frames of 60 to 1,514 bytes
     * (so the bytes cross the store's 1 MiB chunks), now and then one cut short by the snap length.
     */
    private static LiveFrame varied(int i) {
        byte[] data;
        switch (i % 5) {
            case 0 -> data = Wire.rarp(LinkLab.VM_MAC + i % 300);
            case 1 -> data = Wire.garp(LinkLab.VM_MAC + i % 300, 0x0a00_0000L + i % 300, 100 + i % 7);
            case 2 -> data = Wire.rarp(LinkLab.VM_MAC + i % 300, 602);
            default -> {
                data = new byte[60 + (i * 37) % 1455];
                for (int b = 0; b < data.length; b++) {
                    data[b] = (byte) (i * 31 + b);
                }
                data[12] = 0x08;
                data[13] = 0x00;
            }
        }
        int original = data.length;
        if (i % 97 == 0 && data.length > 64) {
            data = java.util.Arrays.copyOf(data, 64);
        }
        return new LiveFrame(1_763_700_000_000_000_000L + i * 733_000L, data, original);
    }

    private static void assertSameIndex(Capture incremental, Capture reread) throws Exception {
        assertThat(incremental.frameCount()).isEqualTo(reread.frameCount());
        assertThat(incremental.interfaces()).isEqualTo(reread.interfaces());
        assertThat(incremental.maxCapturedLength()).isEqualTo(reread.maxCapturedLength());
        var a = incremental.index();
        var b = reread.index();
        int n = a.size();
        // one assertion per attribute over all frames: AssertJ per frame would dominate the test's time
        assertThat(column(n, a::timestampNanos)).as("time stamps").isEqualTo(column(n, b::timestampNanos));
        assertThat(column(n, a::capturedLength)).as("captured lengths").isEqualTo(column(n, b::capturedLength));
        assertThat(column(n, a::originalLength)).as("lengths on the wire").isEqualTo(column(n, b::originalLength));
        assertThat(column(n, a::interfaceId)).as("interface ids").isEqualTo(column(n, b::interfaceId));
        assertThat(column(n, a::frameClass)).as("frame classes").isEqualTo(column(n, b::frameClass));
        int differing = -1;
        for (int i = 0; i < n && differing < 0; i++) {
            if (!java.util.Arrays.equals(incremental.frameBytes(i), reread.frameBytes(i))) {
                differing = i;
            }
        }
        assertThat(differing).as("first frame whose bytes differ (0-based)").isEqualTo(-1);
    }

    private static long[] column(int n, java.util.function.IntToLongFunction f) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.applyAsLong(i);
        }
        return out;
    }

    @Test
    void theIncrementalIndexIsTheIndexAFullReReadOfTheSameFramesGives(@TempDir Path dir) throws Exception {
        LiveStore store = new LiveStore("eth1", LiveOptions.MIGRATION_FILTER, LinkTypes.ETHERNET, 65535, 0);
        Capture early = null;
        Path earlyFile = dir.resolve("early.pcapng");
        for (int i = 0; i < 12_000; i++) {
            store.add(varied(i));
            if (i == 3_999) {
                early = store.snapshot();
                store.writePcapng(earlyFile, null);
            }
        }
        Path file = dir.resolve("all.pcapng");
        store.writePcapng(file, null);
        try (Capture snapshot = store.snapshot(); Capture reread = Capture.open(file);
             Capture earlyReread = Capture.open(earlyFile)) {
            assertThat(snapshot.frameCount()).isEqualTo(12_000);
            MigrationAnalyzer.analyze(snapshot);
            MigrationAnalyzer.analyze(reread);
            assertThat(java.util.stream.IntStream.range(0, 12_000).map(i -> snapshot.index().frameClass(i))
                    .distinct().count()).as("frame classes of several kinds").isGreaterThan(2);
            assertSameIndex(snapshot, reread);
            // taken when 4,000 frames had come: 8,000 more since leave it as it was
            MigrationAnalyzer.analyze(earlyReread);
            assertSameIndex(early, earlyReread);
            SourceInfo live = snapshot.sources().get(0);
            SourceInfo file0 = reread.sources().get(0);
            assertThat(live.format()).isEqualTo(file0.format());
            assertThat(live.version()).isEqualTo(file0.version());
            assertThat(live.byteOrder()).isEqualTo(file0.byteOrder());
            assertThat(live.application()).isEqualTo(file0.application());
            assertThat(live.frames()).isEqualTo(file0.frames());
            assertThat(snapshot.damages()).isEmpty();
        }
    }

    @Test
    void aLongRingLetsFramesAndTheirBytesGoAndEverySnapshotStillReadsItsOwn() throws Exception {
        int ring = 1_000;
        LiveStore store = new LiveStore("eth1", "", LinkTypes.ETHERNET, 65535, ring);
        java.util.Map<Integer, Capture> taken = new java.util.TreeMap<>();
        for (int i = 0; i < 300_000; i++) {
            store.add(varied(i));
            if ((i + 1) % 50_000 == 0 || i + 1 == 500 || i + 1 == 1_001) {
                taken.put(i + 1, store.snapshot());
            }
        }
        assertThat(store.size()).isEqualTo(ring);
        assertThat(store.evicted()).isEqualTo(299_000);
        for (var e : taken.entrySet()) {
            int received = e.getKey();
            Capture c = e.getValue();
            int first = Math.max(0, received - ring);
            assertThat(c.frameCount()).as("after %d frames", received).isEqualTo(Math.min(received, ring));
            for (int k : new int[] {0, c.frameCount() / 2, c.frameCount() - 1}) {
                LiveFrame expected = varied(first + k);
                assertThat(c.frameBytes(k)).as("frame %d after %d", k + 1, received).isEqualTo(expected.data());
                assertThat(c.index().timestampNanos(k)).isEqualTo(expected.timestampNanos());
                assertThat(c.index().originalLength(k)).isEqualTo(expected.originalLength());
            }
        }
    }
}
