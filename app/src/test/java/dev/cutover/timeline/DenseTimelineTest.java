package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of marks draw in proportion to the width, not to their number. */
class DenseTimelineTest {
    @Test
    void fiftyThousandMarksDrawAtMostOncePerPixel() throws Exception {
        List<Mark> marks = new ArrayList<>();
        long t0 = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 50_000; i++) {
            marks.add(new Mark(i, t0 + i * 200_000L, i % 2 == 0 ? MarkKind.RARP : MarkKind.GARP, i % 2, i % 2));
        }
        Lane lane = new Lane("00:50:56:00:00:01", "VMware", List.of(10), List.of("10.0.0.1"), List.of(0),
                List.of("vmnic0", "vmnic1"), marks, List.of(), List.of(), List.of());
        TimelineModel m = new TimelineModel(List.of(lane), t0, t0 + 49_999 * 200_000L, t0, RateSeries.EMPTY);
        TimelineLayout layout = new TimelineLayout(m, TimeScale.fit(m.startNanos(), m.endNanos()), 1230);
        long start = System.nanoTime();
        List<Mark> drawn = layout.drawnMarks(0, f -> true);
        StringWriter svg = new StringWriter();
        TimelineSvg.write(layout, f -> true, true, java.time.ZoneOffset.UTC, svg);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // two kinds on two sub-lanes, one per pixel column each
        assertThat(drawn.size()).isLessThanOrEqualTo(2 * ((int) layout.plotWidth() + 2));
        assertThat(svg.toString().split("class=\"mark ", -1).length - 1).isEqualTo(drawn.size());
        assertThat(millis).isLessThan(2_000);
        // zoomed in, every mark of the range is there
        TimeScale narrow = new TimeScale(t0, t0 + 100 * 200_000L);
        assertThat(new TimelineLayout(m, narrow, 1230).drawnMarks(0, f -> true)).hasSize(101);
    }
}
