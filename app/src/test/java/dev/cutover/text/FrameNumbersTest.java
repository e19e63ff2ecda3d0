package dev.cutover.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Frame lists in the one form every command and view writes them: a range always means every frame in it. */
class FrameNumbersTest {
    @Test
    void runsAreRangesAndOtherFramesAreListed() {
        assertThat(FrameNumbers.of(List.of(4, 7), 6, true)).isEqualTo("frames 5 and 8");
        assertThat(FrameNumbers.of(List.of(40, 41, 42, 44, 45, 46), 6, true)).isEqualTo("frames 41-43 and 45-47");
        assertThat(FrameNumbers.of(List.of(353, 354, 355, 377, 390, 400), 2, true))
                .isEqualTo("frames 354-356, 378, … (6 frames)");
        // beside a count, a cut list ends in the ellipsis alone
        assertThat(FrameNumbers.of(List.of(353, 354, 355, 377, 390, 400), 2, false))
                .isEqualTo("frames 354-356, 378, …");
        assertThat(FrameNumbers.of(List.of(353, 354, 355, 377), 2, false)).isEqualTo("frames 354-356 and 378");
        assertThat(FrameNumbers.of(List.of(0), 2, false)).isEqualTo("frame 1");
        assertThat(FrameNumbers.of(List.of(), 2, false)).isEmpty();
    }

    @Test
    void aSentenceListsFourRunsAndCountsTheRest() {
        assertThat(FrameNumbers.inSentence(List.of(40, 41, 42, 43, 44, 45, 46))).isEqualTo("frames 41-47");
        assertThat(FrameNumbers.inSentence(List.of(2, 8, 9, 10, 11, 39))).isEqualTo("frames 3, 9-12 and 40");
        assertThat(FrameNumbers.inSentence(List.of(8, 14, 18, 31, 38, 68, 99)))
                .isEqualTo("frames 9, 15, 19, 32 and 3 more");
        // a fifth run is written out rather than counted as "1 more"
        assertThat(FrameNumbers.inSentence(List.of(8, 14, 18, 31, 38))).isEqualTo("frames 9, 15, 19, 32 and 39");
        // the runs written out count all their frames: 9-11 holds three
        assertThat(FrameNumbers.inSentence(List.of(8, 9, 10, 14, 18, 31, 38, 68)))
                .isEqualTo("frames 9-11, 15, 19, 32 and 2 more");
        assertThat(FrameNumbers.inSentence(List.of(8, 9, 10, 14, 18, 31, 38)))
                .isEqualTo("frames 9-11, 15, 19, 32 and 39");
        assertThat(FrameNumbers.inSentence(List.of(4))).isEqualTo("frame 5");
    }
}
