package dev.cutover.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cutover.ui.capture.LiveCaptureControls;
import dev.cutover.ui.capture.LoadBar;
import dev.cutover.ui.details.DetailsView;
import dev.cutover.ui.export.ExportPacketsView;
import dev.cutover.ui.hex.HexPane;
import dev.cutover.ui.annotations.AnnotationsView;
import dev.cutover.ui.migrations.MigrationsView;
import dev.cutover.ui.packets.FilterBar;
import dev.cutover.ui.packets.PacketListView;
import dev.cutover.ui.packets.TimeFormat;
import dev.cutover.ui.timeline.TimelineView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The main window: menu, toolbar, filter bar, packet list, migrations, details, hex dump and status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Stage stage;
    private final PacketListView packets;
    private final MigrationsView migrations;
    private final AnnotationsView annotations;
    private final TimelineView timeline;
    private final SplitPane main = new SplitPane();
    private final SplitPane upper = new SplitPane();
    private final SplitPane top = new SplitPane();
    /** Migrations and annotations share the side column as tabs, so neither is squeezed to a few rows. */
    private final TabPane side = new TabPane();
    private final Tab migrationsTab = new Tab("Migrations");
    private final Tab annotationsTab = new Tab("Annotations");
    private final SplitPane bottom = new SplitPane();
    private final Label statusMessage = new Label();
    private final LiveCaptureControls live;
    private final ExportPacketsView exportPackets;
    private final Menu recentMenu = new Menu("Open _Recent");
    private boolean preferencesSaved;

    public MainView(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        setId("mainView");
        recentMenu.setId("recentMenu");
        packets = new PacketListView(vm.packets());
        live = new LiveCaptureControls(vm.live(), packets::followNewest);
        if (stage != null) {
            live.setOwner(stage);
            // the close button takes the same path as Quit; requestClose hides the window itself when it may go
            stage.setOnCloseRequest(e -> {
                e.consume();
                requestClose();
            });
        }
        vm.live().announcementProperty().addListener((o, was, now) -> statusMessage.setText(now));
        exportPackets = new ExportPacketsView(vm.exportPackets());
        packetListMessages();
        migrations = new MigrationsView(vm.migrations());
        migrations.setId("migrationsView");
        DetailsView details = new DetailsView(vm.details());
        HexPane hex = new HexPane(vm.hex());
        annotations = new AnnotationsView(vm.annotations());

        timeline = new TimelineView(vm.timeline());

        migrationsTab.setContent(migrations);
        migrationsTab.setClosable(false);
        migrationsTab.setId("migrationsTab");
        annotationsTab.setContent(annotations);
        annotationsTab.setClosable(false);
        annotationsTab.setId("annotationsTab");
        side.getTabs().addAll(migrationsTab, annotationsTab);
        side.setId("sideTabs");
        top.getItems().addAll(packets, side);
        // the timeline sits under the packet list so a click on a mark shows its row, tree and bytes at once
        upper.setOrientation(Orientation.VERTICAL);
        upper.getItems().addAll(top, timeline);
        upper.setDividerPositions(0.5);
        bottom.getItems().addAll(details, hex);
        main.setOrientation(Orientation.VERTICAL);
        main.getItems().addAll(upper, bottom);
        Preferences p = vm.preferences();
        applyDividers(p.dividers());
        packets.restoreColumns(p.columnOrder(), p.hiddenColumns());

        FilterBar filter = new FilterBar(vm.filter());
        setTop(new VBox(menuBar(filter), toolBar(filter), new LoadBar(vm.capture()), filter));
        setCenter(main);
        setBottom(statusBar());

        packets.table().setContextMenu(packetMenu());

        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
        vm.capture().failureProperty().addListener((o, was, now) -> {
            if (now != null) {
                Platform.runLater(() -> showFailure(now));
            }
        });
        vm.themeProperty().addListener((o, was, now) -> applyTheme(now));
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        if (stage != null) {
            stage.titleProperty().bind(vm.titleProperty());
        }
    }

    /** The scene for this view, with the theme and the application's stylesheet. */
    public Scene scene() {
        Preferences p = vm.preferences();
        Scene scene = new Scene(this, p.windowWidth(), p.windowHeight());
        scene.getStylesheets().add(MainView.class.getResource("/dev/cutover/ui/cutover.css").toExternalForm());
        applyTheme(vm.themeProperty().get());
        return scene;
    }

    static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private MenuBar menuBar(FilterBar filter) {
        MenuItem open = item("_Open…", "openMenuItem", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::chooseAndOpen);
        MenuItem add = item("_Add Capture…", "addCaptureMenuItem",
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseAndAdd);
        MenuItem props = item("Capture _Properties", "propertiesMenuItem", new KeyCodeCombination(KeyCode.C,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN), this::showProperties);
        MenuItem quit = item("_Quit", "quitMenuItem", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                this::requestClose);
        MenuItem exportReport = item("_Export Report…", "exportReportMenuItem", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::exportReport);
        exportReport.disableProperty().bind(vm.capture().captureProperty().isNull());
        Menu file = new Menu("_File", null, open, recentMenu, add, new SeparatorMenuItem(), exportPacketsItem(),
                exportReport, props, new SeparatorMenuItem(), quit);

        MenuItem goTo = item("_Go to Frame…", "goToMenuItem", new KeyCodeCombination(KeyCode.G,
                KeyCombination.SHORTCUT_DOWN), this::askGoTo);
        MenuItem focusFilter = item("Apply a _Display Filter…", "focusFilterMenuItem",
                new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN), () -> filter.field().requestFocus());
        Menu go = new Menu("_Go", null, goTo, focusFilter, new SeparatorMenuItem());
        go.getItems().addAll(packets.goMenuItems());
        Menu capture = live.menu();
        MenuItem undo = item("_Undo Annotation", "undoMenuItem",
                new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), () -> vm.annotations().undo());
        undo.disableProperty().bind(vm.annotations().canUndoProperty().not());
        MenuItem redo = item("_Redo Annotation", "redoMenuItem", new KeyCodeCombination(KeyCode.Z,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> vm.annotations().redo());
        redo.disableProperty().bind(vm.annotations().canRedoProperty().not());
        MenuItem annotate = item("_Annotate Frame…", "annotateMenuItem",
                new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                this::annotate);
        Menu edit = new Menu("_Edit", null, undo, redo, new SeparatorMenuItem(), annotate, new SeparatorMenuItem());
        edit.getItems().addAll(packets.editMenuItems());

        Menu time = new Menu("_Time Display Format");
        ToggleGroup timeGroup = new ToggleGroup();
        int k = 1;
        for (TimeFormat f : TimeFormat.values()) {
            RadioMenuItem r = new RadioMenuItem(f.label());
            r.setId("time-" + f.name());
            r.setToggleGroup(timeGroup);
            r.setSelected(vm.packets().timeFormatProperty().get() == f);
            r.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(k++)),
                    KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN));
            r.setOnAction(e -> vm.packets().timeFormatProperty().set(f));
            time.getItems().add(r);
        }
        vm.packets().timeFormatProperty().addListener((o, was, now) -> time.getItems().forEach(i ->
                ((RadioMenuItem) i).setSelected(("time-" + now.name()).equals(i.getId()))));
        Menu theme = new Menu("T_heme");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t == Theme.DARK ? "Dark" : "Light");
            r.setId("theme-" + t.key());
            r.setToggleGroup(themeGroup);
            r.setSelected(vm.themeProperty().get() == t);
            r.setOnAction(e -> vm.themeProperty().set(t));
            theme.getItems().add(r);
        }
        vm.themeProperty().addListener((o, was, now) -> theme.getItems().forEach(i ->
                ((RadioMenuItem) i).setSelected(("theme-" + now.key()).equals(i.getId()))));
        CheckMenuItem showMigrations = new CheckMenuItem("_Migrations Pane");
        showMigrations.setId("showMigrationsMenuItem");
        showMigrations.setSelected(true);
        showMigrations.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        showMigrations.selectedProperty().addListener((o, was, now) -> {
            if (now && !side.getTabs().contains(migrationsTab)) {
                side.getTabs().add(0, migrationsTab);
                side.getSelectionModel().select(migrationsTab);
            } else if (!now) {
                side.getTabs().remove(migrationsTab);
            }
        });
        CheckMenuItem showTimeline = new CheckMenuItem("Time_line Pane");
        showTimeline.setId("showTimelineMenuItem");
        showTimeline.setSelected(true);
        showTimeline.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        showTimeline.selectedProperty().addListener((o, was, now) -> {
            if (now && !upper.getItems().contains(timeline)) {
                upper.getItems().add(timeline);
                upper.setDividerPositions(0.5);
            } else if (!now) {
                upper.getItems().remove(timeline);
            }
        });
        Menu view = new Menu("_View", null, time, theme, showMigrations, showTimeline);

        MenuItem about = item("_About Cutover", "aboutMenuItem", null, this::showAbout);
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, edit, go, capture, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private void exportReport() {
        new dev.cutover.ui.report.ReportDialog(vm.report(), getScene().getWindow()).show();
    }

    /** The packet list's context menu: mark, time reference, copy; annotate the frame, or remove its annotation. */
    private javafx.scene.control.ContextMenu packetMenu() {
        MenuItem annotate = new MenuItem("Annotate Frame…");
        annotate.setId("annotateContextItem");
        annotate.setOnAction(e -> annotate());
        MenuItem remove = new MenuItem("Remove Annotation");
        remove.setId("removeAnnotationContextItem");
        remove.setOnAction(e -> vm.annotations().remove());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.getItems().addAll(packets.contextMenuItems());
        menu.getItems().addAll(new SeparatorMenuItem(), annotate, remove);
        return menu;
    }

    /** File > Export Specified Packets…: the frames chosen as in Wireshark, to pcapng or pcap. */
    private MenuItem exportPacketsItem() {
        MenuItem i = item("Export Specified _Packets…", "exportPacketsMenuItem", null,
                () -> exportPackets.show(getScene().getWindow()));
        i.disableProperty().bind(vm.packets().totalProperty().isEqualTo(0));
        return i;
    }

    /** What the Go and mark commands and the export have to say goes to the status bar. */
    private void packetListMessages() {
        vm.packets().messageProperty().addListener((o, was, now) -> statusMessage.setText(now));
        vm.exportPackets().statusProperty().addListener((o, was, now) -> statusMessage.setText(now));
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (key != null) {
            i.setAccelerator(key);
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    private ToolBar toolBar(FilterBar filter) {
        Button open = tool("openButton", new FontIcon(MaterialDesignF.FOLDER_OPEN), "Open captures (Ctrl+O)",
                this::chooseAndOpen);
        Button add = tool("addCaptureButton", new FontIcon(MaterialDesignF.FILE_PLUS),
                "Add another uplink's capture to this view (Ctrl+Shift+O)", this::chooseAndAdd);
        Button props = tool("propertiesButton", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE),
                "Capture properties", this::showProperties);
        Button goTo = tool("goToButton", new FontIcon(MaterialDesignP.PAGE_NEXT_OUTLINE), "Go to frame (Ctrl+G)",
                this::askGoTo);
        Button theme = tool("themeButton", new FontIcon(MaterialDesignT.THEME_LIGHT_DARK), "Light or dark theme",
                () -> vm.themeProperty().set(vm.themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK));
        ToolBar bar = new ToolBar(open, add, props, goTo, theme);
        bar.setId("toolBar");
        return bar;
    }

    private static Button tool(String id, Node icon, String tip, Runnable action) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private Region statusBar() {
        Label frames = new Label();
        frames.setId("statusFrames");
        frames.textProperty().bind(vm.frameStatus());
        Label findings = new Label();
        findings.setId("statusFindings");
        findings.textProperty().bind(vm.migrations().findingSummaryProperty());
        Label load = new Label();
        load.setId("statusLoad");
        load.textProperty().bind(vm.capture().stateProperty());
        statusMessage.setId("statusMessage");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(18, frames, findings, live.statusLabel(), statusMessage, grow, load);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> {
                if (mayReplaceLiveCapture()) {
                    vm.open(List.of(p));
                }
            });
            recentMenu.getItems().add(i);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private List<Path> choose(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Captures", "*.pcap", "*.pcapng", "*.cap", "*.pcap.gz",
                        "*.pcapng.gz", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!vm.recentFiles().isEmpty() && vm.recentFiles().get(0).getParent() != null
                && vm.recentFiles().get(0).getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(vm.recentFiles().get(0).getParent().toFile());
        }
        List<File> files = chooser.showOpenMultipleDialog(stage);
        List<Path> paths = new ArrayList<>();
        if (files != null) {
            files.forEach(f -> paths.add(f.toPath()));
        }
        return paths;
    }

    /**
     * The one check before anything replaces or closes the live capture (Open, Open Recent, a dropped file, Add
     * Capture, Quit, the close button; Start and Restart in the Capture menu): asks once when it holds unsaved
     * frames and returns false when the user keeps them; otherwise stops and drops it and returns true.
     */
    public boolean mayReplaceLiveCapture() {
        return live.mayReplace();
    }

    /**
     * Quit and the window's close button: unless the user keeps an unsaved live capture, stops it, saves the
     * preferences and closes the window. False when the window stays open.
     */
    public boolean requestClose() {
        if (stage == null || !mayReplaceLiveCapture()) {
            return false;
        }
        savePreferences();
        stage.hide(); // fires no second close request
        return true;
    }

    /** Saves the window's size, layout and settings, once however often it is called (close, then exit). */
    public void savePreferences() {
        if (preferencesSaved) {
            return;
        }
        preferencesSaved = true;
        String problem = vm.savePreferences(currentLayout());
        if (problem != null) {
            System.err.println("cutover: " + problem);
        }
    }

    private void chooseAndOpen() {
        List<Path> files = choose("Open captures (several: one per uplink, merged by time)");
        if (!files.isEmpty() && mayReplaceLiveCapture()) {
            vm.open(files);
        }
    }

    private void chooseAndAdd() {
        List<Path> files = choose("Add a capture to the open view");
        if (!files.isEmpty() && mayReplaceLiveCapture()) {
            vm.add(files);
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = false;
        if (e.getDragboard().hasFiles()) {
            List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            // after the drop is over: the unsaved-capture question must not hold up the drag source
            Platform.runLater(() -> {
                if (mayReplaceLiveCapture()) {
                    vm.open(paths);
                }
            });
            ok = true;
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    private void askGoTo() {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(stage);
        d.setTitle("Go to frame");
        d.setHeaderText(null);
        d.setContentText("Frame number:");
        d.getDialogPane().setId("goToDialog");
        d.showAndWait().ifPresent(text -> goTo(text));
    }

    /** Selects the frame whose number is typed; says so in the status bar when there is none. */
    void goTo(String text) {
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException ex) {
            statusMessage.setText("\"" + text + "\" is not a frame number");
            return;
        }
        statusMessage.setText(vm.packets().goToFrame(n) ? "" : "Frame " + n + " is not in the list");
    }

    private void showProperties() {
        TextArea text = new TextArea(vm.propertiesText());
        text.setId("propertiesText");
        text.setEditable(false);
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefSize(720, 480);
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("Capture properties");
        a.setHeaderText("What cutover info tells about the open files");
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("propertiesDialog");
        a.setResizable(true);
        a.show();
    }

    private void showAbout() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, vm.aboutText(), ButtonType.CLOSE);
        a.initOwner(stage);
        a.setTitle("About Cutover");
        a.setHeaderText("Cutover");
        a.getDialogPane().setId("aboutDialog");
        a.show();
    }

    private void showFailure(String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.initOwner(stage);
        a.setTitle("Not a capture");
        a.setHeaderText("This file could not be opened");
        a.getDialogPane().setId("failureDialog");
        a.setOnHidden(e -> vm.capture().acknowledgeFailure());
        a.show();
    }

    /** Shows the annotation panel and puts the cursor in its comment. */
    private void annotate() {
        side.getSelectionModel().select(annotationsTab);
        annotations.focusComment();
    }

    private void applyDividers(List<Double> d) {
        main.setDividerPositions(d.size() > 0 ? d.get(0) : 0.55);
        top.setDividerPositions(d.size() > 1 ? d.get(1) : 0.76);
        bottom.setDividerPositions(d.size() > 2 ? d.get(2) : 0.5);
    }

    /** The preferences with this window's size and layout, to save on exit. */
    public Preferences currentLayout() {
        Preferences p = vm.preferences();
        if (stage != null) {
            p = p.withWindow(stage.isMaximized() ? p.windowWidth() : stage.getWidth(),
                    stage.isMaximized() ? p.windowHeight() : stage.getHeight(), stage.isMaximized());
        }
        List<Double> dividers = new ArrayList<>();
        dividers.add(main.getDividerPositions().length > 0 ? main.getDividerPositions()[0] : 0.55);
        dividers.add(top.getDividerPositions().length > 0 ? top.getDividerPositions()[0] : 0.76);
        dividers.add(bottom.getDividerPositions().length > 0 ? bottom.getDividerPositions()[0] : 0.5);
        return p.withLayout(dividers, packets.columnOrder(), packets.hiddenColumns());
    }

    public TimelineView timeline() {
        return timeline;
    }

    public PacketListView packetList() {
        return packets;
    }

    /** The Export Specified Packets dialog (tests replace its file chooser). */
    public ExportPacketsView exportPackets() {
        return exportPackets;
    }

    /** The Capture menu's controls. */
    public LiveCaptureControls liveCapture() {
        return live;
    }
}
