package dev.cutover.ui.main;

import dev.cutover.testsupport.TwoClocks;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Edit > Time Shift on two captures whose clocks are 2.913 s apart. */
@ExtendWith(ApplicationExtension.class)
class TimeShiftWindowTest {
    private MainViewModel vm;
    private Path vmnic5;
    private Path vusb2;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cutover-timeshift-test");
        vmnic5 = TwoClocks.vmnic5(dir);
        vusb2 = TwoClocks.vusb2(dir);
        vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir.resolve("prefs")));
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1100);
        stage.setHeight(700);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    private MenuItem menuItem(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "timeShiftMenuItem".equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void suggestFillsTheShiftAndOkReopensTheFilesShifted(FxRobot robot) throws Exception {
        MenuItem item = menuItem(robot);
        assertThat(item.isDisable()).isTrue(); // nothing open
        byte[] before = Files.readAllBytes(vusb2);
        robot.interact(() -> vm.open(List.of(vmnic5, vusb2)));
        assertThat(item.isDisable()).isFalse();
        robot.interact(item::fire);

        TextField second = robot.lookup("#timeShiftField1").queryAs(TextField.class);
        Button ok = robot.lookup("#timeShiftOk").queryAs(Button.class);
        assertThat(second.getText()).isEqualTo("0");
        assertThat(ok.isDisable()).isFalse();

        robot.clickOn(second).eraseText(1).write("2,9");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ok.isDisable()).isTrue();
        assertThat(robot.lookup("#timeShiftError").queryAs(Label.class).getText())
                .startsWith("vusb2.pcap: \"2,9\" is not a number of seconds");

        robot.clickOn("#timeShiftSuggest");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.getText()).isEqualTo("2.913");
        assertThat(ok.isDisable()).isFalse();
        assertThat(robot.lookup("#timeShiftSuggestion").queryAs(Label.class).getText())
                .matches("vusb2\\.pcap runs 2\\.913 s behind vmnic5\\.pcap \\(\\d+ frames seen in both\\)");

        robot.clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#timeShiftDialog").tryQuery()).isEmpty();
        assertThat(vm.capture().capture().timeShiftNanos(1)).isEqualTo(TwoClocks.BEHIND_NANOS);
        assertThat(vm.titleProperty().get()).endsWith("(Time shift: vusb2.pcap +2.913 s)");
        // vusb2's own frame, 1.913 s after the first RARP on the reference clock, is the sixth
        int sixth = 5;
        assertThat(vm.capture().capture().index().timestampNanos(sixth)).isEqualTo(TwoClocks.T + 1_913_000_000L);
        assertThat(Files.readAllBytes(vusb2)).isEqualTo(before);
    }
}
