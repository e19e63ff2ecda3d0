package dev.cutover.ui.main;

import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.packets.TimeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {
    @TempDir
    Path dir;

    private MainViewModel vm() {
        return new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir));
    }

    @Test
    void aFileOpenedWhileAnotherShowsItsFirstRowsDoesNotBringBackTheCaptureBeforeIt() throws Exception {
        Path big = dir.resolve("big.pcap");
        byte[] frame = new byte[1500];
        try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(big));
             var w = new dev.cutover.capture.PcapWriter(out, 1, 65535, false)) {
            for (int i = 0; i < 13_000; i++) {
                frame[0] = (byte) i;
                w.write(i * 1_000L, frame, 0, frame.length, frame.length);
            }
        }
        List<String> analysed = new java.util.ArrayList<>();
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, (c, m) -> {
            analysed.add(String.valueOf(c.sources().get(0).file().getFileName()));
            return new AnalysisMigrations().analyse(c, m);
        }, new PreferencesStore(dir));
        vm.open(List.of(UiFixtures.SAMPLE));
        List<String> titles = new java.util.ArrayList<>();
        vm.titleProperty().addListener((o, was, now) -> titles.add(now));
        boolean[] reopened = {false};
        vm.capture().partialProperty().addListener((o, was, now) -> {
            if (now != null && !reopened[0]) {
                reopened[0] = true;
                vm.open(List.of(UiFixtures.SILENT_VM)); // while big.pcap's first rows are on show
            }
        });
        vm.open(List.of(big));
        assertThat(reopened[0]).isTrue();
        assertThat(analysed).containsExactly("esxi-vmotion-vlan10.pcap", "silent-vm-rarp-no-garp.pcap");
        assertThat(titles).containsExactly("Cutover — big.pcap", "Cutover — silent-vm-rarp-no-garp.pcap");
        vm.close();
    }

    @Test
    void propertiesDuringALoadSayItLoadsRatherThanDescribeTheCaptureItReplaces() {
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        MainViewModel vm = new MainViewModel(dev.cutover.ui.QueuedTasks.into(queue), new AnalysisMigrations(),
                new PreferencesStore(dir));
        vm.open(List.of(UiFixtures.SAMPLE));
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(vm.propertiesText()).contains("esxi-vmotion-vlan10.pcap");
        vm.open(List.of(UiFixtures.SILENT_VM));
        assertThat(vm.propertiesText()).startsWith("Loading silent-vm-rarp-no-garp.pcap…")
                .endsWith("The properties are there once the load has ended.")
                .doesNotContain("esxi-vmotion-vlan10.pcap");
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(vm.propertiesText()).contains("silent-vm-rarp-no-garp.pcap").doesNotContain("once the load");
        vm.close();
    }

    @Test
    void openingSetsTheTitleStatusAndRecentFiles() {
        MainViewModel vm = vm();
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover");
        vm.open(List.of(UiFixtures.SAMPLE));
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover — esxi-vmotion-vlan10.pcap");
        assertThat(vm.frameStatus().get()).isEqualTo("Frames: 77 shown of 77");
        assertThat(vm.migrations().findingSummaryProperty().get()).isEqualTo("Findings: none");
        assertThat(vm.recentFiles()).containsExactly(UiFixtures.SAMPLE.toAbsolutePath());
        vm.open(List.of(UiFixtures.SAMPLE), "the sample");
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover — the sample");
        vm.close();
    }

    @Test
    void openRecentKeepsFilesUnderTheTemporaryFolderButNotTheBundledSample() throws Exception {
        MainViewModel vm = vm();
        Path tmp = java.nio.file.Files.createTempDirectory("cutover-recent-");
        Path mine = java.nio.file.Files.copy(UiFixtures.SAMPLE, tmp.resolve("mine.pcap"));
        try {
            vm.open(List.of(mine));
            assertThat(vm.recentFiles()).containsExactly(mine.toAbsolutePath());
            Path sample = java.nio.file.Files.copy(UiFixtures.SAMPLE, tmp.resolve("esxi-vmotion-vlan10.pcap"));
            vm.open(List.of(sample), "esxi-vmotion-vlan10.pcap (bundled sample)");
            assertThat(vm.titleProperty().get()).isEqualTo("Cutover — esxi-vmotion-vlan10.pcap (bundled sample)");
            assertThat(vm.recentFiles()).containsExactly(mine.toAbsolutePath());
            vm.open(List.of(mine));
            assertThat(vm.titleProperty().get()).isEqualTo("Cutover — mine.pcap");
        } finally {
            vm.close();
            try (var s = java.nio.file.Files.list(tmp)) {
                for (Path p : s.toList()) {
                    java.nio.file.Files.deleteIfExists(p);
                }
            }
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    @Test
    void selectingAFrameDecodesItForTheDetailsAndHex() {
        MainViewModel vm = vm();
        vm.open(List.of(UiFixtures.SAMPLE));
        vm.packets().setCurrentFrame(UiFixtures.FIRST_RARP);
        assertThat(vm.details().rootsProperty().get()).isNotEmpty();
        assertThat(vm.hex().bytesProperty().get()).hasSize(64);
        vm.close();
    }

    @Test
    void aFilterStaysAppliedWhenACaptureIsAdded() throws Exception {
        MainViewModel vm = vm();
        vm.open(List.of(UiFixtures.SAMPLE));
        vm.filter().textProperty().set("migration.notification");
        vm.filter().apply();
        int rarps = vm.packets().shownProperty().get();
        Path copy = dir.resolve("vmnic2.pcap");
        java.nio.file.Files.copy(UiFixtures.SAMPLE, copy);
        vm.add(List.of(copy));
        assertThat(vm.packets().totalProperty().get()).isEqualTo(154);
        assertThat(vm.packets().shownProperty().get()).isEqualTo(2 * rarps);
        vm.close();
    }

    @Test
    void theAnalysisFactsFilterAndShowInTheDetails() {
        MainViewModel vm = vm();
        vm.open(List.of(UiFixtures.SILENT_VM));
        vm.filter().textProperty().set("migration.finding == \"rarp-without-garp\"");
        vm.filter().apply();
        assertThat(vm.packets().shownProperty().get()).isEqualTo(6);
        vm.packets().setCurrentFrame(UiFixtures.SILENT_VM_FIRST_RARP);
        assertThat(vm.details().rootsProperty().get()).extracting(n -> n.abbrev()).contains("migration");
        vm.close();
    }

    @Test
    void theWindowHasOneFramePipelineWithTheAnalysisAndAnnotationsBound() throws Exception {
        MainViewModel vm = vm();
        vm.open(List.of(UiFixtures.SILENT_VM));
        dev.cutover.frames.FramePipeline frames = vm.framesProperty().get();
        assertThat(frames.capture().frameCount()).isEqualTo(vm.packets().totalProperty().get());
        assertThat(frames.hasAnalysis()).isTrue();
        assertThat(frames.analysis()).isSameAs(vm.migrations().analysisProperty().get());
        // the packet list's filter and the pipeline select the same frames
        String text = "migration.finding == \"rarp-without-garp\"";
        vm.filter().textProperty().set(text);
        vm.filter().apply();
        java.util.BitSet selected = frames.select(dev.cutover.filter.CompiledFilter.compile(text),
                dev.cutover.capture.LoadMonitor.NONE);
        assertThat(vm.packets().shownProperty().get()).isEqualTo(selected.cardinality()).isPositive();
        for (int row = 0; row < vm.packets().frames().size(); row++) {
            assertThat(selected.get(vm.packets().frames().get(row))).isTrue();
        }
        vm.close();
    }

    @Test
    void propertiesTellWhatCutoverInfoTells() {
        MainViewModel vm = vm();
        assertThat(vm.propertiesText()).isEqualTo("No capture is open.");
        vm.open(List.of(UiFixtures.SAMPLE));
        assertThat(vm.propertiesText()).contains("esxi-vmotion-vlan10.pcap").contains("77");
        assertThat(vm.aboutText()).startsWith("Cutover ").contains("Java 17").contains("AtlantaFX 2.0.1");
        vm.close();
    }

    @Test
    void preferencesSurviveARestart() {
        MainViewModel vm = vm();
        vm.open(List.of(UiFixtures.SAMPLE));
        vm.themeProperty().set(Theme.DARK);
        vm.packets().timeFormatProperty().set(TimeFormat.TIME_OF_DAY);
        vm.filter().textProperty().set("arp");
        vm.filter().apply();
        assertThat(vm.savePreferences(vm.preferences().withWindow(1400, 850, false))).isNull();
        vm.close();

        MainViewModel again = vm();
        assertThat(again.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(again.packets().timeFormatProperty().get()).isEqualTo(TimeFormat.TIME_OF_DAY);
        assertThat(again.filter().history()).containsExactly("arp");
        assertThat(again.recentFiles()).containsExactly(UiFixtures.SAMPLE.toAbsolutePath());
        assertThat(again.preferences().windowWidth()).isEqualTo(1400);
    }

    @Test
    void aFailedAnalysisReachesEveryPaneInsteadOfLookingLikeNoMigration() throws Exception {
        Path file = dir.resolve("uplink.pcap");
        java.nio.file.Files.copy(UiFixtures.SAMPLE, file);
        // the file is cut to its header after it was indexed and before it is analysed
        MainViewModel vm = new MainViewModel(Tasks.DIRECT, (c, m) -> {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(24);
            }
            return new AnalysisMigrations().analyse(c, m);
        }, new PreferencesStore(dir));
        vm.open(List.of(file));
        String failure = vm.migrations().failureProperty().get();
        assertThat(failure).startsWith("The migration analysis of uplink.pcap failed at byte ")
                .contains("was the file changed?");
        assertThat(vm.migrations().emptyTextProperty().get()).isEqualTo(failure);
        assertThat(vm.timeline().stateProperty().get()).isEqualTo(dev.cutover.ui.timeline.TimelineState.FAILED);
        assertThat(vm.timeline().messageProperty().get()).isEqualTo(failure);
        assertThat(vm.expert().summaryProperty().get()).startsWith("Findings: analysis failed");
        assertThat(vm.expert().emptyTextProperty().get()).isEqualTo(failure);
        // a filter on the analysis's fields says it cannot run, rather than "filtering" for ever or no frames
        vm.filter().textProperty().set("migration.class == \"RARP request\"");
        vm.filter().apply();
        assertThat(vm.packets().filteringProperty().get()).isFalse();
        assertThat(vm.packets().messageProperty().get()).isEqualTo("Cannot filter on migration.class: " + failure);
        vm.close();
    }
}
