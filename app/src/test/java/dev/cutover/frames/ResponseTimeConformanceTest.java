package dev.cutover.frames;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.proto.Icmp;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every echo reply of the shared corpus: its {@code icmp.resptime}, as the decode a user sees has it, equals tshark
 * 4.0's with -2 (dissect/tshark/resptime.txt, made by make-traffic.py beside it), and no other frame has one.
 */
class ResponseTimeConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyReplyHasTsharksResponseTime() throws IOException {
        Path captures = SharedCorpus.captures();
        Map<String, Map<Integer, String>> expected = read();
        assertThat(expected).hasSizeGreaterThan(8);
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(captures.resolve(e.getKey()), e.getValue())));
    }

    private static void compare(Path file, Map<Integer, String> expected) throws IOException {
        if (!Files.exists(file)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, file + " is not in this corpus");
        }
        List<String> mismatches = new ArrayList<>();
        try (Capture c = Capture.open(file)) {
            FramePipeline.Reader r = FramePipeline.of(c).reader(new Needs(Layer.ALL, false, false, true));
            Dissection d = new Dissection();
            for (int i = 0; i < c.frameCount(); i++) {
                r.decode(i, d);
                int node = d.find(Icmp.RESPTIME);
                String got = node < 0 ? "" : FieldFormat.value(d, node);
                String want = expected.getOrDefault(i + 1, "");
                if (!want.equals(got)) {
                    mismatches.add("frame " + (i + 1) + ": tshark '" + want + "', cutover '" + got + "'");
                }
            }
        }
        assertThat(mismatches).as("%s (%d replies)", file.getFileName(), expected.size()).isEmpty();
    }

    private static Map<String, Map<Integer, String>> read() throws IOException {
        Map<String, Map<Integer, String>> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(ResponseTimeConformanceTest.class
                .getResourceAsStream("/dev/cutover/dissect/tshark/resptime.txt"), StandardCharsets.UTF_8))) {
            Map<Integer, String> current = null;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("= ")) {
                    current = new TreeMap<>();
                    out.put(line.substring(2), current);
                } else {
                    int tab = line.indexOf('\t');
                    current.put(Integer.parseInt(line.substring(0, tab)), line.substring(tab + 1));
                }
            }
        }
        return out;
    }
}
