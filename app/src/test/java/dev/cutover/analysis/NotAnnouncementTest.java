package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.BROADCAST;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * RARP and gratuitous ARP that announce no move: a RARP request about no NIC's MAC, a RARP request a RARP server
 * answered (RFC 903 address assignment), a link-local address taken when DHCP went unanswered (RFC 3927), and
 * gratuitous ARP repeated on a clock (a keep-alive); on synthetic frames and on the public captures that showed
 * them, and the one sentence that says why a capture has no migration.
 */
class NotAnnouncementTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long VM_IP = ip("10.0.10.52");
    private static final long SERVER = mac("00:0c:29:c5:f6:9b");
    private static final long SECOND = 1_000 * MS;

    @TempDir
    Path dir;

    @Test
    void aRarpRequestAboutAZeroOrGroupMacIsNoBurst() throws IOException {
        long host = mac("8e:36:06:44:ac:af");
        Trace t = new Trace()
                .add(T0, Wire.arp(host, BROADCAST, 0x8035, 3, host, ip("192.0.2.1"), 0, ip("192.0.2.2")))
                .add(T0 + 50 * MS, Wire.arp(host, BROADCAST, 0x8035, 3, host, 0, mac("01:00:5e:00:00:01"), 0));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.bursts()).isEmpty();
        assertThat(a.result.migrations()).isEmpty();
        // still RARP requests in the frame's class: only the announcement is refused
        assertThat(a.result.classOf(0)).isEqualTo(FrameClass.RARP_REQUEST);
        assertThat(a.result.noMigrationReason()).isEqualTo("its 2 RARP frames announce no MAC in a new place");
    }

    @Test
    void aRarpRequestARarpServerAnsweredIsAddressAssignmentNotAMove() throws IOException {
        Trace answered = new Trace().add(T0, Wire.rarp(VM))
                .add(T0 + 2 * MS, Wire.arp(SERVER, VM, 0x8035, 4, SERVER, ip("10.1.1.1"), VM, ip("10.1.1.100")));
        assertThat(Analyses.of(dir, answered).result.migrations()).isEmpty();
        // a diskless client retrying: the first request went unanswered, the retry 4 s later was answered
        Trace retried = new Trace().add(T0, Wire.rarp(VM)).add(T0 + 4 * SECOND, Wire.rarp(VM))
                .add(T0 + 4 * SECOND + MS, Wire.arp(SERVER, VM, 0x8035, 4, SERVER, ip("10.1.1.1"), VM,
                        ip("10.1.1.100")));
        assertThat(Analyses.of(dir, retried).result.migrations()).isEmpty();
        // the same request with no answer is the hypervisor's announcement
        assertThat(Analyses.of(dir, new Trace().add(T0, Wire.rarp(VM))).result.migrations()).hasSize(1);
    }

    @Test
    void aLinkLocalAnnouncementIsAHostComingUpHoweverLongDhcpWentUnanswered() throws IOException {
        long apipa = ip("169.254.67.194");
        Trace t = new Trace().add(T0, Wire.dhcp(VM, -1)).add(T0 + 60 * SECOND, Wire.garp(VM, apipa))
                .add(T0 + 61 * SECOND, Wire.garp(VM, apipa));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).isEmpty();
        assertThat(a.only(FindingCode.HOST_CAME_UP).message()).contains("came up as 169.254.67.194: it took a "
                + "link-local address (169.254.0.0/16, RFC 3927) after a DHCP exchange at frame 1");
        assertThat(a.result.noMigrationReason())
                .isEqualTo("its 2 gratuitous ARP frames announce no MAC in a new place: 1 host came up (host-came-up)");
        // an ordinary address after the same silence stays a move
        Trace moved = new Trace().add(T0, Wire.dhcp(VM, -1)).add(T0 + 60 * SECOND, Wire.garp(VM, VM_IP));
        assertThat(Analyses.of(dir, moved).result.migrations()).hasSize(1);
        // a VM that has always had its link-local address (nothing asked for one first) moves like any other
        Trace always = new Trace().add(T0, Wire.garp(VM, apipa));
        assertThat(Analyses.of(dir, always).result.migrations()).hasSize(1);
    }

    @Test
    void gratuitousArpOnAClockIsAKeepAliveButIrregularOnesAreMoves() throws IOException {
        // every 60 s with a few milliseconds of jitter, as a device's timer has: four events, one keep-alive
        Analyses minute = Analyses.of(dir, every(new long[] {0, 60_000, 120_003, 180_001}, 1));
        assertThat(minute.result.migrations()).isEmpty();
        Finding f = minute.only(FindingCode.GARP_KEEPALIVE);
        assertThat(f.message()).contains("repeats its gratuitous ARP for 10.0.10.52 every 60 s (frames 1-4)");
        assertThat(f.frames()).containsExactly(0, 1, 2, 3);
        // every 20 s: within the burst gap, so one event of four beats: a keep-alive all the same
        assertThat(Analyses.of(dir, every(new long[] {0, 20_000, 40_000, 60_000}, 1)).result.migrations())
                .isEmpty();
        // each beat a triple announcement 1 s apart, every 45 s
        assertThat(Analyses.of(dir, every(new long[] {0, 45_000, 90_000}, 3)).result.migrations()).isEmpty();
        // moves one after another in a test loop keep no such time: 60, 66 and 58 s apart
        assertThat(Analyses.of(dir, every(new long[] {0, 60_000, 126_000, 184_000}, 1)).result.migrations())
                .hasSize(4);
        // two beats are not yet a clock
        assertThat(Analyses.of(dir, every(new long[] {0, 60_000}, 1)).result.migrations()).hasSize(2);
        // a RARP burst beside the gratuitous ARP keeps the event a migration: the hypervisor spoke
        Trace withRarp = new Trace();
        for (int i = 0; i < 3; i++) {
            withRarp.add(T0 + i * 60 * SECOND, Wire.rarp(VM))
                    .add(T0 + i * 60 * SECOND + 100 * MS, Wire.garp(VM, VM_IP));
        }
        assertThat(Analyses.of(dir, withRarp).result.migrations()).hasSize(3);
    }

    /** Gratuitous ARP replies of the VM at these milliseconds, each beat {@code perBeat} of them 1 s apart. */
    private static Trace every(long[] millis, int perBeat) {
        Trace t = new Trace();
        for (long m : millis) {
            for (int k = 0; k < perBeat; k++) {
                t.add(T0 + m * MS + k * SECOND, Wire.garpReply(VM, VM_IP));
            }
        }
        return t;
    }

    @Test
    void aCaptureWithoutAnnouncementsSaysSoInItsOwnNumbers() throws IOException {
        Trace t = new Trace().add(T0, Wire.request(VM, VM_IP, ip("10.0.10.1")));
        assertThat(Analyses.of(dir, t).result.noMigrationReason())
                .isEqualTo("none of its 1 frame is a RARP notification or a gratuitous ARP");
    }

    /** The public captures of {@code arp/} where these showed, with the migrations and findings an engineer expects. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            linux_dlt_sll2.pcap   | 0  | -               | a RARP request "who is 00:00:00:00:00:00?": no NIC's MAC, no announcement
            rarp_req_reply.pcapng | 0  | no-arp-frames=1 | a RARP server answers the request 2 ms later: a diskless boot's address assignment
            eapon1.pcap           | 0  | host-came-up=1  | Windows takes 169.254.67.194 after its DHCP Discovers went unanswered
            capwap.pcap           | 0  | garp-keepalive=1 | a Cisco access point's gratuitous ARP every 60.0 s for the same address
            arp-oobr.pcap         | 19 | duplicate-ip=3 garp-without-rarp=19 ip-flip-flop=9 ip-moved=3 malformed-frame=82 sender-mac-mismatch=376 | fuzzed ARP: its opcode-3 frames about 00:00:00:00:00:00 make no migration
            """)
    void arpCorpusCapturesGiveWhatAnEngineerExpects(String name, int migrations, String findings, String reason)
            throws IOException {
        Path file = SharedCorpus.captures().resolve("arp").resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " not found: skipped");
        AnalysisResult r = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS).result;
        assertThat(r.migrations()).as(reason).hasSize(migrations);
        assertThat(r.migrations()).as(reason).noneMatch(m -> !MigrationAnalyzer.isUnicastNic(m.mac()));
        Map<String, Integer> codes = new TreeMap<>();
        r.findings().forEach(f -> codes.merge(f.code().id(), 1, Integer::sum));
        String found = codes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        assertThat(found.isEmpty() ? "-" : found).as(reason).isEqualTo(findings);
    }
}
