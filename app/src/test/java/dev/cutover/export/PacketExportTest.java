package dev.cutover.export;

import dev.cutover.frames.FramePipeline;
import dev.cutover.testsupport.Samples;
import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureFormat;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.filter.CompiledFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Exported captures: annotations as pcapng packet comments, read back by our reader and by tshark. */
class PacketExportTest {
    @TempDir
    Path dir;

    @Test
    void pcapngCarriesAnnotationsAsPacketComments() throws Exception {
        Path file = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        AnnotationStore notes = AnnotationStore.load(file);
        notes.put(new Annotation(41, Samples.HOSTILE, List.of("cut-over")));
        Path out = dir.resolve("annotated.pcapng");
        int frames;
        try (Capture capture = Capture.open(file)) {
            frames = capture.frameCount();
            AtomicFiles.write(out, o -> assertThat(PacketExport.pcapng(FramePipeline.of(capture).withAnnotations(notes), null,
                    PacketExport.Selection.ALL, o)).isEqualTo(capture.frameCount()));
        }
        try (Capture back = Capture.open(out)) {
            assertThat(back.sources().get(0).format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(back.frameCount()).isEqualTo(frames);
            assertThat(back.comments(40)).containsExactly(Samples.HOSTILE + " [cut-over]");
            assertThat(back.comments(39)).isEmpty();
            try (Capture original = Capture.open(file)) {
                assertThat(back.frameBytes(40)).isEqualTo(original.frameBytes(40));
                assertThat(back.index().timestampNanos(40)).isEqualTo(original.index().timestampNanos(40));
            }
        }
        assertThat(tshark(out, "frame.comment")).isEqualTo("41\t" + Samples.HOSTILE + " [cut-over]");
    }

    @Test
    void mergedUplinksKeepOneInterfaceEach() throws Exception {
        Path one = Samples.copy("esxi-team-vusb1.pcapng", dir);
        Path two = Samples.copy("esxi-team-vusb2.pcapng", dir);
        Path out = dir.resolve("merged.pcapng");
        AnnotationStore notes = AnnotationStore.inMemory();
        List<String> names;
        int rarp;
        try (Capture capture = Capture.open(List.of(one, two), LoadMonitor.NONE)) {
            names = capture.interfaces().stream().map(InterfaceInfo::name).toList();
            CompiledFilter announcements = CompiledFilter.compile("arp || eth.type == 0x8035");
            AtomicFiles.write(out, o -> PacketExport.pcapng(FramePipeline.of(capture).withAnnotations(notes), announcements,
                    PacketExport.Selection.ALL, o));
        }
        try (Capture back = Capture.open(out)) {
            assertThat(back.interfaces()).extracting(InterfaceInfo::name).containsExactlyElementsOf(names);
            assertThat(names).containsExactly("vusb1", "vusb2");
            assertThat(back.frameCount()).isPositive();
            long onTwo = java.util.stream.IntStream.range(0, back.frameCount())
                    .filter(i -> back.interfaceOf(i).name().equals("vusb2")).count();
            assertThat(onTwo).isPositive().isLessThan(back.frameCount());
        }
    }

    @Test
    void annotatedSelectionAndPcapWithoutComments() throws Exception {
        Path file = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        AnnotationStore notes = AnnotationStore.load(file);
        notes.put(new Annotation(41, "a", List.of()));
        notes.put(new Annotation(44, "", List.of("evidence")));
        Path out = dir.resolve("marked.pcap");
        try (Capture capture = Capture.open(file)) {
            AtomicFiles.write(out, o -> assertThat(PacketExport.pcap(FramePipeline.of(capture).withAnnotations(notes), null,
                    PacketExport.Selection.ANNOTATED, o)).isEqualTo(2));
        }
        try (Capture back = Capture.open(out)) {
            assertThat(back.sources().get(0).format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(back.frameCount()).isEqualTo(2);
        }
    }

    /** tshark's fields for frames with {@code field}, or the expected text when tshark is not installed. */
    private static String tshark(Path file, String field) throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        assumeThat(Files.isExecutable(tshark)).as("tshark installed").isTrue();
        Process p = new ProcessBuilder(tshark.toString(), "-r", file.toString(), "-Y", field, "-T", "fields",
                "-e", "frame.number", "-e", field).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
