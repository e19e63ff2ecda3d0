package dev.cutover.analysis;

import dev.cutover.dissect.Severity;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** One sender's ARP requests kept up above the flood rate for the flood span, beside Wireshark's storm rule. */
class RequestFloodTest {
    private static final long ROUTER = mac("00:07:0d:af:f4:54");
    private static final long ROUTER_IP = ip("10.0.10.1");
    private static final long OTHER = mac("00:50:56:9d:10:01");

    @TempDir
    Path dir;

    /** {@code perSecond} requests a second, evenly, for {@code seconds}, each for a different address. */
    private static Trace requests(Trace t, long mac, long start, int perSecond, double seconds) {
        long step = 1000 * MS / perSecond;
        int n = (int) Math.round(seconds * perSecond) + 1;
        for (int i = 0; i < n; i++) {
            t.add(start + i * step, Wire.request(mac, ROUTER_IP, ip("10.0." + (i / 250) + "." + (i % 250 + 2)), 10));
        }
        return t;
    }

    private List<Finding> floods(Trace t, AnalysisConfig config) throws IOException {
        return Analyses.of(dir, t, config).result.findings().stream()
                .filter(f -> f.code() == FindingCode.ARP_REQUEST_FLOOD).toList();
    }

    private List<Finding> floods(Trace t) throws IOException {
        return floods(t, AnalysisConfig.DEFAULTS);
    }

    @Test
    void moreThanFiveASecondForTenSecondsIsAFlood() throws IOException {
        List<Finding> f = floods(requests(new Trace(), ROUTER, T0, 8, 12));
        assertThat(f).hasSize(1);
        Finding flood = f.get(0);
        assertThat(flood.severity()).isEqualTo(Severity.NOTE);
        assertThat(flood.mac()).isEqualTo(ROUTER);
        assertThat(flood.ip()).isEqualTo(ROUTER_IP);
        assertThat(flood.frames()).containsExactly(0, 96);
        assertThat(flood.message()).startsWith("97 ARP requests from 00:07:0d:af:f4:54 (")
                .contains("sender IP 10.0.10.1) in 12.0 s (frame 1 to frame 97), asking for 97 different "
                        + "addresses: 8.0 a second, and more than 5 in every second of it.")
                .contains("Wireshark's storm rule (more than 30 within 100 ms)")
                .contains("a scan sweeping the network");
    }

    @Test
    void tooShortTooSlowOrSpreadOverSendersIsNoFlood() throws IOException {
        assertThat(floods(requests(new Trace(), ROUTER, T0, 8, 9))).as("nine seconds").isEmpty();
        assertThat(floods(requests(new Trace(), ROUTER, T0, 4, 60))).as("four a second").isEmpty();
        Trace two = requests(new Trace(), ROUTER, T0, 4, 30);
        requests(two, OTHER, T0 + 10 * MS, 4, 30);
        assertThat(floods(two)).as("two senders at four a second each").isEmpty();
        // both rules are thresholds the user sets
        assertThat(floods(requests(new Trace(), ROUTER, T0, 4, 60), AnalysisConfig.DEFAULTS
                .withFlood(3, Duration.ofSeconds(10)))).hasSize(1);
        assertThat(floods(requests(new Trace(), ROUTER, T0, 8, 9), AnalysisConfig.DEFAULTS
                .withFlood(5, Duration.ofSeconds(8)))).hasSize(1);
    }

    @Test
    void aScanOfAWholeSubnetInASecondIsAStormNotAFlood() throws IOException {
        Analyses a = Analyses.of(dir, requests(new Trace(), ROUTER, T0, 500, 0.5));
        assertThat(a.codes()).contains(FindingCode.ARP_STORM).doesNotContain(FindingCode.ARP_REQUEST_FLOOD);
    }

    @Test
    void aPauseEndsAFloodAndEachStretchIsJudgedAlone() throws IOException {
        Trace t = requests(new Trace(), ROUTER, T0, 10, 15);
        requests(t, ROUTER, T0 + 17_000 * MS, 10, 20);
        requests(t, ROUTER, T0 + 39_000 * MS, 10, 5);
        List<Finding> f = floods(t);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).frames()).containsExactly(0, 150);
        assertThat(f.get(1).frames()).containsExactly(151, 351);
    }

    @Test
    void theSameFewAddressesAgainAndAgainReadAsRetries() throws IOException {
        Trace t = new Trace();
        for (int i = 0; i <= 200; i++) {
            t.add(T0 + i * 50 * MS, Wire.request(ROUTER, ROUTER_IP, ip("10.0.10.254"), 10));
        }
        Finding f = floods(t).get(0);
        assertThat(f.message()).contains("asking for 1 address: 20.0 a second")
                .contains("retrying a neighbour that never answers");
    }

    @Test
    void aLongFloodNamesItsFirstAndLastFramesOnly() throws IOException {
        Finding f = floods(requests(new Trace(), ROUTER, T0, 20, 60)).get(0);
        assertThat(f.frames()).containsExactly(0, 1200);
        assertThat(f.message()).startsWith("1201 ARP requests");
    }

    @Test
    void wiresharksArpStormSampleIsAFloodAndNoStorm() throws IOException {
        Path file = SharedCorpus.captures().resolve("realworld/pio_arp-storm.pcap");
        Analyses a = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
        // tshark 4.0.17 reports no storm in it either (at most 9 requests within 100 ms)
        assertThat(a.codes()).containsExactly(FindingCode.ARP_REQUEST_FLOOD);
        Finding f = a.only(FindingCode.ARP_REQUEST_FLOOD);
        assertThat(f.mac()).isEqualTo(ROUTER);
        assertThat(f.frames()).containsExactly(0, 621);
        assertThat(f.message()).startsWith("622 ARP requests from 00:07:0d:af:f4:54 (")
                .contains("sender IPs 24.166.172.1, 65.28.78.1, 69.76.216.1 and 6 more) in 29.0 s (frame 1 to frame "
                        + "622), asking for 303 different addresses: 21.4 a second");
    }

    @Test
    void noOtherRealWorldCaptureIsAFlood() throws IOException {
        Path folder = SharedCorpus.captures().resolve("realworld");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.(pcap|pcapng|pcap\\.gz)"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(23);
        for (Path file : files) {
            Analyses a = Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
            boolean flood = a.codes().contains(FindingCode.ARP_REQUEST_FLOOD);
            assertThat(flood).as(file.getFileName().toString())
                    .isEqualTo(file.getFileName().toString().equals("pio_arp-storm.pcap"));
        }
    }
}
