package dev.cutover.filter;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TCP, UDP, ICMP, DNS and SSDP fields and {@code len()} in display filters select exactly the frames tshark
 * 4.0 selects, on captures of the shared corpus; tshark's answers are committed beside
 * {@code make-protocol-filters.py}. Each frame is decoded only as deep as each filter asks.
 */
class ProtocolFilterConformanceTest {

    /** One row: the frames tshark kept for one filter on one capture. */
    private record Expected(String filter, String capture, TreeSet<Integer> frames) {
    }

    @TestFactory
    Stream<DynamicTest> filtersSelectWhatTsharkSelects() throws IOException {
        Path captures = SharedCorpus.captures();
        Map<String, List<Expected>> byCapture = new LinkedHashMap<>();
        for (String line : lines()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            byCapture.computeIfAbsent(cols[1], k -> new ArrayList<>())
                    .add(new Expected(cols[0], cols[1], frames(cols[2])));
        }
        assertThat(byCapture).isNotEmpty();
        return byCapture.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> compare(captures.resolve(e.getKey()), e.getValue())));
    }

    private static void compare(Path file, List<Expected> rows) throws Exception {
        List<CompiledFilter> filters = new ArrayList<>();
        List<TreeSet<Integer>> got = new ArrayList<>();
        for (Expected e : rows) {
            filters.add(CompiledFilter.compile(e.filter()));
            got.add(new TreeSet<>());
        }
        try (Capture capture = Capture.open(file)) {
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (int i = 0; i < capture.frameCount(); i++) {
                for (int k = 0; k < filters.size(); k++) {
                    CompiledFilter f = filters.get(k);
                    decoder.decode(i, d, f.requiredLayer());
                    if (f.matches(d)) {
                        got.get(k).add(i + 1);
                    }
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            TreeSet<Integer> expected = rows.get(k).frames();
            if (!expected.equals(got.get(k))) {
                TreeSet<Integer> missing = new TreeSet<>(expected);
                missing.removeAll(got.get(k));
                TreeSet<Integer> extra = new TreeSet<>(got.get(k));
                extra.removeAll(expected);
                wrong.add(rows.get(k).filter() + ": tshark-only frames " + head(missing) + ", Cutover-only frames "
                        + head(extra));
            }
        }
        assertThat(wrong).as("%s", file.getFileName()).isEmpty();
    }

    /** "1-4 9" as the frames 1, 2, 3, 4, 9. */
    static TreeSet<Integer> frames(String ranges) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String r : ranges.trim().split(" +")) {
            if (r.isEmpty()) {
                continue;
            }
            int dash = r.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1));
            for (int n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return out;
    }

    private static List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                ProtocolFilterConformanceTest.class.getResourceAsStream("protocol-filters.tsv"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                out.add(l);
            }
        }
        return out;
    }

    private static String head(TreeSet<Integer> frames) {
        String s = frames.stream().limit(15).map(String::valueOf).collect(Collectors.joining(" "));
        return "[" + s + (frames.size() > 15 ? " ... (" + frames.size() + ")" : "") + "]";
    }
}
