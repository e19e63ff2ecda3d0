package dev.cutover.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.capture.live.LinkLab;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.main.MainViewModel;
import dev.cutover.ui.main.PreferencesStore;
import dev.cutover.ui.migrations.AnalysisMigrations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live view model on a real capture: a veth pair with unique names and no addresses (cutv0-PID, cutv1-PID) in this
 * namespace, deleted afterwards. Skipped, with the reason, when not root or libpcap is missing.
 */
class LiveCaptureViewModelIntegrationTest {
    // Named after this process, so two test runs on one machine never capture each other's frames.
    private static final String SUFFIX = Long.toString(ProcessHandle.current().pid() % 100000);
    private static final String SEND = "cv0-" + SUFFIX;
    private static final String LISTEN = "cv1-" + SUFFIX;

    /** How long frames may take to come through a loaded 2-core build machine before the test fails. */
    private static final long WAIT_SECONDS = 30;

    private static String skip;

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

    @Test
    void framesArriveInBatchesAndTheMigrationIsFoundLive(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        List<Capture> shown = new ArrayList<>();
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, shown::add);
        assertThat(live.start(LiveOptions.of(LISTEN), 0)).as(live.errorProperty().get()).isTrue();
        try {
            LinkLab.inject(SEND, LinkLab.migrationTraffic());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (live.framesProperty().get() < LinkLab.MIGRATION_FRAMES && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
            assertThat(live.framesProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
            assertThat(live.unsavedProperty().get()).isTrue();
            assertThat(live.needsConfirmationToDiscard()).isTrue();
        } finally {
            live.stop();
        }
        assertThat(live.runningProperty().get()).isFalse();
        assertThat(shown).isNotEmpty();
        assertThat(shown.get(shown.size() - 1).frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        assertThat(live.migrationsProperty().get()).isEqualTo(1);
        assertThat(live.statusProperty().get()).startsWith("Stopped: 5 frames, 0 dropped by the kernel, 0 by the queue");

        Path saved = dir.resolve("watch.pcapng");
        live.save(saved, "from the window");
        assertThat(live.needsConfirmationToDiscard()).isFalse();
        try (Capture c = Capture.open(saved)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
            assertThat(c.interfaces().get(0).name()).isEqualTo(LISTEN);
        }
        Path pcap = dir.resolve("watch.pcap");
        live.save(pcap, null);
        try (Capture c = Capture.open(pcap)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        }
    }

    @Test
    void aRingKeepsTheNewestFramesAndAFindingIsAnnounced() throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        List<Capture> shown = new ArrayList<>();
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, shown::add);
        assertThat(live.start(LiveOptions.of(LISTEN), 2)).isTrue();
        try {
            // The RARP burst alone: with no ARP at all, the analysis says the capture looks filtered to RARP.
            List<String> traffic = new ArrayList<>(LinkLab.migrationTraffic());
            traffic.remove(traffic.size() - 2);
            LinkLab.inject(SEND, traffic);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (live.framesProperty().get() < 4 && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
        } finally {
            live.stop();
        }
        assertThat(live.framesProperty().get()).isEqualTo(4);
        assertThat(live.statusProperty().get()).startsWith("Stopped: 4 frames");
        assertThat(shown.get(shown.size() - 1).frameCount()).isEqualTo(2);
        assertThat(live.announcementProperty().get()).startsWith("Finding: no-arp-frames");
    }

    @Test
    void aRingOfFilesIsWrittenAsFramesArriveAndNeedsNoSavingQuestion(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, c -> { });
        Path target = dir.resolve("watch.pcapng");
        assertThat(live.start(LiveOptions.of(LISTEN).withFilter("rarp"), 100,
                new LiveCaptureViewModel.RingFiles(target, 20_000, 2))).as(live.errorProperty().get()).isTrue();
        try {
            LinkLab.inject(SEND, List.of("@1000"));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (live.framesProperty().get() < 1000 && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
            assertThat(live.framesProperty().get()).isEqualTo(1000);
            assertThat(live.needsConfirmationToDiscard()).isFalse(); // the frames are in the files
        } finally {
            live.stop();
        }
        List<Path> files;
        try (var listing = java.nio.file.Files.list(dir)) {
            files = listing.sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(live.writtenProperty().get()).contains("2 files").contains("older deleted by the ring");
        assertThat(live.statusProperty().get()).startsWith("Stopped: 1,000 frames").contains("written to");
        try (Capture newest = Capture.open(files.get(1))) {
            assertThat(newest.interfaces().get(0).name()).isEqualTo(LISTEN);
            assertThat(newest.frameBytes(newest.frameCount() - 1))
                    .isEqualTo(dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC + 999));
        }
        assertThat(live.errorProperty().get()).isEmpty();
    }

    @Test
    void aRingOfFilesThatCannotBeWrittenSaysSoAndTheWindowsFramesStillAskToBeSaved(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, c -> { });
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("gone"));
        assertThat(live.start(LiveOptions.of(LISTEN), 0,
                new LiveCaptureViewModel.RingFiles(folder.resolve("watch.pcapng"), 1_000_000, 3))).isTrue();
        try {
            java.nio.file.Files.delete(folder); // before the first frame opens the first file
            LinkLab.inject(SEND, LinkLab.migrationTraffic());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (live.framesProperty().get() < LinkLab.MIGRATION_FRAMES && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
        } finally {
            live.stop();
        }
        assertThat(live.framesProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        assertThat(live.errorProperty().get()).startsWith("Writing the capture's files stopped: cannot write ")
                .contains("no such folder " + folder)
                .contains("save it before it is lost");
        assertThat(live.needsConfirmationToDiscard()).isTrue();
        Path saved = dir.resolve("rescued.pcapng");
        live.save(saved, null);
        try (Capture c = Capture.open(saved)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        }
    }

    @Test
    void theMainWindowsModelShowsLiveFramesAndTheMigration(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        assertThat(vm.live().start(LiveOptions.of(LISTEN), 0)).isTrue();
        try {
            LinkLab.inject(SEND, LinkLab.migrationTraffic());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (vm.live().framesProperty().get() < LinkLab.MIGRATION_FRAMES && System.nanoTime() < end) {
                Thread.sleep(100);
                vm.live().drain();
            }
        } finally {
            vm.live().stop();
        }
        assertThat(vm.packets().totalProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        assertThat(vm.migrations().rows()).hasSize(1);
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover — live on " + LISTEN);
        vm.live().discard();
        assertThat(vm.live().needsConfirmationToDiscard()).isFalse();
    }

    @Test
    void annotationsOfLiveFramesStayOffTheFileOpenBeforeAndAreSavedAsPacketComments(@TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        Path before = dir.resolve("before.pcap");
        java.nio.file.Files.copy(dev.cutover.ui.UiFixtures.SAMPLE, before);
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        vm.open(List.of(before));
        assertThat(vm.packets().totalProperty().get()).isEqualTo(dev.cutover.ui.UiFixtures.SAMPLE_FRAMES);
        assertThat(vm.live().start(LiveOptions.of(LISTEN), 0)).isTrue();
        try {
            LinkLab.inject(SEND, LinkLab.migrationTraffic());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (vm.packets().totalProperty().get() != LinkLab.MIGRATION_FRAMES && System.nanoTime() < end) {
                Thread.sleep(100);
                vm.live().drain();
            }
        } finally {
            vm.live().stop();
        }
        assertThat(vm.packets().totalProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        vm.annotations().showFrame(4); // the guest's gratuitous ARP
        vm.annotations().commentProperty().set("guest announced itself");
        vm.annotations().tagsProperty().set("evidence");
        vm.annotations().apply();
        assertThat(dev.cutover.annotations.AnnotationStore.sidecarOf(before)).doesNotExist();

        Path saved = dir.resolve("live.pcapng");
        vm.live().save(saved, null);
        try (Capture c = Capture.open(saved)) {
            assertThat(c.comments(4)).containsExactly("guest announced itself [evidence]");
            assertThat(c.comments(0)).isEmpty();
        }
        Path pcap = dir.resolve("live.pcap");
        assertThat(vm.live().saveInBackground(pcap, null)).isEqualTo(1); // pcap has no place for it
        try (Capture c = Capture.open(pcap)) {
            assertThat(c.frameCount()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        }
    }

    @Test
    void whenTheRingLetsFramesGoAnAnnotationStaysOnItsFrame(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        java.util.HexFormat hex = java.util.HexFormat.of();
        List<String> first = new ArrayList<>();
        List<String> then = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            (i < 3 ? first : then).add(hex.formatHex(dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC + i)));
        }
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
        assertThat(vm.live().start(LiveOptions.of(LISTEN).withFilter("rarp"), 3)).isTrue();
        try {
            LinkLab.inject(SEND, first);
            awaitShown(vm, 3, 3);
            vm.annotations().showFrame(2); // the third RARP
            vm.annotations().commentProperty().set("third");
            vm.annotations().apply();
            LinkLab.inject(SEND, then);
            awaitShown(vm, 5, 3);
        } finally {
            vm.live().stop();
        }
        assertThat(vm.live().shownOffset()).isEqualTo(2);
        assertThat(vm.annotations().text(0)).isEqualTo("third");
        Path saved = dir.resolve("ring.pcapng");
        vm.live().save(saved, null);
        try (Capture c = Capture.open(saved)) {
            assertThat(c.frameBytes(0)).isEqualTo(dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC + 2));
            assertThat(c.comments(0)).containsExactly("third");
        }
    }

    private static void awaitShown(MainViewModel vm, long received, int shown) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while ((vm.live().framesProperty().get() < received || vm.packets().totalProperty().get() != shown)
                && System.nanoTime() < end) {
            Thread.sleep(100);
            vm.live().drain();
        }
        // a snapshot is made at most once a second while frames arrive; wait for the one with them all
        while (vm.live().shownOffset() != received - shown && System.nanoTime() < end) {
            Thread.sleep(200);
            vm.live().drain();
        }
        assertThat(vm.live().framesProperty().get()).isEqualTo(received);
    }

