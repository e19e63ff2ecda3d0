package dev.cutover.ui.annotations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While a file is still loading, its annotations are not loaded yet: nothing typed then may land in a store that
 * the end of the load replaces.
 */
class AnnotationsWhileLoadingTest {
    @TempDir
    Path dir;

    @Test
    void nothingIsWrittenWhileTheFileLoadsAndTheFilesAnnotationsComeWithTheEndOfTheLoad() throws Exception {
        Path capture = dir.resolve("vmotion.pcap");
        Files.copy(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"), capture);
        AnnotationsViewModel vm = new AnnotationsViewModel();
        vm.setFiles(List.of(capture), 77);
        vm.showFrame(40);
        vm.commentProperty().set("first RARP");
        vm.apply();
        assertThat(vm.store().get(41).comment()).isEqualTo("first RARP");

        // the same file opened again: while it loads, the panel is off and writes nothing
        vm.waitForLoad();
        assertThat(vm.waitingProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("once the capture has loaded");
        vm.showFrame(41);
        vm.commentProperty().set("typed while loading");
        vm.apply();
        vm.remove();
        assertThat(vm.store().get(42)).isNull();

        vm.setFiles(List.of(capture), 77);
        assertThat(vm.waitingProperty().get()).isFalse();
        assertThat(vm.store().get(41).comment()).isEqualTo("first RARP");
        assertThat(vm.store().get(42)).isNull();
        vm.showFrame(41);
        vm.commentProperty().set("after the load");
        vm.apply();
        assertThat(vm.store().get(42).comment()).isEqualTo("after the load");
    }
}
