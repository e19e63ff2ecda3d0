package dev.cutover.timeline;

import dev.cutover.capture.Capture;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration's outcome reaches its lane: marks on the right sub-lanes, the traffic strip, the dark span. */
class OutcomeTimelineTest {
    @Test
    void withoutASourceTheLaneIsAsBefore() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            TimelineModel plain = OutcomeFixtures.model(c, null);
            TimelineModel none = OutcomeFixtures.model(c, id -> null);
            Lane lane = plain.lanes().get(0);
            assertThat(lane.hasOutcome()).isFalse();
            assertThat(lane.interfaces()).containsExactly("vusb2");
            assertThat(none.lanes()).isEqualTo(plain.lanes());
            assertThat(TimelineLayout.laneHeight(lane)).isEqualTo(TimelineLayout.LANE_HEADER + TimelineLayout.SUB_LANE
                    + TimelineLayout.LANE_FOOTER);
            assertThat(TimelineLayout.legend(plain)).extracting(TimelineLayout.LegendEntry::label)
                    .containsExactly("RARP notification", "gratuitous ARP", "unsolicited NA", "other ARP", "finding");
        }
    }

    @Test
    void theTrackReachesTheLaneOfItsMigration() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            OutcomeFixtures.Team team = OutcomeFixtures.team(c);
            List<Integer> asked = new ArrayList<>();
            TimelineModel m = TimelineModel.of(team.result(), team.facts(), team.origin(), id -> {
                asked.add(id);
                return id == team.migrationId() ? OutcomeFixtures.stale(id, team.facts()) : null;
            });
            assertThat(asked).containsExactly(team.migrationId());
            Lane lane = m.lanes().get(0);
            assertThat(lane.hasOutcome()).isTrue();
            assertThat(lane.outcome().tracks()).containsExactly(OutcomeFixtures.stale(team.migrationId(),
                    team.facts()));
            assertThat(lane.outcome().verdict()).isEqualTo(OutcomeTrack.Verdict.BAD);
            assertThat(lane.outcome().summary()).isEqualTo("stale 544 ms on vusb1 · ping lost 2/12");
            assertThat(lane.outcome().trafficFrames()).isEqualTo(OutcomeFixtures.OWN.length);
            // the announcements' uplink keeps the first sub-lane; the stale frames' uplink is added under it
            assertThat(lane.interfaces()).containsExactly("vusb2", "vusb1");
            assertThat(TimelineLayout.laneHeight(lane)).isEqualTo(TimelineLayout.LANE_HEADER
                    + 2 * TimelineLayout.SUB_LANE + TimelineLayout.LANE_FOOTER + TimelineLayout.TRAFFIC_STRIP
                    + TimelineLayout.DARK_ROW);
            // and every new mark answers for its frame, as the announcements' marks do
            for (int f : OutcomeFixtures.STALE) {
                assertThat(m.laneOf(f)).isEqualTo(0);
            }
        }
    }

    @Test
    void staleFramesAreMarkedOnTheSubLaneOfTheInterfaceTheyCameBy() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            TimelineModel m = OutcomeFixtures.model(c, id -> OutcomeFixtures.stale(id, TimelineFrames.of(c)));
            Lane lane = m.lanes().get(0);
            int vusb1 = lane.interfaces().indexOf("vusb1");
            List<Mark> stale = lane.marks().stream().filter(k -> k.kind() == MarkKind.STALE).toList();
            // the two lost pings among them are drawn once, as lost pings, on the same sub-lane
            assertThat(stale).extracting(Mark::frame).containsExactly(84, 86, 90, 92, 95, 96, 97, 98);
            assertThat(stale).allMatch(k -> k.subLane() == vusb1
                    && c.interfaces().get(k.interfaceId()).name().equals("vusb1"));
            List<Mark> lost = lane.marks().stream().filter(k -> k.kind() == MarkKind.LOST_PING).toList();
            assertThat(lost).extracting(Mark::frame).containsExactly(99, 100);
            assertThat(lost).allMatch(k -> k.subLane() == vusb1);
            List<Mark> retrans = lane.marks().stream().filter(k -> k.kind() == MarkKind.RETRANS).toList();
            assertThat(retrans).extracting(Mark::frame).containsExactly(109, 112, 116);
            assertThat(retrans).allMatch(k -> k.subLane() == lane.interfaces().indexOf("vusb2"));
            assertThat(retrans).allMatch(k -> k.timeNanos() == c.index().timestampNanos(k.frame()));
            // the announcements keep their kinds
            assertThat(lane.marks()).filteredOn(k -> k.kind() == MarkKind.RARP).hasSize(6);
            assertThat(lane.marks()).extracting(Mark::frame).doesNotHaveDuplicates();
            assertThat(TimelineLayout.legend(m)).extracting(TimelineLayout.LegendEntry::label)
                    .containsExactly("RARP notification", "gratuitous ARP", "unsolicited NA", "other ARP", "finding",
                            "VM traffic", "dark gap", "stale (old path)", "lost ping", "retransmission");
            // a narrower picture takes the outcomes' entries in fewer words, all within it
            assertThat(TimelineLayout.legend(m, 1100)).extracting(TimelineLayout.LegendEntry::label)
                    .endsWith("VM traffic", "dark gap", "stale (old path)", "lost ping", "retransmission");
            List<TimelineLayout.LegendEntry> brief = TimelineLayout.legend(m, 950);
            assertThat(brief).extracting(TimelineLayout.LegendEntry::label)
                    .endsWith("traffic", "dark", "stale", "lost ping", "retrans");
            TimelineLayout.LegendEntry last = brief.get(brief.size() - 1);
            assertThat(last.x() + 14 + last.label().length() * 6.2).isLessThan(950 - TimelineLayout.RIGHT_MARGIN);
        }
    }

    @Test
    void theDarkSpanRunsFromTheLastFrameBeforeToTheFirstAfter() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            TimelineModel m = OutcomeFixtures.model(c, id -> OutcomeFixtures.stale(id, TimelineFrames.of(c)));
            DarkSpan d = m.lanes().get(0).outcome().darkSpans().get(0);
            assertThat(d.lastBefore()).isEqualTo(OutcomeFixtures.LAST_BEFORE);
            assertThat(d.firstAfter()).isEqualTo(OutcomeFixtures.FIRST_AFTER);
            assertThat(d.fromNanos()).isEqualTo(c.index().timestampNanos(80));
            assertThat(d.nanos()).isEqualTo(185_000_000L);
            assertThat(d.label()).isEqualTo("dark 185 ms");
            assertThat(d.selectedFrame()).isEqualTo(80);
            // the model's extent covers the span and the new marks: the last is a retransmission
            assertThat(m.startNanos()).isLessThanOrEqualTo(d.fromNanos());
            assertThat(m.endNanos()).isEqualTo(c.index().timestampNanos(116));
        }
    }

    @Test
    void withNoFrameAfterTheMoveTheSpanRunsToTheWindowsEnd() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            TimelineFrames facts = TimelineFrames.of(c);
            long threeS = 3_000_000_000L;
            TimelineModel m = OutcomeFixtures.model(c, id -> OutcomeFixtures.darkToEnd(id, facts, threeS));
            Lane lane = m.lanes().get(0);
            DarkSpan d = lane.outcome().darkSpans().get(0);
            long windowEnd = c.index().timestampNanos(81) + threeS;
            assertThat(windowEnd).isLessThan(c.index().timestampNanos(c.frameCount() - 1));
            assertThat(d.firstAfter()).isEqualTo(-1);
            assertThat(d.toNanos()).isEqualTo(windowEnd);
            assertThat(d.atLeast()).isTrue();
            // as the outcome summary words it: more than the window
            assertThat(d.label()).isEqualTo("dark > 3 s");
            // there its label would leave the picture: it goes before the span, whole, when there is room
            double w = d.label().length() * 6.2;
            TimelineLayout l = new TimelineLayout(m, new TimeScale(d.fromNanos() - 10_000_000_000L, d.toNanos()),
                    1280);
            double labelX = l.darkLabelX(d);
            assertThat(labelX + w).isLessThan(l.x(d.fromNanos()));
            assertThat(labelX).isGreaterThanOrEqualTo(l.plotX0());
            assertThat(l.darkAt(labelX + 3, l.darkY(0))).isEqualTo(d);
            assertThat(l.darkAt(labelX + 3, l.darkY(0) + 12)).isNull();
            assertThat(l.darkLabelInside(d)).isFalse();
            // and over the span's end, on a cleared ground, when there is none
            TimelineLayout fit = new TimelineLayout(m, new TimeScale(d.fromNanos() - 100_000_000L, d.toNanos()),
                    1280);
            assertThat(fit.darkLabelX(d)).isGreaterThan(fit.x(d.fromNanos()));
            assertThat(fit.darkLabelX(d) + w).isLessThanOrEqualTo(fit.plotX0() + fit.plotWidth());
            assertThat(fit.darkLabelInside(d)).isTrue();
            // zoomed on the move, it follows the span's end
            TimelineLayout near = new TimelineLayout(m, new TimeScale(d.fromNanos() - 1_000_000_000L,
                    d.fromNanos() + 60_000_000_000L), 1280);
            assertThat(near.darkLabelX(d)).isEqualTo(near.x(d.toNanos()) + 4);
            assertThat(TimelineLayout.legend(m)).extracting(TimelineLayout.LegendEntry::label)
                    .contains("VM traffic", "dark gap").doesNotContain("stale (old path)", "lost ping",
                            "retransmission");
        }
    }

    @Test
    void framesOutsideTheCaptureAndAnOpenGapWithoutAWindowAreLeftOut() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            int n = c.frameCount();
            TimelineModel m = OutcomeFixtures.model(c, id -> new OutcomeTrack(id, new int[] {n + 5, 3, 1},
                    n + 1, -1, 0, 0, new int[] {-4, n}, 0, new int[] {n + 9}, null, null,
                    OutcomeTrack.Verdict.WARN));
            Lane lane = m.lanes().get(0);
            assertThat(lane.hasOutcome()).isTrue();
            assertThat(lane.outcome().trafficFrames()).isEqualTo(2);
            assertThat(lane.outcome().darkSpans()).isEmpty();
            assertThat(lane.marks()).noneMatch(k -> k.kind().isOutcome());
            assertThat(lane.outcome().summary()).isEmpty();
            assertThat(lane.interfaces()).containsExactly("vusb2");
        }
    }

    @Test
    void theTrafficStripHasOneColumnPerPixelAndCountsEveryFrameInView() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            int[] all = new int[c.frameCount()];
            Arrays.setAll(all, i -> i);
            TimelineFrames facts = TimelineFrames.of(c);
            TimelineModel m = OutcomeFixtures.model(c, id -> new OutcomeTrack(id, all, 80, 88, 0, 0, null, -1, null,
                    null, "ok, dark 185 ms", OutcomeTrack.Verdict.OK));
            long first = c.index().timestampNanos(0);
            long last = c.index().timestampNanos(c.frameCount() - 1);
            for (double width : new double[] {400, 1280, 1920}) {
                TimelineLayout l = new TimelineLayout(m, new TimeScale(first, last + 1), width);
                int[] cols = l.traffic(0);
                assertThat(cols).hasSize((int) Math.ceil(l.plotWidth()));
                assertThat(Arrays.stream(cols).sum()).isEqualTo(c.frameCount());
            }
            // zoomed on the move: only the frames in view, each in the column of its time
            TimeScale zoom = new TimeScale(facts.timeNanos(80), facts.timeNanos(88));
            TimelineLayout l = new TimelineLayout(m, zoom, 1280);
            int[] cols = l.traffic(0);
            assertThat(Arrays.stream(cols).sum()).isEqualTo(8); // frames 80..87; 88 is the range's end
            assertThat(cols[0]).isGreaterThanOrEqualTo(1);
            int col81 = (int) Math.floor(l.x(facts.timeNanos(81)) - l.plotX0());
            assertThat(cols[col81]).isGreaterThanOrEqualTo(1);
            assertThat(TimelineLayout.trafficBar(0, 5)).isZero();
            assertThat(TimelineLayout.trafficBar(1, 1000)).isGreaterThanOrEqualTo(1.5);
            assertThat(TimelineLayout.trafficBar(1000, 1000)).isEqualTo(TimelineLayout.TRAFFIC_STRIP - 2);
        }
    }

    @Test
    void aMillionFramesBinIntoTheWidthNotIntoMarks() throws Exception {
        long t0 = 1_700_000_000_000_000_000L;
        int n = 1_600_000;
        long[] times = new long[n];
        for (int i = 0; i < n; i++) {
            times[i] = t0 + i * 37_500L; // 60 s of frames
        }
        OutcomeTrack t = new OutcomeTrack(0, null, -1, -1, t0, times[n - 1], null, -1, null, null, "ok",
                OutcomeTrack.Verdict.OK);
        LaneOutcome o = new LaneOutcome(List.of(t), List.of(), times);
        Lane lane = new Lane("00:50:56:00:00:01", "VMware", List.of(10), List.of(), List.of(0), List.of("vmnic0"),
                List.of(new Mark(0, t0, MarkKind.RARP, 0, 0)), List.of(), List.of(), List.of(), o);
        TimelineModel m = new TimelineModel(List.of(lane), t0, times[n - 1], t0, RateSeries.EMPTY);
        TimelineLayout l = new TimelineLayout(m, new TimeScale(t0, times[n - 1] + 1), 1280);
        int[] cols = l.traffic(0);
        assertThat(cols).hasSize((int) Math.ceil(l.plotWidth()));
        assertThat(Arrays.stream(cols).sum()).isEqualTo(n);
        assertThat(lane.marks()).hasSize(1);
        StringWriter svg = new StringWriter();
        TimelineSvg.write(l, f -> true, true, java.time.ZoneOffset.UTC, svg);
        // one path for the strip; frames at an even pace make one block, not a sliver per column
        String s = svg.toString();
        assertThat(s.split("class=\"traffic\"", -1).length - 1).isEqualTo(1);
        String d = s.substring(s.indexOf("class=\"traffic\" d=\""));
        d = d.substring(19, d.indexOf('"', 19));
        double[] runs = l.trafficRuns(0);
        assertThat(d.split("M", -1).length - 1).isEqualTo(runs.length / 3).isLessThanOrEqualTo(2);
        double covered = 0;
        for (int r = 0; r < runs.length; r += 3) {
            covered += runs[r + 1];
        }
        assertThat(covered).isEqualTo(cols.length);
    }

    @Test
    void theStripsBlocksFollowTheColumns() throws Exception {
        try (Capture c = OutcomeFixtures.open()) {
            TimelineModel m = OutcomeFixtures.model(c, id -> OutcomeFixtures.stale(id, TimelineFrames.of(c)));
            TimelineLayout l = new TimelineLayout(m, TimeScale.fit(m.startNanos(), m.endNanos()), 1280);
            int[] cols = l.traffic(0);
            int max = Arrays.stream(cols).max().orElseThrow();
            double[] runs = l.trafficRuns(0);
            double[] heights = new double[cols.length];
            for (int r = 0; r < runs.length; r += 3) {
                assertThat(runs[r + 2]).isPositive();
                for (int k = 0; k < runs[r + 1]; k++) {
                    heights[(int) (runs[r] - l.plotX0()) + k] = runs[r + 2];
                }
            }
            for (int k = 0; k < cols.length; k++) {
                assertThat(heights[k]).isCloseTo(TimelineLayout.trafficBar(cols[k], max),
                        org.assertj.core.data.Offset.offset(0.25));
            }
        }
    }

    @Test
    void theSvgHoldsTheStripTheDarkSpanTheNewMarksAndTheSummary(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        org.w3c.dom.Document doc;
        try (Capture c = OutcomeFixtures.open()) {
            TimelineModel m = OutcomeFixtures.model(c, id -> OutcomeFixtures.stale(id, TimelineFrames.of(c)));
            java.nio.file.Path file = dir.resolve("t.svg");
            dev.cutover.capture.AtomicFiles.write(file, out -> {
                java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
                TimelineSvg.write(m, w);
                w.flush();
            });
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            doc = f.newDocumentBuilder().parse(file.toFile());
        }
        assertThat(count(doc, "rect", "mark stale")).isEqualTo(8);
        assertThat(count(doc, "path", "mark lost-ping")).isEqualTo(2);
        assertThat(count(doc, "circle", "mark retrans")).isEqualTo(3);
        assertThat(count(doc, "path", "traffic")).isEqualTo(1);
        assertThat(count(doc, "g", "dark")).isEqualTo(1);
        assertThat(count(doc, "rect", "legend-mark stale")).isEqualTo(1);
        assertThat(count(doc, "path", "legend-mark lost-ping")).isEqualTo(1);
        assertThat(count(doc, "path", "legend-traffic")).isEqualTo(1);
        assertThat(count(doc, "line", "legend-dark")).isEqualTo(1);
        org.w3c.dom.Element dark = first(doc, "g", "dark");
        assertThat(dark.getAttribute("data-last-before")).isEqualTo("81");
        assertThat(dark.getAttribute("data-first-after")).isEqualTo("89");
        assertThat(dark.getTextContent()).contains("dark 185 ms");
        org.w3c.dom.Element summary = first(doc, "text", "outcome-summary");
        assertThat(summary.getAttribute("fill")).isEqualTo(TimelinePalette.LIGHT.bad());
        assertThat(summary.getTextContent()).isEqualTo("stale 544 ms on vusb1 · ping lost…");
        assertThat(summary.getParentNode().getTextContent()).contains("stale 544 ms on vusb1 · ping lost 2/12");
        assertThat(doc.getDocumentElement().getTextContent()).contains("frame 85: stale (old path)",
                "frame 100: lost ping", "frame 110: retransmission", "VM traffic", "dark gap", "vusb1", "vusb2");
    }

    private static int count(org.w3c.dom.Document doc, String tag, String cls) {
        org.w3c.dom.NodeList l = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        int n = 0;
        for (int i = 0; i < l.getLength(); i++) {
            if (cls.equals(((org.w3c.dom.Element) l.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    private static org.w3c.dom.Element first(org.w3c.dom.Document doc, String tag, String cls) {
        org.w3c.dom.NodeList l = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        for (int i = 0; i < l.getLength(); i++) {
            if (cls.equals(((org.w3c.dom.Element) l.item(i)).getAttribute("class"))) {
                return (org.w3c.dom.Element) l.item(i);
            }
        }
        throw new AssertionError("no " + tag + " of class " + cls);
    }

    @Test
    void aTrackCopiesAndOrdersItsFrames() {
        int[] own = {5, 2, 9};
        OutcomeTrack t = new OutcomeTrack(3, own, -7, 4, 10, 5, null, -2, null, null, null,
                OutcomeTrack.Verdict.WARN);
        own[0] = 100;
        assertThat(t.ownFrames()).containsExactly(2, 5, 9);
        t.ownFrames()[0] = 50;
        assertThat(t.ownFrames()).containsExactly(2, 5, 9);
        assertThat(t.lastBefore()).isEqualTo(-1);
        assertThat(t.staleInterfaceId()).isEqualTo(-1);
        assertThat(t.staleFrames()).isEmpty();
        assertThat(t.summary()).isEmpty();
        assertThat(t.windowStartNanos()).isEqualTo(5);
        assertThat(t.windowEndNanos()).isEqualTo(10);
        assertThat(t).isEqualTo(new OutcomeTrack(3, new int[] {2, 5, 9}, -1, 4, 5, 10, new int[0], -1, new int[0],
                new int[0], "", OutcomeTrack.Verdict.WARN));
    }
}
