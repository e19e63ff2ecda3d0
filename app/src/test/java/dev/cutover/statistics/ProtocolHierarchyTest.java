package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol hierarchy against {@code tshark -q -z io,phs -r FILE} (TShark 4.0.17), whose trees are kept under
 * {@code src/test/resources/dev/cutover/statistics/phs/}, each with the command that printed it on its first line.
 *
 * <p>The rule: Cutover decodes fewer protocols than tshark, so only the paths made wholly of protocols Cutover
 * decodes ({@link #DECODED}) are compared, and each must be in both trees with the same frames and bytes. A
 * frame whose path stops early in Cutover (TCP, ICMP, DNS, ... are not decoded) still counts at every level
 * above. tshark files frames that carry packet comments under a top-level "pkt_comment" node; Cutover does not,
 * so that node is folded into its children before comparing.
 */
class ProtocolHierarchyTest {
    /** What Cutover decodes; add a protocol here when a dissector for it is added. */
    static final Set<String> DECODED = Set.of("eth", "vlan", "ieee8021ad", "ieee8021ah", "llc", "sll", "arp", "ip",
            "ipv6", "udp", "tcp", "icmp", "dns", "gre", "vxlan", "geneve", "erspan", "_ws.malformed", "_ws.short");

    private static final Pattern LINE = Pattern.compile("^( *)(\\S+)\\s+frames:(\\d+) bytes:(\\d+)$");

    /** Path ("eth/vlan/arp") to {frames, bytes}; pkt_comment folded away. */
    static Map<String, long[]> parse(List<String> lines) {
        Map<String, long[]> out = new LinkedHashMap<>();
        List<String> stack = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int depth = m.group(1).length() / 2;
            while (stack.size() > depth) {
                stack.remove(stack.size() - 1);
            }
            stack.add(m.group(2));
            if (m.group(2).equals("pkt_comment")) {
                continue;
            }
            String key = String.join("/", stack.stream().filter(s -> !s.equals("pkt_comment")).toList());
            long[] v = out.computeIfAbsent(key, k -> new long[2]);
            v[0] += Long.parseLong(m.group(3));
            v[1] += Long.parseLong(m.group(4));
        }
        return out;
    }

    private static boolean decoded(String path) {
        // tshark's TCP payload dissectors (TLS, HTTP, ...) mark segments malformed under tcp; Cutover decodes no
        // TCP payload, so it has no such judgement to compare
        if (path.contains("tcp/_ws.malformed")) {
            return false;
        }
        for (String p : path.split("/")) {
            if (!DECODED.contains(p)) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"esxi-vmotion-vlan10.pcap", "duplicate-ip.pcap", "qemu-announce-self.pcap",
        "two-uplinks-nanosecond.pcapng", "hyperv-live-migration.pcap", "rarp-only-ethtype-8035.pcap",
        "vxlan-arp.pcap", "geneve-arp.pcap", "pbb.pcap", "q-in-q.pcap", "linux_dlt_sll2.pcap", "snap-arp.pcapng",
        "erspan-type-ii-3.pcap", "packet_trailer.pcap", "arp-too-long-tha.pcap", "many-protocols.pcap",
        "chappell_arp-ping.pcapng", "arpscan_pkt-vlan-llc-response.pcap", "ipv4-malformed.pcap"})
    void countsWhatTsharkCountsAtTheLevelsCutoverDecodes(String name) throws IOException {
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream("phs/" + name + ".txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        Matcher command = Pattern.compile("-r (\\S+)").matcher(expected.get(0));
        assertThat(command.find()).isTrue();
        String file = command.group(1);
        Path path = file.startsWith("sample-captures/") ? Path.of("..").resolve(file)
                : SharedCorpus.captures().resolve(file.substring("../shared/captures/".length()));
        ProtocolHierarchy h;
        try (Capture c = Capture.open(path)) {
            h = ProtocolHierarchy.compute(c, LoadMonitor.NONE);
            assertThat(h.root().frames()).isEqualTo(c.frameCount());
        }
        Map<String, long[]> tshark = parse(expected);
        Map<String, long[]> cutover = parse(h.text().lines().toList());
        Map<String, String> want = new LinkedHashMap<>();
        Map<String, String> got = new LinkedHashMap<>();
        tshark.forEach((p, v) -> {
            if (decoded(p)) {
                want.put(p, v[0] + " frames, " + v[1] + " bytes");
            }
        });
        cutover.forEach((p, v) -> {
            if (decoded(p)) {
                got.put(p, v[0] + " frames, " + v[1] + " bytes");
            }
        });
        assertThat(want).as("paths tshark and Cutover both decode").isNotEmpty();
        assertThat(got).containsExactlyInAnyOrderEntriesOf(want);
    }

    @Test
    void theSampleAsATreeWithEndCountsAndPercentages() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            ProtocolHierarchy h = ProtocolHierarchy.compute(c, LoadMonitor.NONE);
            assertThat(h.root().abbrev()).isEqualTo("frame");
            assertThat(h.root().bytes()).isEqualTo(16561);
            ProtocolHierarchy.Node ip = h.find("eth", "vlan", "ip");
            assertThat(ip.label()).isEqualTo("Internet Protocol Version 4");
            // every IPv4 frame carries TCP, whose TLS payload Cutover does not decode: they end at tcp
            assertThat(ip.endFrames()).isZero();
            ProtocolHierarchy.Node tcp = h.find("eth", "vlan", "ip", "tcp");
            assertThat(tcp.label()).isEqualTo("Transmission Control Protocol");
            assertThat(tcp.endFrames()).isEqualTo(53);
            assertThat(tcp.endBytes()).isEqualTo(15025);
            assertThat(h.find("eth", "vlan").endFrames()).isZero();
            assertThat(h.find("eth", "vlan").children()).extracting(ProtocolHierarchy.Node::abbrev)
                    .containsExactly("ip", "arp"); // in the order first seen, as tshark lists them
            assertThat(ProtocolHierarchy.percent(24, 77)).isEqualTo("31.2");
            assertThat(h.bitsPerSecond(h.root())).isEqualTo(Math.round(16561 * 8 / h.durationSeconds()));
            String csv = h.csv();
            assertThat(csv).startsWith("Protocol,Percent Packets,Packets,Percent Bytes,Bytes,Bits/s,End Packets,"
                    + "End Bytes\r\nFrame,100.0,77,100.0,16561,");
            assertThat(csv).contains("\r\n      Address Resolution Protocol,31.2,24,9.3,1536,");
        }
    }

    @Test
    void onlyTheIncludedFramesCount() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            ProtocolHierarchy h = ProtocolHierarchy.compute(c, LoadMonitor.NONE, i -> i >= 40 && i <= 46);
            assertThat(h.root().frames()).isEqualTo(7);
            assertThat(h.find("eth", "vlan", "arp").frames()).isEqualTo(7);
            assertThat(h.find("eth", "vlan", "ip")).isNull();
        }
    }
}
