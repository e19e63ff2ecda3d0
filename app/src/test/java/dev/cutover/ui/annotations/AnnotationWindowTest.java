package dev.cutover.ui.annotations;

import dev.cutover.annotations.AnnotationStore;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.details.DetailNode;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Annotating a frame in the window: the side panel, the Comment column, the tree, undo, and a reopen. */
@ExtendWith(ApplicationExtension.class)
class AnnotationWindowTest {
    private MainViewModel vm;
    private Path capture;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cutover-annotation-test");
        capture = Files.copy(UiFixtures.SAMPLE, dir.resolve("vmotion.pcap"));
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(List.of(capture));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    @Test
    void annotateReopenAndFindTheComment(FxRobot robot) throws Exception {
        TableView<Integer> table = robot.lookup("#packetTable").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(UiFixtures.FIRST_RARP));
        // The context menu's popup is not reliably shown on headless Monocle: fire its item as a click would.
        javafx.scene.control.MenuItem annotate = table.getContextMenu().getItems().stream()
                .filter(i -> "annotateContextItem".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(annotate::fire);
        TextArea comment = robot.lookup("#annotationComment").queryAs(TextArea.class);
        assertThat(comment.isFocused()).isTrue();
        robot.write("first RARP after switch-over");
        // Enter in the tags saves; the Save button sits half under the pane below at 800 px high, where a click at
        // its centre lands on the divider once another window test has run in this JVM
        robot.clickOn("#annotationTags").write("cut-over, evidence").type(javafx.scene.input.KeyCode.ENTER);

        String text = "first RARP after switch-over [cut-over, evidence]";
        assertThat(vm.packets().comment(UiFixtures.FIRST_RARP)).isEqualTo(text);
        assertThat(commentInTree(robot)).isEqualTo("Comment: " + text);
        Path sidecar = AnnotationStore.sidecarOf(capture);
        assertThat(Files.readString(sidecar)).contains("first RARP after switch-over");

        robot.interact(() -> vm.annotations().undo());
        assertThat(vm.packets().comment(UiFixtures.FIRST_RARP)).isEmpty();
        robot.interact(() -> vm.annotations().redo());
        assertThat(vm.packets().comment(UiFixtures.FIRST_RARP)).isEqualTo(text);

        robot.interact(() -> vm.open(List.of(capture)));
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(UiFixtures.FIRST_RARP);
        });
        assertThat(vm.packets().comment(UiFixtures.FIRST_RARP)).isEqualTo(text);
        assertThat(robot.lookup("#annotationComment").queryAs(TextArea.class).getText())
                .isEqualTo("first RARP after switch-over");
        assertThat(robot.lookup("#annotationTags").queryAs(TextField.class).getText()).isEqualTo("cut-over, evidence");
        assertThat(commentInTree(robot)).isEqualTo("Comment: " + text);

        robot.clickOn("#filterField").write("frame.comment contains \"evidence\"").type(javafx.scene.input.KeyCode.ENTER);
        assertThat(table.getItems()).containsExactly(UiFixtures.FIRST_RARP);
    }

    private static String commentInTree(FxRobot robot) {
        TreeView<DetailNode> tree = robot.lookup("#detailsTree").queryAs(TreeView.class);
        TreeItem<DetailNode> frame = tree.getRoot().getChildren().get(0);
        return frame.getChildren().stream().map(i -> i.getValue().label()).filter(l -> l.startsWith("Comment"))
                .findFirst().orElse("");
    }
}
