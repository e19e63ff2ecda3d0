package dev.cutover.analysis.traffic;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of the shared corpus that tshark decodes from Ethernet or Linux SLL straight to IPv4 or IPv6 and TCP
 * or ICMP: its echo pairing, TCP stream index and retransmission flags equal tshark 4.0's with -2
 * (dissect/tshark/traffic.txt, made by make-traffic.py beside it).
 */
class TrafficConformanceTest {
    private record Expected(BitSet skip, Map<Integer, String> facts) {
    }

    @TestFactory
    Stream<DynamicTest> everyFrameHasTsharksFacts() throws IOException {
        Path captures = SharedCorpus.captures();
        Map<String, Expected> expected = read();
        assertThat(expected).hasSizeGreaterThan(20);
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(captures.resolve(e.getKey()), e.getValue())));
    }

    private static void compare(Path file, Expected expected) throws IOException {
        if (!Files.exists(file)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, file + " is not in this corpus");
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        try (Capture c = Capture.open(file)) {
            TrafficFacts f = TrafficFacts.compute(c, LoadMonitor.NONE);
            for (int i = 0; i < c.frameCount(); i++) {
                int number = i + 1;
                if (expected.skip().get(number)) {
                    continue;
                }
                String want = expected.facts().getOrDefault(number, "");
                String got = facts(f, i);
                if (!want.isEmpty()) {
                    compared++;
                }
                if (!want.equals(got)) {
                    mismatches.add("frame " + number + ": tshark '" + want + "', cutover '" + got + "'");
                }
            }
        }
        assertThat(mismatches).as("%s (%d frames with facts compared)", file.getFileName(), compared).isEmpty();
        assertThat(compared).isEqualTo(expected.facts().size());
    }

    /** The facts of frame i written as make-traffic.py writes tshark's, in its order. */
    static String facts(TrafficFacts f, int i) {
        List<String> t = new ArrayList<>();
        if (f.replyOf(i) >= 0) {
            t.add("in=" + (f.replyOf(i) + 1));
        }
        if (f.requestOf(i) >= 0) {
            t.add("to=" + (f.requestOf(i) + 1));
        }
        if (f.streamOf(i) >= 0) {
            t.add("s=" + f.streamOf(i));
        }
        if (f.noResponse(i)) {
            t.add("no");
        }
        if (f.isRetransmission(i)) {
            t.add("r");
        }
        if (f.isFastRetransmission(i)) {
            t.add("f");
        }
        if (f.isSpuriousRetransmission(i)) {
            t.add("sp");
        }
        return String.join(" ", t);
    }

    private static Map<String, Expected> read() throws IOException {
        Map<String, Expected> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(TrafficConformanceTest.class
                .getResourceAsStream("/dev/cutover/dissect/tshark/traffic.txt"), StandardCharsets.UTF_8))) {
            Expected current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("= ")) {
                    current = new Expected(new BitSet(), new TreeMap<>());
                    out.put(line.substring(2), current);
                } else if (line.startsWith("skip ")) {
                    for (String range : line.substring(5).split(",")) {
                        int dash = range.indexOf('-');
                        int a = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
                        int b = dash < 0 ? a : Integer.parseInt(range.substring(dash + 1));
                        current.skip().set(a, b + 1);
                    }
                } else {
                    int tab = line.indexOf('\t');
                    current.facts().put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
                }
            }
        }
        return out;
    }
}
