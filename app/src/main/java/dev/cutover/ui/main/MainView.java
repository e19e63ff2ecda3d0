package dev.cutover.ui.main;

import dev.cutover.dissect.Severity;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cutover.ui.capture.LiveCaptureControls;
import dev.cutover.ui.capture.LoadBar;
import dev.cutover.ui.details.DetailsView;
import dev.cutover.ui.export.ExportPacketsView;
import dev.cutover.ui.hex.HexPane;
import dev.cutover.ui.annotations.AnnotationsView;
import dev.cutover.ui.expert.ExpertView;
import dev.cutover.ui.find.FindBar;
import dev.cutover.ui.migrations.MigrationsView;
import dev.cutover.ui.packets.FilterBar;
import dev.cutover.ui.packets.PacketColumn;
import dev.cutover.ui.packets.PacketListView;
import dev.cutover.ui.packets.TimeFormat;
import dev.cutover.ui.statistics.StatisticsWindows;
import dev.cutover.ui.timeline.TimelineView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
    /** Main split (packets | timeline, timeline | details), packets | side column, details | bytes. */
    static final double[] DEFAULT_DIVIDERS = {0.57, 0.79, 0.72, 0.55};
    private static final double TIMELINE_SHARE = 0.22;
    /** The timeline's header and a viewport that shows one whole lane, its outcome row included. */
    private static final double TIMELINE_MIN = CollapsiblePane.HEADER
            + dev.cutover.timeline.TimelineLayout.wholeLaneHeight() + 6;
    private static final double SIDE_SHARE = 0.24;
    private static final double SIDE_MIN = 240;
    /** What a hex dump row of 16 bytes with its offset and ASCII needs, in pixels. */
    private static final double HEX_WIDTH = 660;
    private final MainViewModel vm;
    private final Stage stage;
    private final PacketListView packets;
    private final MigrationsView migrations;
    private final AnnotationsView annotations;
    private final TimelineView timeline;
    /** Packets and the side column above; the timeline; the details tree and the bytes below. */
    private final SplitPane main = new SplitPane();
    private final SplitPane top = new SplitPane();
    /** Migrations and annotations share the side column as tabs, so neither is squeezed to a few rows. */
    private final TabPane side = new TabPane();
    private final CollapsiblePane sidePane;
    private final CollapsiblePane timelinePane;
    private final Tab migrationsTab = new Tab("Migrations");
    private final Tab annotationsTab = new Tab("Annotations");
    private final Tab findingsTab = new Tab("Findings");
    private final ExpertView expert;
    private final FindBar findBar;
    private Stage findingsWindow;
    private final SplitPane bottom = new SplitPane();
    private final Label statusMessage = new Label();
    private final LiveCaptureControls live;
    private final ExportPacketsView exportPackets;
    private final Menu recentMenu = new Menu("Open _Recent");
    private boolean preferencesSaved;
    private MenuBar menuBar;
    private javafx.beans.binding.BooleanBinding sideHasContent;
    /** The packets-and-side row's share of the main split's height. */
    private double topShare = DEFAULT_DIVIDERS[0];
    /** The unfolded timeline's and side column's sizes in pixels, -1 until known. */
    private double timelinePx = -1;
    private double sidePx = -1;
    private boolean relayingOut;
    /** Whether the details/bytes divider was placed, from the preferences or by the first layout. */
    private boolean bottomPlaced;
    private javafx.beans.binding.BooleanBinding timelineHasContent;

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
        vm.timeline().darkProperty().bind(vm.themeProperty().isEqualTo(Theme.DARK));

        migrationsTab.setContent(migrations);
        migrationsTab.setClosable(false);
        migrationsTab.setId("migrationsTab");
        annotationsTab.setContent(annotations);
        annotationsTab.setClosable(false);
        annotationsTab.setId("annotationsTab");
        expert = new ExpertView(vm.expert());
        findingsTab.setContent(expert);
        findingsTab.setClosable(false);
        findingsTab.setId("findingsTab");
        migrations.setOnShowFindings(this::showFindings);
        expert.setOnOpenWindow(this::openFindingsWindow);
        side.getTabs().addAll(migrationsTab, annotationsTab, findingsTab);
        side.setId("sideTabs");
        sidePane = new CollapsiblePane("sidePane", "Migrations", side, Orientation.HORIZONTAL, 240);
        top.getItems().addAll(packets, sidePane);
        SplitPane.setResizableWithParent(sidePane, false);
        // the timeline sits under the packet list so a click on a mark shows its row, tree and bytes at once
        timelinePane = new CollapsiblePane("timelinePane", "Migration timeline", timeline, Orientation.VERTICAL,
                140);
        SplitPane.setResizableWithParent(timelinePane, false);
        // the timeline's tool bar rides in the pane's header, so the lanes get the height of a second bar
        Node timelineTools = timeline.getTop();
        if (timelineTools != null) {
            timeline.setTop(null);
            timelineTools.getStyleClass().add("header-tools");
            timelinePane.setHeaderContent(timelineTools);
        }
        bottom.getItems().addAll(details, hex);
        // the bytes keep the width of a 16-byte row when the window resizes; the tree takes the change
        SplitPane.setResizableWithParent(hex, false);
        main.setOrientation(Orientation.VERTICAL);
        main.getItems().addAll(top, timelinePane, bottom);
        Preferences p = vm.preferences();
        applyDividers(p.dividers());
        packets.restoreColumns(p.columnOrder(), p.hiddenColumns());
        foldWhenEmpty();

        FilterBar filter = new FilterBar(vm.filter());
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox tools = new HBox(toolBar(filter), filter);
        tools.setId("toolRow");
        tools.setAlignment(Pos.TOP_LEFT);
        tools.getStyleClass().add("tool-row");
        findBar = new FindBar(vm.find());
        setTop(new VBox(menuBar(filter), tools, new LoadBar(vm.capture()), findBar));
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
        javafx.geometry.Rectangle2D g = WindowGeometry.of(p, javafx.stage.Screen.getScreens().stream()
                .map(javafx.stage.Screen::getVisualBounds).toList(), javafx.stage.Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(this, g.getWidth(), g.getHeight());
        if (stage != null) {
            // the stage's size includes the window manager's frame: the whole window fits the screen
            stage.setX(g.getMinX());
            stage.setY(g.getMinY());
            stage.setWidth(g.getWidth());
            stage.setHeight(g.getHeight());
        }
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
        // Ctrl+Shift+E stops a live capture; the report takes R
        MenuItem exportReport = item("_Export Report…", "exportReportMenuItem", new KeyCodeCombination(KeyCode.R,
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
        MenuItem find = item("_Find Packet…", "findMenuItem", new KeyCodeCombination(KeyCode.F,
                KeyCombination.SHORTCUT_DOWN), this::openFind);
        MenuItem findNext = item("Find Ne_xt", "findNextMenuItem", new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    if (!vm.find().findNext()) {
                        openFind();
                    }
                });
        MenuItem findPrevious = item("Find Pre_vious", "findPreviousMenuItem", new KeyCodeCombination(KeyCode.B,
                KeyCombination.SHORTCUT_DOWN), () -> {
                    if (!vm.find().findPrevious()) {
                        openFind();
                    }
                });
        // Wireshark's Edit > Time Shift, and its shortcut
        MenuItem timeShift = item("Time _Shift…", "timeShiftMenuItem", new KeyCodeCombination(KeyCode.T,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), this::openTimeShift);
        timeShift.disableProperty().bind(vm.capture().captureProperty().isNull()
                .or(vm.capture().loadingProperty()));
        Menu edit = new Menu("_Edit", null, find, findNext, findPrevious, new SeparatorMenuItem(), undo, redo,
                new SeparatorMenuItem(), annotate, new SeparatorMenuItem(), timeShift, new SeparatorMenuItem());
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
        showMigrations.selectedProperty().addListener((o, was, now) -> showPane(top, sidePane, now, 1));
        CheckMenuItem showTimeline = new CheckMenuItem("Time_line Pane");
        showTimeline.setId("showTimelineMenuItem");
        showTimeline.setSelected(true);
        showTimeline.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        showTimeline.selectedProperty().addListener((o, was, now) -> showPane(main, timelinePane, now, 1));
        Menu view = new Menu("_View", null, time, theme, showMigrations, showTimeline);

        MenuItem about = item("_About Cutover", "aboutMenuItem", null, this::showAbout);
        MenuItem guide = item("_User Guide", "userGuideMenuItem", new KeyCodeCombination(KeyCode.F1),
                () -> HelpWindows.showUserGuide(stage));
        MenuItem keys = item("_Keyboard Shortcuts", "shortcutsMenuItem", null,
                () -> HelpWindows.showShortcuts(stage, menuBar.getMenus()));
        Menu help = new Menu("_Help", null, guide, keys, new SeparatorMenuItem(), about);
        MenuItem expertInfo = item("_Expert Information", "expertInfoMenuItem", new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN), this::showFindings);
        Menu analyze = new Menu("_Analyze", null, expertInfo);
        // Wireshark's order: File Edit View Go Capture Analyze Statistics Help
        MenuBar bar = new MenuBar(file, edit, view, go, capture, analyze, statisticsMenu(), help);
        menuBar = bar;
        bar.setId("menuBar");
        return bar;
    }

    /** Statistics, as Wireshark's: each item opens (or brings forward) its window. */
    private Menu statisticsMenu() {
        StatisticsWindows windows = new StatisticsWindows(vm.statistics(), stage,
                vm.themeProperty().isEqualTo(Theme.DARK),
                MainView.class.getResource("/dev/cutover/ui/cutover.css").toExternalForm());
        Menu m = new Menu("_Statistics", null,
                item("_Endpoints", "endpointsMenuItem", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN), windows::showEndpoints),
                item("MAC-IP _Bindings", "bindingsMenuItem", new KeyCodeCombination(KeyCode.B,
                        KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN),
                        windows::showBindings),
                item("_Protocol Hierarchy", "protocolHierarchyMenuItem", new KeyCodeCombination(KeyCode.H,
                        KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN),
                        windows::showProtocolHierarchy),
                item("_I/O Graph", "ioGraphMenuItem", new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN), windows::showIoGraph));
        m.setId("statisticsMenu");
        return m;
    }

    private void exportReport() {
        vm.report().setColumns(() -> packets.visibleColumns().stream().map(PacketColumn::column).toList());
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
        vm.migrations().failureProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                statusMessage.setText(now);
            }
        });
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

    /**
     * The status bar: the selected field ("Opcode (arp.opcode), 2 bytes") or the latest message on the left,
     * then the frame counts, the findings, the live capture's counts and the load state. Every label gives way
     * with an ellipsis rather than overlap its neighbour, and shows its whole text as a tooltip.
     */
    private Region statusBar() {
        Label field = statusLabel("statusField", 0);
        field.textProperty().bind(vm.details().fieldStatusProperty());
        statusMessage.setId("statusMessage");
        shrinkable(statusMessage, 0);
        Label frames = statusLabel("statusFrames", Region.USE_PREF_SIZE);
        frames.textProperty().bind(vm.frameStatus());
        Label findings = statusLabel("statusFindings", Region.USE_PREF_SIZE);
        findings.textProperty().bind(vm.expert().summaryProperty());
        findings.setTooltip(new Tooltip("The migration analysis's findings, then the frames' own expert infos "
                + "(malformed frames, unanswered pings, ...); click for the Findings tab "
                + "(Analyze > Expert Information, Ctrl+Alt+E)"));
        findings.setOnMouseClicked(e -> showFindings());
        Label liveLabel = live.statusLabel();
        shrinkable(liveLabel, 0);
        Label load = statusLabel("statusLoad", 0);
        load.textProperty().bind(vm.capture().stateProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox.setHgrow(statusMessage, Priority.SOMETIMES);
        HBox bar = new HBox(14, field, statusMessage, grow, frames, findings, liveLabel, load);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        field.managedProperty().bind(field.textProperty().isNotEmpty());
        field.visibleProperty().bind(field.managedProperty());
        liveLabel.managedProperty().bind(liveLabel.textProperty().isNotEmpty());
        liveLabel.visibleProperty().bind(liveLabel.managedProperty());
        return bar;
    }

    private static Label statusLabel(String id, double minWidth) {
        Label l = new Label();
        l.setId(id);
        shrinkable(l, minWidth);
        return l;
    }

    private static void shrinkable(Label l, double minWidth) {
        l.setMinWidth(minWidth);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l.textProperty());
        l.setTooltip(tip);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentFiles()) {
            MenuItem i = new MenuItem(p.toString());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> whenMayReplaceLiveCapture(() -> vm.open(List.of(p))));
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
     * Capture, Quit, the close button; Start and Restart in the Capture menu): when it holds unsaved frames,
     * asks once (Save, Discard, Cancel) and goes on only when they are saved or the user lets them go.
     */
    public void whenMayReplaceLiveCapture(Runnable then) {
        live.whenMayReplace(then);
    }

    /**
     * Quit and the window's close button: unless the user keeps an unsaved live capture (or saving it fails),
     * stops it, saves the preferences and closes the window.
     */
    public void requestClose() {
        if (stage == null) {
            return;
        }
        whenMayReplaceLiveCapture(() -> {
            savePreferences();
            stage.hide(); // fires no second close request
        });
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
        if (!files.isEmpty()) {
            whenMayReplaceLiveCapture(() -> vm.open(files));
        }
    }

    private void chooseAndAdd() {
        List<Path> files = choose("Add a capture to the open view");
        if (!files.isEmpty()) {
            whenMayReplaceLiveCapture(() -> vm.add(files));
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
            Platform.runLater(() -> whenMayReplaceLiveCapture(() -> vm.open(paths)));
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

    /** Edit > Time Shift: the shifts of the files on show; OK opens them again with the new ones. */
    private void openTimeShift() {
        dev.cutover.ui.capture.TimeShiftViewModel shift = vm.timeShift();
        if (shift == null) {
            statusMessage.setText("Time Shift works on capture files: open them first");
            return;
        }
        dev.cutover.ui.capture.TimeShiftDialog.show(stage, shift,
                shifts -> whenMayReplaceLiveCapture(() -> vm.open(shift.files(), shifts)));
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

    /** Analyze > Expert Information: the Findings tab, in front. */
    private void showFindings() {
        sidePane.expandedProperty().set(true);
        side.getSelectionModel().select(findingsTab);
        expert.tree().requestFocus();
    }

    /** The Findings in a window of their own, as Wireshark's Expert Information dialog: room to read. */
    private void openFindingsWindow() {
        if (findingsWindow == null) {
            ExpertView view = new ExpertView(vm.expert());
            Scene scene = new Scene(view, 960, 640);
            scene.getStylesheets().addAll(getScene().getStylesheets());
            findingsWindow = new Stage();
            findingsWindow.initOwner(getScene().getWindow());
            findingsWindow.setTitle("Cutover — Expert Information");
            findingsWindow.setScene(scene);
        }
        findingsWindow.show();
        findingsWindow.toFront();
    }

    /** Edit > Find Packet: the find bar, the cursor in its text. */
    private void openFind() {
        vm.find().openProperty().set(true);
        findBar.focus();
    }

    /** Shows the annotation panel and puts the cursor in its comment. */
    private void annotate() {
        sidePane.expandedProperty().set(true);
        side.getSelectionModel().select(annotationsTab);
        annotations.focusComment();
    }

    /** View > Migrations Pane / Timeline Pane: takes the pane out of its split, or puts it back where it was. */
    private void showPane(SplitPane split, CollapsiblePane pane, boolean show, int index) {
        if (show && !split.getItems().contains(pane)) {
            split.getItems().add(Math.min(index, split.getItems().size()), pane);
        } else if (!show) {
            split.getItems().remove(pane);
        }
        relayout();
    }

    /**
     * Puts the dividers where the layout wants them: the packet list's share as the user left it, the timeline
     * and the side column at the size they had unfolded (or a default share), or at their header when folded.
     */
    private void relayout() {
        relayingOut = true;
        try {
            double h = main.getHeight();
            if (h > 0) {
                if (main.getItems().contains(timelinePane)) {
                    double t = timelinePane.isFolded() ? CollapsiblePane.HEADER
                            : timelinePx > 0 ? timelinePx : Math.max(TIMELINE_MIN, TIMELINE_SHARE * h);
                    main.setDividerPositions(topShare, Math.min(0.97, topShare + t / h));
                } else {
                    main.setDividerPositions(topShare);
                }
            }
            double bw = bottom.getWidth();
            if (bw > 0 && !bottomPlaced) {
                // the bytes get the width a 16-byte row and its ASCII take; the tree gets the rest
                bottomPlaced = true;
                bottom.setDividerPositions(Math.max(0.4, Math.min(0.62, 1 - HEX_WIDTH / bw)));
            }
            double w = top.getWidth();
            if (w > 0 && top.getItems().contains(sidePane)) {
                double s = sidePane.isFolded() ? CollapsiblePane.HEADER
                        : sidePx > 0 ? sidePx : Math.max(SIDE_MIN, SIDE_SHARE * w);
                top.setDividerPositions(Math.max(0.3, 1 - s / w));
            }
        } finally {
            relayingOut = false;
        }
    }

    /** Remembers where the user dragged the dividers, so folding and unfolding give it back. */
    private void followDividers() {
        main.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) c -> watchMain());
        watchMain();
        top.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) c -> watchTop());
        watchTop();
        main.heightProperty().addListener((o, was, now) -> {
            if (was.doubleValue() <= 0 && now.doubleValue() > 0) {
                relayout();
            }
        });
        bottom.widthProperty().addListener((o, was, now) -> {
            if (was.doubleValue() <= 0 && now.doubleValue() > 0) {
                relayout();
            }
        });
        top.widthProperty().addListener((o, was, now) -> {
            if (was.doubleValue() <= 0 && now.doubleValue() > 0) {
                relayout();
            }
        });
        timelinePane.expandedProperty().addListener(o -> relayout());
        sidePane.expandedProperty().addListener(o -> relayout());
    }

    private void watchMain() {
        for (SplitPane.Divider d : main.getDividers()) {
            d.positionProperty().addListener(o -> {
                if (relayingOut || main.getHeight() <= 0) {
                    return;
                }
                double[] p = main.getDividerPositions();
                topShare = p[0];
                if (p.length > 1 && !timelinePane.isFolded() && main.getItems().contains(timelinePane)) {
                    timelinePx = (p[1] - p[0]) * main.getHeight();
                }
            });
        }
    }

    private void watchTop() {
        for (SplitPane.Divider d : top.getDividers()) {
            d.positionProperty().addListener(o -> {
                if (!relayingOut && top.getWidth() > 0 && !sidePane.isFolded()) {
                    sidePx = (1 - d.getPosition()) * top.getWidth();
                }
            });
        }
    }

    /**
     * The side column and the timeline fold to their headers while they have nothing to show (no capture, no
     * migration, no finding, no annotation), and unfold when something arrives, unless the user folded them.
     */
    private void foldWhenEmpty() {
        javafx.beans.Observable[] sideDeps = {vm.migrations().rows(), vm.capture().captureProperty(),
                vm.expert().countProperty(Severity.ERROR), vm.expert().countProperty(Severity.WARNING),
                vm.expert().countProperty(Severity.NOTE), vm.expert().countProperty(Severity.CHAT),
                vm.migrations().failureProperty(), vm.capture().loadingProperty(), vm.capture().partialProperty()};
        javafx.beans.binding.StringBinding sideSummary = Bindings.createStringBinding(() -> {
            int rows = vm.migrations().rows().size();
            int findings = findingCount();
            // the frames so far are on show: the analysis comes when the load ends
            if (vm.capture().loadingProperty().get() && (vm.capture().captureProperty().get() == null
                    || vm.capture().partialProperty().get() != null)) {
                return "loading the capture…";
            }
            if (vm.capture().captureProperty().get() == null) {
                return "no capture open";
            }
            if (!vm.migrations().failureProperty().get().isEmpty()) {
                return "the analysis failed";
            }
            if (rows == 0 && findings == 0) {
                return "no migration and no finding";
            }
            return String.format("%,d migration%s, %,d finding%s", rows, rows == 1 ? "" : "s", findings,
                    findings == 1 ? "" : "s");
        }, sideDeps);
        sidePane.summaryProperty().bind(sideSummary);
        // a failed analysis unfolds the column: its table says why there is no row
        javafx.beans.binding.BooleanBinding sideHasContent = Bindings.createBooleanBinding(() ->
                !vm.migrations().rows().isEmpty() || findingCount() > 0
                        || !vm.migrations().failureProperty().get().isEmpty(), sideDeps);
        sidePane.expandedProperty().set(sideHasContent.get());
        sideHasContent.addListener((o, was, now) -> sidePane.expandedProperty().set(now));
        // kept as fields: a binding only its listeners reach would be collected
        this.sideHasContent = sideHasContent;

        // the timeline knows best whether it has lanes and, when not, why (no capture, analysing, failed, none)
        javafx.beans.binding.BooleanBinding timelineHasContent = Bindings.createBooleanBinding(() ->
                vm.timeline().hasLanesProperty().get(), vm.timeline().hasLanesProperty());
        timelinePane.summaryProperty().bind(Bindings.createStringBinding(this::timelineSummary,
                vm.timeline().hasLanesProperty(), vm.timeline().messageProperty(), vm.capture().loadingProperty()));
        timelinePane.expandedProperty().set(timelineHasContent.get());
        timelineHasContent.addListener((o, was, now) -> timelinePane.expandedProperty().set(now));
        this.timelineHasContent = timelineHasContent;
    }

    /** Findings and expert infos of every severity, as the Findings tab holds them. */
    private int findingCount() {
        int n = 0;
        for (Severity s : Severity.values()) {
            n += vm.expert().countProperty(s).get();
        }
        return n;
    }

    /** The folded timeline's reason, the unfolded one's nothing (its tool bar counts the lanes). */
    private String timelineSummary() {
        if (vm.timeline().hasLanesProperty().get()) {
            return "";
        }
        if (vm.capture().loadingProperty().get()) {
            return "loading the capture…";
        }
        String m = vm.timeline().messageProperty().get();
        return m == null ? "" : m;
    }

    private void applyDividers(List<Double> d) {
        boolean saved = d.size() == 4 && d.stream().allMatch(v -> v > 0 && v < 1);
        topShare = saved ? d.get(0) : DEFAULT_DIVIDERS[0];
        main.setDividerPositions(topShare, saved ? d.get(1) : DEFAULT_DIVIDERS[1]);
        top.setDividerPositions(saved ? d.get(2) : DEFAULT_DIVIDERS[2]);
        bottom.setDividerPositions(saved ? d.get(3) : DEFAULT_DIVIDERS[3]);
        bottomPlaced = saved;
        followDividers();
    }

    /** The preferences with this window's size and layout, to save on exit. */
    public Preferences currentLayout() {
        Preferences p = vm.preferences();
        if (stage != null) {
            p = p.withWindow(stage.isMaximized() ? p.windowWidth() : stage.getWidth(),
                    stage.isMaximized() ? p.windowHeight() : stage.getHeight(), stage.isMaximized());
            if (!stage.isMaximized() && !Double.isNaN(stage.getX()) && !Double.isNaN(stage.getY())) {
                p = p.withPosition(stage.getX(), stage.getY());
            }
        }
        List<Double> dividers = new ArrayList<>();
        double[] m = main.getDividerPositions();
        dividers.add(m.length > 0 ? m[0] : DEFAULT_DIVIDERS[0]);
        dividers.add(m.length > 1 ? m[1] : DEFAULT_DIVIDERS[1]);
        dividers.add(top.getDividerPositions().length > 0 ? top.getDividerPositions()[0] : DEFAULT_DIVIDERS[2]);
        dividers.add(bottom.getDividerPositions().length > 0 ? bottom.getDividerPositions()[0]
                : DEFAULT_DIVIDERS[3]);
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
