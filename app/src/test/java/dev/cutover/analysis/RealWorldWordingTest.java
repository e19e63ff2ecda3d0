package dev.cutover.analysis;

import dev.cutover.dissect.Severity;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finding sentences on public captures say what the capture shows, and no more. */
class RealWorldWordingTest {
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
}
