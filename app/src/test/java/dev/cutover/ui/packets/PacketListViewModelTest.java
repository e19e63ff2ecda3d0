package dev.cutover.ui.packets;

import dev.cutover.ui.QueuedTasks;
import dev.cutover.capture.Capture;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.LoadMonitor;

import dev.cutover.testsupport.MigrationFrames;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacketListViewModelTest {
    private Capture capture;
    private PacketListViewModel vm;

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(UiFixtures.SAMPLE);
        vm = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
        vm.setCapture(capture);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void listsEveryFrameAndDecodesOnlyTheRowsAskedFor() {
        assertThat(vm.frames()).hasSize(77);
        assertThat(vm.totalProperty().get()).isEqualTo(77);
        assertThat(vm.decodedRowCount()).isZero();
        PacketRow rarp = vm.row(UiFixtures.FIRST_RARP);
        assertThat(rarp.protocol()).isEqualTo("RARP");
        assertThat(rarp.vlan()).isEqualTo("10");
        assertThat(rarp.colour()).isEqualTo(ColourRule.MIGRATION_NOTIFICATION);
        assertThat(rarp.info()).isNotBlank();
        vm.row(UiFixtures.FIRST_RARP);
        assertThat(vm.decodedRowCount()).isEqualTo(1);
        assertThat(vm.number(UiFixtures.FIRST_RARP)).isEqualTo("41");
        assertThat(vm.interfaceName(0)).isEqualTo("esxi-vmotion-vlan10.pcap");
        assertThat(vm.length(0)).isEqualTo(422);
    }

    @Test
    void gratuitousArpIsItsOwnProtocolAndColour() {
        int garp = -1;
        for (int i = 0; i < 77 && garp < 0; i++) {
            if (vm.row(i).protocol().equals("GARP")) {
                garp = i;
            }
        }
        assertThat(garp).isPositive();
        assertThat(vm.row(garp).colour()).isEqualTo(ColourRule.GARP);
    }

    @Test
    void unsolicitedNeighborAdvertisementsTakeTheGratuitousArpColourAndSolicitedOnesDoNot() throws Exception {
        int unsolicited = 0;
        int solicited = 0;
        for (String sample : List.of("esxi-vmotion-dual-stack.pcap", "ipv6-dad-conflict.pcap")) {
            try (Capture c = Capture.open(Path.of("../sample-captures", sample))) {
                PacketListViewModel v = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
                v.setCapture(c);
                for (int i = 0; i < c.frameCount(); i++) {
                    PacketRow row = v.row(i);
                    if (!row.info().startsWith("Neighbor Advertisement")) {
                        continue;
                    }
                    if (row.info().contains("sol")) {
                        assertThat(row.colour()).as(row.info()).isNotEqualTo(ColourRule.GARP);
                        solicited++;
                    } else {
                        assertThat(row.colour()).as(row.info()).isEqualTo(ColourRule.GARP);
                        unsolicited++;
                    }
                }
            }
        }
        assertThat(unsolicited).isEqualTo(3);
        assertThat(solicited).isEqualTo(1);
    }

    @Test
    void timeFormatsAsWiresharkOffersThem() {
        assertThat(vm.time(0)).isEqualTo("0.000000");
        assertThat(vm.time(1)).isEqualTo("0.031433");
        vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS);
        assertThat(vm.time(2)).isEqualTo("0.026332");
        vm.timeFormatProperty().set(TimeFormat.TIME_OF_DAY);
        assertThat(vm.time(0)).isEqualTo("08:00:00.035180");
        vm.timeFormatProperty().set(TimeFormat.UTC_DATE_TIME);
        assertThat(vm.time(0)).isEqualTo("2025-11-21 08:00:00.035180");
    }

    @Test
    void aFilterKeepsTheMatchingFramesAndAnEmptyOneShowsAllAgain() throws Exception {
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        assertThat(vm.shownProperty().get()).isEqualTo(vm.frames().size()).isBetween(3, 20);
        assertThat(vm.frames().get(0)).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.filteringProperty().get()).isFalse();
        vm.applyFilter(CompiledFilter.compile(""));
        assertThat(vm.frames()).hasSize(77);
    }

    @Test
    void goToFrameAndSelectFramesAskTheViewForRows() throws Exception {
        assertThat(vm.goToFrame(41)).isTrue();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(40);
        assertThat(vm.goToFrame(78)).isFalse();
        assertThat(vm.goToFrame(0)).isFalse();
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        // frame 1 is filtered out; the RARP frames map to the first rows
        assertThat(vm.selectFrames(new int[] {0, 40, 41})).isEqualTo(2);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(0, 1);
        assertThat(vm.goToFrame(1)).isFalse();
    }

    @Test
    void aFilterThatHidesTheCurrentFrameClearsItAndClearingTheFilterKeepsAShownOne() throws Exception {
        vm.setCurrentFrame(UiFixtures.FIRST_RARP);
        vm.setSelectedFrames(new int[] {UiFixtures.FIRST_RARP});
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        // the RARP is the first row of the filtered list: it stays current and selected there
        assertThat(vm.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(0);

        vm.applyFilter(CompiledFilter.compile(""));
        assertThat(vm.currentFrameProperty().get()).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(UiFixtures.FIRST_RARP);

        vm.applyFilter(CompiledFilter.compile("not arp"));
        // no details of a frame the list does not show
        assertThat(vm.currentFrameProperty().get()).isEqualTo(-1);
        assertThat(vm.selectedFramesProperty().get()).isEmpty();
        assertThat(vm.selectionRequestProperty().get().rows()).isEmpty();
        vm.applyFilter(CompiledFilter.compile(""));
        assertThat(vm.currentFrameProperty().get()).isEqualTo(-1);
    }

    @Test
    void marksAreKeptPerCaptureAndTheNextMarkIsFoundInRowOrder() {
        vm.setCurrentFrame(3);
        vm.toggleMark();
        vm.setSelectedFrames(new int[] {10, 20});
        vm.toggleMark();
        assertThat(vm.markedCountProperty().get()).isEqualTo(3);
        assertThat(vm.isMarked(3)).isTrue();
        assertThat(vm.isMarked(20)).isTrue();
        // all selected are marked: the same command unmarks them
        vm.toggleMark();
        assertThat(vm.isMarked(10)).isFalse();
        assertThat(vm.markedCountProperty().get()).isEqualTo(1);

        vm.setSelectedFrames(new int[] {50});
        vm.toggleMark();
        vm.setCurrentFrame(0);
        vm.goToMark(true);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(3);
        vm.setCurrentFrame(3);
        vm.goToMark(true);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(50);
        vm.setCurrentFrame(50);
        vm.goToMark(true);
        assertThat(vm.messageProperty().get()).isEqualTo("No marked frame below this one");
        vm.goToMark(false);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(3);

        // descending by number: the next mark below row 0 (frame 77) is frame 51, then frame 4
        vm.sortBy(PacketColumn.NUMBER, false);
        vm.setCurrentFrame(76);
        vm.goToMark(true);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(76 - 50);

        vm.markAllDisplayed(true);
        assertThat(vm.markedCountProperty().get()).isEqualTo(77);
        vm.markAllDisplayed(false);
        assertThat(vm.markedCountProperty().get()).isZero();

        vm.setCurrentFrame(5);
        vm.toggleMark();
        vm.setCapture(capture);
        assertThat(vm.markedCountProperty().get()).isZero();
    }

    @Test
    void aTimeReferenceShowsRefAndLaterFramesCountFromIt() {
        vm.setCurrentFrame(1);
        vm.toggleTimeReference();
        assertThat(vm.time(1)).isEqualTo("*REF*");
        assertThat(vm.time(0)).isEqualTo("0.000000");
        // frame 3 was 0.057765 s after frame 1's start, frame 2 0.031433
        assertThat(vm.time(2)).isEqualTo("0.026332");
        assertThat(vm.widthSamples(PacketColumn.TIME)).contains("*REF*");
        vm.timeFormatProperty().set(TimeFormat.TIME_OF_DAY);
        assertThat(vm.time(1)).isEqualTo("*REF*");
        assertThat(vm.time(0)).isEqualTo("08:00:00.035180");
        vm.timeFormatProperty().set(TimeFormat.SINCE_START);
        vm.toggleTimeReference();
        assertThat(vm.time(1)).isEqualTo("0.031433");
        assertThat(vm.time(2)).isEqualTo("0.057765");
    }

    @Test
    void goMovesByRowsAndWithinTheMigration() throws Exception {
        vm.setCurrentFrame(5);
        vm.goNext();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(6);
        vm.goPrevious();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(4);
        vm.goLast();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(76);
        vm.goFirst();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(0);

        vm.goInMigration(true);
        assertThat(vm.messageProperty().get()).isEqualTo("The migration analysis has not finished yet");
        AnalysisResult analysis = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        vm.setFrames(dev.cutover.frames.FramePipeline.of(capture).withAnalysis(analysis));
        vm.setCurrentFrame(0);
        vm.goInMigration(true);
        assertThat(vm.messageProperty().get()).isEqualTo("Frame 1 belongs to no migration");

        List<Integer> event = analysis.migrations().get(0).frames();
        vm.setCurrentFrame(event.get(0));
        vm.goInMigration(true);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(event.get(1));
        vm.setCurrentFrame(event.get(event.size() - 1));
        vm.goInMigration(false);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(event.get(event.size() - 2));
        vm.goInMigration(true);
        assertThat(vm.messageProperty().get()).isEqualTo("No later frame of migration 1 in the list");
    }

    @Test
    void theSummaryIsTheRowsVisibleCellsTabSeparated() {
        String text = vm.summary(new int[] {0, UiFixtures.FIRST_RARP},
                List.of(PacketColumn.NUMBER, PacketColumn.PROTOCOL, PacketColumn.LENGTH));
        assertThat(text).isEqualTo("1\tTCP\t422\n41\tRARP\t" + vm.length(UiFixtures.FIRST_RARP) + "\n");
    }

    @Test
    void aFilterOnTheAnalysisWaitsForItAndRunsAgainWhenItComes() throws Exception {
        Deque<Runnable> queue = new ArrayDeque<>();
        Tasks later = QueuedTasks.into(queue);
        PacketListViewModel list = new PacketListViewModel(later, ZoneOffset.UTC);
        list.setCapture(capture);
        list.applyFilter(CompiledFilter.compile("migration.event == 1"));
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        // the analysis is not there yet: not "0 shown" as if nothing matched
        assertThat(list.filteringProperty().get()).isTrue();
        AnalysisResult analysis = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        list.setFrames(dev.cutover.frames.FramePipeline.of(capture).withAnalysis(analysis));
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(list.filteringProperty().get()).isFalse();
        assertThat(list.frames()).containsExactlyElementsOf(analysis.migrations().get(0).frames());
        assertThat(list.shownProperty().get()).isEqualTo(analysis.migrations().get(0).frames().size());
    }

    @Test
    void aFilterCancelledBeforeItsPassBeganEndsAsCancelledNotFilteringForever() throws Exception {
        Deque<Runnable> queue = new ArrayDeque<>();
        PacketListViewModel list = new PacketListViewModel(QueuedTasks.into(queue), ZoneOffset.UTC);
        list.setCapture(capture);
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        list.applyFilter(CompiledFilter.compile("arp"));
        assertThat(list.filteringProperty().get()).isTrue();
        // Esc while the pass still waits for a thread (the pool busy with the analysis)
        list.cancelFilter();
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(list.filteringProperty().get()).isFalse();
        assertThat(list.filterStatusProperty().get())
                .isEqualTo(String.format("Filter cancelled: 0 of %,d frames examined, 0 matched", capture.frameCount()));
        assertThat(list.shownProperty().get()).isZero();
        // and the next filter runs as any other
        list.applyFilter(CompiledFilter.compile("arp"));
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
        assertThat(list.filteringProperty().get()).isFalse();
        assertThat(list.shownProperty().get()).isPositive();
    }

    @Test
    void aFilterTypedWhileAnotherRunsReplacesItAndOnlyTheLastIsShown() throws Exception {
        Deque<Runnable> queue = new ArrayDeque<>();
        Tasks later = QueuedTasks.into(queue);
        PacketListViewModel list = new PacketListViewModel(later, ZoneOffset.UTC);
        list.setCapture(capture);
        list.applyFilter(CompiledFilter.compile("arp"));
        list.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        // the newer pass ends first, as a pool may run them: the older one's result must not overwrite it
        while (!queue.isEmpty()) {
            queue.pollLast().run();
        }
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        assertThat(list.filteringProperty().get()).isFalse();
        assertThat(list.frames()).containsExactlyElementsOf(vm.frames()).isNotEmpty();
    }

    @Test
    void aFilterThatCannotReadTheFileSaysWhyAndStopsFiltering(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("cut.pcap");
        java.nio.file.Files.copy(UiFixtures.SAMPLE, file);
        try (Capture c = Capture.open(file)) {
            PacketListViewModel list = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
            list.setCapture(c);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(24);
            }
            list.applyFilter(CompiledFilter.compile("arp"));
            assertThat(list.filteringProperty().get()).isFalse();
            assertThat(list.messageProperty().get()).startsWith("Cannot filter: ")
                    .contains("was the file changed?");
            assertThat(list.shownProperty().get()).isEqualTo(77); // the list stays as it was
        }
    }

    @Test
    void aLiveSnapshotKeepsMarksReferencesAndTheCurrentFrameWithTheirFrames() {
        vm.setSelectedFrames(new int[] {5, 10});
        vm.toggleMark();
        vm.setSelectedFrames(new int[] {10});
        vm.setCurrentFrame(7);
        vm.toggleTimeReference();
        vm.setCurrentFrame(10);
        vm.sortBy(PacketColumn.NUMBER, false);
        // the ring let 3 frames go: frame 11 (index 10) is now index 7
        vm.continueCapture(capture, 3);
        assertThat(vm.isMarked(2)).isTrue();
        assertThat(vm.isMarked(7)).isTrue();
        assertThat(vm.markedCountProperty().get()).isEqualTo(2);
        assertThat(vm.isTimeReference(4)).isTrue();
        assertThat(vm.currentFrameProperty().get()).isEqualTo(7);
        assertThat(vm.sortProperty().get()).isEqualTo(new PacketListViewModel.Sort(PacketColumn.NUMBER, false));
        assertThat(vm.frames().get(0)).isEqualTo(76);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(76 - 7);
    }

    @Test
    void aCellShowsAHostileNameAndCommentOnOneLine(@TempDir Path dir) throws Exception {
        Path file = MigrationFrames.rarpPcapng(dir.resolve("uplink.pcapng"),
                "vmnic5\u0000\nFrame 9: forged\u001b[2J", "first line\nsecond\tline");
        try (Capture hostile = Capture.open(file)) {
            vm.setCapture(hostile);
            assertThat(vm.text(PacketColumn.INTERFACE, 0)).isEqualTo("vmnic5\\x00\\x0aFrame 9: forged\\x1b[2J");
            assertThat(vm.text(PacketColumn.COMMENT, 0)).isEqualTo("first line\\x0asecond\\x09line");
            assertThat(vm.text(PacketColumn.PROTOCOL, 0)).isEqualTo("RARP");
            // the frame's facts themselves are untouched: copy, sort and export read them as they are
            assertThat(vm.interfaceName(0)).isEqualTo("vmnic5\u0000\nFrame 9: forged\u001b[2J");
        }
    }
}
