package dev.cutover.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LinkLab;
import dev.cutover.capture.live.LiveInterface;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.ui.FxTasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.main.MainView;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.Preferences;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Capture menu driven in the main window (headless, on Monocle) on a real capture: a veth pair with unique
 * names and no addresses (cw0-PID sends, cw1-PID listens) in this namespace, deleted afterwards. Skipped, with the
 * reason, when not root or libpcap is missing.
 */
@ExtendWith(ApplicationExtension.class)
class LiveCaptureWindowTest {
    // Named after this process and apart from LiveCaptureViewModelIntegrationTest's pair, so no run captures another's frames.
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid() % 100000);
    private static final String SEND = "cw0-" + SUFFIX;
    private static final String LISTEN = "cw1-" + SUFFIX;
    /** How long anything asynchronous may take before the test fails (a loaded 2-core build machine is slow). */
    private static final long WAIT_SECONDS = 30;

    private static String skip;

    private FxTasks tasks;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private Path dir;
    /** A copy of the ESXi sample, the one file in File > Open Recent. */
    private Path recent;

    @BeforeAll
    static void link() throws Exception {
        skip = LinkLab.ownPair(SEND, LISTEN);
    }

    @AfterAll
    static void removeLink() {
        if (skip == null) {
            LinkLab.removePair(SEND);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("cutover-live-window-test");
        recent = dir.resolve("vmnic2.pcap");
        Files.copy(UiFixtures.SAMPLE, recent);
        // a window size the test window does not have, so the preferences saved on closing can be told apart
        new PreferencesStore(dir).save(Preferences.defaults().withWindow(900, 600, false)
                .withRecentFiles(List.of(recent.toString())));
        tasks = new FxTasks();
        vm = new MainViewModel(tasks, new AnalysisMigrations(), new PreferencesStore(dir));
        view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        // dialogs still open are hidden by TestFX after this; a capture still running is stopped here
        robot.interact(() -> vm.close());
        tasks.shutdown();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void framesMigrationAndStatusShowLiveAndTheUnsavedCaptureIsAskedAboutBeforeTheWindowCloses(FxRobot robot)
            throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        startFromTheMenu(robot, null);
        LinkLab.inject(SEND, LinkLab.migrationTraffic());

        int n = LinkLab.MIGRATION_FRAMES;
        // A well-formed migration raises no finding once all of it has come, so nothing stays announced (a
        // snapshot taken between the RARP burst and the gratuitous ARP may announce no-arp-frames for a while).
        waitUntil("the packet list, migrations pane and status bar show " + n + " frames and the migration", () ->
                packets(robot).getItems().size() == n
                        && migrations(robot).getItems().size() == 1
                        && vm.timeline().model().lanes().size() == 1
                        && text(robot, "#statusLive").startsWith("Capturing on " + LISTEN + ": " + n + " frames")
                        && text(robot, "#statusFindings").equals("Findings: none")
                        && text(robot, "#statusMessage").isEmpty());
        // read on the FX thread, where the snapshots and their analyses are shown
        onFx(() -> {
            assertThat(migrations(robot).getItems().get(0).frames()).hasSize(n);
            assertThat(vm.timeline().model().lanes().get(0).marks()).hasSize(n);
            assertThat(stage.getTitle()).isEqualTo("Cutover — live on " + LISTEN);
            return null;
        });

        menu(robot, "#stopCaptureMenuItem");
        // the status is set just after running turns false: both are checked on the FX thread, together
        waitUntil("the capture stops", () -> !vm.live().runningProperty().get()
                && text(robot, "#statusLive").startsWith("Stopped"));
        assertThat(text(robot, "#statusLive")).startsWith("Stopped: 5 frames, 0 dropped by the kernel, 0 by the queue");

        // the close button: the unsaved frames are asked about, and Cancel keeps the window and its frames
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane discard = dialog(robot, "discardDialog");
        assertThat(discard.getContentText()).contains(n + " frames that were not saved");
        robot.clickOn(discard.lookupButton(ButtonType.CANCEL));
        waitUntil("the question is gone", () -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(stage.isShowing()).isTrue();
        assertThat(packets(robot).getItems()).hasSize(n);
        assertThat(vm.live().needsConfirmationToDiscard()).isTrue();
        assertThat(savedWidth()).isEqualTo(900);

        // Save Live Capture As: pcapng keeps the interface's name and the capture filter, pcap the frames
        Path pcapng = dir.resolve("migration.pcapng");
        Path pcap = dir.resolve("migration.pcap");
        List<Path> targets = new ArrayList<>(List.of(pcapng, pcap));
        view.liveCapture().setSaveTarget(owner -> {
            assertThat(owner).isSameAs(stage);
            return targets.remove(0).toFile();
        });
        menu(robot, "#saveCaptureMenuItem");
        menu(robot, "#saveCaptureMenuItem");
        // the two saves run on two threads of the pool: either may end first
        waitUntil("both files are written", () -> targets.isEmpty() && Files.exists(pcapng) && Files.exists(pcap));
        try (Capture c = Capture.open(pcapng)) {
            assertThat(c.frameCount()).isEqualTo(n);
            assertThat(c.interfaces().get(0).name()).isEqualTo(LISTEN);
        }
        assertThat(Files.readString(pcapng, StandardCharsets.ISO_8859_1)).contains(LiveOptions.MIGRATION_FILTER);
        try (Capture c = Capture.open(pcap)) {
            assertThat(c.frameCount()).isEqualTo(n);
        }
        waitUntil("the capture counts as saved", () -> !vm.live().needsConfirmationToDiscard());

        // saved: the close request closes the window without asking, preferences saved
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil("the window closes", () -> !stage.isShowing());
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
        assertThat(savedWidth()).isEqualTo(1280);
    }

    @Test
    void closingWithUnsavedFramesOffersSaveAndClosesOnceTheyAreWritten(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        startFromTheMenu(robot, null);
        LinkLab.inject(SEND, LinkLab.migrationTraffic());
        int n = LinkLab.MIGRATION_FRAMES;
        waitUntil("the frames arrive", () -> vm.live().framesProperty().get() == n);
        Path target = dir.resolve("before-quit.pcapng");
        view.liveCapture().setSaveTarget(owner -> target.toFile());
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        DialogPane question = dialog(robot, "discardDialog");
        assertThat(question.getButtonTypes()).containsExactly(LiveCaptureControls.SAVE, LiveCaptureControls.DISCARD,
                ButtonType.CANCEL);
        robot.clickOn(question.lookupButton(LiveCaptureControls.SAVE));
        waitUntil("the window closes once the frames are written", () -> !stage.isShowing());
        try (Capture c = Capture.open(target)) {
            assertThat(c.frameCount()).isEqualTo(n);
        }
        assertThat(savedWidth()).isEqualTo(1280);
    }

    @Test
    void aBadCaptureFilterShowsLibpcapsMessageAndKeepsTheUnsavedCapture(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        startFromTheMenu(robot, null);
        LinkLab.inject(SEND, LinkLab.migrationTraffic());
        // the counts follow each drain, the list only the next snapshot once it is analysed: wait for the list
        waitUntil("the frames arrive and are on show", () -> vm.live().framesProperty().get()
                == LinkLab.MIGRATION_FRAMES && packets(robot).getItems().size() == LinkLab.MIGRATION_FRAMES);

        // the filter is checked before anything is asked or stopped: the running capture carries on
        startFromTheMenu(robot, "vlan and and");
        DialogPane error = dialog(robot, "liveCaptureDialog");
        assertThat(error.getContentText()).contains("syntax error");
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
        robot.clickOn(error.lookupButton(ButtonType.OK));
        waitUntil("the message is gone", () -> robot.lookup("#liveCaptureDialog").tryQuery().isEmpty());
        assertThat(vm.live().runningProperty().get()).isTrue();
        assertThat(vm.live().needsConfirmationToDiscard()).isTrue();
        assertThat(packets(robot).getItems()).hasSize(LinkLab.MIGRATION_FRAMES);
    }

    @Test
    void aFindingIsAnnouncedLiveUntilTakenBackAndRestartOrADroppedFileAsksFirst(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        startFromTheMenu(robot, null);
        // the RARP burst alone: with no ARP at all, the analysis says the capture looks filtered to RARP
        List<String> rarpOnly = new ArrayList<>(LinkLab.migrationTraffic());
        String garp = rarpOnly.remove(rarpOnly.size() - 2);
        LinkLab.inject(SEND, rarpOnly);
        waitUntil("the finding is announced in the status bar", () -> packets(robot).getItems().size() == 4
                && text(robot, "#statusMessage").startsWith("Finding: no-arp-frames")
                && text(robot, "#statusFindings").startsWith("Findings: 1"));
        // the guest's gratuitous ARP takes it back: the status bar no longer announces it
        LinkLab.inject(SEND, List.of(garp));
        waitUntil("the finding is no longer announced", () -> packets(robot).getItems().size() == 5
                && text(robot, "#statusMessage").isEmpty()
                && text(robot, "#statusFindings").equals("Findings: none"));

        // Restart with unsaved frames asks; Cancel keeps them
        menu(robot, "#restartCaptureMenuItem");
        DialogPane discard = dialog(robot, "discardDialog");
        robot.clickOn(discard.lookupButton(ButtonType.CANCEL));
        waitUntil("the question is gone", () -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(vm.live().framesProperty().get()).isEqualTo(5);
        assertThat(vm.live().needsConfirmationToDiscard()).isTrue();

        // File > Open Recent asks; Cancel opens nothing
        robot.clickOn(menuBarButton(robot, "File"));
        robot.clickOn("#recentMenu");
        robot.clickOn(recent.toString());
        discard = dialog(robot, "discardDialog");
        robot.clickOn(discard.lookupButton(ButtonType.CANCEL));
        waitUntil("the question is gone", () -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(vm.capture().filesProperty().get()).isEmpty();
        assertThat(vm.live().runningProperty().get()).isTrue();

        // a dropped file asks too; Cancel opens nothing
        Path dropped = dir.resolve("vmnic3.pcap");
        Files.copy(UiFixtures.SAMPLE, dropped);
        drop(robot, dropped);
        discard = dialog(robot, "discardDialog");
        robot.clickOn(discard.lookupButton(ButtonType.CANCEL));
        waitUntil("the question is gone", () -> robot.lookup("#discardDialog").tryQuery().isEmpty());
        assertThat(vm.capture().filesProperty().get()).isEmpty();
        assertThat(vm.live().runningProperty().get()).isTrue();

        // OK: the capture stops and the file replaces it
        drop(robot, dropped);
        discard = dialog(robot, "discardDialog");
        robot.clickOn(discard.lookupButton(LiveCaptureControls.DISCARD));
        waitUntil("the dropped file is shown", () -> packets(robot).getItems().size() == UiFixtures.SAMPLE_FRAMES
                && stage.getTitle().equals("Cutover — vmnic3.pcap"));
        assertThat(vm.live().runningProperty().get()).isFalse();
        assertThat(vm.live().needsConfirmationToDiscard()).isFalse();
        assertThat(text(robot, "#statusLive")).isEmpty();
        assertThat(robot.lookup("#discardDialog").tryQuery()).isEmpty();
    }

    @Test
    void aRingOfFilesAskedForInTheStartDialogIsWrittenAndTheWindowClosesWithoutAsking(FxRobot robot)
            throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path folder = Files.createDirectory(dir.resolve("ring"));
        startFromTheMenu(robot, null, folder.resolve("watch.pcapng"));
        LinkLab.inject(SEND, LinkLab.migrationTraffic());
        int n = LinkLab.MIGRATION_FRAMES;
        waitUntil("the packet list shows " + n + " frames", () -> packets(robot).getItems().size() == n);
        assertThat(vm.live().needsConfirmationToDiscard()).isFalse(); // they go to the files
        menu(robot, "#stopCaptureMenuItem");
        waitUntil("the status bar names the file", () -> text(robot, "#statusLive").contains("written to "));
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("watch_00001_\\d{14}\\.pcapng");
        try (Capture c = Capture.open(files.get(0))) {
            assertThat(c.frameCount()).isEqualTo(n);
            assertThat(c.interfaces().get(0).name()).isEqualTo(LISTEN);
        }
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil("the window closes", () -> !stage.isShowing());
        // the windows are listed on the FX thread: TestFX's own lookup iterates them from this thread and can
        // meet the list while the closing window leaves it
        boolean asked = WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#discardDialog") != null)).get();
        assertThat(asked).isFalse();
    }

    /** Capture > Start…: the listening veth chosen in the list, the filter kept or typed over, OK. */
    private void startFromTheMenu(FxRobot robot, String filter) throws TimeoutException {
        startFromTheMenu(robot, filter, null);
    }

    /** As above, and with ringFiles not null, a ring of files made from that name is asked for. */
    private void startFromTheMenu(FxRobot robot, String filter, Path ringFiles) throws TimeoutException {
        menu(robot, "#startCaptureMenuItem");
        DialogPane start = dialog(robot, "startCaptureDialog");
        ComboBox<LiveInterface> iface = robot.from(start).lookup("#captureInterface").queryComboBox();
        LiveInterface listen = iface.getItems().stream().filter(i -> i.name().equals(LISTEN)).findFirst()
                .orElseThrow(() -> new AssertionError(LISTEN + " is not in the list"));
        robot.clickOn(iface);
        ListView<?> list = robot.lookup(".combo-box-popup .list-view").queryAs(ListView.class);
        robot.interact(() -> list.scrollTo(iface.getItems().indexOf(listen)));
        ListCell<?> cell = robot.from(list).lookup(".list-cell")
                .match((ListCell<?> c) -> listen.equals(c.getItem())).queryAs(ListCell.class);
        // the list tells each interface by its name, description and addresses
        assertThat(cell.getText()).startsWith(LISTEN + " · ").endsWith(listen.addresses().isEmpty() ? "no address"
                : String.join(", ", listen.addresses()));
        robot.clickOn(cell);
        assertThat(iface.getValue().name()).isEqualTo(LISTEN);
        ComboBox<String> bpf = robot.from(start).lookup("#captureFilter").queryComboBox();
        assertThat(bpf.getEditor().getText()).isEqualTo(LiveOptions.MIGRATION_FILTER);
        if (filter != null) {
            robot.clickOn(bpf.getEditor());
            robot.interact(() -> bpf.getEditor().selectAll());
            robot.type(KeyCode.BACK_SPACE).write(filter);
            assertThat(bpf.getEditor().getText()).isEqualTo(filter);
        }
        if (ringFiles != null) {
            javafx.scene.control.TextField target = robot.from(start).lookup("#captureRingTarget")
                    .queryAs(javafx.scene.control.TextField.class);
            assertThat(target.isDisabled()).isTrue();
            robot.clickOn("#captureRingFiles");
            assertThat(target.isDisabled()).isFalse();
            robot.interact(() -> target.setText(ringFiles.toString()));
        }
        robot.clickOn(start.lookupButton(ButtonType.OK));
        if (filter == null) {
            waitUntil("the capture runs on " + LISTEN, () -> vm.live().runningProperty().get()
                    && text(robot, "#statusLive").startsWith("Capturing on " + LISTEN));
        }
    }

    /** Opens the Capture menu and clicks the item. */
    private static void menu(FxRobot robot, String itemId) {
        robot.clickOn(menuBarButton(robot, "Capture"));
        robot.clickOn(itemId);
    }

    private static Node menuBarButton(FxRobot robot, String name) {
        return robot.lookup("#menuBar .menu-button")
                .match((MenuButton b) -> name.equals(b.getText().replace("_", ""))).queryAs(Node.class);
    }

    private static DialogPane dialog(FxRobot robot, String id) throws TimeoutException {
        waitUntil("the dialog " + id + " shows", () -> robot.lookup("#" + id).tryQuery().isPresent());
        return robot.lookup("#" + id).queryAs(DialogPane.class);
    }

    private void drop(FxRobot robot, Path file) {
        robot.interact(() -> {
            Dragboard board = com.sun.javafx.scene.input.DragboardHelper.createDragboard(
                    com.sun.javafx.tk.Toolkit.getToolkit().createLocalClipboard());
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            board.setContent(content);
            view.fireEvent(new DragEvent(DragEvent.DRAG_DROPPED, board, 10, 10, 10, 10, TransferMode.COPY,
                    null, null, null));
        });
    }

    private double savedWidth() {
        return new PreferencesStore(dir).load().windowWidth();
    }

    /** Waits with the condition checked on the FX thread, where the live capture changes what it reads. */
    private static void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        dev.cutover.testsupport.Waits.untilOnFx(WAIT_SECONDS, what, condition);
    }

    private static <T> T onFx(Callable<T> read) throws TimeoutException {
        return dev.cutover.testsupport.Waits.onFx(WAIT_SECONDS, read);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> packets(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<MigrationRow> migrations(FxRobot robot) {
        return robot.lookup("#migrationTable").queryAs(TableView.class);
    }
}
