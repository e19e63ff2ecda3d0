package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FrameClass;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.RarpBurst;
import dev.cutover.dissect.Addresses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The migration timeline, free of any toolkit: one lane per MAC that moved, on one time axis. Which lane holds a
 * frame and which holds a burst are answered from indexes built once, so a click or a selection costs the same with
 * 25,000 lanes as with one.
 */
public final class TimelineModel {
    public static final TimelineModel EMPTY = new TimelineModel(List.of(), 0, 0, 0, RateSeries.EMPTY);

    private final List<Lane> lanes;
    private final long startNanos;
    private final long endNanos;
    private final long originNanos;
    private final RateSeries rates;
    /** (frame << 32 | lane) for every mark, ascending: the lanes of a frame by binary search. */
    private final long[] frameLanes;
    private final Map<Integer, Integer> laneOfBurst = new HashMap<>();
    private final Map<Integer, BurstBracket> brackets = new HashMap<>();
    private final java.util.EnumSet<MarkKind> kinds = java.util.EnumSet.noneOf(MarkKind.class);
    private boolean traffic;
    private boolean darkSpans;

    /**
     * @param lanes       lanes in order of their first frame
     * @param startNanos  the earliest mark
     * @param endNanos    the latest mark
     * @param originNanos the capture's first frame, zero of relative time
     * @param rates       the RARP, GARP and ARP frames of the whole capture, for the rate chart
     */
    public TimelineModel(List<Lane> lanes, long startNanos, long endNanos, long originNanos, RateSeries rates) {
        this.lanes = List.copyOf(lanes);
        this.startNanos = startNanos;
        this.endNanos = endNanos;
        this.originNanos = originNanos;
        this.rates = rates;
        int marks = 0;
        for (Lane l : this.lanes) {
            marks += l.marks().size();
        }
        frameLanes = new long[marks];
        int k = 0;
        for (int i = 0; i < this.lanes.size(); i++) {
            Lane l = this.lanes.get(i);
            for (Mark m : l.marks()) {
                frameLanes[k++] = ((long) m.frame() << 32) | i;
                kinds.add(m.kind());
            }
            traffic |= l.outcome().trafficFrames() > 0;
            darkSpans |= !l.outcome().darkSpans().isEmpty();
            for (BurstBracket b : l.brackets()) {
                laneOfBurst.putIfAbsent(b.burstId(), i);
                brackets.putIfAbsent(b.burstId(), b);
            }
        }
        Arrays.sort(frameLanes);
    }

    public List<Lane> lanes() {
        return lanes;
    }

    /** The earliest mark. */
    public long startNanos() {
        return startNanos;
    }

    /** The latest mark. */
    public long endNanos() {
        return endNanos;
    }

    /** The capture's first frame, zero of relative time. */
    public long originNanos() {
        return originNanos;
    }

    /** The RARP, GARP and ARP frames of the whole capture, for the rate chart. */
    public RateSeries rates() {
        return rates;
    }

    public boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** Whether some lane has a mark of that kind (the legend names only those of the outcomes that are there). */
    public boolean has(MarkKind kind) {
        return kinds.contains(kind);
    }

    /** Whether some lane has a traffic strip. */
    public boolean hasTraffic() {
        return traffic;
    }

    /** Whether some lane has a dark span. */
    public boolean hasDarkSpans() {
        return darkSpans;
    }

    /**
     * The lanes of the analysis' migrations, grouped by MAC. Each finding is attached to the lanes it concerns in
     * one pass over the findings (by MAC, by announced IP, by the migration of each frame it names), so the cost
     * grows with the lanes plus the findings' frames, not with their product.
     */
    public static TimelineModel of(AnalysisResult result, TimelineFrames facts, long originNanos) {
        return of(result, facts, originNanos, null);
    }

