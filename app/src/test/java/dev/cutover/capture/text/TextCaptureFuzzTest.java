package dev.cutover.capture.text;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any text (pktcap-uw, tcpdump -xx or -e lines, hex dumps, or none of them) parses into frames whose bytes lie
 * inside the parsed data, with at most {@link TextCaptureParser#MAX_PROBLEMS} problems kept; nothing escapes but
 * an IOException. Plain {@code mvn test} replays the seeds in {@code TextCaptureFuzzTestInputs};
 * {@code app/bench/fuzz.sh} fuzzes for real.
 */
class TextCaptureFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyTextParsesIntoFramesInsideItsData(byte[] input) throws IOException {
        TextCapture text = TextCaptureParser.parse(new ByteArrayInputStream(input));
        assertThat(text.dataLength()).isBetween(0, text.data().length);
        for (TextFrame f : text.frames()) {
            assertThat(f.dataOffset()).isNotNegative();
            assertThat(f.capturedLength()).isNotNegative();
            assertThat((long) f.dataOffset() + f.capturedLength()).isLessThanOrEqualTo(text.dataLength());
            assertThat(f.line()).isPositive();
        }
        assertThat(text.problems().size()).isLessThanOrEqualTo(TextCaptureParser.MAX_PROBLEMS);
        assertThat(text.problemCount()).isGreaterThanOrEqualTo(text.problems().size());
        TextCapture tagged = text.withVlanTagsInserted();
        for (TextFrame f : tagged.frames()) {
            assertThat((long) f.dataOffset() + f.capturedLength()).isLessThanOrEqualTo(tagged.dataLength());
        }
    }
}
