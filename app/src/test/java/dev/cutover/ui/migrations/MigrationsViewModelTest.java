package dev.cutover.ui.migrations;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsViewModelTest {
    private Capture capture;

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(UiFixtures.SAMPLE);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void theAnalysisFindsTheVmItsRarpBurstAndItsGratuitousArp() {
        MigrationReport report = new AnalysisMigrations().analyse(capture, LoadMonitor.NONE);
        assertThat(report.rows()).hasSize(1);
        MigrationRow vm = report.rows().get(0);
        assertThat(vm.mac()).isEqualTo("00:50:56:9d:b0:51");
        assertThat(vm.vendor()).isEqualTo("VMware");
        assertThat(vm.vlans()).containsExactly(10);
        assertThat(vm.interfaces()).containsExactly("esxi-vmotion-vlan10.pcap");
        assertThat(vm.rarpCount()).isGreaterThanOrEqualTo(3);
        assertThat(vm.garpIps()).containsExactly("10.0.10.52");
        assertThat(vm.delayNanos()).isPositive();
        assertThat(vm.frames()[0]).isEqualTo(UiFixtures.FIRST_RARP);
        // RARP burst and GARP within the window: a clean migration, nothing to report.
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void withoutAnalysisThereIsNothingToShow() {
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, MigrationSource.NONE, f -> { });
        vm.setCapture(capture);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: none");
    }

    @Test
    void pickingARowOrAFindingSelectsItsFrames() {
        List<int[]> selected = new ArrayList<>();
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, new AnalysisMigrations(), selected::add);
        vm.setCapture(capture);
        assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: none");
        vm.select(vm.rows().get(0));
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0)).isEqualTo(vm.rows().get(0).frames());
    }

    @Test
    void aSilentVmGivesAWarningWhoseFramesArePicked() throws Exception {
        List<int[]> selected = new ArrayList<>();
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, new AnalysisMigrations(), selected::add);
        try (Capture silent = Capture.open(UiFixtures.SILENT_VM)) {
            vm.setCapture(silent);
            assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: 1 warning");
            assertThat(vm.findings().get(0).code()).isEqualTo("rarp-without-garp");
            vm.select(vm.findings().get(0));
            assertThat(selected.get(0)[0]).isEqualTo(UiFixtures.SILENT_VM_FIRST_RARP);
        }
    }

    @Test
    void theSummaryCountsFindingsBySeverity() {
        MigrationReport r = new MigrationReport(List.of(), List.of(
                new Finding(Severity.WARNING, "a", "A.", new int[0]),
                new Finding(Severity.ERROR, "b", "B.", new int[0]),
                new Finding(Severity.WARNING, "c", "C.", new int[0])));
        assertThat(MigrationsViewModel.summary(r)).isEqualTo("Findings: 1 error, 2 warnings");
    }
}
