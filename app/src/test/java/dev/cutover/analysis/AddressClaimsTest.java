package dev.cutover.analysis;

import dev.cutover.dissect.Severity;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who holds an address: Wireshark's duplicate-address frames, a conflict told from a move and a flip flop, and ARP
 * cache poisoning named by its poisoner.
 */
class AddressClaimsTest {
    private static final long GW = mac("00:00:5e:00:01:0a");
    private static final long GW_IP = ip("10.0.10.1");
    private static final long A = mac("00:50:56:9d:10:01");
    private static final long A_IP = ip("10.0.10.101");
    private static final long B = mac("00:50:56:9d:10:02");
    private static final long B_IP = ip("10.0.10.102");
    private static final long C = mac("00:50:56:9d:10:03");
    private static final long C_IP = ip("10.0.10.103");
    private static final long EVIL = mac("00:e0:4d:3c:25:7b");
    private static final long SEC = 1000 * MS;

    @TempDir
    Path dir;

    private Analyses run(Trace t) throws IOException {
        return Analyses.of(dir, t);
    }

    /** arpspoof -r: one MAC tells each of two hosts that the other's address is at its MAC, again and again. */
    @Test
    void twoWayPoisoningNamesThePoisonerNotTheVictims() throws IOException {
        Trace t = new Trace();
        t.add(T0, Wire.request(A, A_IP, GW_IP)).add(T0 + MS, Wire.reply(GW, GW_IP, A, A_IP));
        t.add(T0 + 2 * MS, Wire.request(B, B_IP, GW_IP)).add(T0 + 3 * MS, Wire.reply(GW, GW_IP, B, B_IP));
        t.add(T0 + 4 * MS, Wire.request(C, C_IP, GW_IP)).add(T0 + 5 * MS, Wire.reply(GW, GW_IP, C, C_IP));
        for (int i = 0; i < 5; i++) {
            t.add(T0 + (i + 10) * SEC, Wire.reply(EVIL, GW_IP, A, A_IP));
            t.add(T0 + (i + 10) * SEC + MS, Wire.reply(EVIL, A_IP, GW, GW_IP));
        }
        Analyses a = run(t);
        Finding f = a.only(FindingCode.ARP_SPOOFING);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.mac()).isEqualTo(EVIL);
        assertThat(f.ip()).isEqualTo(GW_IP);
        assertThat(f.frames()).hasSize(10).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(6));
        assertThat(f.message()).startsWith("MAC 00:e0:4d:3c:25:7b is poisoning ARP caches: in 10 ARP replies")
                .contains("10.0.10.1 (probably the gateway; really at 00:00:5e:00:01:0a) and 10.0.10.101 "
                        + "(really at 00:50:56:9d:10:01)")
                .contains("telling 10.0.10.101 and 10.0.10.1");
        // the conflicts it makes are the spoofing, not duplicates of their own
        assertThat(a.codes()).doesNotContain(FindingCode.DUPLICATE_IP);
        assertThat(a.result.findings().get(0).code()).isEqualTo(FindingCode.ARP_SPOOFING);
        // Wireshark flags each poisoned reply whose pairs contradict the first ones seen
        assertThat(a.result.duplicateAddressFrames()).containsExactly(6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void answeringRequestsIsNotSpoofingNorIsOneStrayReply() throws IOException {
        Trace t = new Trace();
        for (int i = 0; i < 4; i++) {
            t.add(T0 + i * SEC, Wire.request(A, A_IP, GW_IP)).add(T0 + i * SEC + MS, Wire.reply(GW, GW_IP, A, A_IP));
        }
        // a second MAC answering the same requests is a conflict, not a poisoner
        Trace racing = new Trace();
        for (int i = 0; i < 4; i++) {
            racing.add(T0 + i * SEC, Wire.request(A, A_IP, GW_IP)).add(T0 + i * SEC + MS, Wire.reply(GW, GW_IP, A, A_IP))
                    .add(T0 + i * SEC + 2 * MS, Wire.reply(EVIL, GW_IP, A, A_IP));
        }
        // one unasked reply for the gateway's address, then the gateway answers on
        Trace stray = new Trace().add(T0, Wire.reply(EVIL, GW_IP, A, A_IP));
        for (int i = 1; i < 4; i++) {
            stray.add(T0 + i * SEC, Wire.request(A, A_IP, GW_IP)).add(T0 + i * SEC + MS, Wire.reply(GW, GW_IP, A, A_IP));
        }
        assertThat(run(t).codes()).isEmpty();
        assertThat(run(racing).codes()).containsExactly(FindingCode.DUPLICATE_IP);
        assertThat(run(stray).codes()).doesNotContain(FindingCode.ARP_SPOOFING);
    }

    /** keepalived taking over a virtual address: unasked replies, but the old holder falls silent. */
    @Test
    void takingOverFromASilentHolderIsAMoveNotSpoofing() throws IOException {
        Trace t = new Trace();
        t.add(T0, Wire.request(A, A_IP, GW_IP)).add(T0 + MS, Wire.reply(GW, GW_IP, A, A_IP));
        for (int i = 0; i < 5; i++) {
            t.add(T0 + 60 * SEC + i * SEC, Wire.reply(B, GW_IP, A, A_IP));
        }
        Analyses a = run(t);
        assertThat(a.codes()).containsExactly(FindingCode.IP_MOVED);
        Finding f = a.only(FindingCode.IP_MOVED);
        assertThat(f.severity()).isEqualTo(Severity.NOTE);
        assertThat(f.mac()).isEqualTo(B);
        assertThat(f.ip()).isEqualTo(GW_IP);
        assertThat(f.frames()).containsExactly(1, 2);
        assertThat(f.message()).startsWith("IP 10.0.10.1 moved from MAC 00:00:5e:00:01:0a to MAC 00:50:56:9d:10:02 "
                + "at frame 3, 60 s after 00:00:5e:00:01:0a last answered (frame 2): a migration, failover or "
                + "re-addressing. Check");
    }

    @Test
    void twoMacsWithinTheWindowAreAConflictLaterTheyAreAMoveOrAFlipFlop() throws IOException {
        Trace conflict = new Trace().add(T0, Wire.garp(A, A_IP)).add(T0 + 4 * SEC, Wire.garp(B, A_IP));
        Trace move = new Trace().add(T0, Wire.garp(A, A_IP)).add(T0 + 6 * SEC, Wire.garp(B, A_IP));
        Trace flipFlop = new Trace().add(T0, Wire.garp(A, A_IP)).add(T0 + 600 * SEC, Wire.garp(B, A_IP))
                .add(T0 + 1200 * SEC, Wire.garp(A, A_IP));
        assertThat(run(conflict).codes()).contains(FindingCode.DUPLICATE_IP).doesNotContain(FindingCode.IP_MOVED);
        assertThat(run(move).codes()).contains(FindingCode.IP_MOVED).doesNotContain(FindingCode.DUPLICATE_IP);
        Finding f = run(flipFlop).only(FindingCode.IP_FLIP_FLOP);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.mac()).isEqualTo(A);
        assertThat(f.frames()).containsExactly(1, 2);
        assertThat(f.message()).startsWith("10.0.10.101 went back and forth between MACs 00:50:56:9d:10:01 and "
                + "00:50:56:9d:10:02: 2 changes (frames 2-3), the quickest 10 min after the other MAC last "
                + "answered.").contains("Check which machine should hold 10.0.10.101");
        assertThat(run(flipFlop).codes()).doesNotContain(FindingCode.IP_MOVED, FindingCode.DUPLICATE_IP);
        // a longer window makes the move a conflict
        Analyses wide = Analyses.of(dir, move, AnalysisConfig.DEFAULTS.withCorrelationWindow(Duration.ofSeconds(10)));
        assertThat(wide.codes()).contains(FindingCode.DUPLICATE_IP).doesNotContain(FindingCode.IP_MOVED);
    }

    /** A gratuitous reply's target pair repeats the sender's address with another MAC: it claims nothing. */
    @Test
    void aGratuitousReplyToOneHostIsNoConflict() throws IOException {
        Trace t = new Trace().add(T0, Wire.arp(A, B, 0x0806, 2, A, A_IP, B, A_IP));
        assertThat(run(t).codes()).doesNotContain(FindingCode.DUPLICATE_IP, FindingCode.IP_MOVED,
                FindingCode.ARP_SPOOFING);
        assertThat(run(t).result.duplicateAddressFrames()).isEmpty();
    }

    @Test
    void macsOfIpNamesChangesAsArpwatch() {
        MacsOfIp m = new MacsOfIp();
        assertThat(m.claim(A, 1)).isEqualTo(MacsOfIp.Change.FIRST);
        assertThat(m.claim(A, 2)).isEqualTo(MacsOfIp.Change.SAME);
        assertThat(m.claim(B, 3)).isEqualTo(MacsOfIp.Change.NEW_MAC);
        assertThat(m.lastTime(A)).isEqualTo(2);
        assertThat(m.claim(C, 4)).isEqualTo(MacsOfIp.Change.NEW_MAC);
        assertThat(m.claim(B, 5)).isEqualTo(MacsOfIp.Change.PREVIOUS);
        assertThat(m.claim(A, 6)).isEqualTo(MacsOfIp.Change.OLDER);
        assertThat(m.macs()).containsExactly(A, B, C);
        assertThat(m.current()).isEqualTo(A);
        assertThat(m.lastTime()).isEqualTo(6);
    }

    @Test
    void durationsInWords() {
        assertThat(AddressClaims.duration(150_000L)).isEqualTo("0.150 ms");
        assertThat(AddressClaims.duration(4_200 * MS)).isEqualTo("4.2 s");
        assertThat(AddressClaims.duration(236 * SEC)).isEqualTo("4 min");
        assertThat(AddressClaims.duration(46L * 86_400 * SEC)).isEqualTo("46 days");
    }
}
