package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address findings on the public captures of {@code ../shared/captures/realworld/}: Wireshark's duplicate
 * address frames (expected values from {@code tshark -r F -Y arp.duplicate-address-detected -T fields -e
 * frame.number}, tshark 4.0.17), and the spoofing, conflict, move and flip-flop findings an engineer expects.
 */
class RealWorldAddressClaimsTest {
    private static final Set<FindingCode> ADDRESS_CODES = EnumSet.of(FindingCode.DUPLICATE_IP,
            FindingCode.ARP_SPOOFING, FindingCode.IP_MOVED, FindingCode.IP_FLIP_FLOP);

    /**
     * One file: tshark's duplicate-address frames (1-based), the address findings expected, and why.
     */
    record Expected(String file, String tsharkFrames, String codes, String why) {
        @Override
        public String toString() {
            return file;
        }
    }

    static final List<Expected> TABLE = List.of(
            new Expected("sgr_na-arpSpoofing.pcap", "2 4 6 8 10 12 14 16 18 20 22 24 26 28 30 32 34 36",
                    "arp-spoofing", "00:e0:4d:3c:25:7b tells each of two hosts the other's address is at its MAC"),
            new Expected("sgr_hs-arpScan.pcap", "", "", "a scan: one MAC asking, each address its own"),
            new Expected("chappell_arp-poison.pcapng", "7 11 12 14 17 18 20", "arp-spoofing",
                    "00:d0:59:aa:af:80 claims 192.168.1.1 and .103 while their owners answer"),
            new Expected("chappell_arp-recon.pcapng", "", "", "requests only"),
            new Expected("chappell_arpsweep.pcapng", "", "", "a sweep and honest replies"),
            new Expected("chappell_arp-badpadding.pcapng", "", "", "one MAC per address over 2 hours"),
            new Expected("chappell_arp-bootup.pcapng", "", "", "a host coming up"),
            new Expected("chappell_arp-ping.pcapng", "", "", "one announcement, one answer"),
            new Expected("ppa_evilprogram.pcap", "", "", "one MAC per address"),
            new Expected("honeynet_suspicious-time.pcap", "", "", "VirtualBox NAT: one sender MAC per gateway"),
            new Expected("pio_arp-storm.pcap", "", "", "requests only, however many"),
            new Expected("arpscan_pkt-vlan-response.pcap", "", "", "gratuitous reply: its target pair claims nothing"),
            new Expected("arpscan_pkt-vlan-llc-response.pcap", "", "", "as above, LLC/SNAP"),
            new Expected("arpscan_pkt-diff-frame-addr.pcap", "", "", "sender-mac-mismatch, no second owner"),
            new Expected("arpscan_pkt-dup-response.pcap", "", "", "repeated replies from the same MAC"),
            new Expected("arpscan_pkt-net1921681-response.pcap", "", "", "56 hosts answering a scan, unasked "
                    + "in this capture but each for its own address"),
            new Expected("arpscan_pkt-trailer-response.pcap", "", "", "gratuitous replies to one host"),
            new Expected("arpscan_pkt-local-admin.pcap", "", "", "gratuitous reply to one host"),
            new Expected("ndpi_fuzz-2006-06-26-2594.pcap",
                    "13 14 98 99 123 135 148 149 174 175 203 204 230 302 329 369 370 402 435 436 482 494 495 542 "
                            + "543 609 610 657 658 685", "duplicate-ip ip-flip-flop",
                    "fuzzed sender MACs answer beside the real gateway's within seconds; 192.168.1.2 goes to fuzzed "
                            + "MACs and back, a minute or more apart; two unasked replies from the owner are no spoof"),
            new Expected("sv_sip-method_sip.pcap", "", "", "the clean original of the fuzzed file"),
            new Expected("sv_base64-decode-5885_input.pcap", "", "", "RFC 5227 probes and an announcement"),
            new Expected("sgr_TicketOne.pcap.gz", "", "", "a unicast gratuitous reply: its target pair claims nothing"),
            new Expected("tcpdump_sr_ri_tlv.pcap", "184 185 202 338 339 361", "ip-flip-flop ip-flip-flop ip-moved",
                    "1.0.0.1 and 1.0.0.2 swap MACs after 4 min and swap back 46 days later; 1.0.1.2 moves once"));

    static Stream<Expected> table() {
        return TABLE.stream();
    }

    private static Path realworld() {
        return SharedCorpus.captures().resolve("realworld");
    }

