package dev.cutover.ui.main;

import dev.cutover.ui.FxTasks;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.application.Application;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** The JavaFX application. Started by {@link #launch(List, String)}, never as a main class. */
public final class CutoverApp extends Application {
    /**
     * JavaFX warns on every start that its classes came from the class path ("Unsupported JavaFX configuration"),
     * as they do in the jar and the installers; nothing a user can act on, so it stays out of the console.
     * Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its filter.
     */
    static final java.util.logging.Logger FX_LOG = java.util.logging.Logger.getLogger("javafx");

    static {
        FX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
    private static List<Path> initialFiles = List.of();
    private static String initialTitle;

    private FxTasks tasks;
    private MainViewModel vm;
    private MainView view;

    /** Opens the window on the files and returns when it is closed. */
    public static void launch(List<Path> files, String title) {
        initialFiles = List.copyOf(files);
        initialTitle = title;
        Application.launch(CutoverApp.class);
    }

    @Override
    public void start(Stage stage) {
        warmUp();
        tasks = new FxTasks();
        vm = new MainViewModel(tasks, new AnalysisMigrations(), PreferencesStore.forUser());
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        addIcons(stage);
        stage.setMaximized(vm.preferences().maximized());
        // MainView handles the close request: the same path as Quit
        stage.show();
        if (Stopwatch.wanted()) {
            Stopwatch.follow(vm, stage.getScene(), System.err);
        }
        if (!initialFiles.isEmpty()) {
            if (initialTitle == null) {
                vm.open(initialFiles);
            } else {
                vm.open(initialFiles, initialTitle);
            }
        }
    }

    /**
     * Reads the MAC vendor table (a few hundred milliseconds) on a thread of its own while the window is built and
     * the first frames are read, so neither the loading thread nor the FX thread waits for it before the first rows.
     */
    private static void warmUp() {
        Thread t = new Thread(dev.cutover.dissect.Vendors::bundled, "cutover-vendors");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    /** The window manager picks the size it needs; the PNGs are rendered from icons/cutover.svg. */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL url = CutoverApp.class.getResource("/dev/cutover/ui/icons/cutover-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }

    @Override
    public void stop() {
        if (vm != null) {
            if (view != null) {
                view.savePreferences(); // already saved when the window was closed
            }
            vm.close();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
