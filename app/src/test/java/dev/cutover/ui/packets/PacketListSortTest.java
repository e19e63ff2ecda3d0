package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.ui.Tasks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorting the packet list of a synthetic capture of 300,000 frames: the order against one computed here the
 * slow way (boxed, with a comparator), the inverse (rowOf) for every frame, the filter kept, the selection
 * following its frame.
 */
class PacketListSortTest {
    private static final int FRAMES = 300_000;

    @TempDir
    static Path dir;
    private static Capture capture;
    private PacketListViewModel vm;

    @BeforeAll
    static void write() throws Exception {
        capture = Capture.open(SyntheticCapture.write(dir, FRAMES, 7));
    }

    @AfterAll
    static void close() {
        capture.close();
    }

    @BeforeEach
    void open() {
        vm = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
        vm.setCapture(capture);
    }

    @Test
    void lengthAscendingDescendingAndBackToFrameOrder() {
        assertThat(vm.frames()).hasSize(FRAMES);
        vm.sortBy(PacketColumn.LENGTH, true);
        assertThat(vm.sortProperty().get()).isEqualTo(new PacketListViewModel.Sort(PacketColumn.LENGTH, true));
        assertThat(vm.sortingProperty().get()).isFalse();
        List<Integer> expected = byLong(allFrames(), f -> capture.index().originalLength(f), true);
        assertThat(shown()).isEqualTo(expected);
        assertInverse();

        vm.sortBy(PacketColumn.LENGTH, false);
        assertThat(shown()).isEqualTo(byLong(allFrames(), f -> capture.index().originalLength(f), false));
        assertInverse();

        vm.sortBy(null, true);
        assertThat(shown()).isEqualTo(allFrames());
        assertThat(vm.rowOf(123_456)).isEqualTo(123_456);
    }

    @Test
    void timeSortsByTheTimeStampAndSincePreviousByTheGap() {
        vm.sortBy(PacketColumn.TIME, true);
        assertThat(shown()).isEqualTo(byLong(allFrames(), f -> capture.index().timestampNanos(f), true));
        vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS);
        assertThat(shown()).isEqualTo(byLong(allFrames(), f -> f == 0 ? 0
                : capture.index().timestampNanos(f) - capture.index().timestampNanos(f - 1), true));
        assertInverse();
    }

    @Test
    void sourceSortsAddressesByValueAndKeepsTheFilter() throws Exception {
        vm.applyFilter(CompiledFilter.compile("frame.len > 1000"));
        int kept = vm.frames().size();
        assertThat(kept).isBetween(FRAMES / 4, FRAMES / 2);
        List<Integer> filtered = shown();

        vm.sortBy(PacketColumn.SOURCE, true);
        assertThat(vm.frames()).hasSize(kept);
        List<Integer> expected = byLong(filtered, f -> ipv4(vm.row(f).source()), true);
        assertThat(shown()).isEqualTo(expected);
        assertThat(vm.row(shown().get(0)).source()).startsWith("10.0.0.");
        assertInverse();
        // a frame the filter hides has no row, sorted or not
        int hidden = 0;
        while (capture.index().originalLength(hidden) > 1000) {
            hidden++;
        }
        assertThat(vm.rowOf(hidden)).isEqualTo(-1);

        vm.sortBy(PacketColumn.SOURCE, false);
        assertThat(shown()).isEqualTo(byLong(filtered, f -> ipv4(vm.row(f).source()), false));

        // a new filter keeps the sort
        vm.applyFilter(CompiledFilter.compile("frame.len > 1400"));
        List<Integer> narrower = new ArrayList<>();
        for (int f : filtered) {
            if (capture.index().originalLength(f) > 1400) {
                narrower.add(f);
            }
        }
        assertThat(vm.sortProperty().get()).isEqualTo(new PacketListViewModel.Sort(PacketColumn.SOURCE, false));
        assertThat(shown()).isEqualTo(byLong(narrower, f -> ipv4(vm.row(f).source()), false));
        assertInverse();

        // and clearing the filter sorts every frame
        vm.applyFilter(CompiledFilter.compile(""));
        assertThat(vm.frames()).hasSize(FRAMES);
        assertInverse();
    }

    @Test
    void theSelectionFollowsItsFrameAcrossSorts() {
        int frame = 200_001;
        vm.setCurrentFrame(frame);
        vm.setSelectedFrames(new int[] {frame, 7});
        vm.sortBy(PacketColumn.LENGTH, false);
        int row = vm.rowOf(frame);
        assertThat(row).isNotEqualTo(frame);
        assertThat(vm.frames().get(row)).isEqualTo(frame);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(row, vm.rowOf(7));
        assertThat(vm.currentFrameProperty().get()).isEqualTo(frame);
        assertThat(vm.selectedFramesProperty().get()).containsExactly(7, frame);
    }

    @Test
    void aNewCaptureGoesBackToFrameOrder() {
        vm.sortBy(PacketColumn.LENGTH, true);
        vm.setCapture(capture);
        assertThat(vm.sortProperty().get()).isNull();
        assertThat(vm.frames().get(10)).isEqualTo(10);
    }

    private void assertInverse() {
        for (int r = 0; r < vm.frames().size(); r++) {
            int f = vm.frames().get(r);
            if (vm.rowOf(f) != r) {
                throw new AssertionError("row " + r + " shows frame " + f + " but rowOf says " + vm.rowOf(f));
            }
        }
    }

    private List<Integer> shown() {
        return new ArrayList<>(vm.frames());
    }

    private static List<Integer> allFrames() {
        List<Integer> all = new ArrayList<>(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            all.add(i);
        }
        return all;
    }

    /** Frames sorted by a key, ties in frame order whichever the direction (as Wireshark's list keeps them). */
    private static List<Integer> byLong(List<Integer> frames, IntToLongFunction key, boolean ascending) {
        long[] keys = new long[FRAMES];
        for (int f : frames) {
            keys[f] = key.applyAsLong(f);
        }
        Comparator<Integer> byKey = Comparator.comparingLong(f -> keys[f]);
        Comparator<Integer> order = (ascending ? byKey : byKey.reversed()).thenComparing(Comparator.naturalOrder());
        List<Integer> sorted = new ArrayList<>(frames);
        sorted.sort(order);
        return sorted;
    }

    private static long ipv4(String text) {
        String[] p = text.split("\\.");
        long v = 0;
        for (String s : p) {
            v = (v << 8) | Integer.parseInt(s);
        }
        return v;
    }
}
