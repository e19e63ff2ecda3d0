package dev.cutover.ui.main;

import dev.cutover.capture.Capture;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.migrations.AnalysisMigrations;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening one big pcap in the main window (headless, at 1280x800): rows appear while it loads, the status counts the
 * frames so far, and Cancel keeps the frames read (and analyses them). The load is held, not timed: once rows are on
 * show, the loading thread waits at its next report to the FX thread until the test lets it go on.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressiveLoadWindowTest {
    private static final long WAIT_SECONDS = 20;
    /** Copies of the sample's 77 frames: about 23 MB, several of the reader's 4 MB buffer refills. */
    private static final int COPIES = 1300;
    private static final int FRAMES = COPIES * UiFixtures.SAMPLE_FRAMES;

    private final AtomicBoolean rowsShown = new AtomicBoolean();
    private final CountDownLatch goOn = new CountDownLatch(1);
    private ExecutorService pool;
    private MainViewModel vm;
    private Path dir;
    private Path big;

    /** Background work on a pool; work for the FX thread from another thread waits until it has run there. */
    private Tasks heldTasks() {
        return new Tasks() {
            @Override
            public void background(Runnable work) {
                pool.execute(work);
            }

            @Override
            public void ui(Runnable work) {
                if (Platform.isFxApplicationThread()) {
                    Platform.runLater(work);
                    return;
                }
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    try {
                        work.run();
                    } finally {
                        ran.countDown();
                    }
                });
                try {
                    ran.await();
                    if (rowsShown.get()) {
                        goOn.await();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public java.util.concurrent.Executor serial(String name) {
                return pool;
            }
        };
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cutover-progressive-load-test");
        big = dir.resolve("big.pcap");
        writeCopies(big);
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-work");
            t.setDaemon(true);
            return t;
        });
        vm = new MainViewModel(heldTasks(), new AnalysisMigrations(), new PreferencesStore(dir));
        vm.packets().shownProperty().addListener((o, was, now) -> {
            if (now.intValue() > 0 && vm.capture().loadingProperty().get()) {
                rowsShown.set(true);
            }
        });
        MainView view = new MainView(vm, stage);
        stage.setScene(view.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** The sample's frames again and again, each copy 100 s after the one before. */
    private static void writeCopies(Path target) throws IOException {
        byte[] sample = Files.readAllBytes(UiFixtures.SAMPLE);
        ByteBuffer in = ByteBuffer.wrap(sample).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length * COPIES);
        out.write(sample, 0, 24);
        byte[] records = java.util.Arrays.copyOfRange(sample, 24, sample.length);
        ByteBuffer r = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
        for (int copy = 0; copy < COPIES; copy++) {
            int p = 0;
            while (p + 16 <= records.length) {
                int seconds = in.getInt(24 + p);
                r.putInt(p, seconds + copy * 100);
                p += 16 + r.getInt(p + 8);
            }
            out.write(records);
            for (p = 0; p + 16 <= records.length; p += 16 + r.getInt(p + 8)) {
                r.putInt(p, in.getInt(24 + p));
            }
        }
        Files.write(target, out.toByteArray());
    }

    @AfterEach
    void close(FxRobot robot) throws Exception {
        goOn.countDown();
        robot.interact(() -> vm.close());
        pool.shutdownNow();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void rowsAppearWhileTheFileLoadsAndTheLoadedCaptureContinuesThem(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(List.of(big)));
        waitUntil("the first rows are on show", rowsShown::get);
        // read on the FX thread once the update that showed them has run to its end: the rows are shown in it
        // before the status bar is set, and the load waits meanwhile
        int first = onFx(() -> {
            int rows = packets(robot).getItems().size();
            assertThat(vm.capture().loadingProperty().get()).isTrue();
            assertThat(rows).isBetween(1, FRAMES - 1);
            assertThat(text(robot, "#statusLoad"))
                    .isEqualTo(String.format("Loading big.pcap… %,d frames so far", rows));
            assertThat(robot.lookup("#loadProgress").queryAs(ProgressBar.class).getProgress()).isBetween(0.0, 0.99);
            assertThat(robot.lookup("#cancelLoadButton").query().isVisible()).isTrue();
            return rows;
        });
        assertThat(first).isPositive();
        // the rows are the file's: frame 41 of each copy is its RARP notification
        // (decoded on the FX thread, which decodes the rows it draws meanwhile)
        assertThat(onFx(() -> vm.packets().text(dev.cutover.ui.packets.PacketColumn.PROTOCOL, UiFixtures.FIRST_RARP)))
                .isEqualTo("RARP");
        robot.interact(() -> vm.packets().goToFrame(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.packets().currentFrameProperty().get()).isEqualTo(4);

        goOn.countDown();
        waitUntil("the load ends", () -> !vm.capture().loadingProperty().get());
        waitUntil("every row is on show", () -> packets(robot).getItems().size() == FRAMES);
        Capture c = vm.capture().capture();
        assertThat(c.frameCount()).isEqualTo(FRAMES);
        assertThat(c.stopped()).isFalse();
        // the status bar is set on the FX thread just after the load's end is published
        String loaded = String.format("Loaded %,d frames from big.pcap", FRAMES);
        waitUntil("the status bar says the load ended", () -> loaded.equals(text(robot, "#statusLoad")));
        // the row chosen while loading stays chosen
        assertThat(onFx(() -> vm.packets().currentFrameProperty().get())).isEqualTo(4);
        waitUntil("the analysis of the whole capture", () -> vm.migrations().analysisProperty().get() != null
                && vm.migrations().analysisProperty().get().frameCount() == FRAMES);
    }

    @Test
    void cancelKeepsTheFramesReadAndAnalysesThem(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(List.of(big)));
        waitUntil("the first rows are on show", rowsShown::get);
        int first = packets(robot).getItems().size();
        robot.clickOn("#cancelLoadButton");
        goOn.countDown();
        waitUntil("the load ends", () -> !vm.capture().loadingProperty().get());
        Capture c = vm.capture().capture();
        assertThat(c).isNotNull();
        assertThat(c.stopped()).isTrue();
        int kept = c.frameCount();
        assertThat(kept).isBetween(first, FRAMES - 1);
        waitUntil("the rows kept are on show", () -> packets(robot).getItems().size() == kept);
        // the status bar and the banner are set on the FX thread just after the load's end is published
        String stopped = String.format("Loading stopped: %,d frames read from big.pcap", kept);
        waitUntil("the status bar says the load stopped", () -> stopped.equals(text(robot, "#statusLoad")));
        String banner = String.format("first %,d frames", kept);
        waitUntil("the banner says what was kept", () -> text(robot, "#damageBanner").contains(banner));
        assertThat(vm.packets().totalProperty().get()).isEqualTo(kept);
        waitUntil("the frames read are analysed", () -> vm.migrations().analysisProperty().get() != null
                && vm.migrations().analysisProperty().get().frameCount() == kept);
        assertThat(onFx(() -> List.copyOf(vm.migrations().rows()))).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> packets(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Waits with the condition checked on the FX thread, where the load publishes what it reads. */
    private static void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        dev.cutover.testsupport.Waits.untilOnFx(WAIT_SECONDS, what, condition);
    }

    private static <T> T onFx(Callable<T> read) throws TimeoutException {
        return dev.cutover.testsupport.Waits.onFx(WAIT_SECONDS, read);
    }
}
