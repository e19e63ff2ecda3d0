package dev.cutover.ui.main;

import dev.cutover.timeline.Lane;
import dev.cutover.timeline.Mark;
import dev.cutover.timeline.MarkKind;
import dev.cutover.timeline.TimelineLayout;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationRow;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline pane on the teamed-uplinks sample: clicking marks, and the selection shared with the other panes. */
@ExtendWith(ApplicationExtension.class)
class TimelineWindowTest {
    private static final List<Path> TEAM = List.of(Path.of("../sample-captures/esxi-team-vusb1.pcapng"),
            Path.of("../sample-captures/esxi-team-vusb2.pcapng"));

    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cutover-timeline-test");
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(TEAM);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    private Lane lane() {
        return vm.timeline().model().lanes().get(0);
    }

    private Point2D onScreen(Mark m) {
        TimelineLayout l = view.timeline().chartLayout();
        return view.timeline().canvas().localToScreen(l.x(m.timeNanos()), l.markY(0, m));
    }

    @Test
    void showsTheMigrationOnTheUplinkItTookWithItsBurstAndDelay() {
        assertThat(vm.timeline().model().lanes()).hasSize(1);
        assertThat(lane().interfaces()).containsExactly("vusb2");
        assertThat(lane().brackets()).hasSize(1);
        assertThat(lane().delays()).hasSize(1);
        assertThat(view.timeline().chartLayout().drawnMarks(0, f -> true)).isNotEmpty();
    }

