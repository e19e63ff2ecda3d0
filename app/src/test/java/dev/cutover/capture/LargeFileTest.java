package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pcap over 2 GB, written sparse so that the disk holds little more than its record headers. */
class LargeFileTest {
    private static final int RECORD_DATA = 262_144;
    private static final int RECORDS = 8_200;

    @TempDir
    Path dir;

    @Test
    void framesPastTwoGigabytesAreIndexedAndRead() throws IOException {
        Path file = dir.resolve("big.pcap");
        long stride = 16L + RECORD_DATA;
        long size = 24 + stride * RECORDS;
        byte[] marker = "last frame, past 2^31".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
            raf.write(Crafted.pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 2, 4, RECORD_DATA, 1).toArray());
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < RECORDS; i++) {
                header.clear();
                header.putInt(1_700_000_000 + i).putInt(0).putInt(RECORD_DATA).putInt(RECORD_DATA);
                raf.seek(24 + stride * i);
                raf.write(header.array());
            }
            raf.seek(24 + stride * (RECORDS - 1) + 16);
            raf.write(marker);
        }
        assertThat(size).isGreaterThan(1L << 31);

        try (Capture c = Capture.open(file)) {
            assertThat(c.damages()).isEmpty();
            assertThat(c.frameCount()).isEqualTo(RECORDS);
            int last = RECORDS - 1;
            assertThat(c.index().dataOffset(last)).isGreaterThan(1L << 31).isEqualTo(24 + stride * last + 16);
            assertThat(c.index().timestampNanos(last)).isEqualTo((1_700_000_000L + last) * 1_000_000_000L);
            byte[] bytes = c.frameBytes(last);
            assertThat(bytes).hasSize(RECORD_DATA);
            assertThat(java.util.Arrays.copyOf(bytes, marker.length)).isEqualTo(marker);
            assertThat(c.sources().get(0).fileSize()).isEqualTo(size);
        }
    }
}
