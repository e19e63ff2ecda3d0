package dev.cutover.ui.find;

import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edit > Find Packet in the main window on the ESXi sample, through its keys and controls (headless). */
@ExtendWith(ApplicationExtension.class)
class FindBarWindowTest {
    /** 0-based: frame 44, the guest's gratuitous ARP. */
    private static final int GARP = 43;

    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(),
                new PreferencesStore(Files.createTempDirectory("cutover-find-test")));
        MainView view = new MainView(vm, stage);
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

    @SuppressWarnings("unchecked")
    private static TableView<Integer> packets(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    private static Integer current(FxRobot robot) {
        return packets(robot).getSelectionModel().getSelectedItem();
    }

    private static TextField field(FxRobot robot) {
        return robot.lookup("#findField").queryAs(TextField.class);
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#findResult").queryAs(Label.class).getText();
    }

    private static void key(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl+F, picks the mode (and where, for a string), types the text and presses Enter. */
    private void find(FxRobot robot, PacketSearch.Mode mode, PacketSearch.Scope scope, String text) {
        key(robot, KeyCode.CONTROL, KeyCode.F);
        robot.interact(() -> {
            robot.lookup("#findMode").<PacketSearch.Mode>queryComboBox().getSelectionModel().select(mode);
            if (scope != null) {
                robot.lookup("#findScope").<PacketSearch.Scope>queryComboBox().getSelectionModel().select(scope);
            }
        });
        // Ctrl+F selects what the field holds: typing replaces it
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void controlFOpensTheBarUnderTheFilterBarAndEscClosesIt(FxRobot robot) {
        Node bar = robot.lookup("#findBar").query();
        assertThat(bar.isVisible()).isFalse();
        key(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(bar.isVisible()).isTrue();
        assertThat(field(robot).isFocused()).isTrue();
        Node filter = robot.lookup("#filterField").query();
        assertThat(bar.localToScene(0, 0).getY()).isGreaterThan(filter.localToScene(0, 0).getY());
        robot.type(KeyCode.ESCAPE);
        assertThat(bar.isVisible()).isFalse();
    }

    @Test
    void aDisplayFilterFindsTheNextMatchAndCtrlNAndCtrlBStepAndWrap(FxRobot robot) {
        robot.clickOn(robot.lookup("#packetTable .table-row-cell").nth(0).queryAs(Node.class));
        find(robot, PacketSearch.Mode.DISPLAY_FILTER, null, "arp.opcode == 3");
        assertThat(field(robot).getStyleClass()).contains("filter-valid");
        assertThat(current(robot)).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(result(robot)).isEqualTo("Found frame 41");
        assertThat(vm.selection().frameProperty().get().frame()).isEqualTo(UiFixtures.FIRST_RARP);
        // the bar keeps the focus: Enter again finds the next
        assertThat(field(robot).isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(current(robot)).isEqualTo(UiFixtures.FIRST_RARP + 1);
        robot.interact(() -> packets(robot).getSelectionModel().clearAndSelect(UiFixtures.FIRST_RARP));
        key(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(current(robot)).isEqualTo(UiFixtures.FIRST_RARP + 1);
        key(robot, KeyCode.CONTROL, KeyCode.B);
        key(robot, KeyCode.CONTROL, KeyCode.B);
        assertThat(current(robot)).isEqualTo(46); // wrapped round to the last RARP, frame 47
        assertThat(result(robot)).isEqualTo("Found frame 47, after wrapping around to the last frame");
    }

    @Test
    void hexBytesAndStringsInTheListTheDetailsAndTheBytesAreFound(FxRobot robot) {
        find(robot, PacketSearch.Mode.HEX, null, "00:50:56:9d:b0:51");
        assertThat(current(robot)).isEqualTo(UiFixtures.FIRST_RARP);

        robot.interact(() -> packets(robot).getSelectionModel().clearAndSelect(0));
        find(robot, PacketSearch.Mode.STRING, PacketSearch.Scope.LIST, "Announcement");
        assertThat(current(robot)).isEqualTo(GARP);

        robot.interact(() -> packets(robot).getSelectionModel().clearAndSelect(0));
        find(robot, PacketSearch.Mode.STRING, PacketSearch.Scope.DETAILS, "Opcode: reverse request");
        assertThat(current(robot)).isEqualTo(UiFixtures.FIRST_RARP);

        robot.interact(() -> packets(robot).getSelectionModel().clearAndSelect(2));
        find(robot, PacketSearch.Mode.STRING, PacketSearch.Scope.BYTES, "kxer");
        assertThat(current(robot)).isEqualTo(4); // frame 5's payload, after frame 3's and 4's, which lack it
        robot.clickOn("#findCaseSensitive");
        assertThat(robot.lookup("#findCaseSensitive").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.clickOn("#findButton");
        assertThat(result(robot)).isEqualTo("No packet matched");
        assertThat(current(robot)).isEqualTo(4);
    }

    @Test
    void aBadFilterOrHexValueIsRedWithTheReason(FxRobot robot) {
        find(robot, PacketSearch.Mode.DISPLAY_FILTER, null, "arp.opcod == 3");
        assertThat(field(robot).getStyleClass()).contains("filter-invalid");
        assertThat(robot.lookup("#findMessage").queryAs(Label.class).getText())
                .contains("Did you mean arp.opcode?").endsWith("(at character 1)");
        assertThat(robot.lookup("#findButton").queryButton().isDisabled()).isTrue();

        find(robot, PacketSearch.Mode.HEX, null, "00 5g");
        assertThat(field(robot).getStyleClass()).contains("filter-invalid");
        assertThat(robot.lookup("#findMessage").queryAs(Label.class).getText())
                .startsWith("\"g\" is not a hex digit").endsWith("(at character 5)");
        ComboBox<?> scope = robot.lookup("#findScope").queryComboBox();
        assertThat(scope.isDisabled()).isTrue();
    }

    @Test
    void aStringNoFrameHoldsSaysNoPacketMatched(FxRobot robot) {
        robot.interact(() -> packets(robot).getSelectionModel().clearAndSelect(10));
        find(robot, PacketSearch.Mode.STRING, PacketSearch.Scope.DETAILS, "no such words in any frame");
        assertThat(result(robot)).isEqualTo("No packet matched");
        assertThat(current(robot)).isEqualTo(10);
    }
}
