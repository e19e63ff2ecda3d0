package dev.cutover.ui.expert;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.migrations.MigrationsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Findings view's model without a window: grouping, counts, the search, the severity filter, cancel. */
class ExpertViewModelTest {
    private static final Path SAMPLES = Path.of("../sample-captures");

    private final List<int[]> selected = new ArrayList<>();

    private ExpertViewModel open(Tasks tasks, Capture c) {
        MigrationsViewModel migrations = new MigrationsViewModel(tasks, new AnalysisMigrations(), f -> { });
        ExpertViewModel vm = new ExpertViewModel(tasks, migrations, selected::add);
        migrations.setCapture(c);
        return vm;
    }

    private static AnalysisResult analyse(Capture c) throws Exception {
        return MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
    }

    @Test
    void aSilentVmIsOneWarningGroupWhoseItemIsTheAnalysisFindingWord4Word() throws Exception {
        try (Capture c = Capture.open(UiFixtures.SILENT_VM)) {
            ExpertViewModel vm = open(Tasks.DIRECT, c);
            Finding f = analyse(c).findings().get(0);
            assertThat(vm.groups()).extracting(ExpertGroup::title).containsExactly("Warning · rarp-without-garp · 1");
            ExpertItem item = vm.groups().get(0).items().get(0);
            assertThat(item.message()).isEqualTo(f.message()).contains("10.0.10.77");
            assertThat(item.finding()).isEqualTo(f);
            assertThat(item.mac()).isEqualTo("00:50:56:9d:c4:22");
            assertThat(item.ip()).isEqualTo("10.0.10.77");
            assertThat(item.facts()).startsWith("frames 42-").contains("MAC 00:50:56:9d:c4:22", "IP 10.0.10.77");
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 warning");

            vm.select(item);
            assertThat(selected).hasSize(1);
            assertThat(selected.get(0)[0]).isEqualTo(UiFixtures.SILENT_VM_FIRST_RARP);
            assertThat(selected.get(0)).isEqualTo(f.frames().stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void aSpoofGroupsTheAnalysisFindingsAndTheDissectionsExpertInfosErrorsFirst() throws Exception {
        try (Capture c = Capture.open(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"))) {
            ExpertViewModel vm = open(Tasks.DIRECT, c);
            assertThat(vm.groups()).extracting(ExpertGroup::title).containsExactly(
                    "Error · arp-spoofing · 1",
                    "Warning · sender-mac-mismatch · 1",
                    "Warning · arp.src.hw_mac_mismatch · 5");
            ExpertGroup experts = vm.groups().get(2);
            assertThat(experts.analysis()).isFalse();
            assertThat(experts.summary()).isEqualTo("Sender MAC address … differs from the link-layer source …");
            assertThat(experts.items()).extracting(ExpertItem::message).containsOnly(
                    "Sender MAC address 02:00:00:00:be:ef differs from the link-layer source 00:0c:29:3e:5a:11");
            // the expert infos name the frames of the analysis's sender-mac-mismatch finding, one each
            int[] named = vm.groups().get(1).items().get(0).frames();
            assertThat(experts.frames()).isEqualTo(named);
            assertThat(experts.items()).allMatch(i -> i.frames().length == 1 && !i.fromAnalysis());
            assertThat(vm.countProperty(Severity.ERROR).get()).isEqualTo(1);
            assertThat(vm.countProperty(Severity.WARNING).get()).isEqualTo(6);
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 error, 1 warning \u00b7 expert infos: 5 warnings");

            vm.select(experts);
            assertThat(selected.get(0)).isEqualTo(named);
        }
    }

    @Test
    void theSeverityTogglesAndTheSearchNarrowTheGroupsButNotTheCounts() throws Exception {
        try (Capture c = Capture.open(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"))) {
            ExpertViewModel vm = open(Tasks.DIRECT, c);
            vm.showProperty(Severity.WARNING).set(false);
            assertThat(vm.groups()).extracting(ExpertGroup::code).containsExactly("arp-spoofing");
            assertThat(vm.countProperty(Severity.WARNING).get()).isEqualTo(6);
            vm.showProperty(Severity.WARNING).set(true);

            vm.searchProperty().set("Spoofing");
            assertThat(vm.groups()).extracting(ExpertGroup::code)
                    .containsExactly("arp-spoofing", "sender-mac-mismatch");
            vm.searchProperty().set("00:00:5E:00:01:0A");
            assertThat(vm.groups()).extracting(ExpertGroup::code).containsExactly("arp-spoofing");
            vm.searchProperty().set("link-layer source");
            assertThat(vm.groups()).extracting(ExpertGroup::title).containsExactly("Warning · arp.src.hw_mac_mismatch · 5");
            // a frame number finds the items that name it
            int frame = vm.groups().get(0).items().get(0).frames()[0] + 1;
            vm.searchProperty().set(Integer.toString(frame));
            assertThat(vm.groups()).allMatch(g -> g.items().stream()
                    .allMatch(i -> IntStream.of(i.frames()).anyMatch(f -> f + 1 == frame)));
            vm.searchProperty().set("no such words anywhere");
            assertThat(vm.groups()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 error, 1 warning \u00b7 expert infos: 5 warnings");
            vm.searchProperty().set("");
            assertThat(vm.groups()).hasSize(3);
        }
    }

    @Test
    void framesCutShortByTheSnapshotLengthAreExpertInfosOfTheirOwn(@TempDir Path dir) throws Exception {
        try (Capture c = Capture.open(SnappedCapture.of(UiFixtures.SAMPLE, dir, 40))) {
            ExpertViewModel vm = open(Tasks.DIRECT, c);
            ExpertGroup shorts = vm.groups().stream().filter(g -> g.code().equals("_ws.short")).findFirst()
                    .orElseThrow();
            assertThat(shorts.severity()).isEqualTo(Severity.WARNING);
            assertThat(shorts.analysis()).isFalse();
            assertThat(shorts.summary()).isEqualTo("Frame cut short during capture: …");
            // the first RARP (frame 41) is 64 bytes on the wire, 40 captured
            assertThat(shorts.items()).anySatisfy(i -> {
                assertThat(i.frames()).containsExactly(UiFixtures.FIRST_RARP);
                assertThat(i.message()).startsWith("Frame cut short during capture: ");
            });
            // the analysis says the same of the ARP it could not read, as malformed-frame notes
            assertThat(vm.groups()).anySatisfy(g -> assertThat(g.code()).isEqualTo("malformed-frame"));
        }
    }

    @Test
    void aDamagedFileHasTheTruncatedCaptureWarning(@TempDir Path dir) throws Exception {
        try (Capture c = Capture.open(UiFixtures.damagedSample(dir))) {
            ExpertViewModel vm = open(Tasks.DIRECT, c);
            assertThat(vm.groups()).extracting(ExpertGroup::title).contains("Warning · truncated-capture · 1");
            assertThat(vm.groups().get(0).items().get(0).message()).contains("cut.pcap could not be read to its end");
        }
    }

    @Test
    void aCancelledPassKeepsTheAnalysisFindingsAndSaysTheFramesWereNotChecked() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Tasks held = new Tasks() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public Executor serial(String name) {
                return queued::add;
            }
        };
        try (Capture c = Capture.open(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"))) {
            ExpertViewModel vm = open(held, c);
            assertThat(vm.scanningProperty().get()).isTrue();
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 error, 1 warning (checking frames…)");
            vm.cancelScan();
            queued.forEach(Runnable::run); // the pass sees it was cancelled and its result is dropped
            assertThat(vm.scanningProperty().get()).isFalse();
            assertThat(vm.groups()).extracting(ExpertGroup::code).containsExactly("arp-spoofing",
                    "sender-mac-mismatch");
            assertThat(vm.scanStatusProperty().get()).contains("not collected (cancelled)");
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 error, 1 warning (frames not checked)");

            queued.clear();
            vm.rescan();
            queued.forEach(Runnable::run);
            assertThat(vm.groups()).hasSize(3);
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: 1 error, 1 warning \u00b7 expert infos: 5 warnings");
        }
    }

    @Test
    void aNewerCaptureDropsTheOlderPass() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Tasks held = new Tasks() {
            @Override
            public void background(Runnable work) {
                work.run();
            }

            @Override
            public void ui(Runnable work) {
                work.run();
            }

            @Override
            public Executor serial(String name) {
                return queued::add;
            }
        };
        MigrationsViewModel migrations = new MigrationsViewModel(held, new AnalysisMigrations(), f -> { });
        ExpertViewModel vm = new ExpertViewModel(held, migrations, selected::add);
        try (Capture spoof = Capture.open(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"));
             Capture clean = Capture.open(UiFixtures.SAMPLE)) {
            migrations.setCapture(spoof);
            migrations.setCapture(clean);
            queued.forEach(Runnable::run);
            assertThat(vm.groups()).isEmpty();
            assertThat(vm.summaryProperty().get()).isEqualTo("Findings: none");
        }
    }

    @Test
    void framesAreNamedAsPeopleCountThem() {
        assertThat(ExpertItem.framesText(new int[] {41})).isEqualTo("frame 42");
        assertThat(ExpertItem.framesText(new int[] {41, 42, 43})).isEqualTo("frames 42-44");
        assertThat(ExpertItem.framesText(new int[] {2, 8, 9, 10, 11, 39})).isEqualTo("frames 3, 9-12 and 40");
        assertThat(ExpertItem.framesText(IntStream.range(0, 40).map(i -> i * 2).toArray()))
                .isEqualTo("frames 1, 3, 5, 7, 9, 11, … (40 frames)");
        assertThat(ExpertItem.framesText(new int[0])).isEmpty();
    }

    @Test
    void theFactsAddTheirExpertInfosAsTheRowsShowThem() throws Exception {
        try (Capture c = Capture.open(SAMPLES.resolve("vmotion-ping-3-lost.pcap"))) {
            dev.cutover.frames.FramePipeline p = dev.cutover.frames.FramePipeline.of(c);
            // nothing known across frames yet: nothing added
            assertThat(DissectionExperts.scanFacts(p, () -> false).groups()).isEmpty();
            p.traffic(LoadMonitor.NONE);
            List<ExpertGroup> groups = DissectionExperts.scanFacts(p, () -> false).groups();
            assertThat(groups).singleElement().satisfies(g -> {
                assertThat(g.code()).isEqualTo("icmp.resp_not_found");
                assertThat(g.severity()).isEqualTo(Severity.WARNING);
                assertThat(g.analysis()).isFalse();
                // the three pings lost across the move, as analyze and the timeline count them
                assertThat(g.frames()).containsExactly(350, 351, 352);
                assertThat(g.items().get(0).message()).isEqualTo("No response seen to ICMP request");
            });
        }
        try (Capture c = Capture.open(SAMPLES.resolve("duplicate-ip.pcap"))) {
            AnalysisResult a = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            dev.cutover.frames.FramePipeline p = dev.cutover.frames.FramePipeline.of(c).withAnalysis(a);
            List<ExpertGroup> groups = DissectionExperts.scanFacts(p, () -> false).groups();
            assertThat(groups).extracting(ExpertGroup::code).containsExactly("arp.duplicate-address-detected");
            assertThat(groups.get(0).frames()).containsExactly(a.duplicateAddressFrames().stream().mapToInt(i -> i).toArray());
        }
    }
}
