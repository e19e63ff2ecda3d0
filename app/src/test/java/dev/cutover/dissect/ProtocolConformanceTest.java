package dev.cutover.dissect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.capture.Capture;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Protocol and Info columns and the IPv6, TCP, UDP, ICMP, ICMPv6, DNS/LLMNR/mDNS and SSDP fields of frames of the shared
 * corpus, equal to tshark 4.0's answers committed beside {@code tshark/make-expected.py} (which says how they
 * were made: raw sequence numbers, each frame decoded without the state other frames give).
 */
class ProtocolConformanceTest {
    /** The fields make-expected.py asked tshark for; a field tshark did not give must be absent here too. */
    static final List<String> FIELDS = List.of("ip.src", "ip.dst", "tcp.srcport", "tcp.dstport", "tcp.port",
            "tcp.seq_raw", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags", "tcp.flags.res", "tcp.flags.ae",
            "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg", "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset",
            "tcp.flags.syn", "tcp.flags.fin", "tcp.flags.str", "tcp.window_size_value", "tcp.checksum",
            "tcp.urgent_pointer", "tcp.len", "tcp.options", "udp.srcport", "udp.dstport", "udp.length",
            "udp.checksum", "icmp.type", "icmp.code", "icmp.checksum", "icmp.ident", "icmp.seq", "icmp.seq_le",
            "dns.id", "dns.flags", "dns.flags.response", "dns.flags.opcode", "dns.flags.rcode", "dns.count.queries",
            "dns.count.answers", "dns.count.auth_rr", "dns.count.add_rr", "dns.qry.name", "dns.qry.type",
            "dns.qry.class", "dns.resp.name", "dns.resp.type", "dns.a", "http.request.method",
            "http.response.code", "ipv6.version", "ipv6.tclass", "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow",
            "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst", "ipv6.addr", "ipv6.hopopts.nxt",
            "ipv6.hopopts.len", "icmpv6.type", "icmpv6.code", "icmpv6.checksum", "icmpv6.checksum.status",
            "icmpv6.echo.identifier", "icmpv6.echo.sequence_number", "icmpv6.nd.ns.target_address",
            "icmpv6.nd.na.flag.r", "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.target_address",
            "icmpv6.opt.type", "icmpv6.opt.length", "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr",
            "icmpv6.opt.target_linkaddr", "icmpv6.mldr.nb_mcast_records", "icmpv6.mldr.mar.record_type",
            "icmpv6.mldr.mar.multicast_address");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** tshark's answer for one frame: the columns, and the field values when they were kept. */
    private static final class Expected {
        String protocol;
        String info;
        JsonNode fields;
    }

    @TestFactory
    Stream<DynamicTest> everySelectedFrameReadsAsTsharkReadsIt() throws IOException {
        Path captures = SharedCorpus.captures();
        Map<String, Map<Integer, Expected>> byCapture = new LinkedHashMap<>();
        for (String line : lines("tshark/info.tsv")) {
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\t", 4);
            Expected e = frame(byCapture, cols[0], Integer.parseInt(cols[1]));
            e.protocol = cols[2];
            e.info = cols[3];
        }
        for (String line : lines("tshark/fields.jsonl")) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            frame(byCapture, row.get("capture").asText(), row.get("frame").asInt()).fields = row.get("fields");
        }
        assertThat(byCapture).as("expected answers").hasSizeGreaterThan(20);
        return byCapture.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(captures.resolve(e.getKey()), e.getValue())));
    }

    private static Expected frame(Map<String, Map<Integer, Expected>> byCapture, String capture, int frame) {
        return byCapture.computeIfAbsent(capture, k -> new LinkedHashMap<>()).computeIfAbsent(frame, k -> new Expected());
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ProtocolConformanceTest.class.getResourceAsStream(resource),
                resource);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
        }
        return out;
    }

    private static void compare(Path file, Map<Integer, Expected> frames) throws IOException {
        List<String> mismatches = new ArrayList<>();
        try (Capture capture = Capture.open(file)) {
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (Map.Entry<Integer, Expected> entry : frames.entrySet()) {
                int number = entry.getKey();
                Expected e = entry.getValue();
                decoder.decode(number - 1, d);
                if (e.protocol != null && !e.protocol.equals(d.protocolColumn())) {
                    mismatches.add("frame " + number + " Protocol: tshark " + e.protocol + ", ours "
                            + d.protocolColumn());
                }
                if (e.info != null && !e.info.equals(d.infoColumn())) {
                    mismatches.add("frame " + number + " Info:\n    tshark " + e.info + "\n    ours   "
                            + d.infoColumn());
                }
                if (e.fields != null) {
                    Map<String, List<String>> ours = TsharkConformanceTest.values(d);
                    for (String field : FIELDS) {
                        List<String> expected = new ArrayList<>();
                        JsonNode arr = e.fields.get(field);
                        if (arr != null) {
                            for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
                                expected.add(it.next().asText());
                            }
                        }
                        List<String> actual = ours.getOrDefault(field, List.of());
                        if (!expected.equals(actual)) {
                            mismatches.add("frame " + number + " " + field + ": tshark " + expected + ", ours "
                                    + actual);
                        }
                    }
                }
            }
        }
        assertThat(mismatches).as("%s: %d frames compared; first differences:%n%s", file.getFileName(),
                frames.size(), String.join("\n", mismatches.subList(0, Math.min(30, mismatches.size())))).isEmpty();
    }
}
