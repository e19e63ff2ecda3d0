package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureDamage;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Vendors;

import java.io.IOException;
import java.util.function.IntPredicate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The migration analysis: classifies every ARP-family frame, finds RARP bursts and what sent them, joins them
 * with the gratuitous ARP of the same MAC into migration events, and states what looks wrong.
 */
public final class MigrationAnalyzer {
    private final AnalysisConfig config;
    private final ArpFrames arp;
    private final List<String> interfaceNames;

    private MigrationAnalyzer(AnalysisConfig config, ArpFrames arp, List<String> interfaceNames) {
        this.config = config;
        this.arp = arp;
        this.interfaceNames = interfaceNames;
    }

    /**
     * Analyses an open capture in one pass over its frames, storing each frame's {@link FrameClass} in the
     * capture's index.
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public static AnalysisResult analyze(Capture capture, AnalysisConfig config, LoadMonitor monitor)
            throws IOException {
        return analyze(capture, config, monitor, null);
    }

    /**
     * Analyses only the frames {@code include} accepts (a display filter's selection); the others count as
     * frames of the capture but are not looked at. {@code include} is called from several threads.
     */
    public static AnalysisResult analyze(Capture capture, AnalysisConfig config, LoadMonitor monitor,
                                         IntPredicate include) throws IOException {
        ArpFrames arp = ArpScanner.scan(capture, monitor, include);
        List<String> names = capture.interfaces().stream().map(InterfaceInfo::name).toList();
        return new MigrationAnalyzer(config, arp, names).run(capture.frameCount(), capture.damages());
    }

    /**
     * Starts loading, on a background thread, what the analysis will need and can load before the capture is
     * open (the IEEE OUI registry behind vendor names), so that it overlaps with indexing the files.
     */
    public static void prepare() {
        Thread t = new Thread(() -> Vendors.of(0x00000c000000L), "cutover-prepare");
        t.setDaemon(true);
        t.start();
    }

    /** With the default thresholds and no progress. */
    public static AnalysisResult analyze(Capture capture) throws IOException {
        return analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
    }

    private AnalysisResult run(int frameCount, List<CaptureDamage> damages) {
        boolean anyArp = false;
        boolean anyRarp = false;
        for (int r = 0; r < arp.count; r++) {
            FrameClass c = arp.classOf(r);
            anyRarp |= c == FrameClass.RARP_REQUEST || c == FrameClass.RARP_REPLY;
            anyArp |= arp.opcode[r] == 1 || arp.opcode[r] == 2;
        }
        // the rules over the whole capture need no events: they run beside the burst and event work
        AddressClaims claims = new AddressClaims(config, arp);
        CompletableFuture<List<Finding>> across = CompletableFuture.supplyAsync(() -> {
            Findings f = new Findings(config, arp, interfaceNames);
            List<Finding> l = new ArrayList<>(claims.findings());
            f.senderMismatches();
            f.rarpNotBroadcast();
            f.storms();
            f.malformed();
            l.addAll(f.found());
            return l;
        });
        List<List<Integer>> burstRows = bursts();
        List<RarpBurst> bursts = patterns(burstRows);
        int[] burstOfRow = new int[arp.count];
        java.util.Arrays.fill(burstOfRow, -1);
        for (RarpBurst b : bursts) {
            for (int r : burstRows.get(b.id())) {
                burstOfRow[r] = b.id();
            }
        }
        List<Event> events = correlate(bursts, burstRows);
        List<MigrationEvent> migrations = new ArrayList<>();
        int[] eventOfRow = new int[arp.count];
        java.util.Arrays.fill(eventOfRow, -1);
        for (Event e : events) {
            MigrationEvent m = e.build(migrations.size());
            migrations.add(m);
            for (int r : e.rows()) {
                eventOfRow[r] = m.id();
            }
        }
        Findings findings = new Findings(config, arp, interfaceNames);
        findings.truncated(damages);
        if (!anyArp) {
            findings.noArp(anyRarp);
        }
        for (int i = 0; i < migrations.size(); i++) {
            findings.event(migrations.get(i), events.get(i).garpRows, anyArp);
        }
        return new AnalysisResult(config, frameCount, arp, bursts, burstOfRow, migrations, eventOfRow,
                findings.sorted(join(across)), interfaceNames, claims.wiresharkDuplicates());
    }

