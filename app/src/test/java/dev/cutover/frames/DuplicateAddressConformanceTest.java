package dev.cutover.frames;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.filter.CompiledFilter;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every frame of the shared corpus: Wireshark's ARP duplicate address reports, as the decode a user sees has them
 * (the headings, {@code arp.duplicate-address-frame}, {@code arp.seconds-since-duplicate-address-frame} and the Info
 * tail), equal tshark 4.0's with -2 (dissect/tshark/duplicate-address.txt, made by make-duplicate-address.py beside
 * it), the filter {@code arp.duplicate-address-detected} selects the same frames, and no other frame has a report.
 */
class DuplicateAddressConformanceTest {
    private static final Pattern TAIL = Pattern.compile(" \\(duplicate use of [^)]* detected!\\)");

    /** One frame tshark reports on: its line of values and its headings, as the reference file writes them. */
    private record Report(String values, List<String> headings) {
    }

    @TestFactory
    Stream<DynamicTest> everyFrameHasTsharksDuplicateAddressReports() throws IOException {
        Path captures = SharedCorpus.captures();
        Map<String, Map<Integer, Report>> expected = read();
        assertThat(expected).hasSizeGreaterThan(70);
        assertThat(expected.values().stream().mapToInt(Map::size).sum()).isGreaterThan(250);
        return expected.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(captures.resolve(e.getKey()), e.getValue())));
    }

    private static void compare(Path file, Map<Integer, Report> expected) throws Exception {
        if (!Files.exists(file)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, file + " is not in this corpus");
        }
        List<String> mismatches = new ArrayList<>();
        try (Capture c = Capture.open(file)) {
            AnalysisResult analysis = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            FramePipeline p = FramePipeline.of(c).withAnalysis(analysis);
            FramePipeline.Reader r = p.reader(new Needs(Layer.ALL, true, false));
            Dissection d = new Dissection();
            BitSet reported = new BitSet();
            for (int i = 0; i < c.frameCount(); i++) {
                r.decode(i, d);
                Report got = report(d);
                Report want = expected.get(i + 1);
                if (got != null) {
                    reported.set(i);
                }
                if (got == null ? want != null : !got.equals(want)) {
                    mismatches.add("frame " + (i + 1) + ": tshark " + want + ", cutover " + got);
                }
            }
            // the filter a user types selects those frames, decoding them only as deep as it needs
            BitSet selected = p.select(CompiledFilter.compile("arp.duplicate-address-detected"), LoadMonitor.NONE);
            assertThat(selected).as("%s: arp.duplicate-address-detected", file.getFileName()).isEqualTo(reported);
        }
        assertThat(mismatches).as("%s (%d frames with reports)", file.getFileName(), expected.size()).isEmpty();
    }

    /** The frame's reports written as the reference file has them, or null when it has none. */
    private static Report report(Dissection d) {
        List<String> headings = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        List<String> seconds = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i) == Arp.DUPLICATE_ADDRESS_TEXT) {
                headings.add(FieldFormat.label(d, i));
            } else if (d.field(i) == Arp.DUPLICATE_ADDRESS_FRAME) {
                frames.add(FieldFormat.value(d, i));
            } else if (d.field(i) == Arp.DUPLICATE_ADDRESS_SECONDS) {
                seconds.add(FieldFormat.value(d, i));
            }
        }
        if (headings.isEmpty() && frames.isEmpty() && seconds.isEmpty()) {
            return null;
        }
        Matcher m = TAIL.matcher(d.infoColumn());
        String tail = m.find() ? m.group() : "";
        return new Report(String.join(",", frames) + "\t" + String.join(",", seconds) + "\t" + tail, headings);
    }

    private static Map<String, Map<Integer, Report>> read() throws IOException {
        Map<String, Map<Integer, Report>> out = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(DuplicateAddressConformanceTest.class
                .getResourceAsStream("/dev/cutover/dissect/tshark/duplicate-address.txt"), StandardCharsets.UTF_8))) {
            Map<Integer, Report> current = null;
            int frame = -1;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (line.startsWith("= ")) {
                    current = new TreeMap<>();
                    out.put(line.substring(2), current);
                } else if (line.startsWith("  ")) {
                    current.get(frame).headings().add(line.substring(2));
                } else {
                    int tab = line.indexOf('\t');
                    frame = Integer.parseInt(line.substring(0, tab));
                    current.put(frame, new Report(line.substring(tab + 1), new ArrayList<>()));
                }
            }
        }
        return out;
    }
}
