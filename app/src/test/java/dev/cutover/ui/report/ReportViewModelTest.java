package dev.cutover.ui.report;

import dev.cutover.capture.Capture;
import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** File > Export Report without a window: the preview, then each format written, and a failed write. */
class ReportViewModelTest {
    @TempDir
    Path dir;

    @Test
    void previewThenWriteEachFormat() throws Exception {
        AnnotationStore notes = AnnotationStore.inMemory();
        notes.put(new Annotation(UiFixtures.FIRST_RARP + 1, "cut-over starts", List.of("evidence")));
        try (Capture capture = Capture.open(UiFixtures.SAMPLE)) {
            ReportViewModel vm = new ReportViewModel(Tasks.DIRECT, () -> capture, () -> notes);
            assertThat(vm.readyProperty().get()).isFalse();
            vm.prepare();
            assertThat(vm.readyProperty().get()).isTrue();
            assertThat(vm.previewProperty().get()).contains("Migrations: 1", "Annotated frames: 1",
                    "Frame 41 RARP", "Comment: cut-over starts", "Tags: evidence");
            for (ReportViewModel.Format f : ReportViewModel.Format.values()) {
                Path target = dir.resolve("r." + f.extension());
                vm.export(target, f);
                assertThat(vm.messageProperty().get()).isEqualTo("Report written to " + target);
                assertThat(Files.size(target)).isPositive();
            }
            vm.export(dir.resolve("missing").resolve("r.html"), ReportViewModel.Format.HTML);
            assertThat(vm.messageProperty().get()).startsWith("Report not written: ");
            assertThat(dir.toFile().list()).containsExactlyInAnyOrder("r.html", "r.pdf", "r.json", "r.csv");
        }
    }

    @Test
    void nothingOpenSaysSo() {
        ReportViewModel vm = new ReportViewModel(Tasks.DIRECT, () -> null, AnnotationStore::inMemory);
        vm.prepare();
        assertThat(vm.previewProperty().get()).isEqualTo("No capture is open.");
        assertThat(vm.readyProperty().get()).isFalse();
    }
}
