package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FrameClass;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.RarpBurst;
import dev.cutover.dissect.Addresses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The migration timeline, free of any toolkit: one lane per MAC that moved, on one time axis.
 *
 * @param lanes      lanes in order of their first frame
 * @param startNanos the earliest mark
 * @param endNanos   the latest mark
 * @param originNanos the capture's first frame, zero of relative time
 * @param rates       the RARP, GARP and ARP frames of the whole capture, for the rate chart
 */
public record TimelineModel(List<Lane> lanes, long startNanos, long endNanos, long originNanos, RateSeries rates) {
    public static final TimelineModel EMPTY = new TimelineModel(List.of(), 0, 0, 0, RateSeries.EMPTY);

    public TimelineModel {
        lanes = List.copyOf(lanes);
    }

    public boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** The lanes of the analysis' migrations, grouped by MAC. */
    public static TimelineModel of(AnalysisResult result, FrameFacts facts, long originNanos) {
        Map<Long, List<MigrationEvent>> byMac = new LinkedHashMap<>();
        for (MigrationEvent e : result.migrations()) {
            byMac.computeIfAbsent(e.mac(), k -> new ArrayList<>()).add(e);
        }
        List<Lane> lanes = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Map.Entry<Long, List<MigrationEvent>> entry : byMac.entrySet()) {
            Lane lane = lane(entry.getKey(), entry.getValue(), result, facts);
            if (lane.marks().isEmpty()) {
                continue;
            }
            lanes.add(lane);
            start = Math.min(start, lane.marks().get(0).timeNanos());
            end = Math.max(end, lane.marks().get(lane.marks().size() - 1).timeNanos());
        }
        lanes.sort(Comparator.comparingLong(Lane::firstNanos));
        if (lanes.isEmpty()) {
            return new TimelineModel(List.of(), originNanos, originNanos, originNanos, RateSeries.EMPTY);
        }
        return new TimelineModel(lanes, start, end, originNanos, RateSeries.of(facts));
    }

    private static Lane lane(long mac, List<MigrationEvent> events, AnalysisResult result, FrameFacts facts) {
        List<Integer> vlans = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        List<Integer> interfaceIds = new ArrayList<>();
        List<int[]> frames = new ArrayList<>(); // frame, kind ordinal
        List<BurstBracket> brackets = new ArrayList<>();
        List<DelaySpan> delays = new ArrayList<>();
        String vendor = "";
        for (MigrationEvent e : events) {
            ids.add(e.id());
            if (e.vendor() != null) {
                vendor = e.vendor();
            }
            for (int v : e.vlans()) {
                if (!vlans.contains(v)) {
                    vlans.add(v);
                }
            }
            for (long ip : e.ips()) {
                String s = Addresses.ipv4(ip);
                if (!ips.contains(s)) {
                    ips.add(s);
                }
            }
            RarpBurst b = e.rarp();
            if (b != null) {
                for (int f : b.frames()) {
                    frames.add(new int[] {f, MarkKind.RARP.ordinal()});
                }
                List<Long> intervals = new ArrayList<>();
                for (long d : b.intervalsNanos()) {
                    intervals.add(d);
                }
                brackets.add(new BurstBracket(b.id(), b.firstTime(), b.lastTime(), b.count(), b.pattern().label(),
                        intervals));
                if (e.hasGarp()) {
                    delays.add(new DelaySpan(e.id(), b.firstTime(), e.garpTimes().get(0)));
                }
            }
            for (int f : e.garpFrames()) {
                frames.add(new int[] {f, MarkKind.GARP.ordinal()});
            }
        }
        List<FindingMark> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.frames().isEmpty() || !appliesTo(f, mac, ips, ids, result)) {
                continue;
            }
            int first = f.firstFrame();
            findings.add(new FindingMark(first, facts.timeNanos(first),
                    f.severity().name().toLowerCase(Locale.ROOT), f.code().id(), f.message()));
            for (int frame : f.mac() == mac ? f.frames() : List.<Integer>of()) {
                FrameClass c = result.classOf(frame);
                if (c != FrameClass.NONE && c != FrameClass.RARP_REQUEST && !c.isGratuitous()) {
                    frames.add(new int[] {frame, MarkKind.ARP.ordinal()});
                }
            }
        }
        // The MAC's other ARP (requests, replies, probes), drawn fainter beside its RARP and GARP.
        for (int frame : result.arpFramesFrom(mac)) {
            FrameClass c = result.classOf(frame);
            if (c != FrameClass.RARP_REQUEST && !c.isGratuitous()) {
                frames.add(new int[] {frame, MarkKind.ARP.ordinal()});
            }
        }
        frames.sort(Comparator.comparingInt(a -> a[0]));
        List<Mark> marks = new ArrayList<>();
        int last = -1;
        for (int[] fk : frames) {
            if (fk[0] == last) {
                continue;
            }
            last = fk[0];
            int iface = facts.interfaceId(fk[0]);
            int sub = interfaceIds.indexOf(iface);
            if (sub < 0) {
                sub = interfaceIds.size();
                interfaceIds.add(iface);
            }
            marks.add(new Mark(fk[0], facts.timeNanos(fk[0]), MarkKind.values()[fk[1]], iface, sub));
        }
        marks.sort(Comparator.comparingLong(Mark::timeNanos).thenComparingInt(Mark::frame));
        List<String> names = new ArrayList<>();
        for (int id : interfaceIds) {
            names.add(facts.interfaceName(id));
        }
        return new Lane(Addresses.mac(mac), vendor, vlans, ips, ids, names, marks, brackets, delays, findings);
    }

    /** A finding about the MAC, one of its IPs, or one of its migrations' frames. */
    private static boolean appliesTo(Finding f, long mac, List<String> ips, List<Integer> ids, AnalysisResult result) {
        if (f.mac() == mac || (f.ip() >= 0 && ips.contains(Addresses.ipv4(f.ip())))) {
            return true;
        }
        for (int frame : f.frames()) {
            if (ids.contains(result.migrationOf(frame))) {
                return true;
            }
        }
        return false;
    }

    /** The lane holding a frame, or -1. */
    public int laneOf(int frame) {
        for (int i = 0; i < lanes.size(); i++) {
            for (Mark m : lanes.get(i).marks()) {
                if (m.frame() == frame) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The bracket of a burst, or null. */
    public BurstBracket bracket(int burstId) {
        for (Lane l : lanes) {
            for (BurstBracket b : l.brackets()) {
                if (b.burstId() == burstId) {
                    return b;
                }
            }
        }
        return null;
    }
}
