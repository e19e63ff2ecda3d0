package dev.cutover.capture.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LinkTypes;
import dev.cutover.samples.Wire;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live frames written to disk as they arrive: one file, or a ring of files; no libpcap needed. */
class LiveFilesTest {
    // 2023-11-14T22:13:20Z, a frame every 10 ms
    private static final long T0 = 1_700_000_000_000_000_000L;

    private static LiveFrame frame(int i) {
        byte[] data = Wire.rarp(LinkLab.VM_MAC + i);
        return new LiveFrame(T0 + i * 10_000_000L, data, data.length);
    }

    private static LiveFiles files(Path target, long fileBytes, int keep) {
        return new LiveFiles(target, "vmnic1", LiveOptions.MIGRATION_FILTER, LinkTypes.ETHERNET, 65535,
                "watch of host 12", fileBytes, keep, ZoneOffset.UTC);
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void oneFileAppearsWhenTheCaptureStopsWithEveryFrameTheInterfaceAndTheFilter(@TempDir Path dir)
            throws Exception {
        Path target = dir.resolve("watch.pcapng");
        LiveFiles files = files(target, 0, 0);
        for (int i = 0; i < 50; i++) {
            files.write(frame(i));
        }
        assertThat(target).doesNotExist(); // written beside it until complete
        files.close();
        assertThat(listing(dir)).containsExactly(target);
        assertThat(files.files()).containsExactly(target);
        assertThat(files.describe()).isEqualTo(target.toString());
        assertThat(Files.readString(target, StandardCharsets.ISO_8859_1))
                .contains("watch of host 12").contains(LiveOptions.MIGRATION_FILTER);
        try (Capture c = Capture.open(target)) {
            assertThat(c.frameCount()).isEqualTo(50);
            assertThat(c.interfaces().get(0).name()).isEqualTo("vmnic1");
            assertThat(c.index().timestampNanos(49)).isEqualTo(frame(49).timestampNanos());
            assertThat(c.frameBytes(7)).isEqualTo(frame(7).data());
            assertThat(c.damages()).isEmpty();
        }
    }

    @Test
    void aRingKeepsTheNewestFilesEachWithinItsSizeAndNamedAsTsharkNamesThem(@TempDir Path dir) throws Exception {
        LiveFiles files = files(dir.resolve("watch.pcapng"), 1_000, 3);
        for (int i = 0; i < 100; i++) {
            files.write(frame(i));
        }
        files.close();

        List<Path> kept = files.files();
        assertThat(kept).hasSize(3);
        assertThat(listing(dir)).containsExactlyElementsOf(kept); // no temporary file left behind
        assertThat(files.deletedFiles()).isPositive();
        for (Path p : kept) {
            assertThat(p.getFileName().toString()).matches("watch_\\d{5}_2023111422\\d{4}\\.pcapng");
            assertThat(Files.size(p)).isLessThanOrEqualTo(1_000);
        }
        // the sequence goes on where the deleted files stopped
        int last = Integer.parseInt(kept.get(2).getFileName().toString().substring(6, 11));
        assertThat(last).isEqualTo(3 + (int) files.deletedFiles());

        List<Long> times = new ArrayList<>();
        for (Path p : kept) {
            try (Capture c = Capture.open(p)) {
                assertThat(c.interfaces().get(0).name()).isEqualTo("vmnic1");
                assertThat(c.damages()).isEmpty();
                for (int i = 0; i < c.frameCount(); i++) {
                    times.add(c.index().timestampNanos(i));
                }
            }
        }
        // the kept files hold the newest frames, in order, none missing between them
        assertThat(times.get(times.size() - 1)).isEqualTo(frame(99).timestampNanos());
        int first = 100 - times.size();
        for (int k = 0; k < times.size(); k++) {
            assertThat(times.get(k)).isEqualTo(frame(first + k).timestampNanos());
        }
        assertThat(files.frames()).isEqualTo(100);
        assertThat(files.describe()).contains("3 files").contains("older deleted by the ring");
    }

    @Test
    void aRingOfUnlimitedFilesKeepsEveryFrame(@TempDir Path dir) throws Exception {
        LiveFiles files = files(dir.resolve("long"), 2_000, 0);
        for (int i = 0; i < 200; i++) {
            files.write(frame(i));
        }
        files.close();
        assertThat(files.deletedFiles()).isZero();
        assertThat(files.files()).hasSizeGreaterThan(5);
        assertThat(files.files().get(0).getFileName().toString()).startsWith("long_00001_").endsWith(".pcapng");
        long total = 0;
        for (Path p : files.files()) {
            try (Capture c = Capture.open(p)) {
                total += c.frameCount();
            }
        }
        assertThat(total).isEqualTo(200);
    }

    @Test
    void aCaptureThatSawNothingStillLeavesOneValidFile(@TempDir Path dir) throws Exception {
        LiveFiles files = files(dir.resolve("quiet.pcapng"), 1_000_000, 5);
        files.close();
        assertThat(files.files()).hasSize(1);
        try (Capture c = Capture.open(files.files().get(0))) {
            assertThat(c.frameCount()).isZero();
            assertThat(c.interfaces().get(0).name()).isEqualTo("vmnic1");
        }
    }
}
