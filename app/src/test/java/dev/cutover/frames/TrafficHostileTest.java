package dev.cutover.frames;

import dev.cutover.analysis.traffic.TrafficFacts;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.testsupport.TrafficFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Echo and TCP frames with bytes of their headers changed at random and cut short anywhere: the traffic pass and
 * the decode that shows its facts go through every one without an exception, and each fact sits under its protocol.
 */
class TrafficHostileTest {
    @TempDir
    Path dir;

    @Test
    void damagedFramesGiveFactsOrNoneButNeverAnException() throws Exception {
        Random random = new Random(19);
        TrafficFrames t = new TrafficFrames();
        for (int i = 0; i < 3000; i++) {
            byte[] f = i % 2 == 0
                    ? TrafficFrames.ipv4("10.0.0." + (1 + random.nextInt(3)), "10.0.0.9", 1, echo(random))
                    : TrafficFrames.ipv4("10.0.0." + (1 + random.nextInt(3)), "10.0.0.9", 6, segment(random));
            for (int k = random.nextInt(4); k > 0; k--) {
                f[12 + random.nextInt(f.length - 12)] = (byte) random.nextInt(256);
            }
            t.raw(i, random.nextInt(4) == 0 ? Arrays.copyOf(f, random.nextInt(f.length)) : f);
        }
        try (Capture c = Capture.open(t.write(dir.resolve("hostile.pcap")))) {
            TrafficFacts facts = TrafficFacts.compute(c, LoadMonitor.NONE);
            FramePipeline.Reader reader = FramePipeline.of(c).reader(new Needs(Layer.ALL, false, false, true));
            Dissection d = new Dissection();
            int withFacts = 0;
            for (int i = 0; i < c.frameCount(); i++) {
                reader.decode(i, d);
                for (int n = 0; n < d.size(); n++) {
                    if (d.field(n).source() == dev.cutover.dissect.Field.Source.TRAFFIC) {
                        withFacts++;
                        assertThat(d.parent(n)).as("frame %d", i + 1).isGreaterThanOrEqualTo(0);
                        assertThat(d.parent(n)).isLessThan(n);
                    }
                }
            }
            assertThat(withFacts).isGreaterThan(1000);
            assertThat(facts.streamCount()).isPositive();
        }
    }

    private static byte[] echo(Random random) {
        byte[] b = new byte[8 + random.nextInt(40)];
        b[0] = (byte) (random.nextBoolean() ? 8 : 0);
        b[5] = (byte) random.nextInt(3);
        b[7] = (byte) random.nextInt(3);
        return b;
    }

    private static byte[] segment(Random random) {
        byte[] b = new byte[20 + random.nextInt(60)];
        b[1] = (byte) random.nextInt(3);
        b[3] = 80;
        b[7] = (byte) random.nextInt(200);
        b[12] = 0x50;
        b[13] = (byte) (random.nextBoolean() ? 0x18 : 0x02);
        b[15] = 1;
        return b;
    }
}
