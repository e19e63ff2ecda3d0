package dev.cutover.ui.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.timeline.DarkSpan;
import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.OutcomeFixtures;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.ui.Tasks;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline pane with a migration's outcome, over the teamed-uplinks sample: clicking a stale frame's mark selects
 * that frame, clicking the dark span selects the VM's last frame before the move (its right end the first after),
 * and hovering names what is under the pointer.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineOutcomeViewTest {
    private final List<int[]> selected = new ArrayList<>();
    private Capture capture;
    private TimelineViewModel vm;
    private TimelineView view;

    @Start
    void start(Stage stage) throws Exception {
        capture = OutcomeFixtures.open();
        OutcomeFixtures.Team team = OutcomeFixtures.team(capture);
        AnalysisResult r = team.result();
        vm = new TimelineViewModel(Tasks.DIRECT, selected::add);
        vm.setAnalysis(r, capture, id -> id == team.migrationId() ? OutcomeFixtures.stale(id, team.facts()) : null);
        view = new TimelineView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        capture.close();
    }

    private Lane lane() {
        return vm.model().lanes().get(0);
    }

    private Point2D onScreen(double x, double y) {
        return view.canvas().localToScreen(x, y);
    }

    @Test
    void clickingAStaleMarkSelectsItsFrame(FxRobot robot) {
        Mark stale = lane().marks().stream().filter(m -> m.kind() == MarkKind.STALE).findFirst().orElseThrow();
        assertThat(stale.frame()).isEqualTo(84);
        TimelineLayout l = view.chartLayout();
        assertThat(lane().interfaces().get(stale.subLane())).isEqualTo("vusb1");
        Point2D at = onScreen(l.x(stale.timeNanos()), l.markY(0, stale));
        robot.moveTo(at);
        assertThat(robot.lookup("#timelineHover").queryAs(Label.class).getText())
                .startsWith("Frame 85 · stale (old path) on vusb1");
        robot.clickOn(at);
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0)).containsExactly(84);
        assertThat(vm.highlightedFrames()).containsExactly(84);

        Mark lost = lane().marks().stream().filter(m -> m.kind() == MarkKind.LOST_PING).findFirst().orElseThrow();
        assertThat(vm.describe(lost)).startsWith("Frame 100 · lost ping on vusb1 · ")
                .contains(" · by the old path · 548 ms after the VM's last frame before the move · stale 544 ms");
        robot.clickOn(onScreen(l.x(lost.timeNanos()), l.markY(0, lost)));
        assertThat(selected.get(selected.size() - 1)).containsExactly(99);
    }

    @Test
    void clickingTheDarkSpanSelectsTheLastFrameBeforeTheMoveAndItsEndTheFirstAfter(FxRobot robot) {
        DarkSpan d = lane().outcome().darkSpans().get(0);
        TimelineLayout l = view.chartLayout();
        double y = l.darkY(0);
        double x1 = l.x(d.fromNanos());
        double x2 = l.x(d.toNanos());
        assertThat(x2 - x1).isGreaterThan(3 * TimelineLayout.HIT_RADIUS);
        Point2D middle = onScreen((x1 + x2) / 2 - TimelineLayout.HIT_RADIUS, y);
        robot.moveTo(middle);
        assertThat(robot.lookup("#timelineHover").queryAs(Label.class).getText())
                .startsWith("dark 185 ms: frame 81 was the VM's last before the move, frame 89 its first after");
        robot.clickOn(middle);
        assertThat(selected.get(selected.size() - 1)).containsExactly(80);
        assertThat(vm.highlightedFrames()).containsExactly(80, 88);

        robot.clickOn(onScreen(x2, y));
        assertThat(selected.get(selected.size() - 1)).containsExactly(88);

        // the summary in the names column, coloured by verdict on the canvas, reads whole in the hover line
        robot.moveTo(onScreen(20, y));
        assertThat(robot.lookup("#timelineHover").queryAs(Label.class).getText())
                .isEqualTo("Outcome (bad): stale 544 ms on vusb1 · ping lost 2/12");
    }
}
