package dev.cutover.ui.main;

import dev.cutover.capture.CaptureException;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import javafx.scene.control.Label;
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

/** A migration analysis that fails is said in the window, naming the file and the reason, not shown as "no migration". */
@ExtendWith(ApplicationExtension.class)
class AnalysisFailureWindowTest {
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("cutover-ui-test");
        Path file = dir.resolve("vmnic3.pcap");
        Files.copy(UiFixtures.SAMPLE, file);
        vm = new MainViewModel(Tasks.DIRECT, (c, m) -> {
            throw new CaptureException(file, 4_130, "frame 41 ends past the end of the file; was the file changed?");
        }, new PreferencesStore(dir));
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.open(List.of(file));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> vm.close());
    }

    @Test
    void theStatusBarTheMigrationsTableAndTheFindingsSayTheAnalysisFailedAndWhy(FxRobot robot) {
        String said = vm.migrations().failureProperty().get();
        assertThat(said).isEqualTo("The migration analysis of vmnic3.pcap failed at byte 4130: frame 41 ends past "
                + "the end of the file; was the file changed?");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).isEqualTo(said);
        assertThat(robot.lookup("#migrationPlaceholder").queryAs(Label.class).getText()).isEqualTo(said);
        assertThat(robot.lookup("#statusFindings").queryAs(Label.class).getText())
                .startsWith("Findings: analysis failed");
        assertThat(vm.timeline().messageProperty().get()).isEqualTo(said);
        // the frames are still there to read
        assertThat(robot.lookup("#statusFrames").queryAs(Label.class).getText()).isEqualTo("Frames: 77 shown of 77");
    }
}
