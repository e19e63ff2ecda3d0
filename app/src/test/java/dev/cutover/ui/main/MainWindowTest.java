package dev.cutover.ui.main;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.Toolkit;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.details.DetailNode;
import dev.cutover.ui.hex.HexView;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationRow;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The main window on the ESXi sample, driven through its controls (headless, on Monocle). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainViewModel vm;
    private MainView view;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cutover-ui-test");
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(List.of(UiFixtures.SAMPLE));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    @Test
    void showsTheSampleWithItsTitleAndStatus(FxRobot robot) {
        assertThat(table(robot).getItems()).hasSize(UiFixtures.SAMPLE_FRAMES);
        assertThat(((Stage) view.getScene().getWindow()).getTitle()).isEqualTo("Cutover — esxi-vmotion-vlan10.pcap");
        assertThat(robot.lookup("#statusFrames").queryAs(Label.class).getText()).isEqualTo("Frames: 77 shown of 77");
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText()).isEqualTo("Findings: none");
        assertThat(robot.lookup("#damageBanner").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void clickingARowShowsItsTreeAndAFieldHighlightsItsBytes(FxRobot robot) {
        robot.interact(() -> table(robot).scrollTo(UiFixtures.FIRST_RARP - 2));
        robot.clickOn(row(robot, UiFixtures.FIRST_RARP));
        TreeView<DetailNode> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().abbrev())
                .contains("frame", "eth", "vlan", "arp");
        robot.doubleClickOn(treeCell(robot, "Address Resolution Protocol"));
        robot.clickOn(treeCell(robot, "Opcode: reverse request (3)"));
        HexView hex = robot.lookup("#hexView").queryAs(HexView.class);
        assertThat(hex.highlightedBytes()).containsExactly(24, 25);
        assertThat(robot.lookup("#hex-byte-24").queryAs(Label.class).getStyleClass()).contains("hex-field");
        assertThat(robot.lookup("#hex-byte-24").queryAs(Label.class).getText()).isEqualTo("00");
        assertThat(robot.lookup("#hex-byte-25").queryAs(Label.class).getText()).isEqualTo("03");
    }

    @Test
    void clickingAByteSelectsTheDeepestFieldInTheTree(FxRobot robot) {
        robot.interact(() -> table(robot).scrollTo(UiFixtures.FIRST_RARP - 2));
        robot.clickOn(row(robot, UiFixtures.FIRST_RARP));
        robot.clickOn("#hex-byte-25");
        TreeView<DetailNode> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().label())
                .isEqualTo("Opcode: reverse request (3)");
        assertThat(robot.lookup("#hexView").queryAs(HexView.class).highlightedBytes()).containsExactly(24, 25);
        robot.clickOn("#hex-ascii-7");
        assertThat(tree.getSelectionModel().getSelectedItem().getValue().abbrev()).startsWith("eth.src");
    }

    @Test
    void aBadFilterIsRedWithTheReasonAndAGoodOneIsGreenAndFiltersTheList(FxRobot robot) {
        TextField field = robot.lookup("#filterField").queryAs(TextField.class);
        robot.clickOn(field).write("arp.opcod == 3");
        assertThat(field.getStyleClass()).contains("filter-invalid").doesNotContain("filter-valid");
        assertThat(robot.lookup("#filterMessage").queryAs(Label.class).getText())
                .contains("Did you mean arp.opcode?");
        robot.type(KeyCode.ENTER);
        assertThat(table(robot).getItems()).hasSize(UiFixtures.SAMPLE_FRAMES);

        robot.eraseText(field.getText().length()).write("arp.opcode == 3");
        assertThat(field.getText()).isEqualTo("arp.opcode == 3");
        assertThat(field.getStyleClass()).contains("filter-valid").doesNotContain("filter-invalid");
        assertThat(robot.lookup("#filterMessage").queryAs(Label.class).isVisible()).isFalse();
        robot.type(KeyCode.ENTER);
        List<Integer> shown = List.copyOf(table(robot).getItems());
        assertThat(shown).isNotEmpty().hasSizeLessThan(UiFixtures.SAMPLE_FRAMES);
        assertThat(shown.get(0)).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(shown).allMatch(f -> vm.packets().row(f).protocol().equals("RARP"));
        assertThat(robot.lookup("#statusFrames").queryAs(Label.class).getText())
                .isEqualTo("Frames: " + shown.size() + " shown of 77");
    }

    @Test
    void selectingAMigrationSelectsItsFramesAndJumpsToTheFirst(FxRobot robot) {
        TableView<MigrationRow> migrations = robot.lookup("#migrationTable").queryAs(TableView.class);
        assertThat(migrations.getItems()).hasSize(1);
        MigrationRow vmRow = migrations.getItems().get(0);
        robot.clickOn(robot.from(migrations).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() == vmRow).queryAs(TableRow.class));
        TableView<Integer> packets = table(robot);
        assertThat(packets.getSelectionModel().getSelectedItems())
                .containsExactlyInAnyOrderElementsOf(IntStream.of(vmRow.frames()).boxed().toList());
        assertThat(packets.getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(packets.getFocusModel().getFocusedIndex()).isEqualTo(UiFixtures.FIRST_RARP);
        // the details show the first frame of the migration
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(UiFixtures.FIRST_RARP);
    }

    @Test
    void selectingAFindingSelectsItsFrames(FxRobot robot) {
        robot.interact(() -> vm.open(List.of(UiFixtures.SILENT_VM)));
        robot.clickOn("#findingsTab");
        javafx.scene.control.TreeTableView<Object> findings = robot.lookup("#findingsTree")
                .queryAs(javafx.scene.control.TreeTableView.class);
        // the finding's row: the first item of the first group (the clicks themselves: FindingsWindowTest)
        robot.interact(() -> findings.getSelectionModel().select(findings.getRoot().getChildren().get(0)
                .getChildren().get(0)));
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(UiFixtures.SILENT_VM_FIRST_RARP);
    }

    @Test
    void droppingAFileOpensIt(FxRobot robot) throws Exception {
        Path dropped = dir.resolve("vmnic3.pcap");
        Files.copy(UiFixtures.SAMPLE, dropped);
        drop(robot, dropped);
        assertThat(vm.capture().filesProperty().get()).containsExactly(dropped);
        assertThat(((Stage) view.getScene().getWindow()).getTitle()).isEqualTo("Cutover — vmnic3.pcap");
        assertThat(table(robot).getItems()).hasSize(UiFixtures.SAMPLE_FRAMES);
    }

    @Test
    void droppingAFileThatIsNoCaptureSaysSo(FxRobot robot) throws Exception {
        drop(robot, UiFixtures.notACapture(dir));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#failureDialog").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).startsWith("Cannot open this as a capture.").contains("notes.txt");
        robot.clickOn(robot.from(dialog).lookup(".button").queryAs(Node.class));
        assertThat(vm.capture().failureProperty().get()).isNull();
        // what was open stays open
        assertThat(table(robot).getItems()).hasSize(UiFixtures.SAMPLE_FRAMES);
    }

    @Test
    void aDamagedFileShowsTheBanner(FxRobot robot) throws Exception {
        Path cut = UiFixtures.damagedSample(dir);
        robot.interact(() -> vm.open(List.of(cut)));
        Label banner = robot.lookup("#damageBanner").queryAs(Label.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).contains("cut.pcap: frame 77 at byte");
        assertThat(table(robot).getItems()).hasSize(UiFixtures.SAMPLE_FRAMES - 1);
    }

    @Test
    void controlGGoesToAFrame(FxRobot robot) {
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.CONTROL).press(KeyCode.G).release(KeyCode.G).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#goToDialog").queryAs(DialogPane.class);
        robot.clickOn(robot.from(dialog).lookup(".text-field").queryAs(TextField.class)).write("60")
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(59);
    }

    @Test
    void keyboardMovesThroughTheList(FxRobot robot) {
        robot.clickOn(row(robot, 0));
        robot.type(KeyCode.DOWN, 3);
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(3);
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(3);
    }

    @Test
    void theThemeButtonSwitchesToDark(FxRobot robot) {
        robot.clickOn("#themeButton");
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        robot.clickOn("#themeButton");
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void columnOrderAndHiddenColumnsAreSavedAndRestored(FxRobot robot) {
        robot.interact(() -> view.packetList().restoreColumns(List.of("info", "no"), List.of("vlan", "interface")));
        Preferences layout = view.currentLayout();
        assertThat(layout.columnOrder()).startsWith("info", "no", "time");
        assertThat(layout.hiddenColumns()).containsExactlyInAnyOrder("vlan", "interface");
        // ten columns, two hidden, and Comment, which shows only once a frame has a comment
        assertThat(table(robot).getVisibleLeafColumns()).hasSize(7);
        assertThat(layout.dividers()).hasSize(4);
    }

    private void drop(FxRobot robot, Path file) {
        robot.interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            board.setContent(content);
            view.fireEvent(new DragEvent(DragEvent.DRAG_DROPPED, board, 10, 10, 10, 10, TransferMode.COPY,
                    null, null, null));
        });
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> table(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    private static TableRow<?> row(FxRobot robot, int frame) {
        return robot.lookup("#packetTable .table-row-cell")
                .match((TableRow<?> r) -> Integer.valueOf(frame).equals(r.getItem())).queryAs(TableRow.class);
    }

    /** The tree's cell of the first line starting with the text, scrolled into view as a user would. */
    private static TreeCell<?> treeCell(FxRobot robot, String labelStart) {
        TreeView<DetailNode> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
        robot.interact(() -> {
            javafx.scene.control.TreeItem<DetailNode> item = find(tree.getRoot(), labelStart);
            int row = item == null ? -1 : tree.getRow(item);
            if (row >= 0) {
                tree.scrollTo(row);
            }
        });
        return robot.lookup("#detailsTree .tree-cell")
                .match((TreeCell<?> c) -> c.getText() != null && c.getText().startsWith(labelStart))
                .queryAs(TreeCell.class);
    }

    private static javafx.scene.control.TreeItem<DetailNode> find(javafx.scene.control.TreeItem<DetailNode> item,
                                                                 String labelStart) {
        if (item.getValue() != null && item.getValue().label().startsWith(labelStart)) {
            return item;
        }
        if (item.getValue() != null && !item.isExpanded()) {
            return null;
        }
        for (javafx.scene.control.TreeItem<DetailNode> c : item.getChildren()) {
            javafx.scene.control.TreeItem<DetailNode> f = find(c, labelStart);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
