package dev.cutover.annotations;

import dev.cutover.testsupport.Samples;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.filter.CompiledFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sidecar file: saved and reloaded, undo and redo, refused when newer, and the capture left untouched. */
class AnnotationStoreTest {
    @TempDir
    Path dir;

    @Test
    void savesNextToTheCaptureAndReloads() throws Exception {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        byte[] before = Files.readAllBytes(capture);
        AnnotationStore store = AnnotationStore.load(capture);
        assertThat(store.isEmpty()).isTrue();
        store.put(new Annotation(41, Samples.HOSTILE, List.of("cut-over", "first RARP", "cut-over", " ")));
        store.put(new Annotation(44, "", List.of("evidence")));
        store.save();

        Path sidecar = dir.resolve("esxi-vmotion-vlan10.pcap.cutover.json");
        assertThat(store.sidecar()).isEqualTo(sidecar);
        assertThat(Files.readString(sidecar)).contains("\"schema\" : 1").doesNotContain("empty");
        assertThat(Files.readAllBytes(capture)).isEqualTo(before);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("esxi-vmotion-vlan10.pcap",
                "esxi-vmotion-vlan10.pcap.cutover.json");

        AnnotationStore again = AnnotationStore.load(capture);
        assertThat(again.all()).containsExactly(
                new Annotation(41, Samples.HOSTILE, List.of("cut-over", "first RARP")),
                new Annotation(44, "", List.of("evidence")));
        assertThat(again.commentsOf(40)).containsExactly(Samples.HOSTILE + " [cut-over, first RARP]");
        assertThat(again.commentsOf(43)).containsExactly("[evidence]");
        assertThat(again.commentsOf(0)).isEmpty();
    }

    @Test
    void aSidecarMadeOnOtherFilesLoadsWithAWarning() throws Exception {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        AnnotationStore store = AnnotationStore.load(List.of(capture), 77);
        store.put(new Annotation(41, "x", List.of()));
        store.save();
        assertThat(Files.readString(store.sidecar())).contains("\"frames\" : 77").contains("esxi-vmotion-vlan10.pcap");
        assertThat(AnnotationStore.load(List.of(capture), 77).mismatch()).isNull();
        assertThat(AnnotationStore.load(capture).mismatch()).isNull();
        String merged = AnnotationStore.load(List.of(capture, dir.resolve("other.pcap")), 120).mismatch();
        assertThat(merged).contains("was made on esxi-vmotion-vlan10.pcap (77 frames)")
                .contains("not on esxi-vmotion-vlan10.pcap, other.pcap (120 frames)");
        assertThat(AnnotationStore.load(List.of(capture), 120).get(41).comment()).isEqualTo("x");
    }

    @Test
    void aLoadStoppedEarlyNeitherWarnsNorWritesItsFrameCountIntoTheSidecar() throws Exception {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        AnnotationStore whole = AnnotationStore.load(List.of(capture), 77);
        whole.put(new Annotation(41, "first RARP", List.of()));
        whole.save();
        // the first 50 frames of a load the user stopped: the count is not the file's, so it is unknown
        AnnotationStore first = AnnotationStore.load(List.of(capture), -1);
        assertThat(first.mismatch()).isNull();
        assertThat(first.get(41).comment()).isEqualTo("first RARP");
        first.put(new Annotation(12, "typed on the first frames", List.of()));
        first.save();
        assertThat(Files.readString(first.sidecar())).contains("\"frames\" : 77");
        assertThat(AnnotationStore.load(List.of(capture), 77).mismatch()).isNull();
    }

    @Test
    void undoAndRedoEachChange() {
        AnnotationStore s = AnnotationStore.inMemory();
        s.put(new Annotation(3, "one", List.of()));
        s.put(new Annotation(3, "two", List.of("t")));
        s.remove(3);
        assertThat(s.get(3)).isNull();
        assertThat(s.undo()).isEqualTo(3);
        assertThat(s.get(3).comment()).isEqualTo("two");
        s.undo();
        assertThat(s.get(3).comment()).isEqualTo("one");
        s.undo();
        assertThat(s.get(3)).isNull();
        assertThat(s.canUndo()).isFalse();
        assertThat(s.undo()).isZero();
        s.redo();
        s.redo();
        assertThat(s.get(3).tags()).containsExactly("t");
        s.put(new Annotation(4, "new", List.of()));
        assertThat(s.canRedo()).isFalse();
    }

