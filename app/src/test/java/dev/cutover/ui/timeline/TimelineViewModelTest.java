package dev.cutover.ui.timeline;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.timeline.BurstBracket;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.TimeScale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's view model on the QEMU sample: lanes, zoom ranges, selection both ways, the filter, exports. */
class TimelineViewModelTest {
    private static final Path QEMU = Path.of("../sample-captures/qemu-announce-self.pcap");

    private final List<int[]> selected = new ArrayList<>();
    private final TimelineViewModel vm = new TimelineViewModel(dev.cutover.ui.Tasks.DIRECT, selected::add);
    private Capture capture;

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(List.of(QEMU), LoadMonitor.NONE);
        AnalysisResult r = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        vm.setAnalysis(r, capture);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    private Lane lane() {
        return vm.model().lanes().get(0);
    }

    private Mark rarp(int i) {
        return lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).toList().get(i);
    }

    @Test
    void opensFittedToEveryMark() {
        assertThat(vm.model().lanes()).hasSize(1);
        assertThat(vm.scale()).isEqualTo(TimeScale.fit(vm.model().startNanos(), vm.model().endNanos()));
        assertThat(lane().marks()).allMatch(m -> vm.scale().contains(m.timeNanos()));
        vm.setAnalysis(null, null);
        assertThat(vm.model().isEmpty()).isTrue();
    }

    @Test
    void zoomsPansAndFitsABurst() {
        TimeScale all = vm.scale();
        long anchor = rarp(0).timeNanos();
        vm.wheel(1, anchor);
        assertThat(vm.scale().spanNanos()).isCloseTo(Math.round(all.spanNanos() * 0.8), org.assertj.core.data.Offset.offset(2L));
        assertThat(vm.scale().x(anchor, 0, 1000)).isCloseTo(all.x(anchor, 0, 1000), org.assertj.core.data.Offset.offset(0.01));
        vm.pan(1_000_000L);
        assertThat(vm.scale().startNanos()).isGreaterThan(all.startNanos());
        vm.zoomTo(rarp(2).timeNanos(), rarp(1).timeNanos());
        assertThat(vm.scale()).isEqualTo(new TimeScale(rarp(1).timeNanos(), rarp(2).timeNanos()));
        assertThat(vm.fitBurst()).isFalse();
        vm.click(rarp(3));
        assertThat(vm.fitBurst()).isTrue();
        BurstBracket b = lane().brackets().get(0);
        assertThat(vm.scale()).isEqualTo(TimeScale.fit(b.startNanos(), b.endNanos()));
        vm.fitAll();
        assertThat(vm.scale()).isEqualTo(all);
    }

    @Test
    void clickingAMarkSelectsItsFrameAndPicksItsBurst() {
        Mark m = rarp(2);
        vm.click(m);
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0)).containsExactly(m.frame());
        assertThat(vm.highlightedFrames()).containsExactly(m.frame());
        assertThat(vm.burstProperty().get()).isEqualTo(lane().brackets().get(0));
        assertThat(vm.describe(m)).contains("Frame " + (m.frame() + 1), "RARP notification",
                "150 ms after the previous RARP");
    }

    @Test
    void clickingABracketSelectsItsRarps() {
        BurstBracket b = lane().brackets().get(0);
        vm.click(b);
        int[] rarps = lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).mapToInt(Mark::frame).toArray();
        assertThat(selected.get(0)).containsExactly(rarps);
        assertThat(vm.highlightedFrames()).hasSize(5);
    }

    @Test
    void framesSelectedElsewhereAreHighlighted() {
        int[] frames = lane().marks().stream().mapToInt(Mark::frame).toArray();
        vm.highlight(frames);
        assertThat(lane().marks()).allMatch(m -> vm.isHighlighted(m.frame()));
        assertThat(vm.burstProperty().get()).isNotNull();
        vm.showCurrent(frames[1]);
        assertThat(vm.highlightedFrames()).hasSize(frames.length);
        vm.showCurrent(0);
        assertThat(vm.highlightedFrames()).containsExactly(0);
        vm.showCurrent(-1);
        assertThat(vm.highlightedFrames()).isEmpty();
    }

    @Test
    void theDisplayFilterHidesMarks() {
        int[] revisions = {0};
        vm.filterRevisionProperty().addListener(o -> revisions[0]++);
        int garp = lane().marks().stream().filter(m -> m.kind() == MarkKind.GARP).findFirst().orElseThrow().frame();
        vm.setShown(f -> f != garp);
        assertThat(revisions[0]).isEqualTo(1);
        assertThat(vm.isShown(garp)).isFalse();
        assertThat(vm.isShown(rarp(0).frame())).isTrue();
    }

    @Test
    void exportsSvgAndPng(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("t.svg");
        vm.exportSvg(svg, 900);
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg", "52:54:00:6b:3a:10");
        Path png = dir.resolve("t.png");
        vm.exportPng(png, new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x80FFFFFF}, 2, 2);
        javax.imageio.ImageIO.setUseCache(false);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(2);
        assertThat(img.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(img.getRGB(1, 1)).isEqualTo(0x80FFFFFF);
    }
}
