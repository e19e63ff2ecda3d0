package dev.cutover.analysis;

import dev.cutover.dissect.Severity;
import dev.cutover.testsupport.SharedCorpus;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finding sentences say what the capture shows, and no more: on public captures and on crafted frames. */
class FindingWordingTest {
    private static AnalysisResult analyse(String name) throws Exception {
        Path file = SharedCorpus.captures().resolve("realworld").resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " not found: skipped");
        return Analyses.open(List.of(file), AnalysisConfig.DEFAULTS).result;
    }

    @Test
    void aPoisonerWhoseVictimsNeverSpeakIsNotSaidToFaceOwnersStillAnswering() throws Exception {
        // arpspoof's 36 replies are every frame of the capture: the owners are known only as the replies' targets
        Finding f = analyse("sgr_na-arpSpoofing.pcap").findings().stream()
                .filter(x -> x.code() == FindingCode.ARP_SPOOFING).findFirst().orElseThrow();
        assertThat(f.message()).doesNotContain("still hold their addresses")
                .contains("Those addresses are other hosts' after it starts (its own replies name their owners; "
                        + "the owners send no ARP in this capture)");
    }

    @Test
    void aPoisonerWhoseVictimsSpeakSaysTheyStillHoldTheirAddresses() throws Exception {
        Finding f = analyse("chappell_arp-poison.pcapng").findings().stream()
                .filter(x -> x.code() == FindingCode.ARP_SPOOFING).findFirst().orElseThrow();
        assertThat(f.message()).contains("Those owners still hold their addresses after it starts");
    }

    @Test
    void userModeNatAnsweringForItsOwnServicesIsANoteNotAWarning() throws Exception {
        // four VirtualBox guests: the NAT's 52:54:00:12:35:00 answers as 52:54:00:12:35:02 (10.0.x.2)
        List<Finding> mismatches = analyse("honeynet_suspicious-time.pcap").findings().stream()
                .filter(x -> x.code() == FindingCode.SENDER_MAC_MISMATCH).toList();
        assertThat(mismatches).hasSize(4).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.NOTE);
            assertThat(f.message()).contains("user-mode NAT (52:54:00:12:35:xx)");
        });
        // a mismatch between other MACs keeps its warning (arp-scan's reply with another sender MAC)
        List<Finding> scan = analyse("arpscan_pkt-diff-frame-addr.pcap").findings().stream()
                .filter(x -> x.code() == FindingCode.SENDER_MAC_MISMATCH).toList();
        assertThat(scan).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @TempDir
    Path dir;

    private static final long POISONER = mac("00:e0:4d:3c:25:7b");
    private static final long A = mac("dc:f5:05:75:0b:cd");
    private static final long B = mac("b0:7f:b9:4e:f0:9c");

    /** arpspoof's replies to A and B, each told the other's address is at the poisoner, every second. */
    private static Trace poisoning(int replies) {
        Trace t = new Trace();
        for (int i = 0; i < replies; i++) {
            t.add(T0 + i * 1_000 * MS, Wire.reply(POISONER, ip("10.0.0.157"), A, ip("10.0.0.153")));
            t.add(T0 + i * 1_000 * MS + 1, Wire.reply(POISONER, ip("10.0.0.153"), B, ip("10.0.0.157")));
        }
        return t;
    }

    @Test
    void theSpoofingSentenceSaysWhetherTheOwnersSpoke() throws Exception {
        Finding silent = Analyses.of(dir, poisoning(10)).only(FindingCode.ARP_SPOOFING);
        assertThat(silent.message()).contains("the owners send no ARP in this capture")
                .doesNotContain("still hold their addresses");
        // the owners ask for each other after the poisoning started: they still hold their addresses
        Trace speaking = poisoning(10).add(T0 + 20_000 * MS, Wire.request(A, ip("10.0.0.153"), ip("10.0.0.1")))
                .add(T0 + 21_000 * MS, Wire.request(B, ip("10.0.0.157"), ip("10.0.0.1")));
        assertThat(Analyses.of(dir, speaking).only(FindingCode.ARP_SPOOFING).message())
                .contains("Those owners still hold their addresses after it starts");
    }

    @Test
    void onlyTwoAddressesOfTheUserModeNatBlockAreItsOwnAnswers() {
        assertThat(Findings.userModeNat(mac("52:54:00:12:35:00"), mac("52:54:00:12:35:02"))).isTrue();
        // a QEMU guest's own NIC (52:54:00 but another block) answering for the gateway is not that
        assertThat(Findings.userModeNat(mac("52:54:00:ab:cd:ef"), mac("52:54:00:12:35:02"))).isFalse();
        assertThat(Findings.userModeNat(mac("52:54:00:12:35:00"), mac("08:00:27:91:fd:44"))).isFalse();
    }
}
