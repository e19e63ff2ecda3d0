package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate chart: RARP, GARP and all ARP counted per interval on the timeline's axis. */
class RateSeriesTest {
    @Test
    void countsTheQemuBurstPerInterval() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        RateSeries r = m.rates();
        assertThat(r.count(RateSeries.Kind.RARP)).isEqualTo(5);
        assertThat(r.count(RateSeries.Kind.GARP)).isGreaterThanOrEqualTo(1);
        assertThat(r.count(RateSeries.Kind.ARP)).isGreaterThanOrEqualTo(6);

        long start = m.lanes().get(0).brackets().get(0).startNanos();
        // 100 ms bins from the first RARP: RARPs at 0, 50, 200, 450 and 800 ms
        RateSeries.Bins bins = r.bin(new TimeScale(start, start + 1_000_000_000L), 100_000_000L, start);
        int[] rarp = bins.counts()[RateSeries.Kind.RARP.ordinal()];
        assertThat(Arrays.copyOf(rarp, 10)).containsExactly(2, 0, 1, 0, 1, 0, 0, 0, 1, 0);
        assertThat(bins.max()).isGreaterThanOrEqualTo(2);
        assertThat(Arrays.stream(rarp).sum()).isEqualTo(5);
    }

    @Test
    void theLayoutPicksAnIntervalFromTheZoomUnlessOneIsChosen() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        TimeScale s = TimeScale.fit(m.startNanos(), m.endNanos());
        TimelineLayout auto = new TimelineLayout(m, s, 1230);
        assertThat(auto.rateBinNanos()).isEqualTo(TimeAxis.step(s, auto.plotWidth(), 6));
        TimelineLayout chosen = new TimelineLayout(m, s, 1230, 10_000_000L);
        assertThat(chosen.rateBinNanos()).isEqualTo(10_000_000L);
        assertThat(chosen.rateTitle(chosen.rateBins())).startsWith("ARP frames per 10 ms");
        double[] pts = chosen.ratePoints(chosen.rateBins(), RateSeries.Kind.RARP);
        for (int i = 0; i < pts.length; i += 2) {
            assertThat(pts[i]).isBetween(chosen.plotX0(), chosen.plotX0() + chosen.plotWidth());
            assertThat(pts[i + 1]).isBetween(chosen.rateTop(), chosen.height());
        }
    }
}
