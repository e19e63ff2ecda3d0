package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteSourceTest {
    @TempDir
    Path dir;

    @Test
    void memorySourceReadsAndStopsAtTheEnd() {
        MemoryByteSource s = new MemoryByteSource(new byte[] {1, 2, 3, 4, 5});
        byte[] buf = new byte[8];
        assertThat(s.size()).isEqualTo(5);
        assertThat(s.read(1, buf, 2, 3)).isEqualTo(3);
        assertThat(buf).startsWith(0, 0, 2, 3, 4);
        assertThat(s.read(3, buf, 0, 8)).isEqualTo(2);
        assertThat(s.read(5, buf, 0, 8)).isZero();
        assertThat(s.read(1L << 40, buf, 0, 8)).isZero();
        assertThatThrownBy(() -> s.read(0, buf, 4, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void fileSourceReadsAndStopsAtTheEnd() throws IOException {
        Path file = Files.write(dir.resolve("f"), Bytes.pattern(100, 0));
        try (FileByteSource s = new FileByteSource(file)) {
            byte[] buf = new byte[50];
            assertThat(s.size()).isEqualTo(100);
            assertThat(s.read(90, buf, 0, 50)).isEqualTo(10);
            assertThat(buf[0]).isEqualTo((byte) 90);
            assertThat(s.read(100, buf, 0, 50)).isZero();
        }
    }

    @Test
    void anInterruptedReaderDoesNotCloseTheFileForEveryoneElse() throws Exception {
        Path file = Files.write(dir.resolve("f"), Bytes.pattern(100, 0));
        try (FileByteSource s = new FileByteSource(file)) {
            byte[] buf = new byte[10];
            Thread.currentThread().interrupt();
            try {
                assertThat(s.read(10, buf, 0, 10)).isEqualTo(10);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            Thread other = new Thread(() -> {
                try {
                    s.read(20, buf, 0, 10);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            other.start();
            other.join();
            assertThat(buf[0]).isEqualTo((byte) 20);
        }
    }

    @Test
    void aClosedFileSourceRefusesToRead() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[10]);
        FileByteSource s = new FileByteSource(file);
        s.close();
        assertThatThrownBy(() -> s.read(0, new byte[1], 0, 1)).isInstanceOf(ClosedChannelException.class);
    }
}
