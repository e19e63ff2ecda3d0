package dev.cutover.statistics;

import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The I/O graph's counts on the vMotion sample, whose ARP classes the migration analysis stores. */
class IoGraphTest {
    private static int sum(int[] a) {
        return Arrays.stream(a).sum();
    }

    @Test
    void countsEveryFrameAndTheArpClassesPerInterval() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            MigrationAnalyzer.analyze(c);
            long[] span = IoGraph.span(c.index());
            assertThat(span[0]).isEqualTo(c.index().timestampNanos(0));
            assertThat(span[1]).isEqualTo(c.index().timestampNanos(76));
            IoGraph.Bins bins = IoGraph.count(c.index(), span[0], span[0], span[1], 1_000_000_000L,
                    i -> i >= 40 && i <= 46, () -> false);
            assertThat(bins.binNanos()).isEqualTo(1_000_000_000L);
            assertThat(bins.startNanos()).isEqualTo(span[0]);
            assertThat(bins.bins()).isEqualTo((int) ((span[1] - span[0]) / 1_000_000_000L) + 1);
            assertThat(sum(bins.counts()[IoGraph.Series.ALL.ordinal()])).isEqualTo(77);
            // tshark -r esxi-vmotion-vlan10.pcap -Y 'arp' | wc -l: 24, of which 6 RARP and 1 gratuitous
            assertThat(sum(bins.counts()[IoGraph.Series.ARP.ordinal()])).isEqualTo(24);
            assertThat(sum(bins.counts()[IoGraph.Series.RARP.ordinal()])).isEqualTo(6);
            assertThat(sum(bins.counts()[IoGraph.Series.GARP.ordinal()])).isEqualTo(1);
            assertThat(sum(bins.counts()[IoGraph.Series.DISPLAYED.ordinal()])).isEqualTo(7);
            // the first RARP (frame 41): three at once, so its second holds at least three RARPs
            int at = (int) ((c.index().timestampNanos(40) - span[0]) / 1_000_000_000L);
            assertThat(bins.count(IoGraph.Series.RARP, at)).isGreaterThanOrEqualTo(3);
            assertThat(bins.max(new boolean[] {false, false, true, false, false})).isEqualTo(bins.count(
                    IoGraph.Series.RARP, at));
        }
    }

    @Test
    void ipv6NeighbourDiscoveryIsNotCountedAsArp() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-dual-stack.pcap"))) {
            MigrationAnalyzer.analyze(c);
            long[] span = IoGraph.span(c.index());
            IoGraph.Bins bins = IoGraph.count(c.index(), span[0], span[0], span[1], 1_000_000_000L, null,
                    () -> false);
            // tshark -r esxi-vmotion-dual-stack.pcap -Y arp | wc -l: 31; the two unsolicited NAs are not ARP
            assertThat(sum(bins.counts()[IoGraph.Series.ARP.ordinal()])).isEqualTo(31);
            assertThat(sum(bins.counts()[IoGraph.Series.GARP.ordinal()])).isEqualTo(1);
        }
    }

    @Test
    void withNoFilterThereIsNoDisplayedSeriesAndARangeCountsOnlyItsFrames() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            long t40 = c.index().timestampNanos(40);
            IoGraph.Bins bins = IoGraph.count(c.index(), c.index().timestampNanos(0), t40, t40 + 999_999L,
                    1_000_000L, null, () -> false);
            assertThat(bins.counts()[IoGraph.Series.DISPLAYED.ordinal()]).isNull();
            assertThat(bins.startNanos()).isLessThanOrEqualTo(t40);
            int inThatMillisecond = 0;
            for (int i = 0; i < c.frameCount(); i++) {
                long t = c.index().timestampNanos(i);
                inThatMillisecond += t >= bins.startNanos() && t < bins.startNanos() + bins.bins() * 1_000_000L ? 1 : 0;
            }
            assertThat(sum(bins.counts()[0])).isEqualTo(inThatMillisecond).isPositive();
        }
    }

    @Test
    void intervalsAreChosenAndCoarsenedToABoundedNumberOfBins() {
        long hour = 3600_000_000_000L;
        assertThat(IoGraph.autoInterval(10_000_000_000L, 500)).isEqualTo(50_000_000L); // 20 ms makes 500
        assertThat(IoGraph.autoInterval(hour, 500)).isEqualTo(10_000_000_000L);
        assertThat(IoGraph.autoInterval(100 * hour, 500)).isEqualTo(60_000_000_000L);
        assertThat(IoGraph.fit(1_000_000L, hour)).isGreaterThan(hour / IoGraph.MAX_BINS);
        assertThat(hour / IoGraph.fit(1_000_000L, hour)).isLessThan(IoGraph.MAX_BINS);
        assertThat(IoGraph.fit(1_000_000L, 1_000_000_000L)).isEqualTo(1_000_000L);
        assertThat(IoGraph.intervalText(1_000_000L)).isEqualTo("1 ms");
        assertThat(IoGraph.intervalText(200_000_000L)).isEqualTo("200 ms");
        assertThat(IoGraph.intervalText(30_000_000_000L)).isEqualTo("30 s");
        assertThat(IoGraph.intervalText(60_000_000_000L)).isEqualTo("1 min");
    }

    @Test
    void aSupersededCountStops() throws IOException {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            assertThatThrownBy(() -> IoGraph.count(c.index(), 0, 0, 1, 1, null, () -> true))
                    .isInstanceOf(CancellationException.class);
        }
    }
}
