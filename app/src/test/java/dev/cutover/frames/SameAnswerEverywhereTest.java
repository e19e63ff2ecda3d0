package dev.cutover.frames;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldCatalogue;
import dev.cutover.dissect.FieldType;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.testsupport.CliRun;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.PacketListViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One road through the house: every field of the catalogue, as a display filter and as a CSV column, gives
 * the same frames and the same values in every command that takes {@code -Y} or {@code --columns}
 * ({@code dissect}, {@code export}, {@code report --format csv}, {@code analyze}) and in the window's packet
 * list, on the bundled sample captures merged by time, with an annotation so {@code frame.comment} has one.
 */
class SameAnswerEverywhereTest {
    @TempDir
    static Path dir;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> files;
    private static Capture capture;
    private static PacketListViewModel list;

    @BeforeAll
    static void copySamples() throws Exception {
        Path samples = Files.isDirectory(Path.of("../sample-captures")) ? Path.of("../sample-captures")
                : Path.of("sample-captures");
        files = new ArrayList<>();
        try (Stream<Path> s = Files.list(samples)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".pcap") || n.endsWith(".pcapng")) {
                    files.add(Files.copy(p, dir.resolve(n)).toString());
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(8);
        List<String> annotate = new ArrayList<>(List.of("annotate"));
        annotate.addAll(files);
        annotate.addAll(List.of("--frame", "41", "--comment", "first RARP", "--tag", "evidence"));
        assertThat(CliRun.of(annotate.toArray(new String[0])).code()).isZero();

        List<Path> paths = files.stream().map(Path::of).toList();
        capture = Capture.open(paths, LoadMonitor.NONE);
        AnnotationStore notes = AnnotationStore.load(paths, capture.frameCount());
        assertThat(notes.all()).hasSize(1);
        list = new PacketListViewModel(Tasks.DIRECT);
        list.setAnnotations(notes::commentsOf, f -> "");
        list.setCapture(capture);
        // as the window hands it over: one pipeline with the annotations and the analysis bound
        list.setFrames(FramePipeline.of(capture).withAnnotations(notes)
                .withAnalysis(MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE)));
    }

    @Test
    void everyFieldSelectsTheSameFramesWithTheSameValuesInEveryCommandAndTheWindow() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int fieldsWithFrames = 0;
        java.util.EnumSet<Field.Source> sources = java.util.EnumSet.noneOf(Field.Source.class);
        for (Field f : FieldCatalogue.all()) {
            String filter = f.abbrev();
            Map<Integer, String> dissected = dissect(filter, f);
            if (!dissected.isEmpty()) {
                fieldsWithFrames++;
                sources.add(f.source());
            }

            Map<Integer, String> csv = csv(filter, f);
            if (!csv.keySet().equals(dissected.keySet())) {
                mismatches.add(filter + ": report csv selects " + csv.keySet() + ", dissect " + dissected.keySet());
            } else if (f.type() != FieldType.PROTOCOL && f.type() != FieldType.NONE) {
                for (Map.Entry<Integer, String> e : dissected.entrySet()) {
                    if (!e.getValue().equals(csv.get(e.getKey()))) {
                        mismatches.add(filter + " frame " + e.getKey() + ": csv \"" + csv.get(e.getKey())
                                + "\", dissect \"" + e.getValue() + "\"");
                        break;
                    }
                }
            }

            List<Long> exported = export(filter);
            List<Long> expected = new ArrayList<>();
            dissected.keySet().forEach(n -> expected.add(capture.index().timestampNanos(n - 1)));
            if (!exported.equals(expected)) {
                mismatches.add(filter + ": export wrote " + exported.size() + " frames, dissect selects "
                        + expected.size());
            }

            TreeSet<Integer> analysed = analyzedFrames(filter);
            if (!dissected.keySet().containsAll(analysed)) {
                analysed.removeAll(dissected.keySet());
                mismatches.add(filter + ": analyze -Y reports frames the filter does not select: " + analysed);
            }

            list.applyFilter(CompiledFilter.compile(filter));
            TreeSet<Integer> shown = new TreeSet<>();
            list.frames().forEach(i -> shown.add(i + 1));
            if (!shown.equals(dissected.keySet())) {
                mismatches.add(filter + ": the packet list shows " + shown + ", dissect selects "
                        + dissected.keySet());
            }
        }
        assertThat(mismatches).isEmpty();
        // the samples exercise fields of every source: record, link, payload, trailer, analysis, annotations
        assertThat(sources).containsExactlyInAnyOrder(Field.Source.values());
        assertThat(fieldsWithFrames).isGreaterThanOrEqualTo(100);
        assertThat(dissect("migration.class == \"RARP request\"", null)).isNotEmpty();
        assertThat(dissect("frame.comment contains \"first RARP\"", null)).containsOnlyKeys(41);
    }

    @Test
    void analysisFieldsAreThereForFiltersAndColumnsOfEveryCommand() throws Exception {
        String filter = "migration.class == \"RARP request\"";
        Map<Integer, String> dissected = dissect(filter, null);
        assertThat(dissected).isNotEmpty();
        assertThat(export(filter)).hasSize(dissected.size());
        Map<Integer, String> classes = csv(filter, FieldCatalogue.byName("migration.class"));
        assertThat(classes.keySet()).isEqualTo(dissected.keySet());
        assertThat(classes.values()).containsOnly("RARP request");
    }

    @Test
    void aFilterOnAnalysisFieldsWithoutAnAnalysisIsAnErrorNotAnEmptyAnswer() throws Exception {
        FramePipeline bare = FramePipeline.of(capture);
        CompiledFilter f = CompiledFilter.compile("migration.finding == \"rarp-without-garp\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bare.select(f, LoadMonitor.NONE))
                .isInstanceOf(MissingSourceException.class)
                .hasMessage("migration.finding comes from the migration analysis, which has not been run on these "
                        + "frames");
        assertThat(bare.select(CompiledFilter.compile("arp.opcode == 3"), LoadMonitor.NONE).cardinality())
                .isPositive();
    }

    /** frame number → the field's values joined by commas, for the frames {@code dissect -Y} prints. */
    private static Map<Integer, String> dissect(String filter, Field f) throws IOException {
        List<String> args = new ArrayList<>(List.of("dissect", "--format", "jsonl", "-Y", filter));
        args.addAll(files);
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.code()).as(filter + ": " + r.err()).isZero();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String line : r.out().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = JSON.readTree(line);
            JsonNode v = f == null ? null : o.get(f.abbrev());
            String value = "";
            if (v != null && v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.asText()));
                value = String.join(",", parts);
            } else if (v != null) {
                value = v.asText();
            }
            out.put(o.get("frame.number").asInt(), value);
        }
        return out;
    }

    /** frame number → the CSV cell of the field, for the rows {@code report --format csv -Y} writes. */
    private static Map<Integer, String> csv(String filter, Field f) throws IOException {
        Path target = dir.resolve("out.csv");
        List<String> args = new ArrayList<>(List.of("report", "--format", "csv", "-o", target.toString(), "-Y",
                filter, "--columns", "frame.number," + f.abbrev()));
        args.addAll(files);
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.code()).as(filter + ": " + r.err()).isZero();
        Map<Integer, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(target);
        assertThat(lines.get(0)).isEqualTo("\"frame.number\",\"" + f.abbrev() + "\"");
        List<List<String>> rows = dev.cutover.testsupport.CsvText.rows(Files.readString(target));
        for (List<String> cells : rows.subList(1, rows.size())) {
            String value = cells.get(1);
            if (value.startsWith("'")) {
                value = value.substring(1); // the CSV's guard against a formula
            }
            out.put(Integer.parseInt(cells.get(0)), value);
        }
        return out;
    }

    /** The time stamps of the frames {@code export -Y} writes, in order. */
    private static List<Long> export(String filter) throws IOException {
        Path target = dir.resolve("out.pcapng");
        Files.deleteIfExists(target);
        List<String> args = new ArrayList<>(List.of("export", "-o", target.toString(), "-Y", filter));
        args.addAll(files);
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.code()).as(filter + ": " + r.err()).isZero();
        List<Long> times = new ArrayList<>();
        try (Capture c = Capture.open(target)) {
            for (int i = 0; i < c.frameCount(); i++) {
                times.add(c.index().timestampNanos(i));
            }
        }
        return times;
    }

    /** Every frame number {@code analyze -Y --format json} names in its migrations and findings. */
    private static TreeSet<Integer> analyzedFrames(String filter) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyze", "--format", "json", "-Y", filter));
        args.addAll(files);
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.code()).as(filter + ": " + r.err()).isZero();
        TreeSet<Integer> out = new TreeSet<>();
        collect(JSON.readTree(r.out()).get("migrations"), out);
        return out;
    }

    private static void collect(JsonNode node, TreeSet<Integer> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("frames") && e.getValue().isArray()) {
                    e.getValue().forEach(x -> out.add(x.asInt()));
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(x -> collect(x, out));
        }
    }
}
