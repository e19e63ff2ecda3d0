package dev.cutover.ui.migrations;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.ui.BackgroundTask;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    void theAnalysisFindsTheVmItsRarpBurstAndItsGratuitousArp() throws Exception {
        MigrationReport report = new AnalysisMigrations().analyse(capture, LoadMonitor.NONE);
        assertThat(report.rows()).hasSize(1);
        MigrationRow vm = report.rows().get(0);
        assertThat(vm.mac()).isEqualTo("00:50:56:9d:b0:51");
        assertThat(vm.vendor()).isEqualTo("VMware");
        assertThat(vm.vlans()).containsExactly(10);
        assertThat(vm.interfaces()).containsExactly("esxi-vmotion-vlan10.pcap");
        assertThat(vm.rarpCount()).isGreaterThanOrEqualTo(3);
        assertThat(vm.garpIps()).containsExactly("10.0.10.52");
        assertThat(vm.delay().orElseThrow()).isPositive();
        assertThat(vm.frames()[0]).isEqualTo(UiFixtures.FIRST_RARP);
        // RARP burst and GARP within the window: a clean migration, nothing to report.
        assertThat(report.findings()).isEmpty();
        assertThat(vm.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void withoutAnalysisThereIsNothingToShow() {
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, MigrationSource.NONE, f -> { });
        vm.setCapture(capture);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: none");
    }

    @Test
    void pickingARowSelectsItsFrames() {
        List<int[]> selected = new ArrayList<>();
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, new AnalysisMigrations(), selected::add);
        vm.setCapture(capture);
        assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: none");
        vm.select(vm.rows().get(0));
        assertThat(selected).hasSize(1);
        assertThat(selected.get(0)).isEqualTo(vm.rows().get(0).frames());
    }

    @Test
    void aSilentVmGivesAWarningAndItsRowSaysNoGarp() throws Exception {
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, new AnalysisMigrations(), f -> { });
        try (Capture silent = Capture.open(UiFixtures.SILENT_VM)) {
            vm.setCapture(silent);
            assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: 1 warning");
            assertThat(vm.reportProperty().get().findings()).extracting(f -> f.code().id())
                    .containsExactly("rarp-without-garp");
            Verdict v = vm.rows().get(0).verdict();
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.word()).isEqualTo("No GARP");
            assertThat(v.explanation()).contains(vm.reportProperty().get().findings().get(0).message());
            assertThat(vm.analysingProperty().get()).isFalse();
        }
    }

    @Test
    void theSummaryCountsBySeverity() {
        assertThat(MigrationsViewModel.summary(java.util.Map.of(Severity.WARNING, 2, Severity.ERROR, 1)))
                .isEqualTo("Findings: 1 error, 2 warnings");
        assertThat(MigrationsViewModel.summary(java.util.Map.of(Severity.NOTE, 80, Severity.CHAT, 1)))
                .isEqualTo("Findings: 80 notes, 1 chat");
        assertThat(MigrationsViewModel.summary(java.util.Map.of())).isEqualTo("Findings: none");
    }

    @Test
    void aCaptureCutShortAfterOpeningSaysTheAnalysisFailedAndWhyInsteadOfNoMigration(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cut.pcap");
        Files.copy(UiFixtures.SAMPLE, file);
        MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, new AnalysisMigrations(), f -> { });
        try (Capture c = Capture.open(file)) {
            // the file is cut to its header after it was indexed: every frame's read fails
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(24);
            }
            vm.setCapture(c);
        }
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.analysingProperty().get()).isFalse();
        assertThat(vm.failureProperty().get())
                .startsWith("The migration analysis of cut.pcap failed at byte ").doesNotContain(dir.toString())
                .contains("ends past the end of the file; was the file changed?");
        assertThat(vm.emptyTextProperty().get()).isEqualTo(vm.failureProperty().get()).doesNotContain("No migration");
        assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: analysis failed");
        assertThat(vm.reportProperty().get()).isSameAs(MigrationReport.EMPTY);
    }

    @Test
    void anUnexpectedErrorInTheAnalysisShowsItsMessageAndIsLoggedOnce() {
        Logger log = Logger.getLogger(BackgroundTask.class.getName());
        List<LogRecord> logged = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parent = log.getUseParentHandlers();
        log.setUseParentHandlers(false); // meant here; kept out of the build's output
        log.addHandler(h);
        try {
            MigrationsViewModel vm = new MigrationsViewModel(Tasks.DIRECT, (c, m) -> {
                throw new IllegalStateException("burst 3 has no first frame");
            }, f -> { });
            vm.setCapture(capture);
            assertThat(vm.failureProperty().get()).isEqualTo("The migration analysis of esxi-vmotion-vlan10.pcap "
                    + "failed: IllegalStateException: burst 3 has no first frame");
            assertThat(vm.emptyTextProperty().get()).isEqualTo(vm.failureProperty().get());
            assertThat(logged).hasSize(1);
            assertThat(logged.get(0).getThrown()).hasMessage("burst 3 has no first frame");
        } finally {
            log.removeHandler(h);
            log.setUseParentHandlers(parent);
        }
    }

    @Test
    void aNewerCaptureDropsTheOlderAnalysisWhichNeverArrives() throws Exception {
        List<Runnable> held = new ArrayList<>();
        Tasks later = new Tasks() {
            @Override
            public void background(Runnable work) {
                held.add(work);
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public java.util.concurrent.Executor serial(String name) {
                return this::background;
            }
        };
        MigrationsViewModel vm = new MigrationsViewModel(later, new AnalysisMigrations(), f -> { });
        try (Capture silent = Capture.open(UiFixtures.SILENT_VM)) {
            vm.setCapture(capture);
            vm.setCapture(silent);
            assertThat(vm.emptyTextProperty().get()).isEqualTo("Analysing silent-vm-rarp-no-garp.pcap…");
            new ArrayList<>(held).forEach(Runnable::run);
            assertThat(vm.captureProperty().get()).isSameAs(silent);
            assertThat(vm.findingSummaryProperty().get()).isEqualTo("Findings: 1 warning");
            assertThat(vm.rows()).hasSize(1);
            assertThat(vm.rows().get(0).verdict().word()).isEqualTo("No GARP");
            assertThat(vm.emptyTextProperty().get()).startsWith("No migration seen");
        }
    }
}
