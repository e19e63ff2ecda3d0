package dev.cutover.filter;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cutover.dissect.Dissection;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text, compiled and run on a few frames, either works or fails with a {@link FilterException} that
 * renders; nothing else escapes. Plain {@code mvn test} replays the seeds in
 * {@code FilterFuzzTestInputs/anyTextCompilesOrIsRejected}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class FilterFuzzTest {
    private static final Dissection[] FRAMES = {
            TestFrames.dissect(1, TestFrames.rarpAnnounceVlan10()),
            TestFrames.dissect(2, TestFrames.doubleTagged()),
            TestFrames.dissect(3, TestFrames.qinq()),
    };

    @FuzzTest(maxDuration = "30s")
    void anyTextCompilesOrIsRejected(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        CompiledFilter filter;
        try {
            filter = CompiledFilter.compile(text);
        } catch (FilterException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.position() + e.length()).isLessThanOrEqualTo(text.length());
            assertThat(e.render()).endsWith(e.message());
            return;
        }
        for (Dissection d : FRAMES) {
            filter.matches(d);
        }
        assertThat(filter.requiredLayer()).isNotNull();
    }
}
