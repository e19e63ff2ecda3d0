package dev.cutover.ui.export;

import dev.cutover.ui.QueuedTasks;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureFormat;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.export.ExportPacketsViewModel.Format;
import dev.cutover.ui.export.ExportPacketsViewModel.Range;
import dev.cutover.ui.export.ExportPacketsViewModel.Scope;
import dev.cutover.ui.packets.PacketListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportPacketsViewModelTest {
    @TempDir
    Path dir;
    private Path source;
    private Capture capture;
    private AnnotationStore notes;
    private PacketListViewModel packets;
    private ExportPacketsViewModel vm;

    @BeforeEach
    void open() throws Exception {
        // a copy, so a failure to refuse the open capture as the target could not harm the sample
        source = Files.copy(UiFixtures.SAMPLE, dir.resolve("esxi-vmotion-vlan10.pcap"));
        capture = Capture.open(source);
        notes = AnnotationStore.inMemory();
        packets = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
        packets.setAnnotations(notes::commentsOf, f -> {
            Annotation a = notes.get(f + 1);
            return a == null ? "" : a.text();
        });
        packets.setCapture(capture);
        vm = new ExportPacketsViewModel(Tasks.DIRECT, () -> capture, () -> notes, packets);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void countsEachChoiceCapturedAndDisplayed() throws Exception {
        packets.applyFilter(CompiledFilter.compile("arp"));
        int displayed = packets.shownProperty().get();
        markFrames(UiFixtures.FIRST_RARP, UiFixtures.FIRST_RARP + 2, 70);
        packets.setSelectedFrames(new int[] {UiFixtures.FIRST_RARP});
        vm.rangeTextProperty().set("1-10,41-");
        vm.prepare();
        ExportPacketsViewModel.Counts c = vm.countsProperty().get();
        assertThat(c.of(Scope.CAPTURED, Range.ALL)).isEqualTo(77);
        assertThat(c.of(Scope.DISPLAYED, Range.ALL)).isEqualTo(displayed);
        assertThat(c.of(Scope.CAPTURED, Range.SELECTED)).isEqualTo(1);
        assertThat(c.of(Scope.CAPTURED, Range.MARKED)).isEqualTo(3);
        assertThat(c.of(Scope.CAPTURED, Range.FIRST_TO_LAST_MARKED)).isEqualTo(70 - UiFixtures.FIRST_RARP + 1);
        assertThat(c.of(Scope.CAPTURED, Range.RANGE)).isEqualTo(10 + 37);
        int arpFrom41 = 0;
        for (int f = 40; f < 77; f++) {
            if (packets.isShown(f)) {
                arpFrom41++;
            }
        }
        int arpTo10 = 0;
        for (int f = 0; f < 10; f++) {
            if (packets.isShown(f)) {
                arpTo10++;
            }
        }
        assertThat(c.of(Scope.DISPLAYED, Range.RANGE)).isEqualTo(arpFrom41 + arpTo10);

        vm.scopeProperty().set(Scope.CAPTURED);
        vm.rangeProperty().set(Range.MARKED);
        assertThat(vm.chosenCountProperty().get()).isEqualTo(3);
        vm.rangeTextProperty().set("5-3");
        assertThat(vm.rangeProblemProperty().get()).isEqualTo("\"5-3\" ends before it starts");
        assertThat(vm.countsProperty().get().of(Scope.CAPTURED, Range.RANGE)).isEqualTo(-1);
    }

    @Test
    void writesTheDisplayedMarkedFramesAsPcapngWithTheirComments() throws Exception {
        notes.put(new Annotation(UiFixtures.FIRST_RARP + 1, "first RARP", List.of("evidence")));
        packets.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        markFrames(0, UiFixtures.FIRST_RARP, UiFixtures.FIRST_RARP + 1);
        vm.prepare();
        vm.scopeProperty().set(Scope.DISPLAYED);
        vm.rangeProperty().set(Range.MARKED);
        assertThat(vm.chosenCountProperty().get()).isEqualTo(2);
        Path out = dir.resolve("marked.pcapng");
        assertThat(vm.export(out)).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Exported 2 frames to " + out);
        assertThat(vm.writtenProperty().get()).isEqualTo(out);
        try (Capture back = Capture.open(out)) {
            assertThat(back.sources().get(0).format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(back.frameCount()).isEqualTo(2);
            assertThat(back.comments(0)).containsExactly("first RARP [evidence]");
            assertThat(back.comments(1)).isEmpty();
            assertThat(back.frameBytes(0)).isEqualTo(capture.frameBytes(UiFixtures.FIRST_RARP));
        }
    }

    @Test
    void writesPcapAndRefusesToWriteOverAnOpenCapture() throws Exception {
        vm.prepare();
        vm.scopeProperty().set(Scope.CAPTURED);
        vm.rangeProperty().set(Range.RANGE);
        vm.rangeTextProperty().set("41-46");
        vm.formatProperty().set(Format.PCAP);
        Path copy = dir.resolve("copy.pcap");
        Files.copy(UiFixtures.SAMPLE, copy);
        assertThat(vm.export(source)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("esxi-vmotion-vlan10.pcap is one of the open captures, "
                + "and a capture is never modified: choose another file");
        assertThat(vm.export(copy)).isTrue();
        try (Capture back = Capture.open(copy)) {
            assertThat(back.sources().get(0).format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(back.frameCount()).isEqualTo(6);
            assertThat(back.frameBytes(0)).isEqualTo(capture.frameBytes(40));
        }
    }

    @Test
    void cancellingLeavesNothingBehind() throws Exception {
        Deque<Runnable> queue = new ArrayDeque<>();
        Tasks later = QueuedTasks.into(queue);
        ExportPacketsViewModel slow = new ExportPacketsViewModel(later, () -> capture, () -> notes, packets);
        slow.prepare();
        queue.clear();
        Path out = dir.resolve("cancelled.pcapng");
        assertThat(slow.export(out)).isTrue();
        assertThat(slow.writingProperty().get()).isTrue();
        slow.cancel();
        queue.poll().run();
        assertThat(slow.writingProperty().get()).isFalse();
        assertThat(slow.messageProperty().get()).isEqualTo("Export cancelled; nothing was written");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(source);
        }
    }

    private void markFrames(int... frames) {
        for (int f : frames) {
            packets.setSelectedFrames(new int[] {f});
            packets.toggleMark();
        }
        packets.setSelectedFrames(new int[0]);
    }
}
