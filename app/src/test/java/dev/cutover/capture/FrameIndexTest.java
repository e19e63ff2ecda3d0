package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameIndexTest {

    @Test
    void aViewIsARangeOfTheIndexNumberedFromZeroThatDoesNotGrowWithIt() {
        FrameIndex index = new FrameIndex();
        for (int i = 0; i < 100_000; i++) {
            index.append(10L * i, 1_000L + i, 60 + i % 7, 64 + i % 7, i % 5);
        }
        // across the chunk boundary at 65,536
        FrameIndex view = index.view(60_000, 70_000);
        for (int i = 100_000; i < 140_000; i++) {
            index.append(10L * i, 1_000L + i, 60, 64, 0);
        }
        assertThat(view.size()).isEqualTo(10_000);
        for (int k : new int[] {0, 5_535, 5_536, 9_999}) {
            int i = 60_000 + k;
            assertThat(view.dataOffset(k)).isEqualTo(10L * i);
            assertThat(view.timestampNanos(k)).isEqualTo(1_000L + i);
            assertThat(view.capturedLength(k)).isEqualTo(60 + i % 7);
            assertThat(view.originalLength(k)).isEqualTo(64 + i % 7);
            assertThat(view.interfaceId(k)).isEqualTo(i % 5);
        }
        assertThatThrownBy(() -> view.timestampNanos(10_000)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.append(0, 0, 1, 1, 0)).isInstanceOf(UnsupportedOperationException.class);
        // the analysis's byte is shared: set through the view, the index has it too
        view.setFrameClass(5_536, (byte) 3);
        assertThat(index.frameClass(65_536)).isEqualTo((byte) 3);
        assertThat(index.view(65_000, 66_000).frameClass(536)).isEqualTo((byte) 3);
        assertThat(view.view(5_000, 6_000).timestampNanos(536)).isEqualTo(1_000L + 65_536);
        assertThatThrownBy(() -> index.view(10, 140_001)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void holdsAMillionFramesInTwentyFourBytesEach() {
        FrameIndex index = new FrameIndex();
        for (int i = 0; i < 1_000_000; i++) {
            index.append(24L + 100L * i, 1_700_000_000_000_000_000L + i, 60, 64, i & 3);
        }
        index.trim();
        assertThat(index.size()).isEqualTo(1_000_000);
        // array headers and chunk directories add about a kilobyte in all
        assertThat((double) index.heapBytes() / index.size()).isLessThanOrEqualTo(24.01);
        assertThat(index.heapBytes() / index.size()).isLessThanOrEqualTo(24);
        assertThat(index.dataOffset(999_999)).isEqualTo(24L + 100L * 999_999);
        assertThat(index.timestampNanos(65_536)).isEqualTo(1_700_000_000_000_065_536L);
        assertThat(index.interfaceId(65_535)).isEqualTo(3);
    }

    @Test
    void growingBeforeTrimWastesAtMostOneChunk() {
        FrameIndex index = new FrameIndex();
        for (int i = 0; i < 70_000; i++) {
            index.append(i, i, 1, 1, 0);
        }
        assertThat(index.heapBytes()).isLessThanOrEqualTo(2L * 65_536 * 24 + 4096);
        index.trim();
        assertThat(index.heapBytes()).isLessThanOrEqualTo(70_000L * 24 + 4096);
        // appending after a trim gives the last chunk back its full size
        for (int i = 70_000; i < 140_000; i++) {
            index.append(i, i, 1, 1, 0);
        }
        assertThat(index.size()).isEqualTo(140_000);
        for (int i = 0; i < 140_000; i += 997) {
            assertThat(index.dataOffset(i)).isEqualTo(i);
        }
    }

    @Test
    void fieldsKeepTheirFullRanges() {
        FrameIndex index = new FrameIndex();
        index.append(FrameIndex.MAX_OFFSET, Long.MIN_VALUE, Integer.MAX_VALUE, 0, FrameIndex.MAX_INTERFACE_ID);
        index.append(3L << 31, Long.MAX_VALUE, 0, Integer.MAX_VALUE, 0);
        assertThat(index.dataOffset(0)).isEqualTo((1L << 40) - 1);
        assertThat(index.timestampNanos(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(index.capturedLength(0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(index.interfaceId(0)).isEqualTo(65535);
        assertThat(index.frameClass(0)).isZero();
        assertThat(index.dataOffset(1)).isEqualTo(3L << 31);
        assertThat(index.originalLength(1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void frameClassDoesNotDisturbTheOtherFields() {
        FrameIndex index = new FrameIndex();
        index.append(FrameIndex.MAX_OFFSET, 5, 6, 7, 0xABCD);
        index.setFrameClass(0, (byte) 0xFF);
        assertThat(index.frameClass(0)).isEqualTo((byte) 0xFF);
        assertThat(index.interfaceId(0)).isEqualTo(0xABCD);
        assertThat(index.dataOffset(0)).isEqualTo(FrameIndex.MAX_OFFSET);
        index.setFrameClass(0, (byte) 3);
        assertThat(index.frameClass(0)).isEqualTo((byte) 3);
    }

    @Test
    void refusesWhatItCannotHold() {
        FrameIndex index = new FrameIndex();
        assertThatThrownBy(() -> index.append(1L << 40, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.append(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.append(0, 0, 0, 0, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.append(0, 0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.dataOffset(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(index.size()).isZero();
        assertThat(index.heapBytes()).isLessThan(100);
    }

    @Test
    void anotherThreadSeesEveryEntryBelowTheSizeItReads() throws InterruptedException {
        FrameIndex index = new FrameIndex();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> problem = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && problem.get() == null) {
                int n = index.size();
                if (n > 0) {
                    int i = n - 1;
                    if (index.dataOffset(i) != i || index.capturedLength(i) != (i & 0xFFFF)) {
                        problem.set("entry " + i + " was not complete when size was " + n);
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 500_000; i++) {
            index.append(i, i, i & 0xFFFF, 0, 0);
            if (i % 100_000 == 99_999) {
                index.trim();
            }
        }
        done.set(true);
        reader.join();
        assertThat(problem.get()).isNull();
    }
}
