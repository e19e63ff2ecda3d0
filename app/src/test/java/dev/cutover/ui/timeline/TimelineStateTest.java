package dev.cutover.ui.timeline;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.ManyMigrations;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.LaneRows;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.TimelinePalette;
import dev.cutover.ui.Tasks;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's view model says why it shows no lane (nothing open, analysing, failed, no migration, no match),
 * narrows the lanes by a search, scrolls the lane of a selected frame into view and knows the theme.
 */
class TimelineStateTest {
    @TempDir
    Path dir;

    private final List<Runnable> held = new ArrayList<>();
    /** Background work waits until the test runs it; the FX-side work runs at once. */
    private final Tasks heldTasks = new Tasks() {
        @Override
        public void background(Runnable work) {
            held.add(work);
        }

        @Override
        public void ui(Runnable work) {
            work.run();
        }

        @Override
        public java.util.concurrent.Executor serial(String name) {
            return Runnable::run;
        }
    };

    private final SimpleObjectProperty<Object> capture = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final SimpleStringProperty failure = new SimpleStringProperty("");

    private static AnalysisResult analyse(Capture c) throws java.io.IOException {
        return MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
    }

    @Test
    void eachStateSaysWhatIsTrue() throws Exception {
        TimelineViewModel vm = new TimelineViewModel(heldTasks, f -> { });
        vm.followAnalysis(capture, running, failure);
        assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.NO_CAPTURE);
        assertThat(vm.messageProperty().get()).startsWith("No capture open");
        assertThat(vm.hasLanesProperty().get()).isFalse();

        try (Capture c = Capture.open(List.of(ManyMigrations.write(dir.resolve("m.pcap"), 30)), LoadMonitor.NONE)) {
            capture.set(c);
            running.set(true);
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.ANALYSING);
            assertThat(vm.messageProperty().get()).isEqualTo("Analysing the capture for migrations…");

