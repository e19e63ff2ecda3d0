package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Lanes, marks, burst brackets and delay spans built from the analysis of the sample captures. */
class TimelineModelTest {
    @Test
    void theMacsOtherArpIsOnItsLaneToo() throws Exception {
        // The silent VM asked for its gateway twenty seconds before the move: an ordinary request, drawn fainter.
        Lane lane = TimelineFixtures.of(TimelineFixtures.SILENT_VM).lanes().stream()
                .filter(l -> l.mac().equals("00:50:56:9d:c4:22")).findFirst().orElseThrow();
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.ARP).isNotEmpty();
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.RARP).hasSize(6);
        assertThat(lane.marks()).extracting(Mark::timeNanos).isSorted();
    }

    @Test
    void qemuGivesOneLaneWithFiveRarpsABracketAndTheDelay() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        assertThat(m.lanes()).hasSize(1);
        Lane lane = m.lanes().get(0);
        assertThat(lane.mac()).isEqualTo("52:54:00:6b:3a:10");
        assertThat(lane.vlans()).containsExactly(20);
        assertThat(lane.ips()).containsExactly("10.0.20.15");
        assertThat(lane.subtitle()).isEqualTo("VLAN 20 · 10.0.20.15");
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.RARP).hasSize(5);
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.GARP).isNotEmpty();
        assertThat(lane.marks()).extracting(Mark::timeNanos).isSorted();

        assertThat(lane.brackets()).hasSize(1);
        BurstBracket b = lane.brackets().get(0);
        assertThat(b.count()).isEqualTo(5);
        assertThat(b.spanNanos()).isCloseTo(800_000_000L, within(2_000_000L));
        assertThat(b.pattern()).isEqualTo("QEMU announce-self");
        assertThat(b.intervals()).hasSize(4);
        assertThat(b.label()).isEqualTo("5 RARP in 800 ms");
        assertThat(new BurstBracket(0, 5, 5, 1, "failover", List.of()).label()).isEqualTo("1 RARP");
        assertThat(m.startNanos()).isEqualTo(b.startNanos());

        assertThat(lane.delays()).hasSize(1);
        DelaySpan d = lane.delays().get(0);
        assertThat(d.fromNanos()).isEqualTo(b.startNanos());
        assertThat(d.nanos()).isCloseTo(22_963_000L, within(1_000L));
        assertThat(d.label()).isEqualTo("RARP→GARP +22.963 ms");
        assertThat(lane.findings()).isEmpty();
    }

    @Test
    void eachUplinkIsASubLaneOfTheMac() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.TWO_UPLINKS);
        assertThat(m.lanes()).hasSize(1);
        Lane lane = m.lanes().get(0);
        assertThat(lane.interfaces()).containsExactly("vmnic0", "vmnic1");
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.RARP)
                .allMatch(k -> k.subLane() == 0);
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.GARP)
                .allMatch(k -> k.subLane() == 1);
        assertThat(lane.findings()).extracting(FindingMark::code).contains("mac-on-multiple-interfaces");
        TimelineLayout layout = new TimelineLayout(m, TimeScale.fit(m.startNanos(), m.endNanos()), 1000);
        assertThat(layout.laneHeight(0)).isEqualTo(TimelineLayout.LANE_HEADER + 2 * TimelineLayout.SUB_LANE
                + TimelineLayout.LANE_FOOTER);
    }

    @Test
    void findingsSitOnTheLaneTheyAreAbout() throws Exception {
        Lane dup = TimelineFixtures.of(TimelineFixtures.DUPLICATE_IP).lanes().get(0);
        assertThat(dup.findings()).extracting(FindingMark::code).contains("duplicate-ip");
        assertThat(dup.findings()).extracting(FindingMark::severity).contains("error");

        Lane silent = TimelineFixtures.of(TimelineFixtures.SILENT_VM).lanes().get(0);
        assertThat(silent.findings()).extracting(FindingMark::code).containsExactly("rarp-without-garp");
        assertThat(silent.delays()).isEmpty();
        // its RARPs and its earlier ordinary ARP, and no GARP: the guest stayed silent
        assertThat(silent.marks()).noneMatch(k -> k.kind() == MarkKind.GARP);
    }

    @Test
    void aClickFindsTheNearestShownMark() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        TimelineLayout layout = new TimelineLayout(m, TimeScale.fit(m.startNanos(), m.endNanos()), 1200);
        Mark first = m.lanes().get(0).marks().get(0);
        double x = layout.x(first.timeNanos());
        double y = layout.markY(0, first);
        assertThat(layout.hit(x + 2, y - 2, f -> true)).isEqualTo(first);
        assertThat(layout.hit(x + 2, y - 2, f -> f != first.frame())).isNotEqualTo(first);
        assertThat(layout.hit(x, y + 100, f -> true)).isNull();
        assertThat(layout.bracketAt(x + 10, layout.bracketY(0))).isNotNull();
        assertThat(layout.drawnMarks(0, f -> true)).hasSize(m.lanes().get(0).marks().size());
    }

    @Test
    void denseMarksAreDrawnOncePerPixel() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        // zoomed out to a day, the whole burst falls into one or two pixel columns
        TimeScale day = new TimeScale(m.startNanos() - 43_200_000_000_000L, m.startNanos() + 43_200_000_000_000L);
        List<Mark> drawn = new TimelineLayout(m, day, 1200).drawnMarks(0, f -> true);
        assertThat(drawn.size()).isLessThan(m.lanes().get(0).marks().size()).isLessThanOrEqualTo(4);
    }

    @Test
    void aDualStackMoveDrawsItsNeighborAdvertisementsOnTheMacsLane() throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.DUAL_STACK);
        assertThat(m.lanes()).hasSize(1);
        Lane lane = m.lanes().get(0);
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.NA).extracting(Mark::frame)
                .containsExactly(45, 46);
        assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.GARP).extracting(Mark::frame)
                .containsExactly(44);
        assertThat(lane.ips()).containsExactly("10.0.10.52", "2001:db8:10::52", "fe80::250:56ff:fe9d:b051");
        assertThat(lane.delays()).hasSize(1);
        assertThat(lane.delays().get(0).label()).isEqualTo("RARP→GARP +180 ms · NA +181 ms");
        assertThat(MarkKind.NA.label()).isEqualTo("unsolicited NA");
    }

    @Test
    void aMoveAnnouncedByNaAloneSpansFromRarpToNa() {
        DelaySpan d = new DelaySpan(0, 1_000_000_000L, 1_095_000_000L, null, true);
        assertThat(d.label()).isEqualTo("RARP→NA +95 ms");
        assertThat(new DelaySpan(0, 0, 210_000_000L).label()).isEqualTo("RARP→GARP +210 ms");
        // the guest spoke first: the delay is negative, as the migrations table and analyze have it
        assertThat(new DelaySpan(0, 9_450_000L, 0).label()).isEqualTo("RARP→GARP -9.450 ms");
    }
}