    @Test
    void newerSchemaOrBrokenFileIsRefusedWithTheFileName() throws IOException {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        Path sidecar = AnnotationStore.sidecarOf(capture);
        Files.writeString(sidecar, "{\"schema\": 99, \"annotations\": []}");
        assertThatThrownBy(() -> AnnotationStore.load(capture)).hasMessageContaining(sidecar.toString())
                .hasMessageContaining("schema 99");
        Files.writeString(sidecar, "{\"schema\": 1, \"annotations\": [{\"frame\": 0}]}");
        assertThatThrownBy(() -> AnnotationStore.load(capture)).hasMessageContaining("not an annotation file");
    }

    @Test
    void annotationsAreFrameCommentsInTheTreeAndTheFilter() throws Exception {
        Path file = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        AnnotationStore store = AnnotationStore.load(file);
        store.put(new Annotation(41, "first RARP of the cut-over", List.of("evidence")));
        try (Capture capture = Capture.open(file)) {
            FrameDecoder decoder = new FrameDecoder(capture, store::commentsOf);
            Dissection d = new Dissection();
            CompiledFilter filter = CompiledFilter.compile("frame.comment contains \"evidence\"");
            List<Integer> matching = new ArrayList<>();
            for (int i = 0; i < capture.frameCount(); i++) {
                decoder.decode(i, d);
                if (filter.matches(d)) {
                    matching.add(i + 1);
                }
            }
            assertThat(matching).containsExactly(41);
            decoder.decode(40, d);
            StringBuilder sb = new StringBuilder();
            DissectionText.appendTree(sb, d);
            assertThat(sb).contains("Comment: first RARP of the cut-over [evidence]");
        }
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("first RARP");
    }

    @Test
    void aLiveRingsEvictionMovesAnnotationsWithTheirFrames() {
        AnnotationStore s = AnnotationStore.inMemory();
        s.put(new Annotation(2, "first RARP", List.of()));
        s.put(new Annotation(7, "GARP", List.of("evidence")));
        s.renumber(3);
        assertThat(s.all()).containsExactly(new Annotation(4, "GARP", List.of("evidence")));
        assertThat(s.canUndo()).isFalse();
        s.renumber(0);
        assertThat(s.get(4)).isNotNull();
    }

    @Test
    void twoWritersOfOneCaptureMergeAndNeitherLosesTheOthersWork() throws Exception {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        // the window and `cutover annotate` load the same sidecar, then each changes and saves
        AnnotationStore window = AnnotationStore.load(capture);
        AnnotationStore command = AnnotationStore.load(capture);
        window.put(new Annotation(41, "first RARP", List.of("cut-over")));
        window.save();
        command.put(new Annotation(44, "the guest's GARP", List.of()));
        command.save();
        assertThat(command.conflicts()).isEmpty();
        assertThat(AnnotationStore.load(capture).all()).extracting(Annotation::frame).containsExactly(41, 44);
        // the window's next save keeps the command's annotation, and a removal by the command is honoured
        command.remove(41);
        command.save();
        window.put(new Annotation(50, "gap", List.of()));
        window.save();
        assertThat(window.get(44)).isNotNull();
        assertThat(window.get(41)).isNull();
        assertThat(AnnotationStore.load(capture).all()).extracting(Annotation::frame).containsExactly(44, 50);
        // both change one frame: the one saving last keeps its own and says so
        window.put(new Annotation(44, "window's view", List.of()));
        command.put(new Annotation(44, "command's view", List.of()));
        window.save();
        command.save();
        assertThat(command.conflicts()).containsExactly(44);
        assertThat(AnnotationStore.load(capture).get(44).comment()).isEqualTo("command's view");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("esxi-vmotion-vlan10.pcap", "esxi-vmotion-vlan10.pcap.cutover.json");
        }
    }

    @Test
    void savesFromManyThreadsLoseNothing() throws Exception {
        Path capture = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int t = 0; t < 8; t++) {
            int frame = t + 1;
            threads.add(new Thread(() -> {
                try {
                    AnnotationStore s = AnnotationStore.load(capture);
                    s.put(new Annotation(frame, "from writer " + frame, List.of()));
                    s.save();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        assertThat(AnnotationStore.load(capture).all()).hasSize(8);
    }
}
