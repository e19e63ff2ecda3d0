package dev.cutover.ui.packets;

import dev.cutover.capture.PcapWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A pcap of many small IPv4 frames for the packet list's tests: sources 10.0.x.y spread so that text order and
 * address order differ (10.0.0.9 before 10.0.0.10), lengths 60 to 1514, time stamps mostly rising with some
 * going back, so no column's order is the frame order.
 */
final class SyntheticCapture {
    private SyntheticCapture() {
    }

    static Path write(Path dir, int frames, long seed) throws IOException {
        Path file = dir.resolve("synthetic-" + frames + ".pcap");
        Random random = new Random(seed);
        byte[] frame = new byte[42];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PcapWriter w = new PcapWriter(out, 1, 262144, false)) {
            long t = 1_763_712_000_000_000_000L;
            for (int i = 0; i < frames; i++) {
                // Ethernet: destination, source, IPv4
                for (int k = 0; k < 6; k++) {
                    frame[k] = (byte) 0x02;
                    frame[6 + k] = (byte) (k == 5 ? i : 0x04);
                }
                frame[12] = 0x08;
                frame[13] = 0x00;
                int length = 60 + random.nextInt(1455);
                // IPv4 header, no options, UDP, total length as the frame claims
                frame[14] = 0x45;
                frame[15] = 0;
                int total = length - 14;
                frame[16] = (byte) (total >> 8);
                frame[17] = (byte) total;
                frame[22] = 64;
                frame[23] = 17;
                frame[26] = 10;
                frame[27] = 0;
                frame[28] = (byte) random.nextInt(4);
                frame[29] = (byte) random.nextInt(256);
                frame[30] = 10;
                frame[31] = 0;
                frame[32] = 9;
                frame[33] = (byte) random.nextInt(256);
                // UDP header
                frame[34] = 0x13;
                frame[35] = (byte) 0x88;
                frame[36] = 0x13;
                frame[37] = (byte) 0x89;
                frame[38] = (byte) ((total - 20) >> 8);
                frame[39] = (byte) (total - 20);
                t += random.nextInt(10) == 0 ? -random.nextInt(1_000_000) : random.nextInt(2_000_000);
                w.write(t, frame, 0, 34, length);
            }
        }
        return file;
    }
}
