package dev.cutover.ui.capture;

import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveInterface;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
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
            whenMayReplace(vm::restart);
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

    /** The unsaved-capture question's answers, as a desktop application asks before it closes a document. */
    public static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.YES);
    public static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    /**
     * Before anything replaces or closes the live capture: when it holds frames nobody saved, asks once whether to
     * save them, discard them or cancel. Save asks where, stops the capture, writes the file away from the FX
     * thread and goes on once it is written (a failure is shown and nothing goes on); Discard stops and drops the
     * capture and goes on; Cancel leaves everything as it is. With nothing unsaved it drops the capture and goes
     * on at once.
     */
    public void whenMayReplace(Runnable then) {
        if (!vm.needsConfirmationToDiscard()) {
            vm.discard();
            then.run();
            return;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, String.format("The live capture holds %,d frames that "
                + "were not saved. Save them before going on?", vm.framesProperty().get()), SAVE, DISCARD,
                ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("Unsaved capture");
        a.setHeaderText("Save the live capture?");
        a.getDialogPane().setId("discardDialog");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == DISCARD) {
            vm.discard();
            then.run();
        } else if (answer == SAVE) {
            File f = saveTarget.apply(owner);
            if (f == null) {
                return;
            }
            vm.stop();
            int lost = vm.saveInBackground(f.toPath(), null, () -> {
                vm.discard();
                then.run();
            });
            if (lost > 0) {
                alert(Alert.AlertType.INFORMATION, "Save live capture", lostComments(lost, f));
            }
        }
    }

    private static String lostComments(int lost, File f) {
        return String.format("pcap has no place for comments: the annotations of %,d frames are not in %s. "
                + "Save as pcapng to keep them.", lost, f);
    }

    private void askAndStart() {
        List<LiveInterface> interfaces;
        try {
            interfaces = LivePcap.interfaces();
        } catch (LiveCaptureException e) {
            alert(Alert.AlertType.ERROR, "Live capture", e.getMessage());
            return;
        }
        // each interface with its description and addresses, as Wireshark's capture dialog lists them, so the
        // mirror port or the bridge is found by what it is, not only by its name
        ComboBox<LiveInterface> iface = new ComboBox<>();
        iface.setId("captureInterface");
        iface.getItems().setAll(interfaces);
        iface.setCellFactory(l -> new InterfaceCell());
        iface.setButtonCell(new InterfaceCell());
        iface.setPrefWidth(480);
        iface.setVisibleRowCount(12);
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
        CheckBox promiscuous = new CheckBox("Promiscuous mode (see frames for other hosts, as on a mirror port)");
        promiscuous.setId("capturePromiscuous");
        promiscuous.setSelected(true);
        Spinner<Integer> snapLen = new Spinner<>(64, 262_144, 65_535, 64);
        snapLen.setId("captureSnapLen");
        snapLen.setEditable(true);
        Spinner<Integer> bufferMiB = new Spinner<>(1, 2_047, 16, 1);
        bufferMiB.setId("captureBuffer");
        bufferMiB.setEditable(true);
        CheckBox toFiles = new CheckBox("Write a ring of files as frames arrive");
        toFiles.setId("captureRingFiles");
        TextField target = new TextField(defaultRingTarget().toString());
        target.setId("captureRingTarget");
        target.setPrefColumnCount(28);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Ring files: the name they are made from");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcapng", "*.pcapng"));
            Path current = Path.of(target.getText().strip());
            if (current.getParent() != null && Files.isDirectory(current.getParent())) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(String.valueOf(current.getFileName()));
            File f = chooser.showSaveDialog(owner);
            if (f != null) {
                target.setText(f.getPath());
            }
        });
        Spinner<Integer> fileMb = new Spinner<>(1, 1_000_000, 100, 10);
        fileMb.setId("captureRingFileMb");
        fileMb.setEditable(true);
        Spinner<Integer> fileCount = new Spinner<>(0, 100_000, 10, 1);
        fileCount.setId("captureRingFileCount");
        fileCount.setEditable(true);
        for (javafx.scene.Node n : new javafx.scene.Node[] {target, browse, fileMb, fileCount}) {
            n.disableProperty().bind(toFiles.selectedProperty().not());
        }
        Label ringFilesHelp = new Label("Files are named like tshark's: live_00001_20261121153012.pcapng. "
                + "Each appears once complete; older ones beyond the count are deleted (0: keep all).");
        ringFilesHelp.setWrapText(true);
        ringFilesHelp.setMaxWidth(480);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Interface"), iface);
        grid.addRow(1, new Label("Capture filter (BPF)"), filter);
        grid.addRow(2, new Label("Keep the last N frames in the window (0: all)"), ring);
        grid.add(promiscuous, 0, 3, 2, 1);
        grid.addRow(4, new Label("Snap length (bytes kept of each frame)"), snapLen);
        grid.addRow(5, new Label("Kernel buffer (MiB)"), bufferMiB);
        grid.add(toFiles, 0, 6, 2, 1);
        grid.addRow(7, new Label("File name"), new HBox(6, target, browse));
        grid.addRow(8, new Label("Each file at most (MB)"), fileMb);
        grid.addRow(9, new Label("Keep the newest files"), fileCount);
        grid.add(ringFilesHelp, 0, 10, 2, 1);
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
        LiveCaptureViewModel.RingFiles ringFiles = null;
        if (toFiles.isSelected()) {
            String problem = ringTargetProblem(target.getText());
            if (problem != null) {
                alert(Alert.AlertType.ERROR, "Live capture", problem);
                return;
            }
            ringFiles = new LiveCaptureViewModel.RingFiles(Path.of(target.getText().strip()),
                    fileMb.getValue() * 1_000_000L, fileCount.getValue());
        }
        LiveOptions preset = LiveOptions.of(iface.getValue().name());
        LiveOptions options = new LiveOptions(iface.getValue().name(), filter.getEditor().getText(), snapLen.getValue(),
                promiscuous.isSelected(), bufferMiB.getValue() << 20, preset.queueCapacity());
        // a mistyped filter is told before the capture on show is given up for it
        if (!vm.checkFilter(options.filter())) {
            return;
        }
        LiveCaptureViewModel.RingFiles files = ringFiles;
        whenMayReplace(() -> vm.start(options, ring.getValue(), files));
    }

    /** "eth0 · Intel I350 · 10.0.0.5, fe80::1": what the start dialog's list shows of an interface. */
    static String describe(LiveInterface i) {
        StringBuilder sb = new StringBuilder(i.name());
        if (i.description() != null && !i.description().isBlank()) {
            sb.append(" · ").append(i.description().strip());
        }
        if (!i.addresses().isEmpty()) {
            sb.append(" · ").append(String.join(", ", i.addresses()));
        } else {
            sb.append(" · no address");
        }
        if (i.loopback()) {
            sb.append(" · loopback");
        }
        return sb.toString();
    }

    /** A line of the interface list, the whole description as its tooltip. */
    private static final class InterfaceCell extends javafx.scene.control.ListCell<LiveInterface> {
        @Override
        protected void updateItem(LiveInterface i, boolean empty) {
            super.updateItem(i, empty);
            String text = empty || i == null ? null : describe(i);
            setText(text);
            setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
        }
    }

    /** The ring's files go beside the user's home unless chosen: ~/cutover-live.pcapng. */
    private static Path defaultRingTarget() {
        return Path.of(System.getProperty("user.home"), "cutover-live.pcapng");
    }

    /** Why the ring's files cannot be written there, or null. */
    static String ringTargetProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Name the ring's files (their folder must exist).";
        }
        Path p;
        try {
            p = Path.of(text.strip()).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            return "Not a file name: " + text.strip();
        }
        if (p.getFileName() == null || p.getParent() == null || !Files.isDirectory(p.getParent())) {
            return "The folder for the ring's files does not exist: " + p.getParent();
        }
        if (!Files.isWritable(p.getParent())) {
            return "The folder for the ring's files is not writable: " + p.getParent();
        }
        return null;
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
        int lost = vm.saveInBackground(f.toPath(), null);
        if (lost > 0) {
            alert(Alert.AlertType.INFORMATION, "Save live capture", lostComments(lost, f));
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
