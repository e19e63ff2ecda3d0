package dev.cutover.frames;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.DuplicateAddress;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.PacketListViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.BitSet;

import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wireshark's ARP duplicate address reports: which pair of a frame is reported, against which earlier frame, the
 * seconds since it, which address Info names, and how the decode shows them (packet-arp.c's rules).
 */
class DuplicateAddressNodesTest {
    private static final long T0 = 1_763_712_000_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long GW = mac("00:00:5e:00:01:0a");
    private static final long GW_IP = ip("10.0.10.1");
    private static final long A = mac("00:50:56:9d:10:01");
    private static final long A_IP = ip("10.0.10.101");
    private static final long B = mac("00:50:56:9d:10:02");
    private static final long C = mac("00:50:56:9d:10:03");
    private static final long EVIL = mac("00:e0:4d:3c:25:7b");

    @TempDir
    Path dir;

    @Test
    void reportsFollowWiresharksRules() throws Exception {
        Trace t = new Trace();
        t.add(T0, Wire.reply(GW, GW_IP, A, A_IP));
        // the gateway again: its frame and second are the ones a later report names
        t.add(T0 + 1500 * MS, Wire.request(GW, GW_IP, A_IP));
        // another MAC for the gateway's address; the target pair repeats A's, a check that finds nothing, so
        // Info has no tail
        t.add(T0 + 3200 * MS, Wire.reply(EVIL, GW_IP, A, A_IP));
        // a gratuitous reply from B for A's address: the sender pair is reported, the target pair not checked
        t.add(T0 + 4000 * MS, Wire.arp(B, Wire.BROADCAST, 0x0806, 2, B, A_IP, A, A_IP));
        // both pairs contradict the first MACs: two reports, Info names the target's
        t.add(T0 + 5000 * MS, Wire.reply(EVIL, GW_IP, C, A_IP));
        Path file = dir.resolve("dup.pcap");
        t.pcap(file);
        try (Capture c = Capture.open(file)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(r.duplicateAddressFrames()).containsExactly(2, 3, 4);
            assertThat(r.duplicateAddressesOf(0)).isEmpty();
            assertThat(r.duplicateAddressesOf(2)).containsExactly(
                    new DuplicateAddress(2, GW_IP, EVIL, GW, 1, 2, false));
            assertThat(r.duplicateAddressesOf(3)).containsExactly(
                    new DuplicateAddress(3, A_IP, B, A, 2, 1, true));
            assertThat(r.duplicateAddressesOf(4)).containsExactly(
                    new DuplicateAddress(4, GW_IP, EVIL, GW, 1, 4, false),
                    new DuplicateAddress(4, A_IP, C, A, 2, 2, true));

            FramePipeline p = FramePipeline.of(c).withAnalysis(r);
            FramePipeline.Reader reader = p.reader(new Needs(Layer.ALL, true, false));
            Dissection d = new Dissection();
            reader.decode(4, d);
            assertThat(d.infoColumn()).isEqualTo("10.0.10.1 is at 00:e0:4d:3c:25:7b (duplicate use of 10.0.10.101 "
                    + "detected!)");
            StringBuilder tree = new StringBuilder();
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("""
                        Target IP address: 10.0.10.101
                    [Duplicate IP address detected for 10.0.10.1 (00:e0:4d:3c:25:7b) - also in use by \
                    00:00:5e:00:01:0a (frame 2)]
                        [Frame showing earlier use of IP address: 2]
                            [Duplicate IP address configured (10.0.10.1) (Warning)]
                        [Seconds since earlier frame seen: 4]
                    [Duplicate IP address detected for 10.0.10.101 (00:50:56:9d:10:03) - also in use by \
                    00:50:56:9d:10:01 (frame 3)]
                        [Frame showing earlier use of IP address: 3]
                            [Duplicate IP address configured (10.0.10.101) (Warning)]
                        [Seconds since earlier frame seen: 2]
                    """);
            reader.decode(2, d);
            assertThat(d.infoColumn()).isEqualTo("10.0.10.1 is at 00:e0:4d:3c:25:7b");
            reader.decode(1, d);
            assertThat(d.infoColumn()).isEqualTo("Who has 10.0.10.101? Tell 10.0.10.1");

            BitSet picked = p.select(CompiledFilter.compile("arp.duplicate-address-detected"), LoadMonitor.NONE);
            assertThat(picked.stream().toArray()).containsExactly(2, 3, 4);
            BitSet late = p.select(CompiledFilter.compile("arp.seconds-since-duplicate-address-frame >= 2 && "
                    + "arp.duplicate-address-frame == 3"), LoadMonitor.NONE);
            assertThat(late.stream().toArray()).containsExactly(4);
            // the window's list: its rows read the analysis once it is bound, so Info ends as Wireshark's does
            PacketListViewModel list = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
            list.setCapture(c);
            list.setFrames(FramePipeline.of(c));
            assertThat(list.row(4).info()).isEqualTo("10.0.10.1 is at 00:e0:4d:3c:25:7b");
            list.setFrames(p);
            assertThat(list.row(4).info()).endsWith(" (duplicate use of 10.0.10.101 detected!)");
            assertThat(list.row(2).info()).isEqualTo("10.0.10.1 is at 00:e0:4d:3c:25:7b");
            list.applyFilter(CompiledFilter.compile("arp.duplicate-address-detected"));
            assertThat(list.frames()).containsExactly(2, 3, 4);

            // they come from the analysis: a pipeline without one says so rather than matching nothing
            assertThatThrownBy(() -> FramePipeline.of(c).select(CompiledFilter.compile(
                    "arp.duplicate-address-detected"), LoadMonitor.NONE))
                    .isInstanceOf(MissingSourceException.class)
                    .hasMessageContaining("arp.duplicate-address-detected comes from the migration analysis");
        }
    }
}
