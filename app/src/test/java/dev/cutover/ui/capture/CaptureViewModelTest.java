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
}
