package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureDamage;
import dev.cutover.capture.FrameTap;
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
    /** See {@link #bondCandidates()}: made on first use, with the blocks' time bounds. */
    private int[] bondCandidates;
    private long[] blockMin;
    private long[] blockMax;

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
        return analyzeRows(capture, config, ArpScanner.scan(capture, monitor, include), null, include, monitor,
                false);
    }

    /**
     * As {@link #analyze(Capture, AnalysisConfig, LoadMonitor)}, keeping each moved VM's own frames around its move
     * ({@link AnalysisResult#ownFrames}) for the timeline to draw as its traffic (up to 16 MB of them): the window's
     * analysis, not the commands'.
     */
    public static AnalysisResult analyzeForTimeline(Capture capture, AnalysisConfig config, LoadMonitor monitor)
            throws IOException {
        return analyzeRows(capture, config, ArpScanner.scan(capture, monitor, null), null, null, monitor, true);
    }

    /** The result with each migration's outcome measured from the frames around it. */
    private static AnalysisResult withOutcomes(Capture capture, AnalysisResult result, FrameMacs frameMacs,
                                               IntPredicate include, LoadMonitor monitor, boolean keepOwn)
            throws IOException {
        if (result.migrations().isEmpty()) {
            return result;
        }
        return result.withOutcomes(OutcomePass.measure(capture, result, frameMacs, include, monitor, 0, keepOwn));
    }

    /**
     * A tap to pass to {@link Capture#open(List, LoadMonitor, FrameTap)}: it looks for ARP while the capture is
     * indexed, so that {@link #analyzeTapped} need not read the capture
     * again.
     */
    public static FrameTap tap() {
        return new ArpTap();
    }

    /**
     * As {@link #analyze(Capture, AnalysisConfig, LoadMonitor)}, taking the frames' facts from {@code tap} when it
     * saw the whole capture being indexed (a single pcap or pcapng file), else reading the capture.
     */
    public static AnalysisResult analyzeTapped(Capture capture, AnalysisConfig config, LoadMonitor monitor, FrameTap tap)
            throws IOException {
        if (!(tap instanceof ArpTap t) || !t.covers(capture)) {
            return analyze(capture, config, monitor);
        }
        return analyzeRows(capture, config, t.frames(capture), t.macs(), null, monitor, false);
    }

    /**
     * The analysis of the ARP-family rows of {@code capture}, a frame that several files caught counted once;
     * {@code frameMacs}, every frame's addresses when the indexer's tap took them, spare the outcome pass reading
     * the frames of no moved MAC.
     */
    private static AnalysisResult analyzeRows(Capture capture, AnalysisConfig config, ArpFrames arp,
                                              FrameMacs frameMacs, IntPredicate include, LoadMonitor monitor,
                                              boolean keepOwn)
            throws IOException {
        DuplicateFrames copies = DuplicateFrames.find(capture, arp);
        List<String> names = capture.interfaces().stream().map(InterfaceInfo::name).toList();
        AnalysisResult result = new MigrationAnalyzer(config, copies.without(arp), names)
                .run(capture.frameCount(), capture.damages()).withCopies(copies);
        return withOutcomes(capture, result, frameMacs, include, monitor, keepOwn);
    }

    /**
     * Starts loading, on a background thread, what the analysis will need and can load before the capture is
     * open (the bundled OUI table behind vendor names), so that it overlaps with indexing the files.
     */
    public static void prepare() {
        Thread t = new Thread(Vendors::bundled, "cutover-prepare");
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
        boolean anyNdp = false;
        for (int r = 0; r < arp.count; r++) {
            FrameClass c = arp.classOf(r);
            anyNdp |= c.isNdp();
            anyRarp |= c == FrameClass.RARP_REQUEST || c == FrameClass.RARP_REPLY;
            anyArp |= arp.opcode[r] == 1 || arp.opcode[r] == 2;
        }
        // the rules over the whole capture need no events: they run beside the burst and event work
        // (the address claims and Wireshark's duplicate-address frames too: the event work is the longer)
        CompletableFuture<Across> across = CompletableFuture.supplyAsync(() -> {
            AddressClaims claims = new AddressClaims(config, arp);
            Findings f = new Findings(config, arp, interfaceNames);
            List<Finding> l = new ArrayList<>(claims.findings());
            f.senderMismatches();
            f.rarpNotBroadcast();
            f.storms();
            f.malformed();
            l.addAll(f.found());
            l.addAll(RequestFlood.find(config, arp));
            NdpFindings ndp = new NdpFindings(config, arp);
            ndp.acrossCapture();
            l.addAll(ndp.found());
            return new Across(l, claims.wiresharkDuplicates());
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
        List<List<Event>> keepAlives = periodic(events);
        Set<Event> beating = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keepAlives.forEach(beating::addAll);
        events.removeIf(beating::contains);
        List<Event> cameUp = new ArrayList<>();
        List<String> cameUpHow = new ArrayList<>();
        Map<Long, List<long[]>> hints = cameUpHints();
        for (java.util.Iterator<Event> it = events.iterator(); it.hasNext(); ) {
            Event e = it.next();
            String how = e.burst == null ? cameUp(e, hints) : null;
            if (how != null) {
                it.remove();
                cameUp.add(e);
                cameUpHow.add(how);
            }
        }
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
        // a capture of IPv6 neighbour discovery alone has its announcements: only RARP without ARP is worth a note
        if (!anyArp && (anyRarp || !anyNdp)) {
            findings.noArp(anyRarp);
        }
        for (int i = 0; i < migrations.size(); i++) {
            Event e = events.get(i);
            List<Integer> announcements = new ArrayList<>(e.garpRows);
            announcements.addAll(e.naRows);
            findings.event(migrations.get(i), announcements, anyArp);
        }
        findings.movedBetweenInterfaces(migrations);
        NdpFindings ndp = new NdpFindings(config, arp);
        ndp.events(migrations, events.stream().map(e -> e.naRows).toList());
        for (int i = 0; i < cameUp.size(); i++) {
            findings.hostCameUp(cameUp.get(i).build(-1), cameUpHow.get(i));
        }
        for (List<Event> group : keepAlives) {
            List<Integer> rows = new ArrayList<>();
            group.forEach(e -> rows.addAll(e.garpRows));
            findings.keepAlive(group.get(0).mac, rows, beatInterval(beats(rows)));
        }
        Across whole = join(across);
        return new AnalysisResult(config, frameCount, arp, bursts, burstOfRow, migrations, eventOfRow,
                findings.sorted(concat(whole.findings(), ndp.found())), interfaceNames, whole.duplicates());
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    /** What the rules over the whole capture found, and Wireshark's duplicate address reports. */
    private record Across(List<Finding> findings, List<DuplicateAddress> duplicates) {
    }

    private static <T> T join(CompletableFuture<T> future) {
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

    /**
     * Rows of each burst, bursts in order of their first frame. A RARP request announces nothing when the MAC it
     * asks about is all zeros or a group address (no NIC has one), and the requests of a MAC some other host
     * answered with a RARP reply are RFC 903 address assignment (a diskless client booting, retrying), not a
     * hypervisor's announcement: those make no burst.
     */
    private List<List<Integer>> bursts() {
        List<List<Integer>> bursts = new ArrayList<>();
        Map<Long, List<Integer>> open = new HashMap<>();
        long gap = config.burstGapNanos();
        Map<Long, List<Long>> answers = rarpAnswers();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) != FrameClass.RARP_REQUEST) {
                continue;
            }
            long mac = arp.announcedMac(r);
            // a MAC a RARP server answered is that server's client, its retries too: no hypervisor's announcement
            if (!isUnicastNic(mac) || answers.containsKey(mac)) {
                continue;
            }
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

    /** Neither zero nor a group (multicast or broadcast) address: a MAC a NIC can have. */
    static boolean isUnicastNic(long mac) {
        return mac > 0 && (mac & (1L << 40)) == 0;
    }

    /** The times of the RARP replies by the MAC they tell an address to, when another host sent them. */
    private Map<Long, List<Long>> rarpAnswers() {
        Map<Long, List<Long>> out = new HashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) == FrameClass.RARP_REPLY && arp.targetMac[r] >= 0
                    && arp.senderMac[r] != arp.targetMac[r]) {
                out.computeIfAbsent(arp.targetMac[r], k -> new ArrayList<>()).add(arp.time[r]);
            }
        }
        return out;
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
            if (pattern == BurstPattern.UNKNOWN && burstRows.get(b).size() == 1
                    && bondAnnouncement(burstRows.get(b).get(0))) {
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

    /**
     * True when a gratuitous ARP from another MAC came on the same interface and VLANs within the failover window
     * of a single RARP. An Open vSwitch bond failing over sends one RARP for each MAC it learned behind
     * the bond and the host announces its own address by gratuitous ARP at the same moment: together they are
     * the failover, not a migration missing its GARP and another missing its RARP. A gratuitous ARP from a
     * hypervisor's guest MAC (VMware, Hyper-V, QEMU) is a guest announcing itself, not the bond.
     */
    private boolean bondAnnouncement(int rarpRow) {
        long window = config.failoverWindow().toNanos();
        long t = arp.time[rarpRow];
        if (bondCandidates == null) {
            bondCandidates = bondCandidates();
        }
        // rows are in frame order, which is time order within one interface: the rows looked at are those reached
        // walking out from the RARP both ways while within the window; of them, only the few that could be the
        // bond's own announcement are read, nearest first, and the rows up to each checked to be within the window
        // (blocks of rows wholly inside passed at once: a dense capture has thousands of rows within a second)
        int first = lowerBound(bondCandidates, rarpRow + 1);
        for (int step : new int[] {1, -1}) {
            int reached = rarpRow;
            for (int k = step > 0 ? first : first - 1; k >= 0 && k < bondCandidates.length; k += step) {
                int r = bondCandidates[k];
                if (r == rarpRow) {
                    continue;
                }
                if (!withinWindow(reached, r, step, t - window, t + window)) {
                    break;
                }
                reached = r;
                if (isBondOf(r, rarpRow)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True for a bond candidate row from another MAC than the RARP's, on its interface and VLANs. */
    private boolean isBondOf(int r, int rarpRow) {
        return arp.senderMac[r] != arp.announcedMac(rarpRow) && arp.iface[r] == arp.iface[rarpRow]
                && arp.vlans[r] == arp.vlans[rarpRow];
    }

    /** Rows per block of {@link #blockMin}/{@link #blockMax}. */
    private static final int BLOCK = 64;

    /**
     * True when every row after {@code from} up to {@code to} (included), in direction {@code step}, has its time
     * within {@code [lo, hi]}; blocks of rows wholly inside are passed at once.
     */
    private boolean withinWindow(int from, int to, int step, long lo, long hi) {
        int r = from + step;
        while (step > 0 ? r <= to : r >= to) {
            boolean blockEdge = step > 0 ? r % BLOCK == 0 : r % BLOCK == BLOCK - 1;
            int b = r / BLOCK;
            if (blockEdge && (step > 0 ? r + BLOCK - 1 <= to : r - BLOCK + 1 >= to)
                    && blockMin[b] >= lo && blockMax[b] <= hi) {
                r += step * BLOCK;
                continue;
            }
            if (arp.time[r] < lo || arp.time[r] > hi) {
                return false;
            }
            r += step;
        }
        return true;
    }

    /** Rows that may be a bond's own announcement, ascending; makes the blocks' time bounds too. */
    private int[] bondCandidates() {
        int blocks = (arp.count + BLOCK - 1) / BLOCK;
        blockMin = new long[blocks];
        blockMax = new long[blocks];
        java.util.Arrays.fill(blockMin, Long.MAX_VALUE);
        java.util.Arrays.fill(blockMax, Long.MIN_VALUE);
        int[] rows = new int[16];
        int n = 0;
        for (int r = 0; r < arp.count; r++) {
            int b = r / BLOCK;
            blockMin[b] = Math.min(blockMin[b], arp.time[r]);
            blockMax[b] = Math.max(blockMax[b], arp.time[r]);
            if (isBondCandidate(r)) {
                if (n == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, n * 2);
                }
                rows[n++] = r;
            }
        }
        return java.util.Arrays.copyOf(rows, n);
    }

    /**
     * A broadcast gratuitous ARP from a MAC that is not a hypervisor's guest MAC (VMware, Hyper-V, QEMU): what a
     * host's bond sends for itself when it fails over. A guest's own MAC announcing is a guest, not the bond.
     */
    private boolean isBondCandidate(int r) {
        long sender = arp.senderMac[r];
        return arp.classOf(r).isGratuitous() && sender >= 0 && arp.dest[r] != ArpFrames.DEST_OTHER
                && !Vendors.isVmware(sender) && !Vendors.isHyperV(sender) && !Vendors.isQemu(sender);
    }

    /** The first index of the ascending {@code rows} holding at least {@code row}. */
    private static int lowerBound(int[] rows, int row) {
        int i = java.util.Arrays.binarySearch(rows, row);
        return i < 0 ? -i - 1 : i;
    }

    private long firstTime(List<List<Integer>> burstRows, int burst) {
        return arp.time[burstRows.get(burst).get(0)];
    }

    /** The interface most of the rows came in on; of equal counts, the one seen first. */
    private int mainInterface(List<Integer> rows) {
        // a burst comes in on one interface or a few: distinct ones in order of appearance, counted in ints
        int[] seen = new int[4];
        int[] counts = new int[4];
        int n = 0;
        for (int r : rows) {
            int iface = arp.iface[r];
            int k = 0;
            while (k < n && seen[k] != iface) {
                k++;
            }
            if (k == n) {
                if (n == seen.length) {
                    seen = java.util.Arrays.copyOf(seen, n * 2);
                    counts = java.util.Arrays.copyOf(counts, n * 2);
                }
                seen[n++] = iface;
            }
            counts[k]++;
        }
        int best = -1;
        int most = 0;
        for (int k = 0; k < n; k++) {
            if (counts[k] > most) {
                best = seen[k];
                most = counts[k];
            }
        }
        return best;
    }

    /** The VLAN IDs of the rows' tag stacks, each once, in order of appearance. */
    List<Integer> vlans(List<Integer> rows) {
        long[] distinct = new long[4];
        int n = 0;
        for (int r : rows) {
            long stack = arp.vlans[r];
            int tags = (int) (stack >>> 48);
            for (int i = 0; i < tags; i++) {
                n = addDistinct(distinct, n, (stack >>> (36 - 12 * i)) & 0xFFF);
                if (n == distinct.length) {
                    distinct = java.util.Arrays.copyOf(distinct, n * 2);
                }
            }
        }
        return boxed(distinct, n);
    }

    /** The rows' interfaces, each once, in order of appearance. */
    List<Integer> interfaces(List<Integer> rows) {
        long[] distinct = new long[4];
        int n = 0;
        for (int r : rows) {
            n = addDistinct(distinct, n, arp.iface[r]);
            if (n == distinct.length) {
                distinct = java.util.Arrays.copyOf(distinct, n * 2);
            }
        }
        return boxed(distinct, n);
    }

    /** Appends v to distinct[0..n) unless it is there already; returns the new count (the caller makes room). */
    private static int addDistinct(long[] distinct, int n, long v) {
        for (int k = 0; k < n; k++) {
            if (distinct[k] == v) {
                return n;
            }
        }
        distinct[n] = v;
        return n + 1;
    }

    private static List<Integer> boxed(long[] values, int n) {
        switch (n) {
            case 0: return List.of();
            case 1: return List.of((int) values[0]);
            case 2: return List.of((int) values[0], (int) values[1]);
            default:
                Integer[] a = new Integer[n];
                for (int k = 0; k < n; k++) {
                    a[k] = (int) values[k];
                }
                return List.of(a);
        }
    }

    // ---- correlation ----

    /** A migration event while it is being put together: a burst and/or GARP rows. */
    private final class Event {
        final RarpBurst burst;
        final List<Integer> burstRows;
        final List<Integer> garpRows = new ArrayList<>();
        /** Rows of the unsolicited Neighbor Advertisements, in frame order. */
        final List<Integer> naRows = new ArrayList<>();
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
            if (!naRows.isEmpty()) {
                f = Math.min(f, arp.frame[naRows.get(0)]);
            }
            return f;
        }

        /** The time of the first gratuitous ARP or unsolicited NA: the guest's first announcement. */
        long firstAnnouncementTime() {
            long t = Long.MAX_VALUE;
            if (!garpRows.isEmpty()) {
                t = arp.time[garpRows.get(0)];
            }
            if (!naRows.isEmpty()) {
                t = Math.min(t, arp.time[naRows.get(0)]);
            }
            return t;
        }

        /** The time of the last gratuitous ARP or unsolicited NA. */
        long lastAnnouncementTime() {
            long t = Long.MIN_VALUE;
            if (!garpRows.isEmpty()) {
                t = arp.time[garpRows.get(garpRows.size() - 1)];
            }
            if (!naRows.isEmpty()) {
                t = Math.max(t, arp.time[naRows.get(naRows.size() - 1)]);
            }
            return t;
        }

        List<Integer> rows() {
            // either list alone is in row order already: the burst's rows as found, the GARP rows as correlated
            if (garpRows.isEmpty()) {
                return burstRows;
            }
            if (burstRows.isEmpty()) {
                return garpRows;
            }
            List<Integer> all = new ArrayList<>(burstRows);
            all.addAll(garpRows);
            all.addAll(naRows);
            all.sort(null);
            return all;
        }

        MigrationEvent build(int id) {
            List<Integer> frames = new ArrayList<>(garpRows.size());
            List<Long> times = new ArrayList<>(garpRows.size());
            Set<Long> ips = garpRows.isEmpty() ? Set.of() : new LinkedHashSet<>();
            for (int r : garpRows) {
                frames.add(arp.frame[r]);
                times.add(arp.time[r]);
                if (arp.senderIp[r] >= 0) {
                    ips.add(arp.senderIp[r]);
                }
            }
            List<Integer> naFrames = new ArrayList<>();
            List<Long> naTimes = new ArrayList<>();
            Set<String> ipv6s = new LinkedHashSet<>();
            for (int r : naRows) {
                naFrames.add(arp.frame[r]);
                naTimes.add(arp.time[r]);
                ipv6s.add(arp.ndTargetText(r));
            }
            List<Integer> all = rows();
            return new MigrationEvent(id, mac, Vendors.bundled().of(mac), burst, frames, times, List.copyOf(ips), vlans(all),
                    interfaces(all), naFrames, naTimes, List.copyOf(ipv6s));
        }
    }

    /**
     * How a GARP-only event's MAC came up on the network rather than moved there, or null: a DHCP exchange for the
     * MAC, or RFC 5227 probes from it, within {@link AnalysisConfig#hostUpLead()} before its first gratuitous ARP.
     * A live migration carries the guest's address with it: it neither asks DHCP nor probes for the address.
     */
    private String cameUp(Event e, Map<Long, List<long[]>> hints) {
        String linkLocal = linkLocal(e, hints);
        if (linkLocal != null) {
            return linkLocal;
        }
        long first = e.firstAnnouncementTime();
        long lead = config.hostUpLead().toNanos();
        // each hint: time, 1-based frame, 0 for DHCP or 1 for a probe; the first within the lead wins
        long[] best = null;
        for (long[] h : hints.getOrDefault(e.mac, List.of())) {
            if (h[0] <= first && first - h[0] <= lead && (best == null || h[0] < best[0])) {
                best = h;
            }
        }
        if (best == null) {
            return null;
        }
        return best[2] == 0 ? "a DHCP exchange at frame " + best[1]
                : best[2] == 1 ? "an ARP probe for its address at frame " + best[1]
                : "a duplicate address detection probe (IPv6) at frame " + best[1];
    }

    /**
     * Gratuitous ARP repeated on a clock is a keep-alive, not a move: an access point, a router or keepalived
     * refreshing its neighbours' caches every so often. The announcement-only events of one MAC about the same
     * addresses on the same interfaces and VLANs (one event when its beats fall within the burst gap) are such a
     * keep-alive when their gratuitous ARP comes in at least {@link #PERIODIC_REPEATS} beats (frames less than
     * {@link #BEAT_NANOS} apart are one beat) at least {@link #PERIODIC_MIN_NANOS} apart, each interval within a
     * fiftieth of their median: device timers keep time that well, migrations one after another do not. A RARP
     * burst in an event keeps it: the hypervisor spoke. Returns the groups found.
     */
    private List<List<Event>> periodic(List<Event> events) {
        Map<List<Object>, List<Event>> groups = new LinkedHashMap<>();
        for (Event e : events) {
            if (e.burst != null || !e.naRows.isEmpty() || e.garpRows.isEmpty()) {
                continue;
            }
            java.util.TreeSet<Long> ips = new java.util.TreeSet<>();
            java.util.TreeSet<Integer> ifaces = new java.util.TreeSet<>();
            java.util.TreeSet<Long> vlans = new java.util.TreeSet<>();
            for (int r : e.garpRows) {
                ips.add(arp.senderIp[r]);
                ifaces.add(arp.iface[r]);
                vlans.add(arp.vlans[r]);
            }
            groups.computeIfAbsent(List.of(e.mac, ips, ifaces, vlans), x -> new ArrayList<>()).add(e);
        }
        List<List<Event>> out = new ArrayList<>();
        for (List<Event> same : groups.values()) {
            List<Integer> rows = new ArrayList<>();
            same.forEach(e -> rows.addAll(e.garpRows));
            long[] beats = beats(rows);
            if (beats.length < PERIODIC_REPEATS) {
                continue;
            }
            long median = beatInterval(beats);
            boolean regular = median >= PERIODIC_MIN_NANOS;
            for (int b = 1; b < beats.length && regular; b++) {
                regular = Math.abs(beats[b] - beats[b - 1] - median) <= median / 50;
            }
            if (regular) {
                out.add(same);
            }
        }
        return out;
    }

    /** The start times of the beats of these gratuitous ARP rows: frames less than {@link #BEAT_NANOS} apart. */
    private long[] beats(List<Integer> rows) {
        long[] t = new long[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = arp.time[rows.get(i)];
        }
        java.util.Arrays.sort(t);
        long[] starts = new long[t.length];
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (i == 0 || t[i] - t[i - 1] >= BEAT_NANOS) {
                starts[n++] = t[i];
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /** The median interval between beats, 0 for fewer than two. */
    private static long beatInterval(long[] beats) {
        if (beats.length < 2) {
            return 0;
        }
        long[] gaps = new long[beats.length - 1];
        for (int b = 1; b < beats.length; b++) {
            gaps[b - 1] = beats[b] - beats[b - 1];
        }
        java.util.Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /** Gratuitous ARP less than this apart is one beat of a keep-alive (a triple announcement, say). */
    private static final long BEAT_NANOS = 2_000_000_000L;
    /** How many beats of gratuitous ARP on a clock make a keep-alive. */
    private static final int PERIODIC_REPEATS = 3;
    /** The shortest interval of such a keep-alive: a guest's own repeats come closer together. */
    private static final long PERIODIC_MIN_NANOS = 10_000_000_000L;

    /**
     * An IPv4 link-local address (169.254.0.0/16) is one a host picks for itself when no DHCP server answers (RFC
     * 3927), announced by gratuitous ARP; a migrated VM keeps the address it had, so an event whose every address
     * is link-local, of a MAC seen asking DHCP or probing before (however long before: Windows gives up on DHCP
     * after about a minute), is a host coming up. Null otherwise (a VM that always had a link-local address).
     */
    private String linkLocal(Event e, Map<Long, List<long[]>> hints) {
        if (e.garpRows.isEmpty() || !e.naRows.isEmpty()) {
            return null;
        }
        // a DHCP message or a probe of the MAC's before, however long: it looked for an address and took this one
        long first = e.firstAnnouncementTime();
        long[] before = null;
        for (long[] h : hints.getOrDefault(e.mac, List.of())) {
            if (h[0] <= first && (before == null || h[0] < before[0])) {
                before = h;
            }
        }
        if (before == null) {
            return null;
        }
        for (int r : e.garpRows) {
            if ((arp.senderIp[r] >>> 16) != 0xA9FE) {
                return null;
            }
        }
        return "it took a link-local address (169.254.0.0/16, RFC 3927) after "
                + (before[2] == 0 ? "a DHCP exchange at frame " : "a probe at frame ") + before[1]
                + ", as a host does when no DHCP server answers";
    }

    /**
     * What says a MAC came up, by MAC: its DHCP messages, its ARP probes and its IPv6 duplicate address detection
     * probes (time, 1-based frame, kind).
     */
    private Map<Long, List<long[]>> cameUpHints() {
        Map<Long, List<long[]>> out = new HashMap<>();
        for (int i = 0; i < arp.dhcpCount; i++) {
            out.computeIfAbsent(arp.dhcpMac[i], k -> new ArrayList<>())
                    .add(new long[] {arp.dhcpTime[i], arp.dhcpFrame[i] + 1L, 0});
        }
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) == FrameClass.ARP_PROBE && arp.senderMac[r] >= 0) {
                out.computeIfAbsent(arp.senderMac[r], k -> new ArrayList<>())
                        .add(new long[] {arp.time[r], arp.frame[r] + 1L, 1});
            } else if (arp.classOf(r) == FrameClass.DAD_PROBE && arp.ndMac(r) >= 0) {
                out.computeIfAbsent(arp.ndMac(r), k -> new ArrayList<>())
                        .add(new long[] {arp.time[r], arp.frame[r] + 1L, 2});
            }
        }
        return out;
    }

    /**
     * True when a gratuitous ARP cannot announce a move on its own: sent to one host rather than broadcast (the
     * switches learn nothing new for the others, as with arp-scan's replies), not about an IPv4 address, or a
     * request among a sweep (the MAC asks for {@link AnalysisConfig#sweepTargets()} or more other addresses
     * within the correlation window: a scanner reaching its own address).
     */
    private boolean notAnAnnouncement(int r, Map<Long, long[]> requestsByMac) {
        if (arp.dest[r] == ArpFrames.DEST_OTHER || arp.senderIp[r] < 0) {
            return true;
        }
        long[] times = requestsByMac.get(arp.senderMac[r]);
        if (times == null || times.length < config.sweepTargets()) {
            return false;
        }
        long t = arp.time[r];
        long window = config.windowNanos();
        int lo = lowerBound(times, t - window);
        int hi = lowerBound(times, t + window + 1);
        return hi - lo >= config.sweepTargets();
    }

    private static int lowerBound(long[] sorted, long value) {
        int i = java.util.Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    /** The times of each MAC's ARP requests for addresses other than its own, one per target address. */
    private Map<Long, long[]> sweepRequests() {
        // (MAC, target) pairs seen, and each MAC numbered as it first asks: primitive tables, as a dense capture has
        // a hundred thousand requests
        LongPairTable seen = new LongPairTable();
        Numbering macs = new Numbering();
        int[] counts = new int[16];
        int[] idOf = new int[arp.count];
        int n = 0;
        for (int r = 0; r < arp.count; r++) {
            long mac = arp.senderMac[r];
            if (arp.classOf(r) != FrameClass.ARP_REQUEST || mac < 0 || arp.targetIp[r] < 0
                    || seen.add(mac, arp.targetIp[r], 1) != 0) {
                idOf[r] = -1;
                continue;
            }
            int id = macs.of(mac);
            if (id == counts.length) {
                counts = java.util.Arrays.copyOf(counts, id * 2);
            }
            idOf[r] = id;
            counts[id]++;
            n++;
        }
        int macCount = macs.size();
        long[][] times = new long[macCount][];
        for (int id = 0; id < macCount; id++) {
            times[id] = new long[counts[id]];
            counts[id] = 0;
        }
        for (int r = 0; r < arp.count && n > 0; r++) {
            int id = idOf[r];
            if (id >= 0) {
                times[id][counts[id]++] = arp.time[r];
            }
        }
        Map<Long, long[]> out = new HashMap<>();
        for (int id = 0; id < macCount; id++) {
            java.util.Arrays.sort(times[id]);
            out.put(macs.value(id), times[id]);
        }
        return out;
    }

    /**
     * The one-RARP failovers by interface and VLANs, each list in event order with its RARP times, so that a
     * gratuitous ARP finds the first failover within the window by binary search instead of walking them all
     * (a dense capture has tens of thousands of both).
     */
    private final class BondFailovers {
        private final Map<Long, List<Event>> byLink = new HashMap<>();
        private final Map<Long, long[]> times = new HashMap<>();
        /** Links whose failovers are not in time order: walked in full, as the first in event order wins. */
        private final Set<Long> unordered = new java.util.HashSet<>();

        BondFailovers(List<Event> failovers) {
            for (Event e : failovers) {
                byLink.computeIfAbsent(link(e.burstRows.get(0)), k -> new ArrayList<>()).add(e);
            }
            byLink.forEach((link, list) -> {
                long[] t = new long[list.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = arp.time[list.get(i).burstRows.get(0)];
                    if (i > 0 && t[i] < t[i - 1]) {
                        unordered.add(link);
                    }
                }
                times.put(link, t);
            });
        }

        /** Interface and VLAN stack in one key: the stack uses the low 51 bits, the interface the rest. */
        private long link(int row) {
            return ((long) arp.iface[row] << 51) ^ arp.vlans[row];
        }

        /** The event of a one-RARP failover this gratuitous ARP is the bond's own announcement of, or null. */
        Event of(int garpRow) {
            long link = link(garpRow);
            List<Event> list = byLink.get(link);
            if (list == null) {
                return null;
            }
            long window = config.failoverWindow().toNanos();
            long t = arp.time[garpRow];
            for (int i = unordered.contains(link) ? 0 : lowerBound(times.get(link), t - window); i < list.size(); i++) {
                int rarp = list.get(i).burstRows.get(0);
                if (arp.iface[garpRow] == arp.iface[rarp] && arp.vlans[garpRow] == arp.vlans[rarp]
                        && Math.abs(t - arp.time[rarp]) <= window) {
                    return list.get(i);
                }
                if (!unordered.contains(link)) {
                    return null;
                }
            }
            return null;
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
        Map<Long, long[]> sweeps = null;
        List<Event> failovers = new ArrayList<>();
        for (Event e : events) {
            if (e.burst.pattern() == BurstPattern.FAILOVER && e.burstRows.size() == 1
                    && bondAnnouncement(e.burstRows.get(0))) {
                failovers.add(e);
            }
        }
        BondFailovers bondFailovers = new BondFailovers(failovers);
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
                best = bondFailovers.of(r);
            }
            if (best == null) {
                if (sweeps == null) {
                    sweeps = sweepRequests();
                }
                if (notAnAnnouncement(r, sweeps)) {
                    continue;
                }
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
        joinNeighborAdvertisements(events, byMac);
        events.sort(Comparator.comparingInt(Event::firstFrame));
        return events;
    }

    /**
     * Joins each unsolicited Neighbor Advertisement to the event of its MAC (the advertisement's target
     * link-layer address, else its Ethernet source): the RARP burst that starts closest to it within the
     * correlation window, as a gratuitous ARP joins one; else an announcement-only event of the MAC (gratuitous
     * ARP or NA alone) whose announcements it falls among, no further than the burst gap from them, as a
     * gratuitous ARP joins such an event. One with Override and no event near starts an event of its own (IPv6's
     * announcement alone). One without Override overrides no neighbour's cache, so it announces nothing alone: it
     * only joins an event. An advertisement answering another MAC's duplicate address detection probe goes to all
     * nodes unsolicited-looking too (RFC 4861 7.2.4): it defends an address, it announces no move, so it joins
     * nothing.
     */
    private void joinNeighborAdvertisements(List<Event> events, Map<Long, List<Event>> byMac) {
        if (arp.ndFlags == null) {
            return;
        }
        Map<Long, List<Event>> announcedOnly = new HashMap<>();
        for (Event e : events) {
            if (e.burst == null) {
                announcedOnly.computeIfAbsent(e.mac, k -> new ArrayList<>()).add(e);
            }
        }
        long window = config.windowNanos();
        long gap = config.burstGapNanos();
        Map<List<Long>, List<Integer>> probes = new HashMap<>();
        for (int r = 0; r < arp.count; r++) {
            if (arp.classOf(r) == FrameClass.DAD_PROBE) {
                probes.computeIfAbsent(List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]), k -> new ArrayList<>()).add(r);
            }
        }
        for (int r = 0; r < arp.count; r++) {
            FrameClass c = arp.classOf(r);
            long mac = c.isUnsolicitedNa() ? arp.ndMac(r) : -1;
            if (mac < 0 || defends(r, probes)) {
                continue;
            }
            long t = arp.time[r];
            Event best = null;
            long bestDistance = Long.MAX_VALUE;
            for (Event e : byMac.getOrDefault(mac, List.of())) {
                long distance = Math.abs(t - e.burst.firstTime());
                if (distance <= window && distance < bestDistance) {
                    best = e;
                    bestDistance = distance;
                }
            }
            if (best == null) {
                for (Event e : announcedOnly.getOrDefault(mac, List.of())) {
                    if (t >= e.firstAnnouncementTime() - gap && t <= e.lastAnnouncementTime() + gap) {
                        best = e;
                    }
                }
            }
            if (best == null) {
                if (c != FrameClass.NA_UNSOLICITED) {
                    continue;
                }
                best = new Event(null, List.of(), mac);
                events.add(best);
                announcedOnly.computeIfAbsent(mac, k -> new ArrayList<>()).add(best);
            }
            best.naRows.add(r);
        }
    }

    /** How long after a duplicate address detection probe an advertisement of its address is the holder's answer. */
    static final long DAD_DEFENCE_NANOS = 1_000_000_000L;

    /** True when NDP row {@code r} answers another MAC's DAD probe for its target within {@link #DAD_DEFENCE_NANOS}. */
    private boolean defends(int r, Map<List<Long>, List<Integer>> probes) {
        for (int p : probes.getOrDefault(List.of(arp.ndTargetHi[r], arp.ndTargetLo[r]), List.of())) {
            long dt = arp.time[r] - arp.time[p];
            if (dt >= 0 && dt <= DAD_DEFENCE_NANOS && arp.ndMac(p) != arp.ndMac(r)) {
                return true;
            }
        }
        return false;
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        if (Math.abs(ms - Math.rint(ms)) < 1e-9) {
            return Math.round(ms) + " ms";
        }
        return dev.cutover.text.FixedPoint.of(nanos, 6, 3) + " ms";
    }
}
