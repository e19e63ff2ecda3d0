package dev.cutover.ui.capture;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.ui.Tasks;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edit > Time Shift on the sample pair, whose files share no frame, in a 1280x800 window: every line shows whole. */
@ExtendWith(ApplicationExtension.class)
class TimeShiftDialogTest {
    private Stage stage;
    private Capture capture;
    private Dialog<long[]> dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null) {
                dialog.close();
            }
        });
        if (capture != null) {
            capture.close();
        }
    }

    /** Every label in {@code root} whose text shows cut short (an ellipsis) or clipped below its box. */
    private static List<String> cutOff(Node root) {
        List<String> cut = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (!(n instanceof Label label) || label.getText() == null || label.getText().isEmpty()
                    || !label.isVisible()) {
                continue;
            }
            StringBuilder shown = new StringBuilder();
            for (Node t : label.lookupAll(".text")) {
                if (t instanceof Text text && text.getParent() == label) {
                    shown.append(text.getText());
                }
            }
            String whole = label.getText().replace("\n", "");
            if (!shown.toString().replace("\n", "").replace(" ", "").equals(whole.replace(" ", ""))
                    || label.getHeight() + 0.5 < label.prefHeight(label.getWidth())) {
                cut.add(label.getText());
            }
        }
        return cut;
    }

    @Test
    void theReasonSuggestGivesOnTheSamplePairShowsWhole(FxRobot robot) throws Exception {
        List<Path> files = List.of(Path.of("../sample-captures/stale-forwarding-vmnic5.pcapng"),
                Path.of("../sample-captures/stale-forwarding-vusb2.pcapng"));
        capture = Capture.open(files, LoadMonitor.NONE);
        TimeShiftViewModel vm = new TimeShiftViewModel(Tasks.DIRECT, capture, files);
        robot.interact(() -> dialog = TimeShiftDialog.show(stage, vm, shifts -> { }));
        WaitForAsyncUtils.waitForFxEvents();
        Node pane = dialog.getDialogPane();
        assertThat(cutOff(pane)).isEmpty();

        robot.clickOn("#timeShiftSuggest");
        WaitForAsyncUtils.waitForFxEvents();
        Label suggestion = robot.lookup("#timeShiftSuggestion").queryAs(Label.class);
        assertThat(suggestion.getText()).startsWith("stale-forwarding-vusb2.pcapng: no shift to suggest. No frame "
                + "compared was caught by both files").endsWith("(e.g. the hosts' NTP offsets).");
        // nothing was filled in
        assertThat(robot.lookup("#timeShiftField1").queryAs(TextField.class).getText()).isEqualTo("0");
        assertThat(cutOff(pane)).isEmpty();
        // the dialog grew to hold the reason and still fits the 1280x800 screen
        Window w = pane.getScene().getWindow();
        assertThat(w.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(w.getHeight()).isLessThanOrEqualTo(800);
        Bounds b = suggestion.localToScene(suggestion.getBoundsInLocal());
        assertThat(b.getMaxY()).isLessThanOrEqualTo(pane.getScene().getHeight());
        assertThat(b.getMaxX()).isLessThanOrEqualTo(pane.getScene().getWidth());
    }
}