    /**
     * The lanes of the analysis' migrations with what became of each: {@code outcomes} answers a migration id with
     * its track, or null when it has none; a null source draws no outcome at all. A track's stale frames, lost pings
     * and retransmissions become marks on the sub-lane of the interface each frame was captured on (a sub-lane is
     * added for an interface the lane had none for), the VM's own frames a density strip, the gap around the move a
     * dark span; frames outside the capture are left out.
     */
    public static TimelineModel of(AnalysisResult result, TimelineFrames facts, long originNanos,
                                   IntFunction<OutcomeTrack> outcomes) {
        Map<Long, List<MigrationEvent>> byMac = new LinkedHashMap<>();
        Map<Long, Set<Long>> macsOfIp = new HashMap<>();
        for (MigrationEvent e : result.migrations()) {
            byMac.computeIfAbsent(e.mac(), k -> new ArrayList<>()).add(e);
            for (long ip : e.ips()) {
                macsOfIp.computeIfAbsent(ip, k -> new LinkedHashSet<>()).add(e.mac());
            }
        }
        Map<Long, TreeSet<Integer>> findingsOfMac = findingsByMac(result, byMac, macsOfIp);
        List<Lane> lanes = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Map.Entry<Long, List<MigrationEvent>> entry : byMac.entrySet()) {
            Set<Integer> findings = findingsOfMac.getOrDefault(entry.getKey(), new TreeSet<>());
            Lane lane = lane(entry.getKey(), entry.getValue(), findings, result, facts, outcomes);
            if (lane.marks().isEmpty()) {
                continue;
            }
            lanes.add(lane);
            start = Math.min(start, lane.marks().get(0).timeNanos());
            end = Math.max(end, lane.marks().get(lane.marks().size() - 1).timeNanos());
            for (DarkSpan d : lane.outcome().darkSpans()) {
                start = Math.min(start, d.fromNanos());
                end = Math.max(end, d.toNanos());
            }
        }
        lanes.sort(Comparator.comparingLong(Lane::firstNanos));
        if (lanes.isEmpty()) {
            return new TimelineModel(List.of(), originNanos, originNanos, originNanos, RateSeries.EMPTY);
        }
        return new TimelineModel(lanes, start, end, originNanos, RateSeries.of(facts));
    }

    /**
     * For each MAC that moved, the indexes of the findings about it: the MAC itself, an IP one of its migrations
     * announced, or a frame of one of its migrations.
     */
    private static Map<Long, TreeSet<Integer>> findingsByMac(AnalysisResult result,
                                                             Map<Long, List<MigrationEvent>> byMac,
                                                             Map<Long, Set<Long>> macsOfIp) {
        Map<Long, TreeSet<Integer>> out = new HashMap<>();
        List<MigrationEvent> migrations = result.migrations();
        List<Finding> findings = result.findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.frames().isEmpty()) {
                continue;
            }
            Integer index = i;
            if (byMac.containsKey(f.mac())) {
                out.computeIfAbsent(f.mac(), k -> new TreeSet<>()).add(index);
            }
            if (f.ip() >= 0) {
                for (long mac : macsOfIp.getOrDefault(f.ip(), Set.of())) {
                    out.computeIfAbsent(mac, k -> new TreeSet<>()).add(index);
                }
            }
            int lastEvent = -1;
            for (int frame : f.frames()) {
                int event = result.migrationOf(frame);
                if (event < 0 || event == lastEvent || event >= migrations.size()) {
                    continue;
                }
                lastEvent = event;
                out.computeIfAbsent(migrations.get(event).mac(), k -> new TreeSet<>()).add(index);
            }
        }
        return out;
    }

    private static Lane lane(long mac, List<MigrationEvent> events, Set<Integer> findingIndexes,
                             AnalysisResult result, TimelineFrames facts, IntFunction<OutcomeTrack> outcomes) {
        Set<Integer> vlans = new LinkedHashSet<>();
        Set<String> ips = new LinkedHashSet<>();
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
            vlans.addAll(e.vlans());
            for (long ip : e.ips()) {
                ips.add(Addresses.ipv4(ip));
            }
            ips.addAll(e.ipv6s());
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
                    delays.add(new DelaySpan(e.id(), b.firstTime(), e.garpTimes().get(0),
                            e.hasNa() ? e.rarpToNaNanos().getAsLong() : null, false));
                } else if (e.hasNa()) {
                    delays.add(new DelaySpan(e.id(), b.firstTime(), e.naTimes().get(0), null, true));
                }
            }
            for (int f : e.garpFrames()) {
                frames.add(new int[] {f, MarkKind.GARP.ordinal()});
            }
            for (int f : e.naFrames()) {
                frames.add(new int[] {f, MarkKind.NA.ordinal()});
            }
        }
        List<FindingMark> findings = new ArrayList<>();
        for (int index : findingIndexes) {
            Finding f = result.findings().get(index);
            int first = f.firstFrame();
            findings.add(new FindingMark(first, facts.timeNanos(first),
                    f.severity().name().toLowerCase(Locale.ROOT), f.code().id(), f.message()));
            if (f.mac() == mac) {
                for (int frame : f.frames()) {
                    FrameClass c = result.classOf(frame);
                    if (c.isUnsolicitedNa()) {
                        frames.add(new int[] {frame, MarkKind.NA.ordinal()});
                    } else if (c != FrameClass.NONE && !c.isNdp() && c != FrameClass.RARP_REQUEST
                            && !c.isGratuitous()) {
                        frames.add(new int[] {frame, MarkKind.ARP.ordinal()});
                    }
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
        // its unsolicited Neighbor Advertisements outside its events too (a defence of its address, a late one)
        for (int frame : result.unsolicitedNasOf(mac)) {
            frames.add(new int[] {frame, MarkKind.NA.ordinal()});
        }
        frames.sort(Comparator.comparingInt(a -> a[0]));
        List<Mark> marks = new ArrayList<>();
        addMarks(frames, marks, interfaceIds, facts);
        List<OutcomeTrack> tracks = new ArrayList<>();
        if (outcomes != null) {
            for (int id : ids) {
                OutcomeTrack t = outcomes.apply(id);
                if (t != null) {
                    tracks.add(t);
                }
            }
        }
        LaneOutcome outcome = LaneOutcome.NONE;
        if (!tracks.isEmpty()) {
            // after the announcements' marks, so their interfaces keep the first sub-lanes; a frame that is a lost
            // ping and stale too is drawn once, as the lost ping, on the interface it came by
            List<int[]> extra = new ArrayList<>();
            for (OutcomeTrack t : tracks) {
                for (int f : t.lostPings()) {
                    extra.add(new int[] {f, MarkKind.LOST_PING.ordinal()});
                }
                for (int f : t.staleFrames()) {
                    extra.add(new int[] {f, MarkKind.STALE.ordinal()});
                }
                for (int f : t.retransmissions()) {
                    extra.add(new int[] {f, MarkKind.RETRANS.ordinal()});
                }
            }
            // the announcements' marks are in frame order, each frame once: a frame already marked is looked up there
            int[] announced = marks.stream().mapToInt(Mark::frame).toArray();
            extra.removeIf(fk -> fk[0] < 0 || fk[0] >= facts.frameCount()
                    || Arrays.binarySearch(announced, fk[0]) >= 0);
            extra.sort(Comparator.comparingInt(a -> a[0]));
            addMarks(extra, marks, interfaceIds, facts);
            outcome = outcome(tracks, facts);
        }
        marks.sort(Comparator.comparingLong(Mark::timeNanos).thenComparingInt(Mark::frame));
        List<String> names = new ArrayList<>();
        for (int id : interfaceIds) {
            names.add(facts.interfaceName(id));
        }
        return new Lane(Addresses.mac(mac), vendor, new ArrayList<>(vlans), new ArrayList<>(ips), ids, names, marks,
                brackets, delays, findings, outcome);
    }

    /** Marks for (frame, kind) pairs sorted by frame: one per frame (its first pair), on its interface's sub-lane. */
    private static void addMarks(List<int[]> frames, List<Mark> marks, List<Integer> interfaceIds,
                                 TimelineFrames facts) {
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
    }

    /** The tracks' own frames as sorted times (each frame once, however many windows hold it) and their dark spans. */
    private static LaneOutcome outcome(List<OutcomeTrack> tracks, TimelineFrames facts) {
        int[][] owns = new int[tracks.size()][];
        int n = 0;
        for (int j = 0; j < owns.length; j++) {
            owns[j] = tracks.get(j).ownFrames();
            n += owns[j].length;
        }
        int[] all = new int[n];
        int k = 0;
        for (int[] own : owns) {
            System.arraycopy(own, 0, all, k, own.length);
            k += own.length;
        }
        if (tracks.size() > 1) {
            Arrays.sort(all);
        }
        int frames = facts.frameCount();
        long[] times = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int f = all[i];
            if (f >= 0 && f < frames && (i == 0 || f != all[i - 1])) {
                times[m++] = facts.timeNanos(f);
            }
        }
        times = Arrays.copyOf(times, m);
        Arrays.sort(times); // a file's frames need not be in time order
        List<DarkSpan> spans = new ArrayList<>();
        long last = frames > 0 ? facts.timeNanos(frames - 1) : Long.MIN_VALUE;
        for (OutcomeTrack t : tracks) {
            int before = t.lastBefore() < frames ? t.lastBefore() : -1;
            int after = t.firstAfter() < frames ? t.firstAfter() : -1;
            boolean window = t.windowEndNanos() > t.windowStartNanos();
            if (before < 0 || (after < 0 && !window)) {
                // no frame of the VM's before the move: its silence then says nothing (the outcome has no dark
                // time either); an open gap with no window to close it: nothing to draw
                continue;
            }
            long from = facts.timeNanos(before);
            // with no frame after the move, to the window's end, or to the capture's when it ends first (its last
            // frame's time, as the outcome takes it); labelled as the outcome summary words the dark time
            boolean captureEnds = after < 0 && last < t.windowEndNanos();
            long to = after >= 0 ? facts.timeNanos(after) : captureEnds ? last : t.windowEndNanos();
            if (to >= from) {
                long windowNanos = (t.windowEndNanos() - t.windowStartNanos()) / 2;
                spans.add(new DarkSpan(t.migrationId(), before, after, from, to, t.verdict(),
                        dev.cutover.text.BriefDuration.dark(to - from, after < 0, captureEnds, windowNanos)));
            }
        }
        return new LaneOutcome(tracks, spans, times);
    }

    /** The first lane holding a frame, or -1. */
    public int laneOf(int frame) {
        int i = firstEntry(frame);
        return i < 0 ? -1 : (int) frameLanes[i];
    }

    /** Every lane holding a frame (usually one), ascending. */
    public int[] lanesOf(int frame) {
        int i = firstEntry(frame);
        if (i < 0) {
            return new int[0];
        }
        int j = i;
        while (j < frameLanes.length && (int) (frameLanes[j] >>> 32) == frame) {
            j++;
        }
        int[] out = new int[j - i];
        for (int k = i; k < j; k++) {
            out[k - i] = (int) frameLanes[k];
        }
        return out;
    }

    private int firstEntry(int frame) {
        long key = (long) frame << 32;
        int lo = 0;
        int hi = frameLanes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (frameLanes[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < frameLanes.length && (int) (frameLanes[lo] >>> 32) == frame ? lo : -1;
    }

    /** The bracket of a burst, or null. */
    public BurstBracket bracket(int burstId) {
        return brackets.get(burstId);
    }

    /** The lane holding a burst's bracket, or -1. */
    public int laneOfBurst(int burstId) {
        return laneOfBurst.getOrDefault(burstId, -1);
    }
}
