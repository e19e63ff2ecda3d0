package dev.cutover.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes in a capture's sidecar either load as annotations (each on a frame, none empty) or are refused with
 * an IOException that names the sidecar; nothing else escapes, and a store that loaded saves and loads back the
 * same. Plain {@code mvn test} replays the seeds in {@code SidecarFuzzTestInputs}; {@code app/bench/fuzz.sh}
 * fuzzes for real.
 */
class SidecarFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anySidecarLoadsOrIsRefusedByName(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("cutover-sidecar-fuzz-");
        Path capture = dir.resolve("c.pcap");
        Path sidecar = AnnotationStore.sidecarOf(capture);
        try {
            Files.write(sidecar, input);
            AnnotationStore store;
            try {
                store = AnnotationStore.load(List.of(capture), 10);
            } catch (IOException refused) {
                assertThat(refused.getMessage()).contains(sidecar.toString());
                return;
            }
            for (Annotation a : store.all()) {
                assertThat(a.isEmpty()).isFalse();
                assertThat(store.commentsOf(a.frame())).isNotNull();
            }
            List<Annotation> loaded = store.all();
            store.save();
            assertThat(AnnotationStore.load(List.of(capture), 10).all()).isEqualTo(loaded);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
