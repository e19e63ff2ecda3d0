package dev.cutover.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An outcome's durations, as its summary, its findings and the timeline's dark span word them. */
class BriefDurationTest {
    @Test
    void millisecondsBelowASecondThenSecondsWithOneDecimal() {
        assertThat(BriefDuration.of(0)).isEqualTo("0 ms");
        assertThat(BriefDuration.of(56_200_000L)).isEqualTo("56 ms");
        assertThat(BriefDuration.of(212_500_000L)).isEqualTo("213 ms");
        assertThat(BriefDuration.of(999_400_000L)).isEqualTo("999 ms");
        assertThat(BriefDuration.of(1_000_000_000L)).isEqualTo("1 s");
        assertThat(BriefDuration.of(1_250_000_000L)).isEqualTo("1.3 s");
        assertThat(BriefDuration.of(1_400_500_000L)).isEqualTo("1.4 s");
        assertThat(BriefDuration.of(30_000_000_000L)).isEqualTo("30 s");
        assertThat(BriefDuration.of(30_000_400_000L)).isEqualTo("30 s");
        assertThat(BriefDuration.of(2_960_000_000L)).isEqualTo("3 s");
    }
}
