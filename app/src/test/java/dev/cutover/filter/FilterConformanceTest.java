package dev.cutover.filter;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter of {@code captures/filters.txt} on every capture of {@code reference/filters.tsv} selects
 * exactly the frames tshark 4.0 selected. Each frame is decoded only as deep as each filter asks.
 */
class FilterConformanceTest {

    /** One row of filters.tsv: tshark's frame numbers for one filter on one capture. */
    private record Expected(String filter, String capture, TreeSet<Integer> frames) {
    }

    @TestFactory
    Stream<DynamicTest> filtersSelectWhatTsharkSelects() throws IOException {
        Path shared = shared();
        Assumptions.assumeTrue(shared != null, "../shared/captures not found: conformance skipped");
        Path captures = shared.resolve("captures");
        List<String> filters = Files.readAllLines(captures.resolve("filters.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
        Map<String, List<Expected>> byCapture = new LinkedHashMap<>();
        for (String line : Files.readAllLines(captures.resolve("reference/filters.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (!filters.contains(cols[0])) {
                continue;
            }
            TreeSet<Integer> frames = new TreeSet<>();
            for (String n : cols.length > 2 ? cols[2].trim().split(" +") : new String[0]) {
                if (!n.isEmpty()) {
                    frames.add(Integer.valueOf(n));
                }
            }
            byCapture.computeIfAbsent(cols[1], k -> new ArrayList<>()).add(new Expected(cols[0], cols[1], frames));
        }
        Map<String, Map<String, TreeSet<Integer>>> actual = new LinkedHashMap<>();
        return byCapture.values().stream().flatMap(List::stream).map(e -> DynamicTest.dynamicTest(
                e.filter() + "  @ " + e.capture(), () -> {
                    Map<String, TreeSet<Integer>> selected = actual.get(e.capture());
                    if (selected == null) {
                        selected = run(locate(captures, e.capture()), filters);
                        actual.clear();
                        actual.put(e.capture(), selected);
                    }
                    TreeSet<Integer> got = selected.get(e.filter());
                    TreeSet<Integer> missing = new TreeSet<>(e.frames());
                    missing.removeAll(got);
                    TreeSet<Integer> extra = new TreeSet<>(got);
                    extra.removeAll(e.frames());
                    assertThat(got).as("%s on %s: tshark-only frames %s, Cutover-only frames %s", e.filter(),
                            e.capture(), head(missing), head(extra)).isEqualTo(e.frames());
                }));
    }

    /** The frames each filter selects in one capture. */
    private static Map<String, TreeSet<Integer>> run(Path file, List<String> texts) throws Exception {
        List<CompiledFilter> filters = new ArrayList<>();
        Map<String, TreeSet<Integer>> out = new LinkedHashMap<>();
        for (String t : texts) {
            filters.add(CompiledFilter.compile(t));
            out.put(t, new TreeSet<>());
        }
        Dissector dissector = new Dissector();
        Map<Layer, Dissection> byDepth = new EnumMap<>(Layer.class);
        for (Layer l : Layer.values()) {
            byDepth.put(l, new Dissection());
        }
        try (Capture c = Capture.open(file)) {
            byte[] buf = new byte[Math.max(1, c.maxCapturedLength())];
            int n = (int) c.frameCount();
            long first = 0;
            long previous = 0;
            for (int i = 0; i < n; i++) {
                int length = c.readFrame(i, buf);
                long ts = c.index().timestampNanos(i);
                if (i == 0) {
                    first = ts;
                    previous = ts;
                }
                var iface = c.interfaceOf(i);
                FrameInfo info = new FrameInfo(i + 1, ts, ts - first, ts - previous, length,
                        (int) c.index().originalLength(i), (int) iface.id(), iface.name(), (int) iface.linkType(),
                        (int) iface.fcsLength(), (int) c.packetFlags(i), c.comments(i));
                previous = ts;
                for (Layer l : Layer.values()) {
                    dissector.dissect(info, buf, byDepth.get(l), l);
                }
                for (CompiledFilter f : filters) {
                    if (f.matches(byDepth.get(f.requiredLayer()))) {
                        out.get(f.text()).add(i + 1);
                    }
                }
            }
        }
        return out;
    }

    private static Path locate(Path captures, String name) {
        for (String dir : new String[] {"arp", "mixed"}) {
            Path p = captures.resolve(dir).resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new AssertionError(name + " is in filters.tsv but in neither captures/arp nor captures/mixed");
    }

    private static Path shared() {
        List<String> candidates = new ArrayList<>();
        String property = System.getProperty("cutover.shared");
        if (property != null && !property.isBlank()) {
            candidates.add(property);
        }
        candidates.add("../shared");
        candidates.add("../../shared");
        for (String c : candidates) {
            Path p = Paths.get(c);
            if (Files.isRegularFile(p.resolve("captures/filters.txt"))
                    && Files.isRegularFile(p.resolve("captures/reference/filters.tsv"))) {
                return p;
            }
        }
        return null;
    }

    private static String head(TreeSet<Integer> frames) {
        String s = frames.stream().limit(20).map(String::valueOf).collect(Collectors.joining(" "));
        return "[" + s + (frames.size() > 20 ? " ... (" + frames.size() + ")" : "") + "]";
    }
}
