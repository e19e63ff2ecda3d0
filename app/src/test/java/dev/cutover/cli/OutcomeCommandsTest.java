package dev.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testsupport.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration's outcome through the commands: {@code analyze}'s JSON object and text column, the
 * {@code migration.outcome.*} fields in display filters, and the thresholds' options.
 */
class OutcomeCommandsTest {
    private static String sample(String name) {
        for (String folder : new String[] {"../sample-captures/", "sample-captures/"}) {
            if (Files.exists(Path.of(folder + name))) {
                return folder + name;
            }
        }
        throw new AssertionError(name + " not found");
    }

    private static final String[] STALE = {sample("stale-forwarding-vmnic5.pcapng"),
            sample("stale-forwarding-vusb2.pcapng"), "--time-shift",
            Path.of(sample("stale-forwarding-vusb2.pcapng")).getFileName() + "=2.9"};

    private static String[] args(String[] head, String... tail) {
        List<String> l = new ArrayList<>(List.of(head));
        l.addAll(List.of(STALE));
        l.addAll(List.of(tail));
        return l.toArray(new String[0]);
    }

    @Test
    void jsonCarriesTheOutcomeOfEachMigration() throws Exception {
        CliRun r = CliRun.of(args(new String[] {"analyze", "--format", "json"}));
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode o = new ObjectMapper().readTree(r.out()).get("migrations").get(0).get("outcome");
        assertThat(o.get("verdict").asText()).isEqualTo("bad");
        assertThat(o.get("summary").asText()).isEqualTo("dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200");
        assertThat(o.get("darkMs").asDouble()).isEqualTo(149.6);
        assertThat(o.get("darkToWindowEnd").asBoolean()).isFalse();
        assertThat(o.get("lastBefore").get("frame").asInt()).isEqualTo(599);
        assertThat(o.get("lastBefore").get("interface").asText()).isEqualTo("vmnic5");
        assertThat(o.get("lastBefore").get("time").asText()).isEqualTo("2025-11-21T08:00:10.900400Z");
        assertThat(o.get("firstAfter").get("frame").asInt()).isEqualTo(604);
        assertThat(o.get("firstAfter").get("interface").asText()).isEqualTo("vusb2");
        assertThat(o.get("staleJudged").asBoolean()).isTrue();
        assertThat(o.get("staleFrames").asInt()).isEqualTo(15);
        assertThat(o.get("staleFirst").asInt()).isEqualTo(601);
        assertThat(o.get("staleLast").asInt()).isEqualTo(633);
        assertThat(o.get("convergenceMs").asDouble()).isEqualTo(1400.5);
        assertThat(o.get("staleInterface").asText()).isEqualTo("vmnic5");
        assertThat(o.get("flooding").asBoolean()).isFalse();
        // the client's ping reached the old uplink and was lost there: the 15 stale frames are its requests
        assertThat(o.get("echo").get("sent").asInt()).isEqualTo(200);
        assertThat(o.get("echo").get("answered").asInt()).isEqualTo(185);
        assertThat(o.get("echo").get("lost").asInt()).isEqualTo(15);
        assertThat(o.get("echo").get("longestLostRun").asInt()).isEqualTo(15);
        assertThat(o.get("echo").get("longestGapMs").asDouble()).isEqualTo(1600.0);
        assertThat(o.get("tcp").isNull()).isTrue();
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        assertThat(findings.get(0).get("code").asText()).isEqualTo("stale-forwarding");
        assertThat(findings.get(0).get("frames").size()).isEqualTo(15);
        assertThat(findings.get(1).get("code").asText()).isEqualTo("ping-loss");
        assertThat(findings.get(1).get("frames").toString()).isEqualTo(findings.get(0).get("frames").toString());
    }

    @Test
    void withoutTheShiftTheSameFramesSayOtherwise() throws Exception {
        CliRun r = CliRun.of("analyze", "--format", "json", STALE[0], STALE[1]);
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode o = new ObjectMapper().readTree(r.out()).get("migrations").get(0).get("outcome");
        assertThat(o.get("convergenceMs").isNull() || o.get("convergenceMs").asDouble() != 1400.5).isTrue();
    }