    private static List<Finding> join(CompletableFuture<List<Finding>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    // ---- bursts ----

    /** Rows of each burst, bursts in order of their first frame. */
    private List<List<Integer>> bursts() {
        List<List<Integer>> bursts = new ArrayList<>();
        Map<Long, List<Integer>> open = new HashMap<>();
        long gap = config.burstGapNanos();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) != FrameClass.RARP_REQUEST) {
                continue;
            }
            long mac = arp.announcedMac(r);
            List<Integer> b = open.get(mac);
            if (b == null || arp.time[r] - arp.time[b.get(b.size() - 1)] > gap) {
                b = new ArrayList<>();
                bursts.add(b);
                open.put(mac, b);
            }
            b.add(r);
        }
        return bursts;
    }

    private List<RarpBurst> patterns(List<List<Integer>> burstRows) {
        int n = burstRows.size();
        int[] mainInterface = new int[n];
        BurstPattern[] timing = new BurstPattern[n];
        for (int b = 0; b < n; b++) {
            List<Integer> rows = burstRows.get(b);
            mainInterface[b] = mainInterface(rows);
            List<Long> times = new ArrayList<>();
            for (int r : rows) {
                if (arp.iface[r] == mainInterface[b]) {
                    times.add(arp.time[r]);
                }
            }
            timing[b] = BurstPatterns.timing(times, config.patternTolerance().toNanos());
        }
        boolean[] failover = failovers(burstRows, mainInterface);
        List<RarpBurst> out = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            BurstPattern pattern = timing[b];
            if (pattern != BurstPattern.QEMU_ANNOUNCE_SELF && failover[b]) {
                pattern = BurstPattern.FAILOVER;
            }
            List<Integer> rows = burstRows.get(b);
            List<Integer> frames = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            for (int r : rows) {
                frames.add(arp.frame[r]);
                times.add(arp.time[r]);
            }
            out.add(new RarpBurst(b, arp.announcedMac(rows.get(0)), frames, times, vlans(rows), interfaces(rows),
                    pattern));
        }
        return out;
    }

    /**
     * Marks the bursts that start within the failover window of bursts of enough other MACs on the same
     * interface. Bursts come in order of their first frame, so a window slides over each interface's list.
     */
    private boolean[] failovers(List<List<Integer>> burstRows, int[] mainInterface) {
        int n = burstRows.size();
        boolean[] failover = new boolean[n];
        long window = config.failoverWindow().toNanos();
        Map<Integer, List<Integer>> byInterface = new HashMap<>();
        for (int b = 0; b < n; b++) {
            byInterface.computeIfAbsent(mainInterface[b], k -> new ArrayList<>()).add(b);
        }
        for (List<Integer> list : byInterface.values()) {
            int lo = 0;
            int hi = 0;
            for (int j = 0; j < list.size(); j++) {
                long t = firstTime(burstRows, list.get(j));
                while (firstTime(burstRows, list.get(lo)) < t - window) {
                    lo++;
                }
                while (hi + 1 < list.size() && firstTime(burstRows, list.get(hi + 1)) <= t + window) {
                    hi++;
                }
                if (hi - lo + 1 < config.failoverMacs()) {
                    continue;
                }
                Set<Long> macs = new java.util.HashSet<>();
                for (int k = lo; k <= hi && macs.size() < config.failoverMacs(); k++) {
                    macs.add(arp.announcedMac(burstRows.get(list.get(k)).get(0)));
                }
                failover[list.get(j)] = macs.size() >= config.failoverMacs();
            }
        }
        return failover;
    }

    private long firstTime(List<List<Integer>> burstRows, int burst) {
        return arp.time[burstRows.get(burst).get(0)];
    }

    private int mainInterface(List<Integer> rows) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int r : rows) {
            counts.merge(arp.iface[r], 1, Integer::sum);
        }
        int best = -1;
        int most = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    List<Integer> vlans(List<Integer> rows) {
        Set<Integer> v = new LinkedHashSet<>();
        for (int r : rows) {
            v.addAll(ArpFrames.vlanList(arp.vlans[r]));
        }
        return List.copyOf(v);
    }

    List<Integer> interfaces(List<Integer> rows) {
        Set<Integer> v = new LinkedHashSet<>();
        for (int r : rows) {
            v.add(arp.iface[r]);
        }
        return List.copyOf(v);
    }

    // ---- correlation ----

    /** A migration event while it is being put together: a burst and/or GARP rows. */
    private final class Event {
        final RarpBurst burst;
        final List<Integer> burstRows;
        final List<Integer> garpRows = new ArrayList<>();
        final long mac;

        Event(RarpBurst burst, List<Integer> burstRows, long mac) {
            this.burst = burst;
            this.burstRows = burstRows;
            this.mac = mac;
        }

        int firstFrame() {
            int f = Integer.MAX_VALUE;
            if (burst != null) {
                f = burst.firstFrame();
            }
            if (!garpRows.isEmpty()) {
                f = Math.min(f, arp.frame[garpRows.get(0)]);
            }
            return f;
        }

        List<Integer> rows() {
            List<Integer> all = new ArrayList<>(burstRows);
            all.addAll(garpRows);
            all.sort(null);
            return all;
        }

        MigrationEvent build(int id) {
            List<Integer> frames = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            Set<Long> ips = new LinkedHashSet<>();
            for (int r : garpRows) {
                frames.add(arp.frame[r]);
                times.add(arp.time[r]);
                if (arp.senderIp[r] >= 0) {
                    ips.add(arp.senderIp[r]);
                }
            }
            List<Integer> all = rows();
            return new MigrationEvent(id, mac, Vendors.of(mac), burst, frames, times, List.copyOf(ips), vlans(all),
                    interfaces(all));
        }
    }

    private List<Event> correlate(List<RarpBurst> bursts, List<List<Integer>> burstRows) {
        Map<Long, List<Event>> byMac = new HashMap<>();
        List<Event> events = new ArrayList<>();
        for (RarpBurst b : bursts) {
            Event e = new Event(b, burstRows.get(b.id()), b.mac());
            events.add(e);
            byMac.computeIfAbsent(b.mac(), k -> new ArrayList<>()).add(e);
        }
        long window = config.windowNanos();
        long gap = config.burstGapNanos();
        Map<Long, Event> openGarpOnly = new HashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (!arp.classOf(r).isGratuitous() || arp.senderMac[r] < 0) {
                continue;
            }
            long mac = arp.senderMac[r];
            Event best = null;
            long bestDistance = Long.MAX_VALUE;
            for (Event e : byMac.getOrDefault(mac, List.of())) {
                long distance = Math.abs(arp.time[r] - e.burst.firstTime());
                if (distance <= window && distance < bestDistance) {
                    best = e;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                Event open = openGarpOnly.get(mac);
                if (open == null || arp.time[r] - arp.time[open.garpRows.get(open.garpRows.size() - 1)] > gap) {
                    open = new Event(null, List.of(), mac);
                    events.add(open);
                    openGarpOnly.put(mac, open);
                }
                best = open;
            }
            best.garpRows.add(r);
        }
        events.sort(Comparator.comparingInt(Event::firstFrame));
        return events;
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        if (Math.abs(ms - Math.rint(ms)) < 1e-9) {
            return String.format(java.util.Locale.ROOT, "%d ms", Math.round(ms));
        }
        return String.format(java.util.Locale.ROOT, "%.3f ms", ms);
    }
}
