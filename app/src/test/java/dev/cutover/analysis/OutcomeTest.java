package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome of a migration, measured on crafted captures: the VM's dark time between its own frames around the
 * announcement (announcements aside), dark to the window's end, traffic for it on the interface it left, flooding,
 * one interface judging nothing, and time shifts taken into account.
 */
class OutcomeTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long VM_IP = ip("10.0.10.52");
    private static final long PEER = mac("00:50:56:9d:20:01");
    private static final long PEER_IP = ip("10.0.10.201");
    private static final long OTHER = mac("00:50:56:9d:20:02");
    private static final long OTHER_IP = ip("10.0.10.202");

    @TempDir
    Path dir;

    private static byte[] fromVm(int id) {
        return Wire.udp4(VM, PEER, VM_IP, PEER_IP, 40000, 514, 32, id, 10);
    }

    private static byte[] toVm(int id) {
        return Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, id, 10);
    }

    /** A frame of neither the VM nor for it, to let the capture go on. */
    private static byte[] other(int id) {
        return Wire.udp4(OTHER, PEER, OTHER_IP, PEER_IP, 40001, 514, 32, id, 10);
    }

    private MigrationOutcome only(Analyses a) {
        assertThat(a.result.migrations()).hasSize(1);
        assertThat(a.result.outcomes()).hasSize(1);
        return a.result.outcomeOf(a.result.migrations().get(0));
    }

    @Test
    void darkIsTheGapBetweenTheVmsOwnFramesAroundTheAnnouncementWhichDoNotEndIt() throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 10; k++) {
            t.add(T0 + k * 100 * MS, fromVm(k)); // frames 0-9, the last at 900 ms
        }
        t.add(T0 + 1_000 * MS, Wire.rarp(VM, 10)); // 10
        t.add(T0 + 1_050 * MS, Wire.garp(VM, VM_IP, 10)); // 11: an announcement, not the VM's traffic
        t.add(T0 + 1_100 * MS, Wire.rarp(VM, 10)); // 12
        t.add(T0 + 1_237 * MS, Wire.request(VM, VM_IP, ip("10.0.10.1"), 10)); // 13: its own ARP request counts
        t.add(T0 + 1_300 * MS, fromVm(20)); // 14
        Analyses a = Analyses.of(dir, t);
        MigrationOutcome o = only(a);
        assertThat(o.lastBefore()).isEqualTo(9);
        assertThat(o.firstAfter()).isEqualTo(13);
        assertThat(o.darkNanos()).isEqualTo(337 * MS);
        assertThat(o.darkToWindowEnd()).isFalse();
        assertThat(o.quietestBeforeNanos()).isEqualTo(100 * MS);
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.OK);
        assertThat(o.summary()).isEqualTo("ok, dark 337 ms");
        assertThat(o.staleJudged()).isFalse();
        assertThat(o.echo()).isNull();
        assertThat(o.tcp()).isNull();
        assertThat(a.result.outcomeMarksOf(9)).containsExactly(
                new AnalysisResult.OutcomeMark(AnalysisResult.OutcomeRole.DARK_BEFORE, 0));
        assertThat(a.result.outcomeMarksOf(13)).containsExactly(
                new AnalysisResult.OutcomeMark(AnalysisResult.OutcomeRole.DARK_AFTER, 0));
        assertThat(a.result.outcomeMarksOf(11)).isEmpty();
        assertThat(a.codes()).doesNotContain(FindingCode.VM_DARK);
    }

    @Test
    void aVmSilentAfterItsAnnouncementIsDarkToTheWindowsEnd() throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 30; k++) {
            t.add(T0 + k * 100 * MS, fromVm(k)); // the last at 2.9 s
        }
        long rarp = T0 + 3_000 * MS;
        t.add(rarp, Wire.rarp(VM, 10));
        for (int k = 0; k < 15; k++) {
            t.add(rarp + (k + 1) * 1_000 * MS, other(k)); // the capture goes on to 15 s after
        }
        AnalysisConfig config = AnalysisConfig.DEFAULTS.withOutcome(Duration.ofSeconds(10), Duration.ofSeconds(2),
                Duration.ofMillis(500));
        Analyses a = Analyses.of(dir, t, config);
        MigrationOutcome o = only(a);
        assertThat(o.lastBefore()).isEqualTo(29);
        assertThat(o.firstAfter()).isEqualTo(-1);
        assertThat(o.darkToWindowEnd()).isTrue();
        assertThat(o.windowCut()).isFalse();
        assertThat(o.darkNanos()).isEqualTo(10_100 * MS); // from 2.9 s to the window's end at 13 s
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.BAD);
        assertThat(o.summary()).isEqualTo("dark > 10 s");
        Finding f = a.only(FindingCode.VM_DARK);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.frames()).containsExactly(29, 30);
        assertThat(f.message()).contains("sent no frame in the 10 s after its announcement")
                .contains("never silent for more than 100 ms");
    }

    @Test
    void aCaptureEndingBeforeTheWindowSaysSo() throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 30; k++) {
            t.add(T0 + k * 100 * MS, fromVm(k));
        }
        long rarp = T0 + 3_000 * MS;
        t.add(rarp, Wire.rarp(VM, 10));
        t.add(rarp + 4_000 * MS, other(1)); // the capture ends 4 s after the RARP
        MigrationOutcome o = only(Analyses.of(dir, t));
        assertThat(o.windowCut()).isTrue();
        assertThat(o.darkNanos()).isEqualTo(4_100 * MS);
        assertThat(o.summary()).isEqualTo("dark ≥ 4.1 s (capture ends)");
    }

    @Test
    void aQuietVmIsNotCalledDark() throws IOException {
        Trace t = new Trace();
        t.add(T0, fromVm(1));
        t.add(T0 + 20_000 * MS, Wire.rarp(VM, 10));
        t.add(T0 + 23_000 * MS, fromVm(2));
        Analyses a = Analyses.of(dir, t);
        MigrationOutcome o = only(a);
        assertThat(o.darkNanos()).isEqualTo(23_000 * MS);
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.OK);
        assertThat(o.summary()).isEqualTo("ok, quiet VM: dark 23 s");
        assertThat(a.codes()).doesNotContain(FindingCode.VM_DARK);
    }

    @Test
    void aMacAnnouncedManyTimesHasEachOutcomeFromItsOwnWindow() throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 760; k++) {
            t.add(T0 + k * 1_000 * MS, fromVm(k)); // a frame every second
        }
        for (int i = 0; i < 12; i++) {
            t.add(T0 + (i * 60_000 + 30_500) * MS, Wire.rarp(VM, 10)); // between its frames at 30 s and 31 s
        }
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(12);
        for (MigrationEvent e : a.result.migrations()) {
            MigrationOutcome o = a.result.outcomeOf(e);
            assertThat(o.lastBefore()).as("migration " + e.id()).isEqualTo(e.firstFrame() - 1);
            assertThat(o.firstAfter()).as("migration " + e.id()).isEqualTo(e.firstFrame() + 1);
            assertThat(o.darkNanos()).isEqualTo(1_000 * MS);
            assertThat(o.quietestBeforeNanos()).isEqualTo(1_000 * MS);
        }
    }

    @Test
    void aVmThatSendsNothingIsNotJudged() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(VM, 10)).add(T0 + 500 * MS, other(1));
        MigrationOutcome o = only(Analyses.of(dir, t));
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.UNKNOWN);
        assertThat(o.darkNanos()).isEqualTo(-1);
        assertThat(o.summary()).isEqualTo("no frame of the VM");
    }

    /** VM frames before on vmnic4 (0), the move to vmnic5 (1), traffic for the VM still on vmnic4 for 700 ms. */
    private Trace staleTrace() {
        Trace t = new Trace();
        for (int k = 0; k < 10; k++) {
            t.add(T0 + k * 100 * MS, 0, fromVm(k)); // 0-9
        }
        long rarp = T0 + 1_000 * MS;
        t.add(rarp, 1, Wire.rarp(VM, 10)); // 10
        t.add(rarp + 100 * MS, 0, toVm(100)); // 11: stale
        t.add(rarp + 150 * MS, 1, fromVm(50)); // 12: the VM on its new uplink
        t.add(rarp + 700 * MS, 0, toVm(101)); // 13: stale
        t.add(rarp + 800 * MS, 1, toVm(102)); // 14: where it should go
        t.add(rarp + 900 * MS, 1, fromVm(51)); // 15
        return t;
    }

    @Test
    void trafficForTheVmOnTheInterfaceItLeftIsStale() throws IOException {
        Path file = staleTrace().pcapng(dir.resolve("two.pcapng"), 6, "vmnic4", "vmnic5");
        Analyses a = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
        MigrationOutcome o = only(a);
        assertThat(o.staleJudged()).isTrue();
        assertThat(o.staleFrames()).isEqualTo(2);
        assertThat(o.staleFirst()).isEqualTo(11);
        assertThat(o.staleLast()).isEqualTo(13);
        assertThat(o.convergenceNanos()).isEqualTo(700 * MS);
        assertThat(a.result.interfaceNames().get(o.staleInterface())).isEqualTo("vmnic4");
        assertThat(o.darkNanos()).isEqualTo(250 * MS);
        assertThat(o.firstAfterInterface()).isEqualTo(1);
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.BAD);
        assertThat(o.summary()).isEqualTo("dark 250 ms, stale 700 ms on vmnic4");
        Finding f = a.only(FindingCode.STALE_FORWARDING);
        assertThat(f.frames()).containsExactly(11, 13);
        assertThat(f.message()).contains("2 frames for VM 00:50:56:9d:b0:51 reached vmnic4 for 700 ms")
                .contains("VLAN is allowed on the trunk");
        assertThat(a.result.outcomeMarksOf(13)).containsExactly(
                new AnalysisResult.OutcomeMark(AnalysisResult.OutcomeRole.STALE, 0));
        assertThat(a.result.outcomeMarksOf(14)).isEmpty();
    }

    @Test
    void staleTrafficWithinTheThresholdIsMeasuredWithoutAFinding() throws IOException {
        Path file = staleTrace().pcapng(dir.resolve("two.pcapng"), 6, "vmnic4", "vmnic5");
        AnalysisConfig config = AnalysisConfig.DEFAULTS.withOutcome(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofMillis(800));
        Analyses a = Analyses.open(List.of(file), config);
        MigrationOutcome o = only(a);
        assertThat(o.staleFrames()).isEqualTo(2);
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.OK);
        assertThat(o.summary()).isEqualTo("ok, dark 250 ms, stale 700 ms on vmnic4");
        assertThat(a.codes()).doesNotContain(FindingCode.STALE_FORWARDING);
    }

    @Test
    void partsReadBySeveralThreadsJoinIntoTheSameOutcome() throws IOException {
        Trace t = staleTrace();
        for (int k = 0; k < 40; k++) {
            t.add(T0 + 3_000 * MS + k * 50 * MS, 1, fromVm(200 + k));
            t.add(T0 + 3_010 * MS + k * 50 * MS, 0, toVm(300 + k));
        }
        Path file = t.pcapng(dir.resolve("two.pcapng"), 6, "vmnic4", "vmnic5");
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            OutcomePass.Measured one = OutcomePass.measure(c, r, null, LoadMonitor.NONE, 1, false);
            assertThat(one.outcomes().get(0).staleFrames()).isEqualTo(42);
            assertThat(one.outcomes().get(0).quietestBeforeNanos()).isEqualTo(100 * MS);
            for (int parts : new int[] {2, 3, 7, 95}) {
                OutcomePass.Measured several = OutcomePass.measure(c, r, null, LoadMonitor.NONE, parts, false);
                assertThat(several.outcomes()).as(parts + " parts").isEqualTo(one.outcomes());
                assertThat(several.marks()).as(parts + " parts").isEqualTo(one.marks());
                assertThat(several.findings()).as(parts + " parts").isEqualTo(one.findings());
            }
        }
    }

    @Test
    void oneInterfaceCannotShowStaleForwarding() throws IOException {
        Analyses a = Analyses.of(dir, staleTrace()); // a pcap: every frame on one interface
        MigrationOutcome o = only(a);
        assertThat(o.staleJudged()).isFalse();
        assertThat(o.staleFrames()).isZero();
        assertThat(o.convergenceNanos()).isEqualTo(-1);
        assertThat(a.codes()).doesNotContain(FindingCode.STALE_FORWARDING, FindingCode.UNICAST_FLOODING);
    }

    @Test
    void theSameFrameOnBothUplinksAfterTheMoveIsFlooding() throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 10; k++) {
            t.add(T0 + k * 100 * MS, 0, fromVm(k)); // 0-9
        }
        long rarp = T0 + 1_000 * MS;
        t.add(rarp, 1, Wire.rarp(VM, 10)); // 10
        t.add(rarp + 50 * MS, 1, fromVm(50)); // 11
        t.add(rarp + 100 * MS, 0, toVm(100)); // 12: flooded to the old uplink...
        t.add(rarp + 100 * MS + 30_000, 1, toVm(100)); // 13: ...and the new one, 30 µs apart
        t.add(rarp + 300 * MS, 1, toVm(101)); // 14
        Path file = t.pcapng(dir.resolve("flood.pcapng"), 6, "vmnic4", "vmnic5");
        Analyses a = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
        MigrationOutcome o = only(a);
        assertThat(o.floodedFrames()).isEqualTo(1);
        assertThat(o.flooding()).isTrue();
        assertThat(o.staleFrames()).isZero();
        assertThat(o.verdict()).isEqualTo(MigrationOutcome.Verdict.WARN);
        assertThat(o.summary()).isEqualTo("dark 150 ms, flooded 1 frame");
        Finding f = a.only(FindingCode.UNICAST_FLOODING);
        assertThat(f.frames()).containsExactly(12, 13);
        assertThat(f.message()).contains("(vmnic4, vmnic5)");
        assertThat(a.result.outcomeMarksOf(12)).containsExactly(
                new AnalysisResult.OutcomeMark(AnalysisResult.OutcomeRole.FLOODED, 0));
        assertThat(a.result.outcomeMarksOf(14)).isEmpty();
    }

    /** A Linux cooked (SLL) capture of frames given as Ethernet frames: each as its sender and packet type saw it. */
    private Path cooked(String name, List<long[]> times, List<byte[]> frames) throws IOException {
        Path file = dir.resolve(name);
        dev.cutover.capture.AtomicFiles.write(file, out -> {
            try (dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(out, 113, 262144, false)) {
                for (int i = 0; i < frames.size(); i++) {
                    byte[] eth = frames.get(i);
                    byte[] sll = new byte[16 + eth.length - 14];
                    int packetType = (int) times.get(i)[1];
                    sll[1] = (byte) packetType;
                    sll[3] = 1; // ARPHRD_ETHER
                    sll[5] = 6;
                    System.arraycopy(eth, 6, sll, 6, 6); // the sender's MAC
                    System.arraycopy(eth, 12, sll, 14, 2); // the protocol
                    System.arraycopy(eth, 14, sll, 16, eth.length - 14);
                    w.write(times.get(i)[0], sll, 0, sll.length, sll.length);
                }
            }
        });
        return file;
    }

    @Test
    void cookedCapturesOfTwoHostsShowStaleTrafficByTheVmsAddress() throws IOException {
        long outgoing = 4;
        long toUs = 0;
        List<long[]> srcTimes = new java.util.ArrayList<>();
        List<byte[]> srcFrames = new java.util.ArrayList<>();
        for (int k = 0; k < 10; k++) {
            srcTimes.add(new long[] {T0 + k * 100 * MS, outgoing});
            srcFrames.add(Wire.udp4(VM, PEER, VM_IP, PEER_IP, 40000, 514, 32, k)); // 0-9
        }
        srcTimes.add(new long[] {T0 + 1_100 * MS, toUs});
        srcFrames.add(Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 100)); // stale
        srcTimes.add(new long[] {T0 + 1_800 * MS, toUs});
        srcFrames.add(Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 101)); // stale
        srcTimes.add(new long[] {T0 + 1_900 * MS, toUs});
        srcFrames.add(Wire.udp4(PEER, OTHER, PEER_IP, OTHER_IP, 514, 40000, 32, 102)); // for another host
        Path src = cooked("src-any.pcap", srcTimes, srcFrames);
        Path dst = cooked("dst-any.pcap",
                List.of(new long[] {T0 + 1_000 * MS, outgoing}, new long[] {T0 + 1_300 * MS, outgoing},
                        new long[] {T0 + 2_000 * MS, toUs}),
                List.of(Wire.garp(VM, VM_IP), Wire.udp4(VM, PEER, VM_IP, PEER_IP, 40000, 514, 32, 50),
                        Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 103)));
        try (Capture c = Capture.open(List.of(src, dst), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(r.migrations()).hasSize(1);
            MigrationOutcome o = r.outcomes().get(0);
            assertThat(o.darkNanos()).isEqualTo(400 * MS);
            assertThat(o.staleFrames()).isEqualTo(2);
            assertThat(o.convergenceNanos()).isEqualTo(800 * MS);
            assertThat(r.interfaceNames().get(o.staleInterface())).isEqualTo("src-any.pcap");
            assertThat(r.findings().stream().map(Finding::code)).contains(FindingCode.STALE_FORWARDING);
        }
    }

    /** The source host's capture: the VM's traffic, the RARP if {@code heard}, then two frames for the VM. */
    private Path sourceHost(boolean heard) throws IOException {
        Trace t = new Trace();
        for (int k = 0; k < 10; k++) {
            t.add(T0 + k * 100 * MS, fromVm(k));
        }
        if (heard) {
            t.add(T0 + 1_000 * MS, Wire.rarp(VM, 10));
        }
        t.add(T0 + 1_100 * MS, toVm(100));
        t.add(T0 + 1_700 * MS, toVm(101));
        return t.pcap(dir.resolve("source-" + heard + ".pcap"));
    }

    @Test
    void aSilentVmIsWhereItsAnnouncementWasHeardCopiesIncluded() throws IOException {
        Path destination = new Trace().add(T0 + 1_000 * MS, Wire.rarp(VM, 10)).add(T0 + 2_000 * MS, other(1))
                .pcap(dir.resolve("destination.pcap"));
        // the RARP reached both hosts' uplinks (the source's copy is one frame with the destination's): nothing
        // says the switch kept the old port
        try (Capture c = Capture.open(List.of(destination, sourceHost(true)), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(r.migrations()).hasSize(1);
            assertThat(r.copyCount()).isEqualTo(1);
            assertThat(r.migrations().get(0).interfaces()).hasSize(1);
            assertThat(r.outcomes().get(0).firstAfter()).isEqualTo(-1);
            assertThat(r.outcomes().get(0).staleFrames()).isZero();
        }
        // the RARP never reached the source host: the frames for the VM there are stale
        try (Capture c = Capture.open(List.of(destination, sourceHost(false)), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            MigrationOutcome o = r.outcomes().get(0);
            assertThat(o.staleFrames()).isEqualTo(2);
            assertThat(o.convergenceNanos()).isEqualTo(700 * MS);
            assertThat(r.interfaceNames().get(o.staleInterface())).isEqualTo("source-false.pcap");
        }
    }

    @Test
    void timeShiftsPutTheOtherHostsFramesInTheirPlace() throws IOException {
        // the source host's capture: the VM's traffic, then traffic for it after the move (by the wire's clock)
        Trace src = new Trace();
        for (int k = 0; k < 10; k++) {
            src.add(T0 + k * 100 * MS, fromVm(k));
        }
        src.add(T0 + 1_600 * MS, toVm(100));
        src.add(T0 + 2_100 * MS, toVm(101));
        // the destination host's, whose clock runs 2 s behind: the RARP at 1.5 s on the wire reads -0.5 s
        long behind = 2_000 * MS;
        Trace dst = new Trace().add(T0 + 1_500 * MS - behind, Wire.rarp(VM, 10))
                .add(T0 + 1_700 * MS - behind, fromVm(50));
        Path a = src.pcap(dir.resolve("src.pcap"));
        Path b = dst.pcap(dir.resolve("dst.pcap"));
        try (Capture unshifted = Capture.open(List.of(a, b), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(unshifted, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            // every frame of src.pcap reads as after the RARP: the VM seems to speak on both, nothing is stale
            assertThat(r.outcomes().get(0).lastBefore()).isEqualTo(-1);
            assertThat(r.outcomes().get(0).staleFrames()).isZero();
        }
        try (Capture shifted = Capture.open(List.of(a, b), new long[] {0, behind}, LoadMonitor.NONE, null, null)) {
            AnalysisResult r = MigrationAnalyzer.analyze(shifted, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            MigrationOutcome o = r.outcomes().get(0);
            assertThat(o.darkNanos()).isEqualTo(800 * MS); // 0.9 s on src.pcap to 1.7 s on dst.pcap
            assertThat(r.interfaceNames().get(o.lastBeforeInterface())).isEqualTo("src.pcap");
            assertThat(r.interfaceNames().get(o.firstAfterInterface())).isEqualTo("dst.pcap");
            assertThat(o.staleFrames()).isEqualTo(2);
            assertThat(o.convergenceNanos()).isEqualTo(600 * MS);
            assertThat(r.interfaceNames().get(o.staleInterface())).isEqualTo("src.pcap");
        }
    }
}
