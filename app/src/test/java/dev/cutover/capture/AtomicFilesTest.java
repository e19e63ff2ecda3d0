package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWhenTheBodySucceeds() throws IOException {
        Path target = Files.writeString(dir.resolve("report.txt"), "old");
        AtomicFiles.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            out.close(); // writers close what they are given; the move must still happen
        });
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(listing()).containsExactly("report.txt");
    }

    @Test
    void leavesTheTargetUntouchedWhenTheBodyThrows() throws IOException {
        Path target = Files.writeString(dir.resolve("report.txt"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of it".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(listing()).containsExactly("report.txt");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(listing()).containsExactly("report.txt");
    }

    @Test
    void createsANewFile() throws IOException {
        Path target = dir.resolve("fresh.pcap");
        AtomicFiles.write(target, out -> new PcapWriter(out, 1, 65535, false).close());
        assertThat(Files.size(target)).isEqualTo(24);
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
