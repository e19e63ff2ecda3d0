package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cutover.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any bytes at all either open as a capture whose every frame can be read, or fail with a
 * CaptureException: no other exception, no hang, no huge allocation. Under plain {@code mvn test}
 * the fuzz test replays its seeds in CaptureFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class CaptureFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void openAnyBytes(byte[] data) throws IOException {
        Path file = Files.createTempFile("cutover-fuzz-", ".bin");
        try {
            Files.write(file, data);
            readEverything(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Stream<Path> corpus() throws IOException {
        Path captures = SharedCorpus.captures();
        List<Path> files = new ArrayList<>();
        for (String folder : new String[] {"malformed", "arp"}) {
            try (Stream<Path> list = Files.list(captures.resolve(folder))) {
                list.sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sharedCorpusOnlyEverFailsWithCaptureException(Path file) throws IOException {
        readEverything(file);
    }

    private static void readEverything(Path file) throws IOException {
        Capture capture;
        try {
            capture = Capture.open(file);
        } catch (CaptureException expected) {
            return;
        }
        try (capture) {
            byte[] buffer = new byte[capture.maxCapturedLength()];
            for (int i = 0; i < capture.frameCount(); i++) {
                assertThat(capture.readFrame(i, buffer)).isEqualTo(capture.index().capturedLength(i));
                capture.comments(i);
                capture.packetFlags(i);
                assertThat(capture.interfaceOf(i).sourceIndex()).isEqualTo(capture.sourceOf(i));
            }
            for (CaptureDamage damage : capture.damages()) {
                assertThat(damage.message()).isNotBlank();
            }
            assertThat(capture.sources()).hasSize(1);
        }
    }
}
