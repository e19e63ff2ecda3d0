package dev.cutover.cli;

import dev.cutover.testsupport.CliRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cutover analyze} end to end on the sample captures: the text summary, the JSON, the exit codes. */
class AnalyzeCommandTest {
    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static String sample(String name) {
        for (String folder : new String[] {"../sample-captures/", "sample-captures/"}) {
            if (Files.exists(Path.of(folder + name))) {
                return folder + name;
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void textShowsTheMigrationsTableAndTheFindings() {
        assertThat(run("analyze", sample("silent-vm-rarp-no-garp.pcap"))).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("Migrations: 1")
                .containsPattern("first seen \\(UTC\\) +MAC +vendor +VLAN +interface +RARP +GARP +RARP->GARP")
                .containsPattern("1 +2025-11-21T08:00:22\\.\\d{6}Z +00:50:56:9d:c4:22 +VMware +10 +"
                        + "silent-vm-rarp-no-garp.pcap +6 \\(ESXi Notify Switches, frames 42-47\\) +- +-")
                .contains("Findings: 1 (1 warning)")
                .contains("  warning  rarp-without-garp  00:50:56:9d:c4:22  10.0.10.77  frames 42-47")
                .contains("EVPN ARP suppression");
        assertThat(err).isEmpty();
    }

    @Test
    void noMigrationIsExplainedInTheCapturesOwnNumbers() {
        assertThat(run("analyze", sample("ipv6-dad-conflict.pcap"))).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("Migrations: none (its 1 unsolicited Neighbor Advertisement frame announces no MAC "
                + "in a new place)\n");
        assertThat(run("analyze", sample("arp-spoof-sender-mismatch.pcap"))).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("Migrations: none (none of its 67 frames is a RARP notification or a gratuitous "
                + "ARP)\n");
    }

    @Test
    void textExplainsEachKindOfFindingAsDeclared() {
        assertThat(run("analyze", sample("silent-vm-rarp-no-garp.pcap"))).isEqualTo(ExitCodes.OK);
        String after = out.substring(out.indexOf("What they mean:"));
        assertThat(after).startsWith("What they mean:\n  rarp-without-garp\n");
        // wrapped to the terminal's width: the same words, whatever the line breaks
        assertThat(after.replaceAll("\\s+", " ")).contains(
                dev.cutover.analysis.FindingCode.RARP_WITHOUT_GARP.explanation());
    }

    @Test
    void jsonHasEveryField() throws IOException {
        assertThat(run("analyze", "--format", "json", sample("esxi-team-vusb1.pcapng"),
                sample("esxi-team-vusb2.pcapng"))).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(out);
        assertThat(root.get("captures")).hasSize(2);
        JsonNode first = root.get("captures").get(0);
        assertThat(first.get("file").asText()).endsWith("esxi-team-vusb1.pcapng");
        assertThat(first.get("format").asText()).isEqualTo("pcapng");
        assertThat(first.get("frames").asInt()).isEqualTo(60);
        assertThat(first.get("interfaces").get(0).asText()).isEqualTo("vusb1");
        assertThat(root.get("frames").asInt()).isEqualTo(137);
        JsonNode m = root.get("migrations").get(0);
        assertThat(root.get("migrations")).hasSize(1);
        assertThat(m.get("mac").asText()).isEqualTo("00:50:56:9d:b0:51");
        assertThat(m.get("vendor").asText()).isEqualTo("VMware");
        assertThat(m.get("vlans").toString()).isEqualTo("[10]");
        assertThat(m.get("interfaces").toString()).isEqualTo("[\"vusb2\"]");
        JsonNode rarp = m.get("rarp");
        assertThat(rarp.get("count").asInt()).isEqualTo(6);
        assertThat(rarp.get("firstFrame").asInt()).isEqualTo(82);
        assertThat(rarp.get("lastFrame").asInt()).isEqualTo(107);
        assertThat(rarp.get("firstTime").asText()).matches("2025-11-21T08:00:01\\.\\d{6}Z");
        assertThat(rarp.get("lastTime").asText()).matches("2025-11-21T08:00:05\\.\\d{6}Z");
        assertThat(rarp.get("intervalsMs").toString()).isEqualTo("[1.0,1.0,998.0,1000.0,2000.0]");
        assertThat(rarp.get("pattern").asText()).isEqualTo("esxi-notify-switches");
        JsonNode garp = m.get("garp");
        assertThat(garp.get("count").asInt()).isEqualTo(1);
        assertThat(garp.get("firstFrame").asInt()).isEqualTo(89);
        assertThat(garp.get("ips").toString()).isEqualTo("[\"10.0.10.52\"]");
        assertThat(garp.get("firstTime").asText()).startsWith("2025-11-21T08:00:01.");
        assertThat(m.get("rarpToGarpMs").asDouble()).isEqualTo(180.0);
        assertThat(root.get("findings")).isEmpty();
    }

    @Test
    void jsonNullsWhatIsMissingAndListsFindings() throws IOException {
        assertThat(run("analyze", "--format", "json", sample("rarp-only-ethtype-8035.pcap"))).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(out);
        JsonNode m = root.get("migrations").get(0);
        assertThat(m.get("garp").isNull()).isTrue();
        assertThat(m.get("rarpToGarpMs").isNull()).isTrue();
        JsonNode f = root.get("findings").get(0);
        assertThat(f.get("code").asText()).isEqualTo("no-arp-frames");
        assertThat(f.get("severity").asText()).isEqualTo("note");
        assertThat(f.get("mac").isNull()).isTrue();
        assertThat(f.get("ip").isNull()).isTrue();
        assertThat(f.get("frames")).isEmpty();
        assertThat(f.get("message").asText()).contains("0x8035");

        assertThat(run("analyze", "--format", "json", sample("hyperv-live-migration.pcap"))).isZero();
        JsonNode hv = new ObjectMapper().readTree(out);
        assertThat(hv.get("migrations").get(0).get("rarp").isNull()).isTrue();
        assertThat(hv.get("migrations").get(0).get("vlans")).isEmpty();
        assertThat(hv.get("findings").get(0).get("frames").toString()).isEqualTo("[41,42,43]");
        assertThat(hv.get("findings").get(0).get("ip").asText()).isEqualTo("10.0.0.57");
    }

    @Test
    void nanosecondCapturesKeepTheirPrecision() throws IOException {
        assertThat(run("analyze", "--format", "json", sample("two-uplinks-nanosecond.pcapng"))).isZero();
        JsonNode m = new ObjectMapper().readTree(out).get("migrations").get(0);
        assertThat(m.get("rarp").get("firstTime").asText()).matches("2025-11-21T08:00:01\\.\\d{9}Z");
        assertThat(m.get("interfaces").toString()).isEqualTo("[\"vmnic0\",\"vmnic1\"]");
    }

    @Test
    void optionsSetTheThresholds() throws IOException {
        assertThat(run("analyze", "--format", "json", "--window", "0.1", sample("esxi-vmotion-vlan10.pcap"))).isZero();
        JsonNode root = new ObjectMapper().readTree(out);
        assertThat(root.get("migrations")).hasSize(2);
        assertThat(root.get("findings").findValuesAsText("code"))
                .containsExactlyInAnyOrder("rarp-without-garp", "garp-without-rarp");
        assertThat(run("analyze", "--format", "json", "--burst-gap", "0.5", sample("rarp-only-ethtype-8035.pcap")))
                .isZero();
        assertThat(new ObjectMapper().readTree(out).get("migrations")).hasSize(4);
        // the background hosts ask for the gateway two or three times within a second: a flood at these thresholds
        assertThat(run("analyze", "--format", "json", sample("esxi-vmotion-vlan10.pcap"))).isZero();
        assertThat(new ObjectMapper().readTree(out).get("findings")).isEmpty();
        assertThat(run("analyze", "--format", "json", "--flood-rate", "1", "--flood-span", "0.5",
                sample("esxi-vmotion-vlan10.pcap"))).isZero();
        assertThat(new ObjectMapper().readTree(out).get("findings").findValuesAsText("code"))
                .contains("arp-request-flood");
    }

    @Test
    void badThresholdsAreUsageErrors() {
        assertThat(run("analyze", "--burst-gap", "0", sample("esxi-vmotion-vlan10.pcap"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("--burst-gap must be a positive number");
        assertThat(run("analyze", "--storm-requests", "0", sample("esxi-vmotion-vlan10.pcap")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("analyze", "--flood-rate", "0", sample("esxi-vmotion-vlan10.pcap"))).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("flood rate must be at least 1");
        assertThat(run("analyze", "--flood-span", "-1", sample("esxi-vmotion-vlan10.pcap"))).isEqualTo(ExitCodes.USAGE);
        assertThat(run("analyze", "--format", "xml", sample("esxi-vmotion-vlan10.pcap"))).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDamagedCaptureIsAnalysedThenExitsThree(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.pcap");
        byte[] all = Files.readAllBytes(Path.of(sample("esxi-vmotion-vlan10.pcap")));
        Files.write(cut, Arrays.copyOf(all, all.length - 30));
        assertThat(run("analyze", cut.toString())).isEqualTo(ExitCodes.DAMAGED);
        assertThat(out).contains("Migrations: 1").contains("truncated-capture");
        assertThat(err).contains("cut.pcap: frame 77 at byte ");
        assertThat(run("analyze", dir.resolve("missing.pcap").toString())).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(err).contains("missing.pcap: no such file");
    }

    @Test
    void theTextCaptureAnalysesLikeThePcap() {
        assertThat(run("analyze", sample("esxi-vmotion-vlan10.pktcap.txt"))).isZero();
        assertThat(out).contains("(pktcap-uw text, 45 frames)")
                .containsPattern("00:50:56:9d:b0:51 +VMware +10 +vmnic1 +6 \\(ESXi Notify Switches")
                .contains("Findings: none");
        assertThat(run("dissect", "-c", "1", sample("esxi-vmotion-vlan10.pktcap.txt"))).isZero();
        assertThat(out).contains("Comment: pktcap-uw [1] Captured at EtherswitchDispath point");
        assertThat(run("info", sample("esxi-vmotion-vlan10.pktcap.txt"))).isZero();
        assertThat(out).contains("File type:           pktcap-uw text\n");
    }

    @Test
    void textShowsTheFirstOnesAndCountsTheRestUnlessAll(@TempDir Path dir) throws IOException {
        dev.cutover.samples.Trace t = new dev.cutover.samples.Trace();
        for (int i = 0; i < 60; i++) {
            t.add(1_763_712_000_000_000_000L + i * 10_000_000L, dev.cutover.samples.Wire.garp(
                    0x0050569d0000L + i, 0x0a000a00L + i));
        }
        Path file = t.pcap(dir.resolve("many.pcap"));
        assertThat(run("analyze", file.toString())).isZero();
        assertThat(out).contains("Migrations: 60").contains("  50  ").doesNotContain("  51  ")
                .contains("  ... and 10 more (all of them with --all, or with --format json)")
                .contains("Findings: 60 (60 warnings)")
                .contains("  ... and 50 more garp-without-rarp (all of them with --all, or with --format json)");
        assertThat(out.split("garp-without-rarp  ", -1)).hasSize(11);
        assertThat(run("analyze", "--all", file.toString())).isZero();
        assertThat(out).contains("  60  ").doesNotContain("... and");
        assertThat(out.split("garp-without-rarp  ", -1)).hasSize(61);
    }

    @Test
    void thePktcapTextSamplesVlanIsTheSameInTheListTheFilterAndTheAnalysis() throws IOException {
        String text = sample("esxi-vmotion-vlan10.pktcap.txt");
        ObjectMapper json = new ObjectMapper();
        assertThat(run("analyze", "--format", "json", text)).isZero();
        JsonNode migration = json.readTree(out).get("migrations").get(0);
        assertThat(migration.get("vlans").toString()).isEqualTo("[10]");

        assertThat(run("dissect", "--format", "jsonl", text)).isZero();
        String[] all = out.split("\n");
        assertThat(run("dissect", "--format", "jsonl", "-Y", "vlan.id == 10", text)).isZero();
        String[] tagged = out.split("\n");
        // every frame printed "VLAN tag 10", so every frame is on VLAN 10, in its bytes as in the analysis
        assertThat(tagged).hasSize(all.length).hasSizeGreaterThan(10);
        JsonNode first = json.readTree(tagged[0]);
        assertThat(first.get("vlan.id").asText()).isEqualTo("10");
        assertThat(first.get("frame.comment").toString())
                .contains("802.1Q tag for VLAN 10 re-inserted from pktcap-uw's metadata");
        assertThat(run("dissect", "--format", "jsonl", "-Y", "vlan.id == 10 && tcp.port == 443", text)).isZero();
        assertThat(out.split("\n")).hasSizeGreaterThan(1);
        assertThat(run("dissect", "--format", "jsonl", "-Y", "!vlan", text)).isZero();
        assertThat(out).isBlank();
    }

    @Test
    void aDualStackMoveShowsItsNeighborAdvertisementsInTextJsonAndFilters() throws IOException {
        String dual = sample("esxi-vmotion-dual-stack.pcap");
        assertThat(run("analyze", dual)).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("of which ARP/RARP 31, NDP 2 (").contains("2 unsolicited NAs")
                .contains("RARP->NA").contains("2 (2001:db8:10::52 fe80::250:56ff:fe9d:b051, frames 46-47)")
                .contains("+181 ms").contains("Findings: none");
        assertThat(run("analyze", "--format", "json", dual)).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(out);
        assertThat(root.get("ndpFrames").asInt()).isEqualTo(2);
        JsonNode na = root.get("migrations").get(0).get("na");
        assertThat(na.get("count").asInt()).isEqualTo(2);
        assertThat(na.get("firstFrame").asInt()).isEqualTo(46);
        assertThat(na.get("ipv6s").toString()).isEqualTo("[\"2001:db8:10::52\",\"fe80::250:56ff:fe9d:b051\"]");
        assertThat(na.get("frames").toString()).isEqualTo("[46,47]");
        assertThat(root.get("migrations").get(0).get("rarpToNaMs").asDouble()).isEqualTo(181.0);
        // the analysis's fields select the advertisements as they select ARP
        assertThat(run("dissect", "--format", "jsonl", "-Y", "migration.class == \"unsolicited NA\" && migration.event == 1",
                dual)).isEqualTo(ExitCodes.OK);
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"frame.number\":\"46\"").contains("\"migration.class\":\"unsolicited NA\"");
        assertThat(lines[1]).contains("\"frame.number\":\"47\"");
    }

    @Test
    void ipv6FindingsNameTheirAddressInTextAndJson() throws IOException {
        String dad = sample("ipv6-dad-conflict.pcap");
        assertThat(run("analyze", dad)).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("error    dad-conflict  00:50:56:9d:30:02  2001:db8:30::15  frames 32 and 54-55");
        assertThat(run("analyze", "--format", "json", dad)).isEqualTo(ExitCodes.OK);
        JsonNode f = new ObjectMapper().readTree(out).get("findings").get(0);
        assertThat(f.get("code").asText()).isEqualTo("dad-conflict");
        assertThat(f.get("ip").isNull()).isTrue();
        assertThat(f.get("ipv6").asText()).isEqualTo("2001:db8:30::15");
        assertThat(run("dissect", "--format", "jsonl", "-Y", "migration.finding == \"dad-conflict\"", dad))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.split("\n")).hasSize(3);
    }
}
