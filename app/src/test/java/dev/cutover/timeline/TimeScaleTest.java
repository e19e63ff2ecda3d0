package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Zoom ranges and axis labels from microseconds to hours. */
class TimeScaleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void zoomKeepsTheAnchorWhereItIs() {
        TimeScale s = new TimeScale(0, 10 * S);
        TimeScale in = s.zoom(0.5, 2 * S);
        assertThat(in).isEqualTo(new TimeScale(S, 6 * S));
        assertThat(in.x(2 * S, 0, 100)).isEqualTo(s.x(2 * S, 0, 100));
        assertThat(in.zoom(2, 2 * S)).isEqualTo(s);
    }

    @Test
    void zoomStopsAtAMicrosecondAndThirtyDays() {
        TimeScale s = new TimeScale(0, 10 * S);
        for (int i = 0; i < 100; i++) {
            s = s.zoom(0.5, 5 * S);
        }
        assertThat(s.spanNanos()).isEqualTo(TimeScale.MIN_SPAN);
        for (int i = 0; i < 200; i++) {
            s = s.zoom(2, 5 * S);
        }
        assertThat(s.spanNanos()).isEqualTo(TimeScale.MAX_SPAN);
    }

    @Test
    void panAndFit() {
        assertThat(new TimeScale(0, 10 * S).pan(3 * S)).isEqualTo(new TimeScale(3 * S, 13 * S));
        assertThat(TimeScale.fit(10 * S, 30 * S)).isEqualTo(new TimeScale(9 * S, 31 * S));
        TimeScale one = TimeScale.fit(5 * S, 5 * S);
        assertThat(one.contains(5 * S)).isTrue();
        assertThat(one.spanNanos()).isGreaterThanOrEqualTo(TimeScale.MIN_SPAN);
        assertThat(new TimeScale(0, 10 * S).time(50, 0, 100)).isEqualTo(5 * S);
    }

    @Test
    void axisLabelsFollowTheZoom() {
        assertThat(TimeAxis.ticks(new TimeScale(0, 10_000), 1000, 0, true, ZoneOffset.UTC))
                .extracting(TimeAxis.Tick::label).first().isEqualTo("0.000 ms");
        assertThat(TimeAxis.ticks(new TimeScale(0, 10_000), 1000, 0, true, ZoneOffset.UTC).get(1).label())
                .isEqualTo("0.001 ms");
        assertThat(TimeAxis.ticks(new TimeScale(0, S), 1000, 0, true, ZoneOffset.UTC).get(1).label())
                .isEqualTo("0.1 s");
        assertThat(TimeAxis.ticks(new TimeScale(0, 60 * S), 1000, 0, true, ZoneOffset.UTC).get(1).label())
                .isEqualTo("10 s");
        assertThat(TimeAxis.ticks(new TimeScale(0, 3600 * S), 1000, 0, true, ZoneOffset.UTC).get(1).label())
                .isEqualTo("10 min");
        assertThat(TimeAxis.ticks(new TimeScale(0, 48 * 3600 * S), 1000, 0, true, ZoneOffset.UTC).get(1).label())
                .isEqualTo("6 h");
        assertThat(TimeAxis.ticks(new TimeScale(0, S), 1000, 0, false, ZoneOffset.UTC).get(1).label())
                .isEqualTo("00:00:00.1");
        assertThat(TimeAxis.ticks(new TimeScale(3600 * S, 7200 * S), 1000, 0, false, ZoneOffset.UTC).get(0).label())
                .isEqualTo("01:00");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(Durations.format(22_963_000L)).isEqualTo("23 ms");
        assertThat(Durations.format(1_250_000_000L)).isEqualTo("1.25 s");
        assertThat(Durations.format(12_000L)).isEqualTo("12 µs");
        assertThat(Durations.format(-50_000_000L)).isEqualTo("-50 ms");
        assertThat(Durations.format(185L * S)).isEqualTo("3 min 5 s");
    }
}
