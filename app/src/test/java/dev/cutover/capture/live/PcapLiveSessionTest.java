package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.LinkTypes;
import dev.cutover.samples.Wire;
import java.io.EOFException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;

/**
 * The capture thread on a pcap file opened by libpcap, which needs neither root nor an interface: it reads every
 * frame, with the time stamp and lengths pcap4j would give, and stops at the end of the file.
 */
class PcapLiveSessionTest {
    private static List<LiveFrame> frames() {
        List<LiveFrame> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] data = i % 2 == 0 ? Wire.rarp(LinkLab.VM_MAC + i) : Wire.garp(LinkLab.VM_MAC + i, 0x0a000001L);
            long nanos = 1_700_000_000_000_000_000L + i * 1_234_567_000L; // microseconds, as libpcap gives them
            frames.add(i == 7 ? new LiveFrame(nanos, Arrays.copyOf(data, 20), data.length)
                    : new LiveFrame(nanos, data, data.length));
        }
        return frames;
    }

    private static PcapHandle open(Path file) throws Exception {
        try {
            return Pcaps.openOffline(file.toString());
        } catch (LinkageError e) {
            Assumptions.abort("skipped: libpcap is not installed (" + e.getMessage() + ")");
            throw e;
        }
    }

    @Test
    void readsEveryFrameAsPcap4jWouldAndStopsAtTheEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("frames.pcap");
        List<LiveFrame> sent = frames();
        LiveStore written = new LiveStore("eth1", "", LinkTypes.ETHERNET, 65535, 0);
        sent.forEach(written::add);
        written.writePcap(file);

        PcapLiveSession session = new PcapLiveSession(open(file), LiveOptions.of("eth1"), LinkTypes.ETHERNET);
        session.start();
        for (int i = 0; i < 100 && session.running(); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(session.running()).isFalse();
        assertThat(session.failure()).isNull();
        List<LiveFrame> read = new ArrayList<>();
        session.drain(read, Integer.MAX_VALUE);
        assertThat(session.captured()).isEqualTo(50);
        assertThat(session.queueDrops()).isZero();

        List<LiveFrame> byPcap4j = new ArrayList<>();
        PcapHandle handle = open(file);
        try {
            while (true) {
                byte[] data = handle.getNextRawPacketEx();
                Timestamp ts = handle.getTimestamp();
                long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
                byPcap4j.add(new LiveFrame(nanos, data, handle.getOriginalLength()));
            }
        } catch (EOFException end) {
            // every frame read
        } finally {
            handle.close();
        }
        assertThat(read).hasSize(50);
        for (int i = 0; i < 50; i++) {
            LiveFrame expected = sent.get(i);
            for (LiveFrame actual : List.of(read.get(i), byPcap4j.get(i))) {
                assertThat(actual.timestampNanos()).as("frame %d", i).isEqualTo(expected.timestampNanos());
                assertThat(actual.data()).as("frame %d", i).isEqualTo(expected.data());
                assertThat(actual.originalLength()).as("frame %d", i).isEqualTo(expected.originalLength());
            }
        }
        assertThat(read.get(7).data()).hasSize(20);
        PcapHandle again = open(file);
        try {
            // the fast read, not pcap4j's fallback: a pcap4j that hides its handle's pointer must be noticed
            assertThat(PcapLiveSession.readsDirectly(again)).isTrue();
        } finally {
            again.close();
        }
        assertThat(read.get(7).originalLength()).isEqualTo(60);
    }
}