    @Test
    void theTableCoversEveryFile() throws IOException {
        Path dir = realworld();
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".md")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).hasSize(23);
        Set<String> listed = TABLE.stream().map(Expected::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void duplicatesAgreeWithTsharkAndFindingsAreTheExpectedOnes(Expected e) throws IOException {
        try (Capture c = Capture.open(realworld().resolve(e.file()))) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            List<Integer> tshark = e.tsharkFrames().isEmpty() ? List.of()
                    : Arrays.stream(e.tsharkFrames().split(" ")).map(n -> Integer.parseInt(n) - 1).toList();
            assertThat(r.duplicateAddressFrames()).as("arp.duplicate-address-detected").isEqualTo(tshark);
            List<String> codes = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (ADDRESS_CODES.contains(f.code())) {
                    codes.add(f.code().id());
                }
            }
            codes.sort(null);
            assertThat(String.join(" ", codes)).as(e.why()).isEqualTo(e.codes());
        }
    }

    @Test
    void arpspoofTwoWayNamesItsPoisoner() throws IOException {
        Finding f = headline("sgr_na-arpSpoofing.pcap");
        assertThat(f.code()).isEqualTo(FindingCode.ARP_SPOOFING);
        assertThat(f.mac()).isEqualTo(0x00e04d3c257bL);
        assertThat(f.frames()).hasSize(36);
        assertThat(f.message()).startsWith("MAC 00:e0:4d:3c:25:7b is poisoning ARP caches: in 36 ARP replies no "
                + "request asked for (frames 1-36), it claims 10.0.0.153 (really at dc:f5:05:75:0b:cd) and "
                + "10.0.0.157 (really at b0:7f:b9:4e:f0:9c)");
    }

    @Test
    void chappellPoisoningHeadlinesThePoisonerAndTheGateway() throws IOException {
        Finding f = headline("chappell_arp-poison.pcapng");
        assertThat(f.code()).isEqualTo(FindingCode.ARP_SPOOFING);
        assertThat(f.mac()).isEqualTo(0x00d059aaaf80L);
        assertThat(f.ip()).isEqualTo(0xc0a80101L);
        assertThat(f.frames()).containsExactly(5, 6, 12, 13, 18, 19);
        assertThat(f.message()).contains("it claims 192.168.1.1 (probably the gateway; really at 00:20:78:d9:0d:db) "
                + "and 192.168.1.103 (really at 00:d0:59:12:9b:01)");
    }

    @Test
    void addressesMovingOverTimeAreMovesNotConflicts() throws IOException {
        try (Capture c = Capture.open(realworld().resolve("tcpdump_sr_ri_tlv.pcap"))) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            Map<FindingCode, List<Finding>> by = r.findings().stream()
                    .collect(Collectors.groupingBy(Finding::code));
            assertThat(by).doesNotContainKey(FindingCode.DUPLICATE_IP);
            Finding moved = by.get(FindingCode.IP_MOVED).get(0);
            assertThat(moved.message()).startsWith("IP 1.0.1.2 moved from MAC 02:02:00:02:00:00 to MAC "
                    + "02:02:00:03:00:00 at frame 202, 4 min after 02:02:00:02:00:00 last answered (frame 37)");
            assertThat(by.get(FindingCode.IP_FLIP_FLOP)).extracting(f -> f.message().substring(0, 90))
                    .allSatisfy(m -> assertThat(m).contains("went back and forth between MACs"));
        }
    }

    /** The rest of the shared corpus agrees with tshark too (expected values in tshark-duplicate-address.txt). */
    @Test
    void theRestOfTheCorpusAgreesWithTshark() throws IOException {
        Path captures = SharedCorpus.captures();
        List<String> lines;
        try (var in = RealWorldAddressClaimsTest.class.getResourceAsStream("tshark-duplicate-address.txt")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        }
        assertThat(lines).hasSizeGreaterThan(80);
        for (String line : lines) {
            int colon = line.indexOf(':');
            String file = line.substring(0, colon);
            String frames = line.substring(colon + 1).trim();
            List<Integer> tshark = frames.isEmpty() ? List.of()
                    : Arrays.stream(frames.split(" ")).map(n -> Integer.parseInt(n) - 1).toList();
            try (Capture c = Capture.open(captures.resolve(file))) {
                AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
                assertThat(r.duplicateAddressFrames()).as(file).isEqualTo(tshark);
                assertThat(r.findings()).as(file).noneMatch(f -> f.code() == FindingCode.ARP_SPOOFING);
            }
        }
    }

    private static Finding headline(String file) throws IOException {
        try (Capture c = Capture.open(realworld().resolve(file))) {
            return MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE).findings().get(0);
        }
    }
}
