package dev.cutover.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.ScriptedLiveSession;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view model on a capture scripted in memory ({@link ScriptedLiveSession}): no root, no interface, no
 * libpcap. Its clock is moved by hand, so "a second has passed" is a step of the test, not a wait.
 */
class LiveCaptureViewModelTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_763_700_000_000_000_000L;

    private final List<Capture> shown = new ArrayList<>();
    private final List<ScriptedLiveSession> opened = new ArrayList<>();
    private long now = 42 * SECOND;
    private final LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, options -> {
        ScriptedLiveSession s = ScriptedLiveSession.ethernet(options);
        opened.add(s);
        return s;
    }, shown::add, () -> now);

    private ScriptedLiveSession session() {
        return opened.get(opened.size() - 1);
    }

    private void aSecondLater() {
        now += SECOND;
        live.drain();
    }

    private static void assertShows(Capture c, List<LiveFrame> frames) throws Exception {
        assertThat(c.frameCount()).isEqualTo(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(c.frameBytes(i)).as("frame %d", i + 1).isEqualTo(frames.get(i).data());
            assertThat(c.index().timestampNanos(i)).as("frame %d", i + 1).isEqualTo(frames.get(i).timestampNanos());
        }
    }

    @Test
    void framesArriveAndASnapshotShowsThemOnceASecondWithTheMigrationFound() throws Exception {
        assertThat(live.start(LiveOptions.of("fake0"), 0)).isTrue();
        assertThat(live.runningProperty().get()).isTrue();
        assertThat(live.statusProperty().get()).isEqualTo("Capturing on fake0");

        List<LiveFrame> burst = ScriptedLiveSession.migration(T0);
        session().deliver(burst);
        live.drain();
        assertThat(live.framesProperty().get()).isEqualTo(5);
        assertThat(live.statusProperty().get())
                .isEqualTo("Capturing on fake0: 5 frames, 0 dropped by the kernel, 0 by the queue");
        assertThat(shown).isEmpty(); // not a second yet
        assertThat(live.unsavedProperty().get()).isTrue();

        aSecondLater();
        assertThat(shown).hasSize(1);
        assertShows(shown.get(0), burst);
        assertThat(shown.get(0).interfaces().get(0).name()).isEqualTo("fake0");
        assertThat(live.migrationsProperty().get()).isEqualTo(1);

        List<LiveFrame> more = ScriptedLiveSession.frames(100, 3);
        session().deliver(more);
        now += SECOND / 2;
        live.drain();
        assertThat(shown).hasSize(1); // half a second: the same snapshot
        aSecondLater();
        assertThat(shown).hasSize(2);
        List<LiveFrame> all = new ArrayList<>(burst);
        all.addAll(more);
        assertShows(shown.get(1), all);
        assertShows(shown.get(0), burst); // the snapshot before is not changed by the frames after it
        aSecondLater();
        assertThat(shown).as("nothing new: no new snapshot").hasSize(2);
        live.stop();
    }

    @Test
    void theKernelsAndTheQueuesDropsAreCountedAndShown() {
        LiveOptions small = new LiveOptions("fake0", "", 65535, true, 1 << 20, 3);
        assertThat(live.start(small, 0)).isTrue();
        session().deliver(ScriptedLiveSession.frames(0, 5)).kernelDrop(4);
        live.drain();
        assertThat(live.framesProperty().get()).isEqualTo(3);
        assertThat(live.queueDropsProperty().get()).isEqualTo(2);
        assertThat(live.kernelDropsProperty().get()).isEqualTo(4);
        assertThat(live.statusProperty().get())
                .isEqualTo("Capturing on fake0: 3 frames, 4 dropped by the kernel, 2 by the queue");
        live.stop();
        assertThat(live.statusProperty().get()).isEqualTo("Stopped: 3 frames, 4 dropped by the kernel, 2 by the queue");
    }

    @Test
    void anInterfaceThatDisappearsKeepsWhatWasCapturedAndSaysSo(@TempDir Path dir) throws Exception {
        assertThat(live.start(LiveOptions.of("fake0"), 0)).isTrue();
        List<LiveFrame> burst = ScriptedLiveSession.migration(T0);
        session().deliver(burst).disappear();
        live.drain(); // the frames queued before it went are still taken, and shown at once
        assertThat(live.runningProperty().get()).isFalse();
        assertThat(live.framesProperty().get()).isEqualTo(5);
        assertThat(live.errorProperty().get()).isEqualTo(
                "fake0: capture stopped: The interface went down; the frames captured before it are kept");
        assertThat(live.statusProperty().get()).startsWith("Stopped: 5 frames");
        assertShows(shown.get(shown.size() - 1), burst);
        assertThat(live.needsConfirmationToDiscard()).isTrue();
        Path saved = dir.resolve("rescued.pcapng");
        live.save(saved, null);
        try (Capture c = Capture.open(saved)) {
            assertShows(c, burst);
        }
        assertThat(live.needsConfirmationToDiscard()).isFalse();
    }

    @Test
    void stopShowsEverythingAndThenSaveWritesItOrDiscardDropsIt(@TempDir Path dir) throws Exception {
        assertThat(live.start(LiveOptions.of("fake0").withFilter("arp or rarp"), 0)).isTrue();
        List<LiveFrame> burst = ScriptedLiveSession.migration(T0);
        session().deliver(burst);
        live.stop(); // not a second yet: stop still shows every frame
        assertThat(session().stopAsked()).isTrue();
        assertThat(live.runningProperty().get()).isFalse();
        assertShows(shown.get(shown.size() - 1), burst);
        assertThat(live.statusProperty().get()).isEqualTo("Stopped: 5 frames, 0 dropped by the kernel, 0 by the queue");
        assertThat(live.needsConfirmationToDiscard()).isTrue();

        Path saved = dir.resolve("live.pcapng");
        boolean[] then = {false};
        assertThat(live.saveInBackground(saved, "watch", () -> then[0] = true)).isZero();
        assertThat(then[0]).isTrue();
        assertThat(live.needsConfirmationToDiscard()).isFalse();
        assertThat(live.statusProperty().get()).endsWith("; saved " + saved);
        try (Capture c = Capture.open(saved)) {
            assertShows(c, burst);
            assertThat(c.interfaces().get(0).name()).isEqualTo("fake0");
            assertThat(c.sources().get(0).comments()).containsExactly("watch");
        }

        assertThat(live.start(LiveOptions.of("fake0"), 0)).isTrue();
        session().deliver(ScriptedLiveSession.frames(0, 2));
        live.stop();
        assertThat(live.needsConfirmationToDiscard()).isTrue();
        live.discard();
        assertThat(live.needsConfirmationToDiscard()).isFalse();
        assertThat(live.statusProperty().get()).isEmpty();
        assertThat(live.framesProperty().get()).isZero();
        assertThatThrownBy(() -> live.save(dir.resolve("nothing.pcapng"), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRingKeepsTheNewestFramesNumberedFromTheOldestKept(@TempDir Path dir) throws Exception {
        assertThat(live.start(LiveOptions.of("fake0"), 3)).isTrue();
        List<LiveFrame> frames = ScriptedLiveSession.frames(0, 5);
        session().deliver(frames);
        aSecondLater();
        assertThat(live.framesProperty().get()).isEqualTo(5);
        assertShows(shown.get(0), frames.subList(2, 5));
        assertThat(live.shownOffset()).isEqualTo(2);
        live.setShownComments(i -> i == 0 ? List.of("oldest kept") : List.of());
        live.stop();
        Path saved = dir.resolve("ring.pcapng");
        live.save(saved, null);
        try (Capture c = Capture.open(saved)) {
            assertShows(c, frames.subList(2, 5));
            assertThat(c.comments(0)).containsExactly("oldest kept");
        }
    }

    @Test
    void aFindingIsAnnouncedAndTakenBackWhenLaterFramesAnswerIt() {
        assertThat(live.start(LiveOptions.of("fake0"), 0)).isTrue();
        List<LiveFrame> burst = ScriptedLiveSession.migration(T0);
        session().deliver(burst.subList(0, 4)); // the RARP burst alone: it looks filtered to RARP
        aSecondLater();
        assertThat(live.announcementProperty().get()).startsWith("Finding: no-arp-frames");
        session().deliver(burst.subList(4, 5)); // the guest's gratuitous ARP
        aSecondLater();
        assertThat(live.announcementProperty().get()).isEmpty();
        live.stop();
    }

    @Test
    void restartReplacesTheCapture() throws Exception {
        assertThat(live.start(LiveOptions.of("fake0"), 0)).isTrue();
        session().deliver(ScriptedLiveSession.frames(0, 4));
        aSecondLater();
        assertThat(live.restart()).isTrue();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).stopAsked()).isTrue();
        assertThat(live.framesProperty().get()).isZero();
        List<LiveFrame> fresh = ScriptedLiveSession.frames(50, 2);
        session().deliver(fresh);
        aSecondLater();
        assertShows(shown.get(shown.size() - 1), fresh);
        live.stop();
    }

    @Test
    void aDisplayFilterAppliedDuringTheCaptureAppliesToTheFramesThatArriveAfterIt(@TempDir Path dir)
            throws Exception {
        List<ScriptedLiveSession> sessions = new ArrayList<>();
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir),
                options -> {
                    ScriptedLiveSession s = ScriptedLiveSession.ethernet(options);
                    sessions.add(s);
                    return s;
                });
        assertThat(vm.live().start(LiveOptions.of("fake0"), 0)).isTrue();
        ScriptedLiveSession s = sessions.get(0);
        List<LiveFrame> burst = ScriptedLiveSession.migration(T0);
        s.deliver(burst);
        awaitTotal(vm, 5);
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover — live on fake0");
        assertThat(vm.migrations().rows()).hasSize(1);

        vm.filter().textProperty().set("arp.opcode == 3"); // RARP requests
        vm.filter().apply();
        assertThat(vm.packets().shownProperty().get()).isEqualTo(4);

        // two more RARP and a gratuitous ARP: the next snapshot is filtered as the one before was
        s.deliver(ScriptedLiveSession.frames(10, 3));
        awaitTotal(vm, 8);
        assertThat(vm.packets().shownProperty().get()).isEqualTo(6);
        assertThat(vm.filter().appliedProperty().get()).isEqualTo("arp.opcode == 3");
        vm.live().stop();
        assertThat(vm.packets().totalProperty().get()).isEqualTo(8);
        vm.live().discard();
    }

    /** Drains as the window does, every 100 ms, until the packet list shows this many frames (10 s at most). */
    private static void awaitTotal(MainViewModel vm, int total) throws InterruptedException {
        long end = System.nanoTime() + 10 * SECOND;
        while (vm.packets().totalProperty().get() != total && System.nanoTime() < end) {
            Thread.sleep(100);
            vm.live().drain();
        }
        assertThat(vm.packets().totalProperty().get()).isEqualTo(total);
    }
}
