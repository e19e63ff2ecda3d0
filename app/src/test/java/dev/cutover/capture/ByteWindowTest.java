package dev.cutover.capture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index pass's window over a file: every byte where it should be, whatever straddles two windows. */
class ByteWindowTest {
    @TempDir
    Path dir;

    private byte[] file(int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.write(dir.resolve("f.bin"), data);
        return data;
    }

    /** Reads the file front to back in pieces of random sizes, as the index pass reads records. */
    private static void walk(ByteWindow w, byte[] data, long seed, int maxPiece, List<Long> refills) throws IOException {
        Random r = new Random(seed);
        long pos = 0;
        while (pos < data.length) {
            int n = (int) Math.min(data.length - pos, 1 + r.nextInt(maxPiece));
            int at = w.at(pos, n);
            ByteBuffer b = w.buffer();
            for (int i = 0; i < n; i++) {
                if (b.get(at + i) != data[(int) pos + i]) {
                    throw new AssertionError("byte " + (pos + i) + " differs (piece of " + n + " at " + pos + ")");
                }
            }
            pos += n;
        }
        assertThat(refills).isNotEmpty();
    }

    @Test
    void everyByteOfAFileManyWindowsLongIsReadWhereItIsWhateverStraddlesTheWindows() throws IOException {
        byte[] data = file(3_000_000, 1);
        for (int capacity : new int[] {4096, 65_536, 1 << 20}) {
            List<Long> refills = new ArrayList<>();
            try (FileByteSource source = new FileByteSource(dir.resolve("f.bin"))) {
                ByteWindow w = new ByteWindow(source, data.length, capacity, refills::add);
                walk(w, data, capacity, 3000, refills);
            }
            // one refill per window or so, not one per piece
            assertThat(refills.size()).as("capacity " + capacity).isLessThan(data.length / capacity * 2 + 4);
        }
    }

    @Test
    void aPieceLargerThanTheWindowAndJumpsBackAndForthStillReadTheRightBytes() throws IOException {
        byte[] data = file(2_000_000, 2);
        try (FileByteSource source = new FileByteSource(dir.resolve("f.bin"))) {
            ByteWindow w = new ByteWindow(source, data.length, 8192, pos -> { });
            long[][] requests = {{0, 100}, {5000, 9000}, {100_000, 50_000}, {10, 20}, {1_999_990, 10},
                    {150_000, 300_000}, {1_000_000, 8192}, {1_008_000, 600}};
            for (long[] q : requests) {
                int at = w.at(q[0], (int) q[1]);
                for (int i = 0; i < q[1]; i++) {
                    assertThat(w.buffer().get(at + i)).as("byte " + (q[0] + i)).isEqualTo(data[(int) q[0] + i]);
                }
            }
        }
    }

    @Test
    void aFileCutShortWhileItIsReadIsReportedAtTheByteItEndsAt() throws IOException {
        byte[] data = file(1_000_000, 3);
        Path f = dir.resolve("f.bin");
        try (FileByteSource source = new FileByteSource(f)) {
            ByteWindow w = new ByteWindow(source, data.length, 65_536, pos -> { });
            w.at(0, 1000);
            // the file loses its second half after the window was sized: the reader must not go past the new end
            // unnoticed
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(500_000);
            }
            assertThatThrownBy(() -> {
                for (long pos = 0; pos < data.length; pos += 1000) {
                    w.at(pos, 1000);
                }
            }).isInstanceOf(EOFException.class).hasMessageContaining("the file ended at byte 500000");
        }
    }
}