    @Test
    void anInterfaceThatGoesAwayKeepsWhatWasCapturedAndSaysSo() throws Exception {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        LinkLab.quietly("ip", "link", "del", "cutv6");
        LinkLab.vethPair(null, "cutv6", "cutv7");
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, c -> { });
        try {
            assertThat(live.start(LiveOptions.of("cutv7"), 0)).isTrue();
            LinkLab.inject("cutv6", LinkLab.migrationTraffic());
            // the frames taken in before the interface goes: a fixed pause need not be long enough for the
            // capture thread of a loaded machine to read them
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (live.framesProperty().get() < LinkLab.MIGRATION_FRAMES && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
            assertThat(live.framesProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
            LinkLab.run("ip", "link", "del", "cutv6"); // takes its peer cutv7 with it
            while (live.runningProperty().get() && System.nanoTime() < end) {
                Thread.sleep(100);
                live.drain();
            }
        } finally {
            live.stop();
            LinkLab.quietly("ip", "link", "del", "cutv6");
        }
        assertThat(live.runningProperty().get()).isFalse();
        assertThat(live.framesProperty().get()).isEqualTo(LinkLab.MIGRATION_FRAMES);
        assertThat(live.errorProperty().get()).contains("cutv7").contains("the frames captured before it are kept");
        assertThat(live.needsConfirmationToDiscard()).isTrue();
    }

    @Test
    void aBadFilterDoesNotStartAndSaysWhy() {
        Assumptions.assumeTrue(skip == null, () -> "skipped: " + skip);
        LiveCaptureViewModel live = new LiveCaptureViewModel(Tasks.DIRECT, LivePcap::open, c -> { });
        assertThat(live.start(LiveOptions.of(LISTEN).withFilter("vlan and and"), 0)).isFalse();
        assertThat(live.errorProperty().get()).contains("syntax error");
        assertThat(live.runningProperty().get()).isFalse();
    }
}
