package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gratuitous ARP that is not a migration: a host that came up (DHCP or RFC 5227 probes just before), a reply to
 * one host, a scanner reaching its own address. On synthetic frames and on the public captures that showed them.
 */
class HostCameUpTest {
    private static final long GUEST = mac("08:00:27:91:fd:44");
    private static final long GUEST_IP = ip("10.0.2.15");
    private static final long DHCP_SERVER = mac("52:54:00:12:35:00");

    @TempDir
    Path dir;

    @Test
    void aDhcpExchangeThenGratuitousArpIsAHostComingUpNotAMigration() throws IOException {
        Trace t = new Trace().add(T0, Wire.dhcp(GUEST, -1)).add(T0 + 4 * MS, Wire.dhcp(GUEST, DHCP_SERVER))
                .add(T0 + 17 * MS, Wire.garp(GUEST, GUEST_IP)).add(T0 + 323 * MS, Wire.garp(GUEST, GUEST_IP))
                .add(T0 + 1_319 * MS, Wire.garp(GUEST, GUEST_IP));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).isEmpty();
        Finding f = a.only(FindingCode.HOST_CAME_UP);
        assertThat(a.codes()).containsExactly(FindingCode.HOST_CAME_UP);
        assertThat(f.severity()).isEqualTo(dev.cutover.dissect.Severity.NOTE);
        assertThat(f.mac()).isEqualTo(GUEST);
        assertThat(f.ip()).isEqualTo(GUEST_IP);
        assertThat(f.frames()).containsExactly(2, 3, 4);
        assertThat(f.message()).contains("came up as 10.0.2.15: a DHCP exchange at frame 1, then 3 gratuitous ARP");
        // the frames stay what they are: gratuitous ARP, in no migration
        assertThat(a.result.classOf(2)).isEqualTo(FrameClass.GARP_REQUEST);
        assertThat(a.result.migrationOf(2)).isEqualTo(-1);
    }

    @Test
    void probesThenAnAnnouncementAreAHostComingUp() throws IOException {
        Trace t = new Trace().add(T0, Wire.probe(GUEST, GUEST_IP)).add(T0 + 1_500 * MS, Wire.probe(GUEST, GUEST_IP))
                .add(T0 + 3_000 * MS, Wire.probe(GUEST, GUEST_IP)).add(T0 + 5_000 * MS, Wire.garp(GUEST, GUEST_IP));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).isEmpty();
        assertThat(a.only(FindingCode.HOST_CAME_UP).message()).contains("an ARP probe for its address at frame 1");
    }

    @Test
    void dhcpLongBeforeOrForAnotherMacLeavesTheAnnouncementAMigration() throws IOException {
        Trace t = new Trace().add(T0, Wire.dhcp(GUEST, -1)).add(T0 + 10_001 * MS, Wire.garp(GUEST, GUEST_IP))
                .add(T0 + 20_000 * MS, Wire.dhcp(mac("08:00:27:00:00:01"), -1))
                .add(T0 + 20_010 * MS, Wire.garp(mac("08:00:27:00:00:02"), ip("10.0.2.16")));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(2);
        assertThat(a.codes()).containsOnly(FindingCode.GARP_WITHOUT_RARP);
    }

    @Test
    void aGratuitousReplyToOneHostAndAScannerReachingItsOwnAddressAreNoMigration() throws IOException {
        long scanner = mac("00:0c:29:20:a8:7f");
        long scannerIp = ip("10.0.0.128");
        Trace t = new Trace().add(T0, Wire.arp(GUEST, DHCP_SERVER, 0x0806, 2, GUEST, GUEST_IP, DHCP_SERVER, GUEST_IP));
        for (int i = 0; i < 40; i++) {
            long target = i == 20 ? scannerIp : ip("10.0.0." + (100 + i));
            t.add(T0 + (100 + i * 3) * MS, Wire.request(scanner, scannerIp, target));
        }
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.classOf(21)).isEqualTo(FrameClass.GARP_REQUEST);
        assertThat(a.result.classOf(0)).isEqualTo(FrameClass.GARP_REPLY);
        assertThat(a.result.migrations()).isEmpty();
        assertThat(a.codes()).doesNotContain(FindingCode.GARP_WITHOUT_RARP, FindingCode.HOST_CAME_UP);
    }

    @Test
    void bootsSweepsAndUnicastRepliesInPublicCapturesAreNoMigrations() throws IOException {
        Path real = SharedCorpus.captures().resolve("realworld");
        // four VirtualBox guests booting: DHCP, then three announcements each
        Analyses honeynet = Analyses.open(List.of(real.resolve("honeynet_suspicious-time.pcap")),
                AnalysisConfig.DEFAULTS);
        assertThat(honeynet.result.migrations()).isEmpty();
        assertThat(honeynet.result.findings().stream().filter(f -> f.code() == FindingCode.HOST_CAME_UP)
                .map(f -> dev.cutover.dissect.Addresses.mac(f.mac())))
                .hasSize(4).allMatch(m -> m.startsWith("08:00:27:"));
        // a host's DHCP lease then its announcements (Laura Chappell's boot-up trace, a malware trace's start)
        for (String boot : List.of("chappell_arp-bootup.pcapng", "ppa_evilprogram.pcap")) {
            Analyses a = Analyses.open(List.of(real.resolve(boot)), AnalysisConfig.DEFAULTS);
            assertThat(a.result.migrations()).as(boot).isEmpty();
            assertThat(a.only(FindingCode.HOST_CAME_UP).message()).as(boot).contains("a DHCP exchange at frame");
        }
        // RFC 5227: three probes, then the announcement
        Analyses probes = Analyses.open(List.of(real.resolve("sv_base64-decode-5885_input.pcap")),
                AnalysisConfig.DEFAULTS);
        assertThat(probes.result.migrations()).isEmpty();
        assertThat(probes.only(FindingCode.HOST_CAME_UP).message()).contains("an ARP probe for its address");
        // an ARP sweep whose requests reach the scanner's own address; replies sent to one host
        for (String none : List.of("sgr_hs-arpScan.pcap", "sgr_TicketOne.pcap.gz", "arpscan_pkt-local-admin.pcap",
                "arpscan_pkt-vlan-response.pcap", "arpscan_pkt-trailer-response.pcap")) {
            Analyses a = Analyses.open(List.of(real.resolve(none)), AnalysisConfig.DEFAULTS);
            assertThat(a.result.migrations()).as(none).isEmpty();
            assertThat(a.codes()).as(none).doesNotContain(FindingCode.GARP_WITHOUT_RARP, FindingCode.HOST_CAME_UP);
        }
    }
}
