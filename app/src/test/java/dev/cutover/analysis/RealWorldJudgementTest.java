package dev.cutover.analysis;

import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an engineer expects the analysis to say about each public capture of {@code ../shared/captures/realworld}
 * (SOURCES.md there says where each comes from) and about the three tcpdump transcripts of real RARP: the
 * migrations, by pattern, and exactly the findings, by code and count, with one line of reason each.
 */
class RealWorldJudgementTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            arpscan_pkt-diff-frame-addr.pcap     | -  | sender-mac-mismatch=1 | arp-scan's reply whose Ethernet source is not its sender MAC; unicast, so no migration
            arpscan_pkt-dup-response.pcap        | -  | -                     | the same host answering a scan again and again: no conflict
            arpscan_pkt-local-admin.pcap         | -  | -                     | a unicast reply from a locally administered MAC announces nothing
            arpscan_pkt-net1921681-response.pcap | -  | -                     | 56 hosts answering a scan
            arpscan_pkt-trailer-response.pcap    | -  | -                     | unicast replies, one not about IPv4: nothing announced
            arpscan_pkt-vlan-llc-response.pcap   | -  | -                     | a unicast reply in VLAN 100 over LLC/SNAP
            arpscan_pkt-vlan-response.pcap       | -  | -                     | a unicast reply in VLAN 4095
            honeynet_suspicious-time.pcap        | -  | host-came-up=4 sender-mac-mismatch=4 | four VirtualBox guests booting (DHCP, then announcements); VirtualBox's NAT answers for others
            ndpi_fuzz-2006-06-26-2594.pcap       | -  | duplicate-ip=1 ip-flip-flop=1 malformed-frame=2 sender-mac-mismatch=9 | fuzzed bytes: broken ARP, addresses claimed by garbage MACs
            pio_arp-storm.pcap                   | -  | arp-request-flood=1   | Wireshark's storm sample: about 21 requests a second from one sender, too slow for the burst rule
            ppa_evilprogram.pcap                 | -  | host-came-up=1        | a host booting: DHCP request, then three announcements
            sgr_hs-arpScan.pcap                  | -  | arp-storm=1           | a sweep of 10.0.0.0/24 reaching its own address: a storm, not a migration
            sgr_na-arpSpoofing.pcap              | -  | arp-spoofing=1        | arpspoof poisoning two hosts in both directions
            sv_base64-decode-5885_input.pcap     | -  | host-came-up=1        | RFC 5227: three probes, then the announcement
            sv_sip-method_sip.pcap               | -  | -                     | ordinary ARP around a SIP call
            tcpdump_sr_ri_tlv.pcap               | -  | ip-flip-flop=2 ip-moved=1 | lab routers re-addressed minutes and 46 days apart: moves, not conflicts
            chappell_arp-badpadding.pcapng       | garp-only | garp-without-rarp=1 | three announcements with no probe and no DHCP: a guest-driven move or an address taken over
            chappell_arp-bootup.pcapng           | -  | host-came-up=1        | boot-up: DHCP ACK, then three announcements
            chappell_arp-ping.pcapng             | garp-only | garp-without-rarp=1 | one announcement with nothing before it
            chappell_arp-poison.pcapng           | -  | arp-spoofing=1        | ARP cache poisoning: the poisoner is named, not the owners
            chappell_arp-recon.pcapng            | -  | -                     | a slow reconnaissance sweep: 31 a second for 5 s
            chappell_arpsweep.pcapng             | -  | arp-storm=4           | a sweep in storm bursts
            sgr_TicketOne.pcap.gz                | -  | -                     | a home LAN; one gratuitous reply sent to one host
            transcripts/elatov_esxi-vmotion-rarp.tcpdump.txt   | esxi-notify-switches | no-arp-frames=1 | a real vMotion's RARPs (0.79, 1, 1, 2, 3 s apart), captured filtered to RARP
            transcripts/ovs-bond-failover-vlan905.tcpdump.txt  | failover+garp | - | an Open vSwitch bond failover: one RARP and the host's GARP on VLAN 905
            transcripts/qemu-announce-self.tcpdump-x.txt       | unknown | no-arp-frames=1 | one RARP of QEMU's five: a single frame carries no schedule
            """)
    void eachCaptureGivesWhatAnEngineerExpects(String name, String migrations, String findings, String reason)
            throws Exception {
        Path file = SharedCorpus.captures().resolve("realworld").resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " not found: skipped");
        AnalysisResult r = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS).result;
        String patterns = r.migrations().stream()
                .map(m -> (m.rarp() == null ? "garp-only" : m.rarp().pattern().id()) + (m.hasRarp() && m.hasGarp()
                        ? "+garp" : ""))
                .collect(Collectors.joining(","));
        assertThat(patterns.isEmpty() ? "-" : patterns).as(reason).isEqualTo(migrations);
        Map<String, Integer> codes = new TreeMap<>();
        r.findings().forEach(f -> codes.merge(f.code().id(), 1, Integer::sum));
        String found = codes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        assertThat(found.isEmpty() ? "-" : found).as(reason).isEqualTo(findings);
    }
}
