package dev.cutover.dissect;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decoder asked for frames in order reads them through a read-ahead window after the first few, and one asked
 * for frames out of order reads each on its own: either way every frame decodes from its own bytes, also when the
 * order breaks and resumes.
 */
class FrameDecoderReadTest {
    @TempDir
    Path dir;

    @Test
    void framesInOrderOutOfOrderAndOneByOneDecodeTheSameBytes() throws IOException {
        Path file = dir.resolve("dense.pcap");
        DenseCapture.write(file, 5_000, 2);
        try (Capture c = Capture.open(file)) {
            FrameDecoder inOrder = new FrameDecoder(c);
            FrameDecoder jumping = new FrameDecoder(c);
            Dissection a = new Dissection();
            Dissection b = new Dissection();
            Dissection one = new Dissection();
            int checked = 0;
            for (int i = 0; i < c.frameCount(); i++) {
                inOrder.decode(i, a);
                // in order for a while, then back a thousand frames and on from there, then forward past the end
                int j = i < 2_000 ? i : i < 3_000 ? i - 1_000 : (i * 7) % c.frameCount();
                jumping.decode(j, b);
                new FrameDecoder(c).decode(i, one);
                assertThat(bytes(a)).as("frame %d in order", i + 1).isEqualTo(bytes(one));
                new FrameDecoder(c).decode(j, one);
                assertThat(bytes(b)).as("frame %d after a jump", j + 1).isEqualTo(bytes(one));
                checked++;
            }
            assertThat(checked).isEqualTo(5_000);
        }
    }

    private static byte[] bytes(Dissection d) {
        return Arrays.copyOf(d.data(), d.capturedLength());
    }
}
