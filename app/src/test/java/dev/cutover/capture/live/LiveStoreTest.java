package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LinkTypes;
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
        assertThat(store.frames().get(0).timestampNanos()).isEqualTo(frame(7).timestampNanos());
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
}