            AnalysisResult r = analyse(c);
            vm.setAnalysis(r, c);
            running.set(false);
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.ANALYSING);
            assertThat(vm.messageProperty().get()).isEqualTo("Laying out the lanes of 30 migrations…");
            held.remove(0).run();
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.LANES);
            assertThat(vm.messageProperty().get()).isEmpty();
            assertThat(vm.hasLanesProperty().get()).isTrue();
            assertThat(vm.laneCountProperty().get()).isEqualTo("30 lanes");

            vm.searchProperty().set("de:ad:be:ef");
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.NO_MATCH);
            assertThat(vm.messageProperty().get()).startsWith("No lane matches “de:ad:be:ef” among the 30 lanes")
                    .endsWith("Esc clears the search.");
            assertThat(vm.laneCountProperty().get()).isEqualTo("0 of 30 lanes");
            assertThat(vm.hasLanesProperty().get()).isTrue(); // the search box must stay reachable
            vm.searchProperty().set("");
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.LANES);

            failure.set("The migration analysis of m.pcap failed: the file ends inside frame 7");
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.FAILED);
            assertThat(vm.messageProperty().get())
                    .isEqualTo("The migration analysis of m.pcap failed: the file ends inside frame 7");
            failure.set("");
        }
        capture.set(null);
        vm.setAnalysis(null, null);
        assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.NO_CAPTURE);
    }

    @Test
    void aCaptureWithoutRarpOrGarpSaysSoWithItsNumbers() throws Exception {
        TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, f -> { });
        vm.followAnalysis(capture, running, failure);
        try (Capture c = Capture.open(List.of(ManyMigrations.writeWithoutMigration(dir.resolve("arp.pcap"), 12)),
                LoadMonitor.NONE)) {
            capture.set(c);
            vm.setAnalysis(analyse(c), c);
            assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.NO_MIGRATIONS);
            assertThat(vm.messageProperty().get()).isEqualTo(
                    "No migration in this capture: none of its 12 frames is a RARP notification or a gratuitous ARP.");
            assertThat(vm.laneCountProperty().get()).isEmpty();
        }
    }

    @Test
    void aLayoutThatFailsSaysWhyInsteadOfShowingNothing() throws Exception {
        TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, f -> { });
        AnalysisResult r;
        try (Capture big = Capture.open(List.of(ManyMigrations.write(dir.resolve("big.pcap"), 40)), LoadMonitor.NONE)) {
            r = analyse(big);
        }
        // an analysis that names frames the capture does not have: reading their time stamps fails
        Capture c = Capture.open(List.of(ManyMigrations.write(dir.resolve("small.pcap"), 4)), LoadMonitor.NONE);
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(
                dev.cutover.ui.BackgroundTask.class.getName());
        boolean parent = log.getUseParentHandlers();
        log.setUseParentHandlers(false); // the warning is expected here; keep it out of the build's output
        try {
            vm.setAnalysis(r, c);
        } finally {
            log.setUseParentHandlers(parent);
            c.close();
        }
        assertThat(vm.stateProperty().get()).isEqualTo(TimelineState.FAILED);
        assertThat(vm.messageProperty().get()).startsWith("The timeline could not be laid out: ");
        assertThat(vm.hasLanesProperty().get()).isFalse();
    }

    @Test
    void searchNarrowsAndSelectionScrollsItsLaneIntoView() throws Exception {
        TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, f -> { });
        try (Capture c = Capture.open(List.of(ManyMigrations.write(dir.resolve("m.pcap"), 300)), LoadMonitor.NONE)) {
            vm.setAnalysis(analyse(c), c);
        }
        vm.setViewportHeight(400);
        LaneRows rows = vm.rows();
        assertThat(rows.size()).isEqualTo(300);
        double area = vm.rowsArea();
        assertThat(vm.scrollMaxProperty().get()).isEqualTo(rows.total() - area);

        Lane far = vm.model().lanes().get(250);
        Mark garp = far.marks().get(far.marks().size() - 1);
        vm.showCurrent(garp.frame());
        double top = rows.top(250);
        assertThat(vm.scrollYProperty().get()).isLessThanOrEqualTo(top);
        assertThat(vm.scrollYProperty().get() + area).isGreaterThanOrEqualTo(top + rows.height(250));
        vm.highlight(vm.model().lanes().get(0).marks().stream().mapToInt(Mark::frame).toArray());
        assertThat(vm.scrollYProperty().get()).isZero();
        assertThat(vm.burstProperty().get()).isEqualTo(vm.model().lanes().get(0).brackets().get(0));

        vm.scrollTo(1e9);
        assertThat(vm.scrollYProperty().get()).isEqualTo(vm.scrollMaxProperty().get());
        vm.wheelScroll(1);
        assertThat(vm.scrollYProperty().get()).isEqualTo(vm.scrollMaxProperty().get()
                - TimelineViewModel.WHEEL_SCROLL);

        vm.searchProperty().set("vlan 20");
        assertThat(vm.laneCountProperty().get()).isEqualTo("100 of 300 lanes");
        assertThat(vm.rows().size()).isEqualTo(100);
        assertThat(vm.scrollYProperty().get()).isZero();
        vm.searchProperty().set(ManyMigrations.ip(123));
        assertThat(vm.laneCountProperty().get()).isEqualTo("1 of 300 lanes");
        assertThat(vm.model().lanes().get(vm.rows().lane(0)).mac()).isEqualTo(ManyMigrations.mac(123));
        assertThat(vm.scrollMaxProperty().get()).isZero();
    }

    @Test
    void thePaletteFollowsTheTheme() {
        TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, f -> { });
        assertThat(vm.palette()).isEqualTo(TimelinePalette.LIGHT);
        vm.darkProperty().set(true);
        assertThat(vm.palette()).isEqualTo(TimelinePalette.DARK);
    }
}
