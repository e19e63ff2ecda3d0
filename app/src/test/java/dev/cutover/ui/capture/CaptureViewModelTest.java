package dev.cutover.ui.capture;

import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureViewModelTest {
    @TempDir
    Path dir;

    @Test
    void opensTheSampleAndSaysHowManyFrames() {
        CaptureViewModel vm = new CaptureViewModel(Tasks.DIRECT);
        vm.open(List.of(UiFixtures.SAMPLE));
        assertThat(vm.capture().frameCount()).isEqualTo(UiFixtures.SAMPLE_FRAMES);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.stateProperty().get()).isEqualTo("Loaded 77 frames from esxi-vmotion-vlan10.pcap");
        assertThat(vm.damageProperty().get()).isNull();
        assertThat(vm.failureProperty().get()).isNull();
    }

    @Test
    void aDamagedFileOpensWithABannerNamingTheDamage() throws Exception {
        CaptureViewModel vm = new CaptureViewModel(Tasks.DIRECT);
        vm.open(List.of(UiFixtures.damagedSample(dir)));
        assertThat(vm.capture().frameCount()).isEqualTo(UiFixtures.SAMPLE_FRAMES - 1);
        assertThat(vm.damageProperty().get()).startsWith("Damaged capture").contains("cut.pcap: frame 77 at byte");
    }

    @Test
    void aFileThatIsNoCaptureIsAFailureAndLeavesTheOpenCaptureAlone() throws Exception {
        CaptureViewModel vm = new CaptureViewModel(Tasks.DIRECT);
        vm.open(List.of(UiFixtures.SAMPLE));
        var before = vm.capture();
        vm.open(List.of(UiFixtures.notACapture(dir)));
        assertThat(vm.failureProperty().get()).startsWith("Cannot open this as a capture.").contains("notes.txt");
        assertThat(vm.capture()).isSameAs(before);
        // the status names what stays on show, not only what failed
        assertThat(vm.stateProperty().get())
                .isEqualTo("Not opened: notes.txt; still showing esxi-vmotion-vlan10.pcap (77 frames)");
        vm.acknowledgeFailure();
        assertThat(vm.failureProperty().get()).isNull();
    }

    @Test
    void addingACaptureMergesItIntoTheView() throws Exception {
        Path other = dir.resolve("vmnic2.pcap");
        Files.copy(UiFixtures.SAMPLE, other);
        CaptureViewModel vm = new CaptureViewModel(Tasks.DIRECT);
        vm.open(List.of(UiFixtures.SAMPLE));
        vm.add(List.of(other));
        assertThat(vm.capture().frameCount()).isEqualTo(2 * UiFixtures.SAMPLE_FRAMES);
        assertThat(vm.filesProperty().get()).containsExactly(UiFixtures.SAMPLE, other);
        assertThat(vm.capture().interfaces()).hasSize(2);
    }

    @Test
    void loadingRunsInTheBackgroundAndCanBeCancelled() {
        List<Runnable> background = new ArrayList<>();
        Tasks deferred = new Tasks() {
            @Override
            public void background(Runnable work) {
                background.add(work);
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public java.util.concurrent.Executor serial(String name) {
                return background::add;
            }
        };
        CaptureViewModel vm = new CaptureViewModel(deferred);
        vm.open(List.of(UiFixtures.SAMPLE));
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).startsWith("Loading esxi-vmotion-vlan10.pcap");
        vm.cancel();
        background.forEach(Runnable::run);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.capture()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo("Loading cancelled: esxi-vmotion-vlan10.pcap");
    }

    @Test
    void aFileOpenedWhileAnotherLoadsReplacesItAndTheOlderIsNeverShown() throws Exception {
        java.util.Deque<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Deque<Runnable> ui = new java.util.ArrayDeque<>();
        Tasks queued = new Tasks() {
            @Override
            public void background(Runnable work) {
                background.add(work);
            }

            @Override
            public void ui(Runnable work) {
                ui.add(work);
            }

            @Override
            public java.util.concurrent.Executor serial(String name) {
                return background::add;
            }
        };
        CaptureViewModel vm = new CaptureViewModel(queued);
        List<dev.cutover.capture.Capture> published = new ArrayList<>();
        vm.captureProperty().addListener((o, was, now) -> published.add(now));
        vm.open(List.of(UiFixtures.SAMPLE));
        background.poll().run(); // the sample is indexed; its result waits for the FX thread
        vm.open(List.of(UiFixtures.SILENT_VM));
        while (!background.isEmpty() || !ui.isEmpty()) {
            while (!background.isEmpty()) {
                background.poll().run();
            }
            while (!ui.isEmpty()) {
                ui.poll().run();
            }
        }
        assertThat(published).hasSize(1);
        assertThat(vm.filesProperty().get()).containsExactly(UiFixtures.SILENT_VM);
        assertThat(vm.stateProperty().get()).startsWith("Loaded ").endsWith("silent-vm-rarp-no-garp.pcap");
        vm.close();
    }

    /** A pcap of about 20 MB: several of the reader's 4 MB buffer refills. */
    private Path bigPcap(String name) throws Exception {
        Path file = dir.resolve(name);
        byte[] frame = new byte[1500];
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file));
             var w = new dev.cutover.capture.PcapWriter(out, 1, 65535, false)) {
            for (int i = 0; i < 13_000; i++) {
                frame[0] = (byte) i;
                w.write(i * 1_000L, frame, 0, frame.length, frame.length);
            }
        }
        return file;
    }

    @Test
    void theFramesSoFarArePublishedWhileOneFileLoadsAndClearedWhenItEnds() throws Exception {
        Path big = bigPcap("big.pcap");
        CaptureViewModel vm = new CaptureViewModel(Tasks.DIRECT);
        List<Integer> partials = new ArrayList<>();
        List<String> states = new ArrayList<>();
        vm.partialProperty().addListener((o, was, now) -> {
            if (now != null) {
                partials.add(now.frameCount());
                assertThat(vm.loadingProperty().get()).isTrue();
                assertThat(vm.capture()).isNull();
            }
        });
        vm.stateProperty().addListener((o, was, now) -> states.add(now));
        vm.open(List.of(big));
        assertThat(partials).isNotEmpty().isSorted().allMatch(n -> n > 0 && n < 13_000);
        assertThat(states).contains(String.format("Loading big.pcap… %,d frames so far", partials.get(0)));
        assertThat(vm.partialProperty().get()).isNull();
        assertThat(vm.capture().frameCount()).isEqualTo(13_000);
        assertThat(vm.capture().stopped()).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo("Loaded 13,000 frames from big.pcap");
    }

    @Test
    void aCancelDuringTheLoadOfOneFileOpensTheFramesReadSoFar() throws Exception {
        Path big = bigPcap("big.pcap");
        // the load runs when the test says, after open has returned its handle
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        CaptureViewModel vm = new CaptureViewModel(dev.cutover.ui.QueuedTasks.into(queue));
        int[] seen = {0};
        vm.partialProperty().addListener((o, was, now) -> {
            if (now != null && seen[0] == 0) {
                seen[0] = now.frameCount();
                vm.cancel();
            }
        });
        vm.open(List.of(big));
        queue.poll().run();
        assertThat(seen[0]).isPositive();
        assertThat(vm.capture().stopped()).isTrue();
        int kept = vm.capture().frameCount();
        assertThat(kept).isBetween(seen[0], 12_999);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.stateProperty().get()).isEqualTo(String.format("Loading stopped: %,d frames read from big.pcap",
                kept));
        assertThat(vm.damageProperty().get()).isEqualTo(String.format(
                "Loading was stopped: showing the first %,d frames of big.pcap", kept));
    }

    @Test
    void aCaptureAddedWhileAnotherLoadsMergesWithTheOneLoadingNotTheOneItReplaces() throws Exception {
        Path other = dir.resolve("vmnic2.pcap");
        Files.copy(UiFixtures.SAMPLE, other);
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        CaptureViewModel vm = new CaptureViewModel(dev.cutover.ui.QueuedTasks.into(queue));
        vm.open(List.of(UiFixtures.SILENT_VM));
        queue.poll().run();
        // the sample is loading (its first rows may be on show) when vmnic2.pcap is added
        vm.open(List.of(UiFixtures.SAMPLE));
        vm.add(List.of(other));
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(vm.filesProperty().get()).containsExactly(UiFixtures.SAMPLE, other);
        assertThat(vm.capture().frameCount()).isEqualTo(2 * UiFixtures.SAMPLE_FRAMES);
    }

    @Test
    void aCancelDuringTheLoadOfSeveralFilesStillOpensNothing() throws Exception {
        Path a = bigPcap("a.pcap");
        Path b = bigPcap("b.pcap");
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        CaptureViewModel vm = new CaptureViewModel(dev.cutover.ui.QueuedTasks.into(queue));
        vm.progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > 0.2) {
                vm.cancel();
            }
        });
        vm.open(List.of(a, b));
        queue.poll().run();
        assertThat(vm.capture()).isNull();
        assertThat(vm.partialProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo("Loading cancelled: a.pcap, b.pcap");
    }
}
