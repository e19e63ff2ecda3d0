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
    void theCanvasDrawsTheStripTheSpanTheMarksAndTheSummaryInTheirColours(FxRobot robot) {
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = view.canvas().snapshot(null, null));
        javafx.scene.image.PixelReader px = shot[0].getPixelReader();
        dev.cutover.timeline.TimelinePalette p = vm.palette();
        TimelineLayout l = view.chartLayout();
        DarkSpan d = lane().outcome().darkSpans().get(0);
        double y = l.darkY(0);
        assertThat(near(px, (l.x(d.fromNanos()) + l.x(d.toNanos())) / 2, y, p.gap())).isTrue();
        Mark stale = lane().marks().stream().filter(m -> m.kind() == MarkKind.STALE).findFirst().orElseThrow();
        assertThat(near(px, l.x(stale.timeNanos()) - 4, l.markY(0, stale), p.stale())).isTrue();
        // a hollow square: its middle is the row's own fill
        assertThat(near(px, l.x(stale.timeNanos()), l.markY(0, stale), p.stale())).isFalse();
        Mark lost = lane().marks().stream().filter(m -> m.kind() == MarkKind.LOST_PING).findFirst().orElseThrow();
        assertThat(near(px, l.x(lost.timeNanos()), l.markY(0, lost), p.lost())).isTrue();
        // the strip rises under the sub-lanes where the VM sent its frames, and not in the dark gap
        int[] cols = l.traffic(0);
        int busy = 0;
        while (cols[busy] == 0) {
            busy++;
        }
        assertThat(near(px, l.plotX0() + busy + 0.5, l.trafficBottom(0) - 1, p.traffic())).isTrue();
        int gapCol = (int) ((l.x(d.fromNanos()) + l.x(d.toNanos())) / 2 - l.plotX0());
        assertThat(cols[gapCol]).isZero();
        assertThat(near(px, l.plotX0() + gapCol + 0.5, l.trafficBottom(0) - 1, p.traffic())).isFalse();
        // the summary is written in the verdict's colour in the names column
        boolean red = false;
        for (int x = 8; x < 120 && !red; x += 2) {
            red = near(px, x, y, p.bad());
        }
        assertThat(red).isTrue();
    }

    /**
     * Whether a pixel within 2 of (x, y) is that colour, or mostly that colour over the row's fill (lines and text are
     * smoothed into their ground): the pixel lies near the segment from the fill to the colour, past its middle.
     */
    private boolean near(javafx.scene.image.PixelReader px, double x, double y, String hex) {
        javafx.scene.paint.Color want = javafx.scene.paint.Color.web(hex);
        javafx.scene.paint.Color ground = javafx.scene.paint.Color.web(vm.palette().lane(0));
        double[] w = {want.getRed() - ground.getRed(), want.getGreen() - ground.getGreen(),
            want.getBlue() - ground.getBlue()};
        double len2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                javafx.scene.paint.Color c = px.getColor((int) Math.round(x) + dx, (int) Math.round(y) + dy);
                double[] v = {c.getRed() - ground.getRed(), c.getGreen() - ground.getGreen(),
                    c.getBlue() - ground.getBlue()};
                double a = (v[0] * w[0] + v[1] * w[1] + v[2] * w[2]) / len2;
                double off = 0;
                for (int k = 0; k < 3; k++) {
                    off += Math.abs(v[k] - a * w[k]);
                }
                if (a > 0.5 && off < 0.1) {
                    return true;
                }
            }
        }
        return false;
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
