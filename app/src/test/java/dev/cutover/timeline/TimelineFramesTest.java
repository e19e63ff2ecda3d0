package dev.cutover.timeline;

import dev.cutover.capture.Capture;
import dev.cutover.capture.PcapngWriter;
import dev.cutover.testsupport.MigrationFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The names the timeline draws beside its sub-lanes are one line each, whatever the capture calls its interfaces. */
class TimelineFramesTest {
    @TempDir
    Path dir;

    @Test
    void anInterfaceNameWithANewlineIsOneLabel() throws Exception {
        Path file = dir.resolve("c.pcapng");
        try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "test")) {
            int id = w.addInterface(1, 65535, "vmnic5\u0000\nFrame 9: forged\u001b[2J", null, 9);
            byte[] f = MigrationFrames.RARP_VLAN10;
            w.write(id, 1_700_000_000_000_000_000L, f, 0, f.length, f.length, List.of(), 0);
        }
        try (Capture c = Capture.open(file)) {
            TimelineFrames frames = TimelineFrames.of(c);
            assertThat(frames.interfaceName(frames.interfaceId(0)))
                    .isEqualTo("vmnic5\\x00\\x0aFrame 9: forged\\x1b[2J");
        }
    }
}
