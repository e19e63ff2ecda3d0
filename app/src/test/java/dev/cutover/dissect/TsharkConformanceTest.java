package dev.cutover.dissect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.capture.Capture;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of every capture in the shared {@code arp/} and {@code mixed/} folders that tshark decodes as
 * Ethernet or Linux SLL, tunnelled ARP included: every field tshark was asked for, equal to tshark 4.0's
 * decode (a field occurring in both the outer and the inner frame gives both values, in order).
 */
class TsharkConformanceTest {
    /** The fields the references were made with (SOURCES.md), less frame.protocols, which is compared apart. */
    static final List<String> FIELDS = List.of("frame.number", "frame.time_epoch", "frame.len", "frame.cap_len",
            "eth.dst", "eth.src", "eth.type", "sll.etype", "vlan.id", "vlan.priority", "vlan.dei", "vlan.etype",
            "ieee8021ad.id", "ieee8021ad.priority", "ieee8021ad.dei", "arp.hw.type", "arp.proto.type",
            "arp.hw.size", "arp.proto.size", "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4",
            "arp.dst.hw_mac", "arp.dst.proto_ipv4", "arp.src.hw", "arp.dst.hw", "arp.isgratuitous",
            "arp.isannouncement", "arp.isprobe");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyReferenceFrameMatchesTshark() throws IOException {
        Path captures = SharedCorpus.captures();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("arp", "mixed")) {
            try (Stream<Path> s = Files.list(captures.resolve(folder))) {
                s.sorted().forEach(files::add);
            }
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> compare(f, captures.resolve("reference").resolve(f.getFileName() + ".json"))));
    }

    /** Frames tshark decodes from Ethernet or Linux SLL, tunnels (GRE, ERSPAN, VXLAN, Geneve, CAPWAP) included. */
    static boolean comparable(String tsharkProtocols) {
        return tsharkProtocols.startsWith("eth:") || tsharkProtocols.startsWith("sll:");
    }

    private static void compare(Path capturePath, Path referencePath) throws IOException {
        JsonNode reference = JSON.readTree(referencePath.toFile());
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (Capture capture = Capture.open(capturePath)) {
            assertThat(capture.frameCount()).as("frames in %s", capturePath.getFileName()).isEqualTo(reference.size());
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (int i = 0; i < reference.size(); i++) {
                JsonNode layers = reference.get(i).get("_source").get("layers");
                String protocols = layers.get("frame.protocols").get(0).asText();
                if (!comparable(protocols)) {
                    continue;
                }
                compared++;
                decoder.decode(i, d);
                Map<String, List<String>> ours = values(d);
                for (String field : FIELDS) {
                    List<String> expected = new ArrayList<>();
                    JsonNode arr = layers.get(field);
                    if (arr != null) {
                        for (Iterator<JsonNode> it = arr.elements(); it.hasNext(); ) {
                            expected.add(it.next().asText());
                        }
                    }
                    List<String> actual = ours.getOrDefault(field, List.of());
                    if (!expected.equals(actual)) {
                        mismatches.add("frame " + (i + 1) + " " + field + ": tshark " + expected + ", ours " + actual
                                + "   [" + protocols + "]");
                    }
                }
                if (!isPrefix(d.protocolPath(), protocols)) {
                    mismatches.add("frame " + (i + 1) + " frame.protocols: tshark " + protocols + ", ours "
                            + d.protocolPath());
                }
            }
        }
        assertThat(mismatches).as("%s: %d frames compared; first differences:%n%s", capturePath.getFileName(),
                compared, String.join("\n", mismatches.subList(0, Math.min(40, mismatches.size())))).isEmpty();
    }

    /** Ours may stop earlier (we do not decode IP), but what we name must be tshark's path so far. */
    static boolean isPrefix(String ours, String tshark) {
        if (ours.isEmpty()) {
            return false;
        }
        return tshark.equals(ours) || tshark.startsWith(ours + ":");
    }

    static Map<String, List<String>> values(Dissection d) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i).type() == FieldType.PROTOCOL) {
                continue;
            }
            map.computeIfAbsent(d.field(i).abbrev(), k -> new ArrayList<>()).add(FieldFormat.value(d, i));
        }
        return map;
    }
}
