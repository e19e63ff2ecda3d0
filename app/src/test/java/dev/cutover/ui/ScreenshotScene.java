package dev.cutover.ui;

import dev.cutover.dissect.proto.Arp;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scene of the README's screenshot: the main window on the ESXi sample, at the screen's top left, the
 * first RARP notification selected and its opcode picked in the tree; with {@code --timeline=true}, the timeline
 * on the given captures (the teamed-uplinks sample) with the first migration selected and the timeline pane
 * enlarged. Run by {@code docs/screenshot.sh}.
 */
public final class ScreenshotScene {
    private ScreenshotScene() {
    }

    // Not an Application itself: a main class that is one fails on the class path.
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) throws Exception {
        MainViewModel vm = new MainViewModel(new FxTasks(), new AnalysisMigrations(),
                new PreferencesStore(Files.createTempDirectory("cutover-shot")));
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(Double.parseDouble(getParameters().getNamed().getOrDefault("width", "1400")));
        stage.setHeight(Double.parseDouble(getParameters().getNamed().getOrDefault("height", "860")));
        stage.show();
        if (Boolean.parseBoolean(getParameters().getNamed().getOrDefault("timeline", "false"))) {
            javafx.scene.control.SplitPane main = (javafx.scene.control.SplitPane) view.getCenter();
            main.setDividerPositions(0.74);
            ((javafx.scene.control.SplitPane) main.getItems().get(0)).setDividerPositions(0.36);
            vm.migrations().reportProperty().addListener((o, was, now) -> {
                if (!now.rows().isEmpty()) {
                    javafx.application.Platform.runLater(() -> vm.migrations().select(now.rows().get(0)));
                }
            });
            vm.open(getParameters().getUnnamed().stream().map(Path::of).toList());
            return;
        }
        javafx.scene.control.SplitPane mainSplit = (javafx.scene.control.SplitPane) view.getCenter();
        mainSplit.setDividerPositions(0.6);
        ((javafx.scene.control.SplitPane) mainSplit.getItems().get(0)).setDividerPositions(0.6);
        vm.capture().captureProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.packets().goToFrame(41);
                vm.selection().selectNode(vm.selection().frameProperty().get().dissection().find(Arp.OPCODE));
            }
        });
        vm.open(List.of(Path.of(getParameters().getUnnamed().get(0))));
    }
    }
}