    @Test
    void textHasAnOutcomeColumnAndSaysWhenOneInterfaceCannotShowStaleForwarding() {
        CliRun r = CliRun.of("analyze", sample("vmotion-ping-ok.pcap"));
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).containsPattern("RARP->GARP +outcome\n")
                .containsPattern("\\+180 ms +ok, dark 212 ms\n")
                .contains("outcome: one interface, so stale forwarding cannot be seen");
        CliRun two = CliRun.of(args(new String[] {"analyze"}));
        assertThat(two.out()).containsPattern("\\+180 ms +dark 150 ms, stale 1\\.4 s on vmnic5, ping lost 15/200\n")
                .doesNotContain("outcome: one interface");
    }

    @Test
    void displayFiltersSelectTheOutcomesFramesInEveryCommand() throws Exception {
        CliRun stale = CliRun.of(args(new String[] {"dissect", "--format", "jsonl", "-Y",
                "migration.outcome.stale == 1"}));
        assertThat(stale.code()).as(stale.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = stale.out().lines().toList();
        assertThat(lines).hasSize(15);
        assertThat(new ObjectMapper().readTree(lines.get(0)).toString()).contains("\"migration.outcome.stale\"");
        CliRun bounds = CliRun.of(args(new String[] {"dissect", "--format", "jsonl", "-Y",
                "migration.outcome.dark_before || migration.outcome.dark_after"}));
        assertThat(bounds.out().lines().count()).isEqualTo(2);
        CliRun analyzed = CliRun.of(args(new String[] {"analyze", "--format", "json", "-Y",
                "!migration.outcome.stale"}));
        assertThat(analyzed.code()).isEqualTo(ExitCodes.OK);
        // the analysis of the frames left: none of them stale any more, nor a finding about it
        JsonNode o = new ObjectMapper().readTree(analyzed.out()).get("migrations").get(0).get("outcome");
        assertThat(o.get("staleFrames").asInt()).isZero();
        assertThat(new ObjectMapper().readTree(analyzed.out()).get("findings").toString())
                .doesNotContain("\"stale-forwarding\"");
    }

    /** frame.number of each line of dissect's jsonl. */
    private static List<Integer> numbers(String jsonl) throws Exception {
        List<Integer> l = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            l.add(new ObjectMapper().readTree(line).get("frame.number").asInt());
        }
        return l;
    }

    @Test
    void lostPingsAndRetransmissionsAreTheTrafficFactsFramesAroundTheMove() throws Exception {
        // the ping's unanswered requests are icmp.no_resp's frames (tshark -2 -Y icmp.no_resp: 351, 352, 353)
        String lost = sample("vmotion-ping-3-lost.pcap");
        CliRun pings = CliRun.of("dissect", "--format", "jsonl", "-Y", "migration.outcome.lost_ping == 1", lost);
        assertThat(pings.code()).as(pings.err()).isEqualTo(ExitCodes.OK);
        assertThat(numbers(pings.out())).containsExactly(351, 352, 353);
        assertThat(numbers(CliRun.of("dissect", "--format", "jsonl", "-Y", "icmp.no_resp", lost).out()))
                .containsExactly(351, 352, 353);
        // the VM's two segments sent again (tshark flags other flows' too: 32, 52, ... are not the VM's)
        String tcp = sample("vmotion-tcp-retransmissions.pcap");
        CliRun again = CliRun.of("dissect", "--format", "jsonl", "-Y", "migration.outcome.retransmission", tcp);
        assertThat(numbers(again.out())).containsExactly(165, 166);
        JsonNode o = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", tcp).out())
                .get("migrations").get(0).get("outcome");
        assertThat(o.get("tcp").get("retransmissions").asInt()).isEqualTo(2);
        assertThat(o.get("tcp").get("longestStallMs").asDouble()).isEqualTo(350.0);
        assertThat(o.get("echo").isNull()).isTrue();
        // a ping that nothing lost: measured, and no finding
        JsonNode ok = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json",
                sample("vmotion-ping-ok.pcap")).out());
        assertThat(ok.get("migrations").get(0).get("outcome").get("echo").get("lost").asInt()).isZero();
        assertThat(ok.get("findings").size()).isZero();
    }

    @Test
    void analyzeDashYMeasuresThePingOfTheSelectedFramesOnly() throws Exception {
        // leave out the three requests nobody answered: the ping of what is left lost nothing
        JsonNode root = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", "-Y",
                "!(icmp.seq >= 101 && icmp.seq <= 103)", sample("vmotion-ping-3-lost.pcap")).out());
        JsonNode echo = root.get("migrations").get(0).get("outcome").get("echo");
        assertThat(echo.get("sent").asInt()).isEqualTo(197);
        assertThat(echo.get("lost").asInt()).isZero();
        assertThat(root.get("findings").size()).isZero();
    }

    @Test
    void thresholdsAreOptions() throws Exception {
        CliRun r = CliRun.of(args(new String[] {"analyze", "--format", "json", "--stale-threshold", "2000"}));
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        // no stale forwarding past 2 s, but the ping lost on the way is still told
        assertThat(root.get("migrations").get(0).get("outcome").get("verdict").asText()).isEqualTo("warn");
        assertThat(root.get("findings").size()).isEqualTo(1);
        assertThat(root.get("findings").get(0).get("code").asText()).isEqualTo("ping-loss");
        CliRun narrow = CliRun.of(args(new String[] {"analyze", "--format", "json", "--outcome-window", "1"}));
        JsonNode o = new ObjectMapper().readTree(narrow.out()).get("migrations").get(0).get("outcome");
        assertThat(o.get("staleFrames").asInt()).isEqualTo(10); // requests 101-110: within 1 s of the RARP
        CliRun bad = CliRun.of(args(new String[] {"analyze", "--outcome-window", "0"}));
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--outcome-window must be a positive number");
    }
}
