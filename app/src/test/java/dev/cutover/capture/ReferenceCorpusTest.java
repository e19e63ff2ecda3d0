package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every capture of arp/ and mixed/ against tshark's JSON: frame count, and each frame's time and lengths. */
class ReferenceCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> files() throws IOException {
        Path captures = SharedCorpus.captures();
        List<String> names = new ArrayList<>();
        for (String folder : new String[] {"arp", "mixed"}) {
            try (Stream<Path> list = Files.list(captures.resolve(folder))) {
                list.map(p -> folder + "/" + p.getFileName()).sorted().forEach(names::add);
            }
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void matchesTshark(String relative) throws IOException {
        Path captures = SharedCorpus.captures();
        Path file = captures.resolve(relative);
        JsonNode frames = JSON.readTree(captures.resolve("reference").resolve(file.getFileName() + ".json").toFile());

        try (Capture capture = Capture.open(file)) {
            assertThat(capture.damages()).isEmpty();
            assertThat(capture.frameCount()).isEqualTo(frames.size());
            FrameIndex index = capture.index();
            List<String> ours = new ArrayList<>();
            List<String> theirs = new ArrayList<>();
            byte[] buffer = new byte[capture.maxCapturedLength()];
            for (int i = 0; i < frames.size(); i++) {
                JsonNode layers = frames.get(i).path("_source").path("layers");
                theirs.add(field(layers, "frame.number") + " " + field(layers, "frame.time_epoch") + " "
                        + field(layers, "frame.len") + " " + field(layers, "frame.cap_len"));
                ours.add((i + 1) + " " + Times.epoch(index.timestampNanos(i)) + " "
                        + index.originalLength(i) + " " + index.capturedLength(i));
                assertThat(capture.readFrame(i, buffer)).isEqualTo(index.capturedLength(i));
            }
            // compared as whole lists so a failure shows every frame that differs
            assertThat(ours).containsExactlyElementsOf(theirs);
        }
    }

    private static String field(JsonNode layers, String name) {
        return layers.path(name).path(0).asText();
    }
}
