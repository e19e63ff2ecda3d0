package dev.cutover.ui.packets;

import dev.cutover.capture.ByteSource;
import dev.cutover.capture.Capture;
import dev.cutover.capture.MemoryByteSource;
import dev.cutover.ui.FxTasks;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A display filter on a capture whose bytes come slowly (headless, in a filter bar over the packet list): it shows
 * how far it got and the rows matched so far, and Cancel or Esc in the field stops it keeping those. The source is
 * held, not timed: reading frame 5,001 waits for the test, and so does reading frame 10,001.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressiveFilterWindowTest {
    private static final int FRAMES = 20_000;
    private static final long WAIT_SECONDS = 20;
    private static final String FILTER = "udp && frame.len > 1250";
    private static final Pattern FILTERING = Pattern.compile("Filtering… ([\\d,]+) of 20,000 frames, ([\\d,]+) matched");

    private final CountDownLatch firstGate = new CountDownLatch(1);
    private final CountDownLatch secondGate = new CountDownLatch(1);
    /** Counted down when the pass waits at a gate. */
    private final CountDownLatch atFirstGate = new CountDownLatch(1);
    private final CountDownLatch atSecondGate = new CountDownLatch(1);
    private FxTasks tasks;
    private Path dir;
    private Capture file;
    private Capture slow;
    private PacketListViewModel packets;
    private FilterViewModel filter;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("cutover-progressive-filter-test");
        Path pcap = writeUdp(dir.resolve("udp.pcap"));
        file = Capture.open(pcap);
        long first = file.index().dataOffset(5_000);
        long second = file.index().dataOffset(10_000);
        ByteSource bytes = new MemoryByteSource(Files.readAllBytes(pcap));
        ByteSource held = new ByteSource() {
            @Override
            public long size() throws IOException {
                return bytes.size();
            }

            @Override
            public int read(long pos, byte[] dst, int off, int len) throws IOException {
                try {
                    if (pos >= first && firstGate.getCount() > 0) {
                        atFirstGate.countDown();
                    }
                    if (pos >= first && !firstGate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException("the test never let the read go on");
                    }
                    if (pos >= second && secondGate.getCount() > 0) {
                        atSecondGate.countDown();
                    }
                    if (pos >= second && !secondGate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IOException("the test never let the read go on");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
                return bytes.read(pos, dst, off, len);
            }

            @Override
            public void close() throws IOException {
                bytes.close();
            }
        };
        slow = Capture.of(file.sources().get(0), file.interfaces().get(0), file.index(), held,
                file.maxCapturedLength());
        tasks = new FxTasks();
        packets = new PacketListViewModel(tasks);
        filter = new FilterViewModel(packets::applyFilter);
        filter.follow(packets.filteringProperty(), packets.filterProgressProperty(), packets.filterStatusProperty(),
                packets::cancelFilter);
        packets.setCapture(slow);
        stage.setScene(new Scene(new VBox(new FilterBar(filter), new PacketListView(packets)), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        firstGate.countDown();
        secondGate.countDown();
        tasks.shutdown();
        file.close();
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void progressAndRowsShowAsItRunsAndEscStopsItKeepingTheMatches(FxRobot robot) throws Exception {
        robot.interact(() -> {
            filter.textProperty().set(FILTER);
            filter.apply();
        });
        assertThat(status(robot)).matches(FILTERING);
        assertThat(robot.lookup("#filterProgress").query().isVisible()).isTrue();
        assertThat(robot.lookup("#cancelFilterButton").query().isVisible()).isTrue();
        // held at frame 5,001 for a while, so the next progress report comes at the next poll after it
        assertThat(atFirstGate.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        firstGate.countDown();
        waitUntil("the matches so far are shown", () -> examined(robot) > 5_000);
        // read once: the pass goes on to the window held at frame 10,001 meanwhile
        Matcher progress = FILTERING.matcher(robot.lookup("#filterStatus").queryAs(Label.class).getText());
        assertThat(progress.matches()).isTrue();
        int examined = Integer.parseInt(progress.group(1).replace(",", ""));
        int matched = Integer.parseInt(progress.group(2).replace(",", ""));
        assertThat(examined).isBetween(5_001, FRAMES - 1);
        assertThat(matched).isEqualTo(matchesBelow(examined)).isPositive();
        waitUntil("the rows matched so far are on show", () -> table(robot).getItems().size() >= matched);
        // copied on the FX thread: the pass appends rows there meanwhile
        assertThat(rows(robot)).hasSizeGreaterThanOrEqualTo(matched)
                .allMatch(f -> file.index().originalLength(f) > 1250);
        assertThat(robot.lookup("#filterProgress").queryAs(ProgressBar.class).getProgress())
                .isBetween(examined / (double) FRAMES, 0.99);
        assertThat(packets.filteringProperty().get()).isTrue();

        assertThat(atSecondGate.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        secondGate.countDown();
        waitUntil("the filter stops", () -> !packets.filteringProperty().get());
        Matcher m = Pattern.compile("Filter cancelled: ([\\d,]+) of 20,000 frames examined, ([\\d,]+) matched")
                .matcher(status(robot));
        assertThat(m.matches()).as(status(robot)).isTrue();
        int stoppedAt = Integer.parseInt(m.group(1).replace(",", ""));
        int kept = Integer.parseInt(m.group(2).replace(",", ""));
        assertThat(stoppedAt).isBetween(10_001, FRAMES - 1);
        assertThat(kept).isEqualTo(matchesBelow(stoppedAt));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot)).hasSize(kept);
        assertThat(packets.displayed().count()).isEqualTo(kept);
        // Esc stopped the filter; it did not clear it
        assertThat(filter.textProperty().get()).isEqualTo(FILTER);
        assertThat(robot.lookup("#filterProgress").query().isVisible()).isFalse();
        assertThat(robot.lookup("#cancelFilterButton").query().isVisible()).isFalse();
    }

    @Test
    void theCancelButtonStopsItAndAFilterRunToTheEndSaysNothingMore(FxRobot robot) throws Exception {
        robot.interact(() -> {
            filter.textProperty().set(FILTER);
            filter.apply();
        });
        assertThat(atFirstGate.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#cancelFilterButton");
        firstGate.countDown();
        waitUntil("the filter stops", () -> !packets.filteringProperty().get());
        Matcher m = Pattern.compile("Filter cancelled: ([\\d,]+) of 20,000 frames examined, ([\\d,]+) matched")
                .matcher(status(robot));
        assertThat(m.matches()).as(status(robot)).isTrue();
        int stoppedAt = Integer.parseInt(m.group(1).replace(",", ""));
        assertThat(stoppedAt).isBetween(5_001, 10_000);
        assertThat(rows(robot)).hasSize(matchesBelow(stoppedAt));

        secondGate.countDown();
        robot.interact(filter::apply);
        waitUntil("the filter runs to the end", () -> !packets.filteringProperty().get());
        assertThat(rows(robot)).hasSize(matchesBelow(FRAMES));
        assertThat(status(robot)).isEmpty();
        assertThat(robot.lookup("#filterRunning").query().isVisible()).isFalse();
        // with no filter running, Esc clears the filter as before
        robot.clickOn("#filterField").type(KeyCode.ESCAPE);
        waitUntil("every frame is shown again", () -> table(robot).getItems().size() == FRAMES);
        assertThat(filter.textProperty().get()).isEmpty();
    }

    /**
     * UDP frames of 1000 to 1499 bytes, captured whole: a filter pass reads them through 4 MB windows of a few
     * thousand frames each, so holding a read holds the pass near that frame.
     */
    private static Path writeUdp(Path file) throws IOException {
        java.util.Random random = new java.util.Random(7);
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(out, 1, 65535, false)) {
            for (int i = 0; i < FRAMES; i++) {
                int length = 1000 + random.nextInt(500);
                byte[] frame = new byte[length];
                frame[5] = 2;
                frame[11] = 4;
                frame[12] = 0x08;
                frame[14] = 0x45;
                int total = length - 14;
                frame[16] = (byte) (total >> 8);
                frame[17] = (byte) total;
                frame[22] = 64;
                frame[23] = 17;
                frame[26] = 10;
                frame[29] = (byte) i;
                frame[30] = 10;
                frame[33] = 9;
                frame[34] = 0x13;
                frame[35] = (byte) 0x88;
                frame[36] = 0x13;
                frame[37] = (byte) 0x89;
                frame[38] = (byte) ((total - 20) >> 8);
                frame[39] = (byte) (total - 20);
                w.write(1_763_712_000_000_000_000L + i * 1_000_000L, frame, 0, length, length);
            }
        }
        return file;
    }

    private int matchesBelow(int frames) {
        int n = 0;
        for (int i = 0; i < frames; i++) {
            if (file.index().originalLength(i) > 1250) {
                n++;
            }
        }
        return n;
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#filterStatus").queryAs(Label.class).getText();
    }

    private static int examined(FxRobot robot) {
        return number(robot, 1);
    }

    private static int number(FxRobot robot, int group) {
        Matcher m = FILTERING.matcher(status(robot));
        return m.matches() ? Integer.parseInt(m.group(group).replace(",", "")) : -1;
    }

    /** The rows on show, copied on the FX thread (read elsewhere while rows are appended, they may be stale). */
    private static java.util.List<Integer> rows(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> java.util.List.copyOf(table(robot).getItems()))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Integer> table(FxRobot robot) {
        return robot.lookup("#packetTable").queryAs(TableView.class);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws TimeoutException {
        dev.cutover.testsupport.Waits.until(WAIT_SECONDS, what, condition);
    }
}
