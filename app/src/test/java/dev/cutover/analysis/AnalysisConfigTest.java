package dev.cutover.analysis;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thresholds: defaults as documented, changed one at a time, nonsense refused. */
class AnalysisConfigTest {
    @Test
    void defaults() {
        AnalysisConfig c = AnalysisConfig.DEFAULTS;
        assertThat(c.burstGap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.correlationWindow()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.stormRequests()).isEqualTo(30);
        assertThat(c.stormWindow()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.patternTolerance()).isEqualTo(Duration.ofMillis(25));
        assertThat(c.failoverMacs()).isEqualTo(4);
        assertThat(c.failoverWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.floodRate()).isEqualTo(5);
        assertThat(c.floodSpan()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.outcomeWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.darkThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.staleThreshold()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void withersChangeOneThing() {
        AnalysisConfig c = AnalysisConfig.DEFAULTS.withBurstGap(Duration.ofSeconds(10))
                .withCorrelationWindow(Duration.ofSeconds(2)).withStorm(10, Duration.ofMillis(50))
                .withPatternTolerance(Duration.ofMillis(5)).withFailover(3, Duration.ofMillis(500));
        assertThat(c).isEqualTo(new AnalysisConfig(Duration.ofSeconds(10), Duration.ofSeconds(2), 10,
                Duration.ofMillis(50), Duration.ofMillis(5), 3, Duration.ofMillis(500)));
        assertThat(c.withFlood(20, Duration.ofSeconds(30))).isEqualTo(new AnalysisConfig(Duration.ofSeconds(10),
                Duration.ofSeconds(2), 10, Duration.ofMillis(50), Duration.ofMillis(5), 3, Duration.ofMillis(500), 20,
                Duration.ofSeconds(30)));
        AnalysisConfig o = c.withOutcome(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(100));
        assertThat(o).isEqualTo(new AnalysisConfig(Duration.ofSeconds(10), Duration.ofSeconds(2), 10,
                Duration.ofMillis(50), Duration.ofMillis(5), 3, Duration.ofMillis(500), 5, Duration.ofSeconds(10),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(100)));
        assertThat(o.withBurstGap(Duration.ofSeconds(7)).outcomeWindow()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withBurstGap(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst gap must be positive");
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withCorrelationWindow(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withStorm(0, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withFailover(1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withBurstGap(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withFlood(0, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flood rate");
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withFlood(5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flood span");
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withOutcome(Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outcome window");
        assertThatThrownBy(() -> AnalysisConfig.DEFAULTS.withOutcome(Duration.ofSeconds(30), Duration.ofSeconds(-2),
                Duration.ofMillis(500))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dark threshold");
    }
}