    @Test
    void clickingAMarkSelectsItsFrameInThePacketList(FxRobot robot) {
        Mark garp = lane().marks().stream().filter(m -> m.kind() == MarkKind.GARP).findFirst().orElseThrow();
        robot.clickOn(onScreen(garp));
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        assertThat(packets.getSelectionModel().getSelectedItems()).containsExactly(garp.frame());
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(garp.frame());
        assertThat(vm.timeline().highlightedFrames()).containsExactly(garp.frame());

        // the last RARP stands apart from the first few, which ESXi sends within a millisecond
        List<Mark> rarps = lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).toList();
        Mark rarp = rarps.get(rarps.size() - 1);
        robot.moveTo(onScreen(rarp));
        assertThat(robot.lookup("#timelineHover").queryAs(Label.class).getText())
                .contains("Frame " + (rarp.frame() + 1), "after the previous RARP");
        robot.clickOn(onScreen(rarp));
        assertThat(packets.getSelectionModel().getSelectedItems()).containsExactly(rarp.frame());
        assertThat(vm.timeline().burstProperty().get()).isEqualTo(lane().brackets().get(0));
    }

    @Test
    void selectingAMigrationHighlightsItsMarks(FxRobot robot) {
        TableView<MigrationRow> migrations = robot.lookup("#migrationTable").queryAs(TableView.class);
        MigrationRow row = migrations.getItems().get(0);
        robot.clickOn(robot.from(migrations).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == row).queryAs(TableRow.class));
        assertThat(vm.timeline().highlightedFrames())
                .containsExactlyElementsOf(IntStream.of(row.frames()).boxed().toList());
        assertThat(lane().marks()).allMatch(m -> vm.timeline().isHighlighted(m.frame()));
        assertThat(vm.timeline().burstProperty().get()).isNotNull();
    }

    @Test
    void theDisplayFilterHidesMarks(FxRobot robot) {
        int marks = view.timeline().chartLayout().drawnMarks(0, vm.timeline()::isShown).size();
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.clickOn(field).write("arp.opcode == 3");
        robot.type(KeyCode.ENTER);
        List<Mark> shown = view.timeline().chartLayout().drawnMarks(0, vm.timeline()::isShown);
        assertThat(shown).isNotEmpty().hasSizeLessThan(marks).allMatch(m -> m.kind() == MarkKind.RARP);
    }

    @Test
    void fitBurstAndTheWheelZoom(FxRobot robot) {
        var all = vm.timeline().scale();
        Mark rarp = lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).findFirst().orElseThrow();
        robot.clickOn(onScreen(rarp));
        robot.clickOn("#timelineFitBurst");
        assertThat(vm.timeline().scale().spanNanos()).isLessThanOrEqualTo(all.spanNanos());
        robot.clickOn("#timelineFitAll");
        assertThat(vm.timeline().scale()).isEqualTo(all);
        robot.moveTo(onScreen(rarp)).scroll(2, javafx.geometry.VerticalDirection.UP);
        assertThat(vm.timeline().scale().spanNanos()).isNotEqualTo(all.spanNanos());
    }

    @Test
    void dragPansAndShiftDragZoomsToTheBox(FxRobot robot) {
        var all = vm.timeline().scale();
        TimelineLayout l = view.timeline().chartLayout();
        double y = l.laneTop(0) + 4; // the top of the lane, clear of marks, inside the visible part of the pane
        Point2D from = view.timeline().canvas().localToScreen(l.plotX0() + 300, y);
        Point2D to = view.timeline().canvas().localToScreen(l.plotX0() + 200, y);
        robot.drag(from, javafx.scene.input.MouseButton.PRIMARY).dropTo(to);
        assertThat(vm.timeline().scale().spanNanos()).isEqualTo(all.spanNanos());
        assertThat(vm.timeline().scale().startNanos()).isGreaterThan(all.startNanos());

        robot.clickOn("#timelineFitAll");
        long t1 = l.time(l.plotX0() + 100);
        long t2 = l.time(l.plotX0() + 400);
        robot.press(KeyCode.SHIFT);
        robot.drag(view.timeline().canvas().localToScreen(l.plotX0() + 100, y),
                javafx.scene.input.MouseButton.PRIMARY).dropTo(view.timeline().canvas().localToScreen(l.plotX0() + 400, y));
        robot.release(KeyCode.SHIFT);
        assertThat(vm.timeline().scale().spanNanos()).isLessThan(all.spanNanos() / 2);
        assertThat(Math.abs(vm.timeline().scale().startNanos() - t1)).isLessThan(all.spanNanos() / 50);
        assertThat(Math.abs(vm.timeline().scale().endNanos() - t2)).isLessThan(all.spanNanos() / 50);
    }

    @Test
    void exportsTheVisibleChartAsPng(FxRobot robot) throws Exception {
        Path png = Files.createTempDirectory("cutover-png").resolve("timeline.png");
        robot.interact(() -> {
            try {
                view.timeline().exportPng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        javax.imageio.ImageIO.setUseCache(false);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo((int) view.timeline().canvas().getWidth());
        assertThat(img.getHeight()).isEqualTo((int) view.timeline().canvas().getHeight());
        // the first RARP's blue triangle is in the picture where the canvas drew it
        Mark rarp = lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).findFirst().orElseThrow();
        TimelineLayout l = view.timeline().chartLayout();
        int rgb = img.getRGB((int) Math.round(l.x(rarp.timeNanos())), (int) Math.round(l.markY(0, rarp)));
        assertThat(rgb & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void rowsSelectedInThePacketListAreHighlighted(FxRobot robot) {
        List<Mark> rarps = lane().marks().stream().filter(m -> m.kind() == MarkKind.RARP).toList();
        TableView<Integer> packets = robot.lookup("#packetTable").queryAs(TableView.class);
        robot.interact(() -> {
            packets.getSelectionModel().clearSelection();
            packets.getSelectionModel().selectIndices(rarps.get(0).frame(), rarps.get(1).frame(), rarps.get(2).frame());
        });
        assertThat(vm.timeline().highlightedFrames()).containsExactly(rarps.get(0).frame(), rarps.get(1).frame(),
                rarps.get(2).frame());
        robot.interact(() -> packets.getSelectionModel().clearAndSelect(rarps.get(3).frame()));
        assertThat(vm.timeline().highlightedFrames()).containsExactly(rarps.get(3).frame());
    }
}
