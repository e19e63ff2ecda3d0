package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Addresses;
import dev.cutover.testsupport.ManyMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 25,000 VMs moving one after the other: a lane each, every frame and burst found on its lane by index, the rows'
 * geometry from running sums, and a viewport that reaches the last lane.
 */
class ManyLanesTest {
    static final int VMS = 25_000;
    @TempDir
    static Path dir;
    static TimelineModel model;

    @BeforeAll
    static void build() throws Exception {
        Path file = ManyMigrations.write(dir.resolve("many.pcap"), VMS);
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(r.migrations()).hasSize(VMS);
            model = TimelineModel.of(r, TimelineFrames.of(c), c.index().timestampNanos(0));
        }
    }

    @AfterAll
    static void free() {
        model = null;
    }

    @Test
    void aLanePerVmInTheOrderTheyMoved() {
        assertThat(model.lanes()).hasSize(VMS);
        for (int i = 0; i < VMS; i += 997) {
            Lane lane = model.lanes().get(i);
            assertThat(lane.mac()).isEqualTo(ManyMigrations.mac(i));
            assertThat(lane.ips()).containsExactly(ManyMigrations.ip(i));
            assertThat(lane.vlans()).containsExactly(ManyMigrations.vlan(i));
            assertThat(lane.brackets()).hasSize(i % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void everyFrameAndBurstIsFoundOnItsLane() {
        for (int i = 0; i < VMS; i++) {
            Lane lane = model.lanes().get(i);
            for (Mark m : lane.marks()) {
                assertThat(model.laneOf(m.frame())).isEqualTo(i);
                assertThat(model.lanesOf(m.frame())).containsExactly(i);
            }
            for (BurstBracket b : lane.brackets()) {
                assertThat(model.laneOfBurst(b.burstId())).isEqualTo(i);
                assertThat(model.bracket(b.burstId())).isEqualTo(b);
            }
        }
        assertThat(model.laneOf(Integer.MAX_VALUE)).isEqualTo(-1);
        assertThat(model.lanesOf(-5)).isEmpty();
        assertThat(model.laneOfBurst(-1)).isEqualTo(-1);
    }

    @Test
    void rowsStackByRunningSums() {
        LaneRows rows = LaneRows.all(model);
        double lane = TimelineLayout.LANE_HEADER + TimelineLayout.SUB_LANE + TimelineLayout.LANE_FOOTER;
        assertThat(rows.size()).isEqualTo(VMS);
        assertThat(rows.total()).isEqualTo(VMS * lane);
        assertThat(rows.top(VMS - 1)).isEqualTo((VMS - 1) * lane);
        assertThat(rows.rowAt(0)).isZero();
        assertThat(rows.rowAt(lane - 0.01)).isZero();
        assertThat(rows.rowAt(lane)).isEqualTo(1);
        assertThat(rows.rowAt(rows.total() - 1)).isEqualTo(VMS - 1);
        assertThat(rows.rowAt(rows.total())).isEqualTo(-1);
        assertThat(rows.rowAt(-1)).isEqualTo(-1);

        LaneRows some = LaneRows.of(model, new int[] {7, 24_999});
        assertThat(some.rowOf(24_999)).isEqualTo(1);
        assertThat(some.rowOf(8)).isEqualTo(-1);
        assertThat(some.total()).isEqualTo(2 * lane);
    }

    @Test
    void aViewportDrawsOnlyTheRowsInViewAndReachesTheLast() {
        LaneRows rows = LaneRows.all(model);
        TimeScale scale = TimeScale.fit(model.startNanos(), model.endNanos());
        double height = 500;
        TimelineLayout top = new TimelineLayout(rows, scale, 1200, 0, 0, height);
        assertThat(top.height()).isEqualTo(height);
        assertThat(top.showsRate()).isTrue();
        assertThat(top.ratePinned()).isTrue();
        assertThat(top.rateTop() + TimelineLayout.RATE_HEIGHT + 4).isEqualTo(height);
        assertThat(top.firstRow()).isZero();
        double area = TimelineLayout.rowsArea(rows, height);
        assertThat(area).isEqualTo(height - TimelineLayout.lanesTop() - TimelineLayout.RATE_BLOCK);
        assertThat(top.lastRow()).isEqualTo((int) Math.ceil(area / rows.height(0)) - 1);
        assertThat(top.laneAt(top.laneTop(3) + 1)).isEqualTo(3);
        assertThat(top.laneAt(top.rateTop() + 10)).isEqualTo(-1);

        // scrolled past the end: clamped so that the last lane sits at the bottom of the rows' area
        TimelineLayout end = new TimelineLayout(rows, scale, 1200, 0, Double.MAX_VALUE, height);
        assertThat(end.scrollY()).isEqualTo(rows.total() - area);
        assertThat(end.lastRow()).isEqualTo(VMS - 1);
        int last = VMS - 1;
        assertThat(end.laneTop(last) + end.laneHeight(last)).isEqualTo(end.lanesBottom());
        assertThat(end.laneAt(end.laneTop(last) + 14)).isEqualTo(last);
        Mark mark = end.lane(last).marks().get(0);
        assertThat(end.hit(end.x(mark.timeNanos()), end.markY(last, mark), f -> true)).isEqualTo(mark);
        assertThat(end.lastRow() - end.firstRow()).isLessThan(20);
    }

    @Test
    void aShortViewportScrollsTheRateChartAfterTheLastRow() {
        LaneRows rows = LaneRows.of(model, new int[] {0, 1, 2});
        TimeScale scale = TimeScale.fit(model.startNanos(), model.endNanos());
        double height = 120; // too short to pin the chart under a lane
        TimelineLayout top = new TimelineLayout(rows, scale, 1200, 0, 0, height);
        assertThat(top.ratePinned()).isFalse();
        assertThat(top.showsRate()).isFalse(); // below the picture, after three lanes
        double max = TimelineLayout.scrollMax(rows, height);
        assertThat(max).isEqualTo(rows.total() + TimelineLayout.RATE_BLOCK - (height - TimelineLayout.lanesTop()));
        TimelineLayout end = new TimelineLayout(rows, scale, 1200, 0, max, height);
        assertThat(end.showsRate()).isTrue();
        assertThat(end.rateTop() + TimelineLayout.RATE_HEIGHT + 4).isEqualTo(height);
        assertThat(end.lastRow()).isEqualTo(-1); // every lane scrolled above the chart
        assertThat(end.laneAt(end.rateTop() + 10)).isEqualTo(-1);
    }

    @Test
    void searchNarrowsByMacIpAndVlan() {
        assertThat(LaneSearch.parse(ManyMigrations.mac(12_345)).filter(model)).containsExactly(12_345);
        assertThat(LaneSearch.parse(ManyMigrations.mac(12_345).replace(':', '-').toUpperCase(Locale.ROOT))
                .filter(model)).containsExactly(12_345);
        assertThat(LaneSearch.parse(ManyMigrations.ip(12_345)).filter(model)).containsExactly(12_345);
        assertThat(LaneSearch.parse("vlan 20").filter(model)).hasSize(VMS / 3);
        assertThat(LaneSearch.parse("vlan 20 " + ManyMigrations.mac(12_345)).filter(model)).isEmpty();
        assertThat(LaneSearch.parse("10 " + ManyMigrations.mac(12_345)).filter(model)).containsExactly(12_345);
    }

    /** The findings each lane carries are those the rule names: same MAC, an IP it announced, a frame of its moves. */
    @Test
    void findingsSitOnTheLanesTheRuleNamesOnEverySample() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("../sample-captures"))) {
            samples = files.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        int checked = 0;
        for (Path p : samples) {
            try (Capture c = Capture.open(List.of(p), LoadMonitor.NONE)) {
                AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
                TimelineModel m = TimelineModel.of(r, TimelineFrames.of(c), c.index().timestampNanos(0));
                for (Lane lane : m.lanes()) {
                    List<String> expected = new ArrayList<>();
                    for (Finding f : r.findings()) {
                        if (!f.frames().isEmpty() && naiveRule(f, lane, r)) {
                            expected.add(f.code().id() + "@" + f.firstFrame());
                        }
                    }
                    assertThat(lane.findings()).as(p + " " + lane.mac())
                            .extracting(x -> x.code() + "@" + x.frame()).containsExactlyElementsOf(expected);
                    checked += expected.size();
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static boolean naiveRule(Finding f, Lane lane, AnalysisResult r) {
        if (f.mac() >= 0 && Addresses.mac(f.mac()).equals(lane.mac())) {
            return true;
        }
        if (f.ip() >= 0 && lane.ips().contains(Addresses.ipv4(f.ip()))) {
            return true;
        }
        for (int frame : f.frames()) {
            if (lane.migrationIds().contains(r.migrationOf(frame))) {
                return true;
            }
        }
        return false;
    }
}
