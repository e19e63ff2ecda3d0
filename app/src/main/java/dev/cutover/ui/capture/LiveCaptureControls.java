package dev.cutover.ui.capture;

import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveInterface;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Capture menu, its start dialog, the 100 ms drain while capturing and the status bar label: the view side
 * of {@link LiveCaptureViewModel}.
 */
public final class LiveCaptureControls {
    private final LiveCaptureViewModel vm;
    private final Runnable onFramesShown;
    private final Timeline drain;
    private Window owner;
    /** Asks where to save; the file chooser, or a fixed answer in tests (a native chooser cannot be driven). */
    private Function<Window, File> saveTarget = LiveCaptureControls::chooseSaveTarget;

    /** onFramesShown runs after each drain, so the packet list can follow the newest frame. */
    public LiveCaptureControls(LiveCaptureViewModel vm, Runnable onFramesShown) {
        this.vm = vm;
        this.onFramesShown = onFramesShown;
        drain = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        drain.setCycleCount(Timeline.INDEFINITE);
        vm.runningProperty().addListener((o, was, now) -> {
            if (now) {
                drain.play();
            } else {
                drain.stop();
            }
        });
        vm.errorProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                alert(Alert.AlertType.ERROR, "Live capture", now);
            }
        });
    }

    private void tick() {
        vm.drain();
        onFramesShown.run();
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    /** Capture > Start, Stop, Restart, Save As. */
    public Menu menu() {
        MenuItem start = new MenuItem("_Start…");
        start.setId("startCaptureMenuItem");
        start.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        start.setOnAction(e -> askAndStart());
        MenuItem stop = new MenuItem("S_top");
        stop.setId("stopCaptureMenuItem");
        stop.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        MenuItem restart = new MenuItem("_Restart");
        restart.setId("restartCaptureMenuItem");
        restart.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN));
        restart.setOnAction(e -> {
            if (mayReplace()) {
                vm.restart();
            }
        });
        MenuItem save = new MenuItem("Save Live Capture _As…");
        save.setId("saveCaptureMenuItem");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        save.disableProperty().bind(vm.framesProperty().isEqualTo(0));
        save.setOnAction(e -> askAndSave());
        return new Menu("_Capture", null, start, stop, restart, save);
    }

    /** Live frame counts and drops; empty when not capturing. */
    public Label statusLabel() {
        Label l = new Label();
        l.setId("statusLive");
        l.textProperty().bind(vm.statusProperty());
        return l;
    }

    /**
     * Before anything replaces or closes the live capture: asks once when it holds frames nobody saved, and
     * returns false, leaving it as it is, when the user keeps them. Otherwise stops and drops the capture and
     * returns true.
     */
    public boolean mayReplace() {
        if (vm.needsConfirmationToDiscard()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, String.format("The live capture holds %,d frames "
                    + "that were not saved. Discard them?", vm.framesProperty().get()), ButtonType.CANCEL,
                    ButtonType.OK);
            a.initOwner(owner);
            a.setTitle("Unsaved capture");
            a.getDialogPane().setId("discardDialog");
            if (a.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
                return false;
            }
        }
        vm.discard();
        return true;
    }

    private void askAndStart() {
        List<LiveInterface> interfaces;
        try {
            interfaces = LivePcap.interfaces();
        } catch (LiveCaptureException e) {
            alert(Alert.AlertType.ERROR, "Live capture", e.getMessage());
            return;
        }
        ComboBox<String> iface = new ComboBox<>();
        iface.setId("captureInterface");
        for (LiveInterface i : interfaces) {
            iface.getItems().add(i.name());
        }
        if (!iface.getItems().isEmpty()) {
            iface.getSelectionModel().select(0);
        }
        ComboBox<String> filter = new ComboBox<>();
        filter.setId("captureFilter");
        filter.setEditable(true);
        filter.getItems().addAll(LiveOptions.MIGRATION_FILTER, "arp or rarp", "rarp", "");
        filter.setValue(LiveOptions.MIGRATION_FILTER);
        filter.setPrefWidth(360);
        Spinner<Integer> ring = new Spinner<>(0, Integer.MAX_VALUE, 0, 10_000);
        ring.setId("captureRing");
        ring.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Interface"), iface);
        grid.addRow(1, new Label("Capture filter (BPF)"), filter);
        grid.addRow(2, new Label("Keep the last N frames (0: all)"), ring);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Start live capture");
        d.getDialogPane().setId("startCaptureDialog");
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK || iface.getValue() == null) {
            return;
        }
        LiveOptions options = LiveOptions.of(iface.getValue()).withFilter(filter.getEditor().getText());
        // a mistyped filter is told before the capture on show is given up for it
        if (!vm.checkFilter(options.filter()) || !mayReplace()) {
            return;
        }
        vm.start(options, ring.getValue());
    }

    /** Replaces the file chooser of Save Live Capture As (tests: the native chooser cannot be driven). */
    public void setSaveTarget(Function<Window, File> saveTarget) {
        this.saveTarget = saveTarget;
    }

    private static File chooseSaveTarget(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save live capture");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"),
                new FileChooser.ExtensionFilter("pcap", "*.pcap"));
        chooser.setInitialFileName("live.pcapng");
        return chooser.showSaveDialog(owner);
    }

    private void askAndSave() {
        File f = saveTarget.apply(owner);
        if (f == null) {
            return;
        }
        try {
            vm.save(f.toPath(), null);
        } catch (IOException e) {
            alert(Alert.AlertType.ERROR, "Save live capture", "Cannot write " + f + ": " + e.getMessage());
        }
    }

    private void alert(Alert.AlertType type, String title, String text) {
        Alert a = new Alert(type, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle(title);
        a.getDialogPane().setId("liveCaptureDialog");
        a.show();
    }
}
