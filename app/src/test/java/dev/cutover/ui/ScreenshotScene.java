package dev.cutover.ui;

import dev.cutover.dissect.Dissection;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.main.Theme;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The scenes of the README's screenshots: the main window on the given captures at the screen's top left, with
 * its default layout. Options: {@code --width}, {@code --height}; {@code --frame=N} selects frame N (1-based)
 * and {@code --field=NAME} the first field of that name in its tree; {@code --migration=true} selects the first
 * migration; {@code --filter=TEXT} applies a display filter; {@code --tab=ID} picks a side tab
 * ({@code findingsTab}, {@code annotationsTab}); {@code --theme=dark}; {@code --ready=FILE} is written once the
 * analysis has shown and the window has settled, so the script takes the picture then. Run by
 * {@code docs/screenshot.sh}.
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
            Map<String, String> o = getParameters().getNamed();
            MainViewModel vm = new MainViewModel(new FxTasks(), new AnalysisMigrations(),
                    new PreferencesStore(Files.createTempDirectory("cutover-shot")));
            if ("dark".equals(o.get("theme"))) {
                vm.themeProperty().set(Theme.DARK);
            }
            MainView view = new MainView(vm, stage);
            stage.setScene(view.scene());
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Double.parseDouble(o.getOrDefault("width", "1600")));
            stage.setHeight(Double.parseDouble(o.getOrDefault("height", "1000")));
            stage.show();
            if (o.containsKey("tab")) {
                javafx.scene.Node tab = view.lookup("#sideTabs");
                if (tab instanceof javafx.scene.control.TabPane) {
                    javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) tab;
                    tabs.getTabs().stream().filter(t -> o.get("tab").equals(t.getId())).findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                }
            }
            vm.migrations().reportProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
                if (o.containsKey("filter")) {
                    vm.filter().textProperty().set(o.get("filter"));
                    vm.filter().apply();
                }
                if (Boolean.parseBoolean(o.getOrDefault("migration", "false")) && !now.rows().isEmpty()) {
                    vm.migrations().select(now.rows().get(0));
                }
                readyAfterSettling(o);
                if (o.containsKey("frame")) {
                    vm.packets().goToFrame(Integer.parseInt(o.get("frame")));
                    if (o.containsKey("field") && vm.selection().frameProperty().get() != null) {
                        Dissection d = vm.selection().frameProperty().get().dissection();
                        for (int i = 0; i < d.size(); i++) {
                            if (d.field(i).abbrev().equals(o.get("field"))) {
                                vm.selection().selectNode(i);
                                break;
                            }
                        }
                    }
                }
            }));
            vm.open(getParameters().getUnnamed().stream().map(Path::of).toList());
        }
    }

    /**
     * With {@code ready=FILE}: writes FILE two seconds after the scene is shown, when it has settled, for the script
     * that takes the screenshot.
     */
    public static void readyAfterSettling(Map<String, String> o) {
        if (!o.containsKey("ready")) {
            return;
        }
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        settle.setOnFinished(e -> {
            try {
                Files.writeString(Path.of(o.get("ready")), "ready\n");
            } catch (java.io.IOException ex) {
                System.err.println("cannot write " + o.get("ready") + ": " + ex.getMessage());
            }
        });
        settle.play();
    }
}
