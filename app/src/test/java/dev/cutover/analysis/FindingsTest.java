package dev.cutover.analysis;

import dev.cutover.dissect.Severity;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** Each finding where it applies, and not where it does not. */
class FindingsTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long VM_IP = ip("10.0.10.52");
    private static final long HOST = mac("00:50:56:9d:10:01");
    private static final long HOST_IP = ip("10.0.10.101");

    @TempDir
    Path dir;

    private Analyses run(Trace t) throws IOException {
        return Analyses.of(dir, t);
    }

    /** Other ARP in the capture, so it is not taken for a RARP-only capture. */
    private static Trace withArp() {
        return new Trace().add(T0 - 10_000 * MS, Wire.request(HOST, HOST_IP, ip("10.0.10.1"), 10));
    }

    @Test
    void rarpWithoutGarp() throws IOException {
        Analyses a = run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + MS, Wire.rarp(VM, 10)));
        Finding f = a.only(FindingCode.RARP_WITHOUT_GARP);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.mac()).isEqualTo(VM);
        assertThat(f.ip()).isEqualTo(-1);
        assertThat(f.frames()).containsExactly(1, 2);
        assertThat(f.message()).contains("00:50:56:9d:b0:51").contains("EVPN ARP suppression")
                .contains("stale ARP caches");
        // negative: the GARP came
        assertThat(run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 10))).codes())
                .isEmpty();
    }

    @Test
    void rarpWithoutGarpNamesTheAddressTheVmClaimedElsewhere() throws IOException {
        Analyses a = run(withArp().add(T0 - 20_000 * MS, Wire.request(VM, VM_IP, ip("10.0.10.1"), 10))
                .add(T0, Wire.rarp(VM, 10)));
        assertThat(a.only(FindingCode.RARP_WITHOUT_GARP).ip()).isEqualTo(VM_IP);
    }

    @Test
    void aRarpOnlyCaptureSaysSoOnceAndClaimsNoMissingGarp() throws IOException {
        Analyses a = run(new Trace().add(T0, Wire.rarp(VM, 10)).add(T0 + 40_000 * MS, Wire.rarp(HOST, 10)));
        assertThat(a.codes()).containsExactly(FindingCode.NO_ARP_FRAMES);
        assertThat(a.only(FindingCode.NO_ARP_FRAMES).severity()).isEqualTo(Severity.NOTE);
        assertThat(a.only(FindingCode.NO_ARP_FRAMES).message()).contains("0x8035");
        assertThat(run(new Trace().add(T0, Wire.tcp(VM, HOST, VM_IP, HOST_IP, 0))).codes())
                .containsExactly(FindingCode.NO_ARP_FRAMES);
    }

    @Test
    void garpWithoutRarpByVendor() throws IOException {
        Finding vmware = run(new Trace().add(T0, Wire.garp(VM, VM_IP))).only(FindingCode.GARP_WITHOUT_RARP);
        assertThat(vmware.severity()).isEqualTo(Severity.WARNING);
        assertThat(vmware.message()).contains("Notify Switches");
        assertThat(vmware.ip()).isEqualTo(VM_IP);
        Finding hyperV = run(new Trace().add(T0, Wire.garp(mac("00:15:5d:01:02:03"), VM_IP)))
                .only(FindingCode.GARP_WITHOUT_RARP);
        assertThat(hyperV.severity()).isEqualTo(Severity.NOTE);
        assertThat(hyperV.message()).contains("expected");
        assertThat(run(new Trace().add(T0, Wire.garp(mac("52:54:00:01:02:03"), VM_IP)))
                .only(FindingCode.GARP_WITHOUT_RARP).severity()).isEqualTo(Severity.NOTE);
        // negative: with the host's RARP
        assertThat(run(new Trace().add(T0, Wire.garp(VM, VM_IP)).add(T0 + MS, Wire.rarp(VM))).codes()).isEmpty();
    }

    @Test
    void duplicateIp() throws IOException {
        long other = mac("00:50:56:9d:77:01");
        Analyses a = run(withArp().add(T0, Wire.garp(VM, VM_IP, 10)).add(T0 + MS, Wire.rarp(VM, 10))
                .add(T0 + 5 * MS, Wire.reply(other, VM_IP, HOST, HOST_IP, 10)));
        Finding f = a.only(FindingCode.DUPLICATE_IP);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.ip()).isEqualTo(VM_IP);
        assertThat(f.mac()).isEqualTo(other);
        assertThat(f.frames()).containsExactly(1, 3);
        assertThat(f.message()).contains("00:50:56:9d:b0:51 (frame 2) and 00:50:56:9d:77:01 (frame 4)");
        // negatives: one MAC saying it twice, and probes (from 0.0.0.0) claim nothing
        assertThat(run(withArp().add(T0, Wire.garp(VM, VM_IP)).add(T0 + MS, Wire.reply(VM, VM_IP, HOST, HOST_IP))
                .add(T0 + 2 * MS, Wire.probe(other, VM_IP)).add(T0 + 3 * MS, Wire.rarp(VM))).codes()).isEmpty();
    }

    @Test
    void senderMacMismatch() throws IOException {
        long attacker = mac("00:0c:29:3e:5a:11");
        long forged = mac("02:00:00:00:be:ef");
        Trace t = withArp();
        for (int i = 0; i < 3; i++) {
            t.add(T0 + i * 1000 * MS, Wire.arp(attacker, HOST, 0x0806, 2, forged, ip("10.0.10.1"), HOST, HOST_IP, 10));
        }
        Finding f = run(t).only(FindingCode.SENDER_MAC_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.mac()).isEqualTo(forged);
        assertThat(f.ip()).isEqualTo(ip("10.0.10.1"));
        assertThat(f.frames()).containsExactly(1, 2, 3);
        assertThat(f.message()).contains("from Ethernet source 00:0c:29:3e:5a:11 name 02:00:00:00:be:ef");
        assertThat(run(withArp().add(T0, Wire.reply(attacker, HOST_IP, HOST, HOST_IP))).codes())
                .doesNotContain(FindingCode.SENDER_MAC_MISMATCH);
    }

    @Test
    void rarpNotBroadcast() throws IOException {
        long switchMac = mac("00:1b:21:00:00:01");
        Analyses a = run(withArp().add(T0, Wire.rarpTo(switchMac, VM, 10)).add(T0 + 10 * MS, Wire.garp(VM, VM_IP, 10)));
        Finding f = a.only(FindingCode.RARP_NOT_BROADCAST);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.mac()).isEqualTo(VM);
        assertThat(f.frames()).containsExactly(1);
        assertThat(f.message()).contains("sent to 00:1b:21:00:00:01, not to broadcast");
        assertThat(run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 10 * MS, Wire.garp(VM, VM_IP, 10))).codes())
                .isEmpty();
    }

    @Test
    void vlanMismatch() throws IOException {
        Analyses a = run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 20)));
        Finding f = a.only(FindingCode.VLAN_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains("RARP on VLAN 10 but its gratuitous ARP came on VLAN 20");
        assertThat(f.frames()).containsExactly(1, 2);
        Analyses untagged = run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP)));
        assertThat(untagged.only(FindingCode.VLAN_MISMATCH).message()).contains("came on no VLAN tag");
        Analyses qinq = run(withArp().add(T0, Wire.rarp(VM, 100, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 100, 10)));
        assertThat(qinq.codes()).isEmpty();
    }

    @Test
    void macOnMultipleInterfaces(@TempDir Path files) throws IOException {
        Path a = withArp().add(T0, Wire.rarp(VM, 10)).pcap(files.resolve("vmnic0.pcap"));
        Path b = new Trace().add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 10)).pcap(files.resolve("vmnic1.pcap"));
        Analyses r = Analyses.open(List.of(a, b), AnalysisConfig.DEFAULTS);
        Finding f = r.only(FindingCode.MAC_ON_MULTIPLE_INTERFACES);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("announced on vmnic0.pcap and vmnic1.pcap");
        assertThat(r.result.migrations().get(0).interfaces()).containsExactly(0, 1);
        Path c = new Trace().add(T0 + 100 * MS, Wire.tcp(HOST, VM, HOST_IP, VM_IP, 0)).pcap(files.resolve("vmnic2.pcap"));
        Path d = withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 10))
                .pcap(files.resolve("vmnic3.pcap"));
        assertThat(Analyses.open(List.of(c, d), AnalysisConfig.DEFAULTS).codes()).isEmpty();
    }

    @Test
    void arpStormIsMoreThanThirtyRequestsInAHundredMilliseconds() throws IOException {
        Trace storm = new Trace();
        for (int i = 0; i < 31; i++) {
            storm.add(T0 + i * 3 * MS, Wire.request(HOST, HOST_IP, ip("10.0.10." + (i + 2)), 10));
        }
        Finding f = run(storm).only(FindingCode.ARP_STORM);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.frames()).hasSize(31);
        assertThat(f.mac()).isEqualTo(HOST);
        assertThat(f.message()).startsWith("31 ARP requests in 90 ms");
        Trace thirty = new Trace();
        for (int i = 0; i < 30; i++) {
            thirty.add(T0 + i * 3 * MS, Wire.request(HOST, HOST_IP, ip("10.0.10." + (i + 2)), 10));
        }
        thirty.add(T0 + 101 * MS, Wire.request(HOST, HOST_IP, ip("10.0.10.99"), 10));
        assertThat(run(thirty).codes()).doesNotContain(FindingCode.ARP_STORM);
        assertThat(Analyses.of(dir, thirty, AnalysisConfig.DEFAULTS.withStorm(29, Duration.ofMillis(100))).codes())
                .contains(FindingCode.ARP_STORM);
    }

    @Test
    void malformedAndCutShortArp() throws IOException {
        byte[] cut = Arrays.copyOf(Wire.garp(VM, VM_IP), 30);
        Analyses a = run(withArp().add(T0, cut));
        Finding f = a.only(FindingCode.MALFORMED_FRAME);
        assertThat(f.frames()).containsExactly(1);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).startsWith("Frame 2 is ARP but cannot be read whole");
        assertThat(a.result.classOf(1)).isEqualTo(FrameClass.OTHER);
        assertThat(run(withArp()).codes()).isEmpty();
    }

    @Test
    void truncatedCapture() throws IOException {
        Path file = dir.resolve("cut.pcap");
        withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + MS, Wire.garp(VM, VM_IP, 10)).pcap(file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, all.length - 10));
        Analyses a = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
        Finding f = a.only(FindingCode.TRUNCATED_CAPTURE);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).contains("cut.pcap").contains("its frame 3");
        assertThat(f.frames()).isEmpty();
    }

    @Test
    void findingsComeErrorsFirstAndEachFrameKnowsItsFindings() throws IOException {
        Analyses a = run(withArp().add(T0, Wire.rarp(VM, 10)).add(T0 + 100 * MS, Wire.garp(VM, VM_IP, 20))
                .add(T0 + 200 * MS, Wire.rarpTo(HOST, VM, 10)));
        assertThat(a.result.findings()).extracting(Finding::severity).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(a.result.findingCodesOf(3)).containsExactly(FindingCode.VLAN_MISMATCH,
                FindingCode.RARP_NOT_BROADCAST);
        assertThat(a.result.findingCodesOf(0)).isEmpty();
        assertThat(a.result.findingsOf(99)).isEmpty();
    }
}
