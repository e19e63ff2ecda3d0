package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Icmpv6;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis over every capture of the shared corpus: it never throws, it reports truncated-capture exactly
 * for the files that have damage, and its byte-level EtherType peek finds exactly the frames the dissector
 * decodes as ARP or RARP.
 */
class CorpusAnalysisTest {
    static Stream<Path> corpus() throws IOException {
        Path captures = SharedCorpus.captures();
        List<Path> files = new ArrayList<>();
        for (String folder : new String[] {"arp", "mixed", "malformed"}) {
            try (Stream<Path> list = Files.list(captures.resolve(folder))) {
                list.sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void neverThrowsAndReportsDamageExactly(Path file) throws IOException {
        Capture capture;
        try {
            capture = Capture.open(file);
        } catch (CaptureException refused) {
            return; // not a capture we read at all: nothing to analyse
        }
        try (capture) {
            AnalysisResult result = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            List<Finding> truncated = result.findings().stream()
                    .filter(f -> f.code() == FindingCode.TRUNCATED_CAPTURE).toList();
            assertThat(truncated).hasSameSizeAs(capture.damages());
            for (int i = 0; i < truncated.size(); i++) {
                assertThat(truncated.get(i).message()).contains(capture.damages().get(i).reason());
            }
            for (Finding f : result.findings()) {
                assertThat(f.message()).isNotBlank();
                assertThat(f.frames()).allSatisfy(n -> assertThat(n).isBetween(0, capture.frameCount() - 1));
            }
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (int i = 0; i < capture.frameCount(); i++) {
                decoder.decode(i, d);
                FrameClass cls = result.classOf(i);
                assertThat(cls != FrameClass.NONE && !cls.isNdp()).as("frame %d is ARP-family", i + 1)
                        .isEqualTo(d.has(Arp.ARP));
                assertThat(cls.isNdp()).as("frame %d is neighbour discovery", i + 1)
                        .isEqualTo(!d.has(Arp.ARP) && (d.has(Icmpv6.NS_TARGET) || d.has(Icmpv6.NA_TARGET)));
                assertThat(capture.index().frameClass(i)).isEqualTo(result.classOf(i).code());
            }
        }
    }
}
