package dev.cutover.frames;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.Vendors;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filtering and decoding frames while a file is indexed gives, frame for frame, the decode the pipeline makes of
 * the finished capture: the same frames match, in the same order, with the same tree and bytes (numbers, times,
 * comments and flags included), over every sample, a dense generated capture and the shared corpus, damaged files
 * among them, whether the indexing thread judges frames itself or leaves them all to the tap's thread; a limit
 * stops at the same frame.
 */
class FilteringTapTest {
    private static final List<String> FILTERS = List.of("", "arp.opcode == 3", "arp", "vlan.id == 10",
            "frame.len > 1000", "eth.src == 00:50:56:00:00:01", "not arp", "arp or frame.len > 1000",
            "frame.comment", "frame.len > 100000", "arp.isgratuitous and frame.len > 59", "migration.notification",
            "eth.dst == ff:ff:ff:ff:ff:ff and !vlan");
    /** On the corpus, whose larger files are mostly other traffic: filters that print few of their frames. */
    private static final List<String> CORPUS_FILTERS = List.of("arp.opcode == 3", "arp", "vlan.id == 10",
            "eth.src == 00:50:56:00:00:01", "frame.comment", "arp.isgratuitous and frame.len > 59",
            "migration.notification");

    @TempDir
    Path dir;

    @Test
    void samplesAndADenseCaptureGiveThePipelinesDecode() throws Exception {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 8_000, 7);
        List<Path> files = new ArrayList<>(files(Path.of("../sample-captures")));
        files.add(dense);
        assertThat(check(files, true)).isGreaterThan(10_000);
    }

    @Test
    void sharedCorpusGivesThePipelinesDecode() throws Exception {
        List<Path> files = files(SharedCorpus.captures());
        assertThat(files.size()).isGreaterThan(50);
        assertThat(check(files, false)).isGreaterThan(1_000);
    }

    @Test
    void aLimitStopsAtTheSameFrame() throws Exception {
        Path file = Path.of("../sample-captures/esxi-vmotion-vlan10.pcap");
        for (int limit : new int[] {0, 1, 3}) {
            CompiledFilter arp = CompiledFilter.compile("arp");
            assertThat(tapped(file, arp, limit, 2)).isEqualTo(viaPipeline(file, arp, limit)).hasSize(limit);
            assertThat(tapped(file, arp, limit, 0)).isEqualTo(viaPipeline(file, arp, limit));
        }
    }

    @Test
    void aTextCaptureIsNotTappedAndAnAnalysisFilterIsRefused() throws Exception {
        Path text = Path.of("../sample-captures/esxi-vmotion-vlan10.tcpdump-e.txt");
        List<String> shown = new ArrayList<>();
        FilteringTap tap = new FilteringTap(null, CompletableFuture.completedFuture(Vendors.bundled()),
                Integer.MAX_VALUE, d -> shown.add(render(d)));
        try (tap; Capture c = Capture.open(List.of(text), null, LoadMonitor.NONE, tap, null)) {
            tap.finish();
            assertThat(c.frameCount()).isGreaterThan(0);
            assertThat(tap.seen()).isZero();
            assertThat(shown).isEmpty();
        }
        CompiledFilter migration = CompiledFilter.compile("migration.class == \"RARP request\"");
        assertThatThrownBy(() -> new FilteringTap(migration, CompletableFuture.completedFuture(Vendors.bundled()),
                1, d -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("analysis");
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !p.toString().contains("reference") && (n.endsWith(".pcap") || n.endsWith(".pcapng")
                        || n.endsWith(".gz") || n.endsWith(".cap"));
            }).sorted().toList();
        }
    }

    /**
     * Compares every filter on every file, with the indexing thread judging frames as it decides, and when {@code
     * everyMode} also judging every frame and none; returns how many frames matched in all.
     */
    private static int check(List<Path> files, boolean everyMode) throws IOException, FilterException {
        int matched = 0;
        int opened = 0;
        for (Path file : files) {
            try {
                Capture.open(file).close();
            } catch (CaptureException e) {
                continue; // not a capture at all: nothing is tapped
            }
            opened++;
            for (String text : everyMode ? FILTERS : CORPUS_FILTERS) {
                CompiledFilter filter = text.isEmpty() ? null : CompiledFilter.compile(text);
                List<String> want = viaPipeline(file, filter, Integer.MAX_VALUE);
                assertThat(tapped(file, filter, Integer.MAX_VALUE, 2)).as(file + " '" + text + "'").isEqualTo(want);
                if (everyMode) {
                    // the indexing thread judging every frame, and never
                    assertThat(tapped(file, filter, Integer.MAX_VALUE, 0)).as(file + " '" + text + "'")
                            .isEqualTo(want);
                    assertThat(tapped(file, filter, Integer.MAX_VALUE, Integer.MAX_VALUE)).as(file + " '" + text + "'")
                            .isEqualTo(want);
                }
                matched += want.size();
            }
        }
        assertThat(opened).isGreaterThan(5);
        return matched;
    }

    /** The frames the tap hands on while the file is indexed, each as its tree and hex dump. */
    private static List<String> tapped(Path file, CompiledFilter filter, int limit, int helpWhenWaiting)
            throws IOException {
        List<String> shown = new ArrayList<>();
        FilteringTap tap = new FilteringTap(filter, CompletableFuture.completedFuture(Vendors.bundled()), limit,
                d -> shown.add(render(d)), helpWhenWaiting);
        try (tap; Capture c = Capture.open(List.of(file), null, LoadMonitor.NONE, tap, null)) {
            tap.finish();
            assertThat(tap.seen()).as(file.toString()).isEqualTo(c.frameCount());
            assertThat(tap.shown()).isEqualTo(shown.size());
        }
        return shown;
    }

    /** The frames the pipeline of the finished capture selects, decoded in full, as dissect decodes them. */
    private static List<String> viaPipeline(Path file, CompiledFilter filter, int limit) throws IOException {
        List<String> shown = new ArrayList<>();
        try (Capture c = Capture.open(file)) {
            FramePipeline pipeline = FramePipeline.of(c);
            FramePipeline.Reader matcher = filter == null ? null : pipeline.reader(filter);
            FramePipeline.Reader tree = pipeline.fullReader();
            Dissection d = new Dissection();
            for (int i = 0; i < c.frameCount() && shown.size() < limit; i++) {
                if (matcher != null && !matcher.matches(i, filter, d)) {
                    continue;
                }
                tree.decode(i, d);
                shown.add(render(d));
            }
        }
        return shown;
    }

    private static String render(Dissection d) {
        StringBuilder sb = new StringBuilder();
        DissectionText.appendTree(sb, d);
        DissectionText.appendHex(sb, d.data(), d.capturedLength());
        return sb.toString();
    }
}
