package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testsupport.MigrationFrames;
import dev.cutover.testsupport.TwoClocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Files opened with a clock correction: the merge, the times and the offset found from frames seen in both. */
class TimeShiftTest {
    @TempDir
    Path dir;

    private static final long T = TwoClocks.T;

    /** (source, time relative to T in ms, first byte of the frame) of each frame in merged order. */
    private static List<String> order(Capture c) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < c.frameCount(); i++) {
            byte[] b = c.frameBytes(i);
            String what = b.length > 12 && b[12] == (byte) 0x81 ? "RARP"
                    : b[0] == (byte) 0xff && b[41] == (byte) 0x99 ? "ARP" : b[0] == (byte) 0xff ? "GARP"
                    : b[34 + 8] == 'A' ? "A" : "B";
            rows.add(c.sourceOf(i) + ":" + (c.index().timestampNanos(i) - T) / 1_000_000.0 + ":" + what);
        }
        return rows;
    }

    @Test
    void withoutAShiftTheFileBehindComesFirst() throws IOException {
        try (Capture c = Capture.open(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)), LoadMonitor.NONE)) {
            assertThat(order(c)).containsExactly(
                    "1:-2913.0:RARP", "1:-1913.0:RARP", "1:-1000.0:B", "1:-913.0:RARP", "1:-813.0:GARP",
                    "0:0.0:RARP", "0:500.0:A", "0:1000.0:RARP", "0:2000.0:RARP", "0:2100.0:GARP", "0:3000.0:ARP");
            assertThat(c.timeShiftNanos(0)).isZero();
            assertThat(c.timeShiftNanos(1)).isZero();
        }
    }

    @Test
    void theShiftAppliesBeforeTheMerge() throws IOException {
        List<Path> files = List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir));
        try (Capture c = Capture.open(files, new long[] {0, TwoClocks.BEHIND_NANOS}, LoadMonitor.NONE, null, null)) {
            // equal times: the file given first goes first
            assertThat(order(c)).containsExactly(
                    "0:0.0:RARP", "1:0.0:RARP", "0:500.0:A", "0:1000.0:RARP", "1:1000.0:RARP", "1:1913.0:B",
                    "0:2000.0:RARP", "1:2000.0:RARP", "0:2100.0:GARP", "1:2100.0:GARP", "0:3000.0:ARP");
            assertThat(c.timeShiftNanos(1)).isEqualTo(TwoClocks.BEHIND_NANOS);
            assertThat(c.sources().get(1).timeShiftNanos()).isEqualTo(TwoClocks.BEHIND_NANOS);
            CaptureSummary summary = CaptureSummary.of(c, 1);
            assertThat(summary.firstTime()).isEqualTo("2023-11-14T22:15:00.000000000Z");
            assertThat(summary.timeShiftNanos()).isEqualTo(TwoClocks.BEHIND_NANOS);
            assertThat(summary.toText()).contains("Time shift:          +2.913 s, added to every time stamp");
        }
    }

    @Test
    void aNegativeShiftToTheNanosecondMovesTheOtherFile() throws IOException {
        List<Path> files = List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir));
        long shift = -(TwoClocks.BEHIND_NANOS + 1);
        try (Capture c = Capture.open(files, new long[] {shift, 0}, LoadMonitor.NONE, null, null)) {
            // vmnic5 moved onto vusb2's clock, a nanosecond further: each of its frames now just precedes its twin
            assertThat(c.index().timestampNanos(0)).isEqualTo(T - TwoClocks.BEHIND_NANOS - 1);
            assertThat(c.sourceOf(0)).isZero();
            assertThat(c.sourceOf(1)).isEqualTo(1);
            assertThat(c.index().timestampNanos(1)).isEqualTo(T - TwoClocks.BEHIND_NANOS);
        }
    }

    @Test
    void theShiftReachesTheFramesShownWhileIndexing() throws IOException {
        List<Long> seen = new ArrayList<>();
        FrameTap tap = (frame, iface, t, bytes, original) -> seen.add(t);
        try (Capture c = Capture.open(List.of(TwoClocks.vusb2(dir)), new long[] {TwoClocks.BEHIND_NANOS},
                LoadMonitor.NONE, tap, null)) {
            assertThat(seen).hasSize(5).first().isEqualTo(T);
            assertThat(c.index().timestampNanos(0)).isEqualTo(T);
        }
    }

    @Test
    void theOffsetIsFoundFromTheFramesSeenInBoth() throws IOException {
        List<Path> files = List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir));
        try (Capture c = Capture.open(files, LoadMonitor.NONE)) {
            List<ClockOffsets.Offset> offsets = ClockOffsets.fromFirst(c);
            assertThat(offsets.get(0)).isNull();
            // three RARPs paired with their twins (not with the other copies a second away) and the GARP
            assertThat(offsets.get(1)).isEqualTo(new ClockOffsets.Offset(TwoClocks.BEHIND_NANOS, 4));
            assertThat(ClockOffsets.advice("vmnic5.pcap", "vusb2.pcap", offsets.get(1), 0)).isEqualTo(
                    "vusb2.pcap runs 2.913 s behind vmnic5.pcap (4 frames seen in both); to align: "
                            + "--time-shift vusb2.pcap=2.913");
        }
        // the other way round: the reference runs ahead
        try (Capture c = Capture.open(List.of(files.get(1), files.get(0)), LoadMonitor.NONE)) {
            ClockOffsets.Offset o = ClockOffsets.fromFirst(c).get(1);
            assertThat(o.offsetNanos()).isEqualTo(-TwoClocks.BEHIND_NANOS);
            assertThat(ClockOffsets.advice("vusb2.pcap", "vmnic5.pcap", o, 0)).isEqualTo(
                    "vmnic5.pcap runs 2.913 s ahead of vusb2.pcap (4 frames seen in both); to align: "
                            + "--time-shift vmnic5.pcap=-2.913");
        }
    }

    @Test
    void applyingTheSuggestedShiftLeavesNoOffset() throws IOException {
        List<Path> files = List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir));
        long suggested;
        try (Capture c = Capture.open(files, LoadMonitor.NONE)) {
            suggested = ClockOffsets.fromFirst(c).get(1).offsetNanos();
        }
        try (Capture c = Capture.open(files, new long[] {0, suggested}, LoadMonitor.NONE, null, null)) {
            ClockOffsets.Offset o = ClockOffsets.fromFirst(c).get(1);
            assertThat(o).isEqualTo(new ClockOffsets.Offset(0, 4));
            assertThat(o.significant()).isFalse();
            assertThat(ClockOffsets.advice("vmnic5.pcap", "vusb2.pcap", o, suggested)).isNull();
        }
        // half of it applied: the advice gives the whole shift, not what is left
        try (Capture c = Capture.open(files, new long[] {0, 1_000_000_000L}, LoadMonitor.NONE, null, null)) {
            ClockOffsets.Offset o = ClockOffsets.fromFirst(c).get(1);
            assertThat(o.offsetNanos()).isEqualTo(1_913_000_000L);
            assertThat(ClockOffsets.advice("vmnic5.pcap", "vusb2.pcap", o, 1_000_000_000L))
                    .endsWith("--time-shift vusb2.pcap=2.913");
        }
    }

    @Test
    void filesWithNoFrameInCommonHaveNoOffset() throws IOException {
        Path a = MigrationFrames.rarpPcapng(dir.resolve("a.pcapng"), "vmnic0", "x");
        try (Capture c = Capture.open(List.of(a, TwoClocks.vmnic5(dir)), LoadMonitor.NONE)) {
            // the one RARP of a.pcapng is the same frame as vmnic5's three: it is seen in both
            assertThat(ClockOffsets.fromFirst(c).get(1).frames()).isEqualTo(1);
        }
        Path u = dir.resolve("u.pcap");
        try (var os = java.nio.file.Files.newOutputStream(u); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            w.write(T, TwoClocks.UNICAST_A, 0, 60, 60);
        }
        try (Capture c = Capture.open(List.of(TwoClocks.vmnic5(dir), u), LoadMonitor.NONE)) {
            // the same unicast frame is in both, but one packet is too few to trust (ClockOffsets.MIN_PACKETS)
            assertThat(ClockOffsets.fromFirst(c).get(1)).isNull();
        }
    }

    @Test
    void aFrameTaggedOnATrunkMatchesItselfUntagged() throws IOException {
        byte[] tagged = MigrationFrames.RARP_VLAN10;
        byte[] untagged = new byte[tagged.length - 4];
        System.arraycopy(tagged, 0, untagged, 0, 12);
        System.arraycopy(tagged, 16, untagged, 12, tagged.length - 16);
        Path trunk = dir.resolve("trunk.pcap");
        Path access = dir.resolve("access.pcap");
        try (var os = java.nio.file.Files.newOutputStream(trunk); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            w.write(T, tagged, 0, tagged.length, tagged.length);
        }
        try (var os = java.nio.file.Files.newOutputStream(access); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            w.write(T + 40_000_000_000L, untagged, 0, untagged.length, untagged.length);
            // the other RARP's bytes, one byte changed: another frame
            untagged[untagged.length - 1] = 1;
            w.write(T + 1_000_000_000L, untagged, 0, untagged.length, untagged.length);
        }
        try (Capture c = Capture.open(List.of(trunk, access), LoadMonitor.NONE)) {
            assertThat(ClockOffsets.fromFirst(c).get(1)).isEqualTo(new ClockOffsets.Offset(-40_000_000_000L, 1));
        }
    }
}
