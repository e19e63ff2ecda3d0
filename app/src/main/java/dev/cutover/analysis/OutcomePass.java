package dev.cutover.analysis;

import dev.cutover.analysis.traffic.TrafficFacts;

import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameIndex;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Severity;
import dev.cutover.dissect.proto.EtherTypes;
import dev.cutover.dissect.proto.Sll;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Measures each migration's outcome from the frames around it: one pass, in frame order, over the union of the
 * events' windows (a dense capture's windows overlap, and each frame is read once whatever the number of events
 * around it), reading only the link header's two addresses (in a cooked capture, which has no destination MAC,
 * the sender's and the IP destination), with the state of every event in plain arrays.
 * A frame to one of the moved MACs after its move is read whole once, to tell the same bytes seen on several
 * interfaces (flooding).
 */
final class OutcomePass {
    /** The same frame seen on two interfaces this close together is one frame flooded to both. */
    static final long FLOOD_SPREAD_NANOS = 100_000_000L;

    /** At most this many of the VMs' own frames are kept for the timeline's traffic strip (16 MB). */
    static final int MAX_OWN_FRAMES = 2_000_000;

    /** The outcomes in event order, their findings, and the marked frames: (frame << 32) | (kind << 24) | event. */
    record Measured(List<MigrationOutcome> outcomes, List<Finding> findings, long[] marks, long[] own) {
    }

    private static final int FLOOD_SLOTS = 1 << 13;
    /** Below this many frames in the windows, one thread reads them all. */
    private static final int PARALLEL_FROM = 100_000;

    private final Capture capture;
    private final FrameIndex index;
    private final AnalysisConfig config;
    private final AnalysisResult result;
    private final List<MigrationEvent> events;
    private final IntPredicate include;
    private final int[] linkTypes;
    private final int nIf;
    private final boolean judgeStale;
    private final int n;

    // per event
    private final long[] mac;
    private final int[] ann;
    private final long[] annTime;
    private final int[] lo;
    private final int[] hi;
    static final int OWN_IPS = 4;

    // the moved MACs: events sorted by MAC then announcement, and an open-addressing table MAC -> first of them
    private final int[] byMac;
    /** See {@link #windowsInOrder}. */
    private final boolean sortedWindows;

    // the moved VMs' announced addresses, for cooked captures (no destination MAC): (0, 1 << 40 | IPv4) or the
    // IPv6 address's two halves -> group + 1; a group's events are byIp[ipStart[g] .. + ipCount[g]]
    private final LongPairTable ipGroups = new LongPairTable();
    private int[] byIp = new int[0];
    private int[] ipStart = new int[0];
    private int[] ipCount = new int[0];
    private long[] keys;
    /** A 65,536-bit filter of the moved MACs ahead of {@link #keys}: a MAC whose bit is clear moved nowhere. */
    private final long[] macBits = new long[1024];
    private int[] keyStart;
    private int[] keyCount;
    private boolean[] keyUsed;

    // keep the VMs' own frames in their windows (the timeline's traffic strip)
    private boolean keepOwn;
    /** Every frame's MAC addresses, when the indexer took them all and every interface is Ethernet. */
    private final FrameMacs frameMacs;
    /**
     * With {@link #frameMacs}: the moved MACs' table slots by address number (see {@link FrameMacs#slotsOf}), which
     * tell the frames to read and, when {@link FrameMacs#exact}, whose they are without reading their addresses;
     * null: read every frame.
     */
    private int[] moved;
    /** {@link #moved} tells whose a frame is: the indexer numbered every address ({@link FrameMacs#exact}). */
    private boolean byNumber;

    /** What the pass found, its parts joined; made by {@link #pass}, an empty one when it did not run. */
    private Part measured;

    private OutcomePass(Capture capture, AnalysisResult result, FrameMacs frameMacs, IntPredicate include) {
        this.capture = capture;
        this.index = capture.index();
        this.config = result.config();
        this.result = result;
        this.events = result.migrations();
        this.include = include;
        this.linkTypes = capture.interfaces().stream().mapToInt(InterfaceInfo::linkType).toArray();
        this.nIf = Math.max(1, linkTypes.length);
        this.judgeStale = linkTypes.length > 1;
        this.n = Math.min(capture.frameCount(), index.size());
        int e = events.size();
        mac = new long[e];
        ann = new int[e];
        annTime = new long[e];
        lo = new int[e];
        hi = new int[e];
        long w = config.outcomeWindow().toNanos();
        for (int i = 0; i < e; i++) {
            MigrationEvent m = events.get(i);
            mac[i] = m.mac();
            ann[i] = m.firstFrame();
            annTime[i] = m.firstTime();
            lo[i] = firstAtOrAfter(satSub(annTime[i], w));
            hi[i] = Math.max(firstAtOrAfter(satAdd(annTime[i], w) + 1), Math.min(ann[i] + 1, n));
            lo[i] = Math.min(lo[i], ann[i]);
        }
        byMac = sortedByMac();
        sortedWindows = windowsInOrder();
        boolean ethernet = true;
        for (int t : linkTypes) {
            ethernet &= t == LinkTypes.ETHERNET;
        }
        this.frameMacs = ethernet && frameMacs != null && frameMacs.count() >= n ? frameMacs
                : null;
        if (judgeStale && hasCookedInterface()) {
            groupAddresses();
        }
    }

    private boolean hasCookedInterface() {
        for (int t : linkTypes) {
            if (t == LinkTypes.LINUX_SLL || t == LinkTypes.LINUX_SLL2) {
                return true;
            }
        }
        return false;
    }

    /** Groups the events by the addresses they announced (GARP's IPv4, unsolicited NA's IPv6). */
    private void groupAddresses() {
        List<long[]> entries = new ArrayList<>(); // {x, y, event}
        for (int e = 0; e < events.size(); e++) {
            MigrationEvent m = events.get(e);
            for (long ip : m.ips()) {
                entries.add(new long[] {0, (1L << 40) | ip, e});
            }
            for (String v6 : m.ipv6s()) {
                long[] halves = ipv6(v6);
                if (halves != null) {
                    entries.add(new long[] {halves[0], halves[1], e});
                }
            }
        }
        entries.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1])
                : Integer.compare(ann[(int) a[2]], ann[(int) b[2]]));
        byIp = new int[entries.size()];
        ipStart = new int[entries.size()];
        ipCount = new int[entries.size()];
        int groups = 0;
        for (int i = 0; i < entries.size(); i++) {
            long[] en = entries.get(i);
            byIp[i] = (int) en[2];
            if (i == 0 || en[0] != entries.get(i - 1)[0] || en[1] != entries.get(i - 1)[1]) {
                ipStart[groups] = i;
                ipGroups.add(en[0], en[1], groups + 1);
                groups++;
            }
            ipCount[groups - 1]++;
        }
    }

    /** The two halves of an IPv6 address in text, or null. */
    private static long[] ipv6(String text) {
        if (text.indexOf(':') < 0) {
            return null;
        }
        try {
            byte[] b = java.net.InetAddress.getByName(text).getAddress();
            if (b.length != 16) {
                return null;
            }
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xFF);
                lo = (lo << 8) | (b[8 + i] & 0xFF);
            }
            return new long[] {hi, lo};
        } catch (java.net.UnknownHostException ex) {
            return null;
        }
    }

    /** True when, for each MAC, its events' windows start and end in the order of their announcements. */
    private boolean windowsInOrder() {
        for (int k = 1; k < byMac.length; k++) {
            int a = byMac[k - 1];
            int b = byMac[k];
            if (mac[a] == mac[b] && (lo[a] > lo[b] || hi[a] > hi[b])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Measures the outcome of every migration of {@code result}, over the frames {@code include} accepts, in {@code
     * parts} parts (0: as many as the size of the windows calls for), keeping the VMs' own frames (for the timeline's
     * traffic strip) when {@code keepOwn}.
     */
    static Measured measure(Capture capture, AnalysisResult result, IntPredicate include, LoadMonitor monitor,
                            int parts, boolean keepOwn) throws IOException {
        return measure(capture, result, null, include, monitor, parts, keepOwn);
    }

    /**
     * As {@link #measure(Capture, AnalysisResult, IntPredicate, LoadMonitor, int, boolean)}; with {@code frameMacs}
     * (every frame's addresses, taken by the indexer) only the frames from or to a moved MAC are read.
     */
    static Measured measure(Capture capture, AnalysisResult result, FrameMacs frameMacs, IntPredicate include,
                            LoadMonitor monitor, int parts, boolean keepOwn) throws IOException {
        OutcomePass p = new OutcomePass(capture, result, frameMacs, include);
        p.keepOwn = keepOwn;
        TrafficFacts traffic = null;
        if (!p.events.isEmpty() && p.n > 0) {
            p.pass(monitor, parts);
            traffic = p.traffic(monitor);
        } else {
            p.measured = p.new Part();
        }
        return p.judge(traffic);
    }

    /**
     * The cross-frame facts of ICMP echo and TCP over the windows of the migrations whose VM sent or received IPv4
     * ICMP or TCP in them (the pass saw where), read once; null when none did, so a capture of announcements alone
     * pays nothing.
     */
    private TrafficFacts traffic(LoadMonitor monitor) throws IOException {
        if (measured.trafficHi < 0) {
            return null;
        }
        int from = measured.trafficLo;
        int to = measured.trafficHi + 1;
        for (int e = 0; e < events.size(); e++) {
            if (lo[e] <= measured.trafficLo && measured.trafficLo < hi[e]) {
                from = Math.min(from, lo[e]);
            }
            if (lo[e] <= measured.trafficHi && measured.trafficHi < hi[e]) {
                to = Math.max(to, hi[e]);
            }
        }
        // a reply may come up to a timeout after the last request of a window
        to = Math.max(to, firstAtOrAfter(satAdd(index.timestampNanos(Math.min(to, n) - 1),
                OutcomeTraffic.REPLY_TIMEOUT_NANOS) + 1));
        return TrafficFacts.compute(capture, from, Math.min(to, capture.frameCount()), include, monitor);
    }

    private static long satSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE - 1 : r;
    }

    /** The first frame whose time is at least {@code t}, by binary search (the merged index is in time order). */
    private int firstAtOrAfter(long t) {
        int a = 0;
        int b = n;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (index.timestampNanos(mid) < t) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    private int[] sortedByMac() {
        int e = events.size();
        Integer[] order = new Integer[e];
        for (int i = 0; i < e; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> mac[x] != mac[y] ? Long.compare(mac[x], mac[y]) : Integer.compare(ann[x], ann[y]));
        int[] sorted = new int[e];
        for (int i = 0; i < e; i++) {
            sorted[i] = order[i];
        }
        int size = Integer.highestOneBit(Math.max(4, e * 2)) << 1;
        keys = new long[size];
        keyStart = new int[size];
        keyCount = new int[size];
        keyUsed = new boolean[size];
        for (int i = 0; i < e; i++) {
            long k = mac[sorted[i]];
            int s = slot(k);
            while (keyUsed[s] && keys[s] != k) {
                s = (s + 1) & (size - 1);
            }
            if (!keyUsed[s]) {
                keyUsed[s] = true;
                keys[s] = k;
                keyStart[s] = i;
            }
            keyCount[s]++;
            long h = k * 0xC2B2AE3D27D4EB4FL;
            macBits[(int) (h >>> 54)] |= 1L << (h >>> 48);
        }
        return sorted;
    }

    /**
     * The first of the MAC's events whose window may hold frame {@code f}: with the windows in frame order (a MAC
     * announced a hundred times in a long capture), the first whose window ends after it, by binary search; else
     * the MAC's first event.
     */
    private int firstLive(int slot, int f) {
        int a = keyStart[slot];
        int b = a + keyCount[slot];
        if (!sortedWindows || b - a < 8) {
            return a;
        }
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (hi[byMac[mid]] <= f) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    private int slot(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return (int) h & (keys.length - 1);
    }

    /** The table slot of {@code k}, or -1 when no event moved it. */
    private int find(long k) {
        long h = k * 0xC2B2AE3D27D4EB4FL;
        if ((macBits[(int) (h >>> 54)] & (1L << (h >>> 48))) == 0) {
            return -1; // most frames: no moved MAC, told by one word the cache holds
        }
        int mask = keys.length - 1;
        for (int s = slot(k); keyUsed[s]; s = (s + 1) & mask) {
            if (keys[s] == k) {
                return s;
            }
        }
        return -1;
    }

    /** The slot when its MAC is unicast (a group address as destination is not a frame to the VM), else -1. */
    private int unicast(int slot) {
        return slot >= 0 && (keys[slot] & 0x0100_0000_0000L) == 0 ? slot : -1;
    }

    /** The union of the windows, ascending, as [from, to) pairs. */
    private int[] union() {
        int e = events.size();
        long[] byLo = new long[e];
        for (int i = 0; i < e; i++) {
            byLo[i] = ((long) lo[i] << 32) | (hi[i] & 0xFFFF_FFFFL);
        }
        Arrays.sort(byLo);
        int[] ranges = new int[2 * e];
        int k = 0;
        for (long packed : byLo) {
            int a = (int) (packed >>> 32);
            int b = (int) packed;
            if (k > 0 && a <= ranges[k - 1]) {
                ranges[k - 1] = Math.max(ranges[k - 1], b);
            } else {
                ranges[k++] = a;
                ranges[k++] = b;
            }
        }
        return Arrays.copyOf(ranges, k);
    }

    private void pass(LoadMonitor monitor, int asked) throws IOException {
        int[] ranges = union();
        long total = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            total += ranges[r + 1] - ranges[r];
        }
        if (frameMacs != null && pickedFew(ranges)) {
            measured = new Part().run(SequentialFrames.sparse(capture, monitor), ranges, 0, total, monitor);
            return;
        }
        // a part reads through its own 4 MB window beside the analysis's threads: on two processors a second
        // part was no faster on the 1 GB benchmark capture and cost 15-25 MB more at the peak
        int processors = Runtime.getRuntime().availableProcessors();
        int parts = asked > 0 ? (int) Math.max(1, Math.min(asked, total))
                : total < PARALLEL_FROM || processors < 4 ? 1 : Math.min(4, processors / 2);
        if (parts == 1) {
            measured = new Part().run(new SequentialFrames(capture, monitor), ranges, 0, total, monitor);
            return;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(parts - 1,
                r -> {
                    Thread t = new Thread(r, "cutover-outcome");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<Part>> later = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                long at = total * p / parts;
                long until = total * (p + 1) / parts;
                later.add(pool.submit(() -> new Part().run(new SequentialFrames(capture, LoadMonitor.NONE), ranges, at,
                        until, LoadMonitor.NONE)));
            }
            Part first = new Part().run(new SequentialFrames(capture, monitor), ranges, 0, total / parts, monitor);
            for (java.util.concurrent.Future<Part> f : later) {
                try {
                    first.absorb(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("the outcome pass was interrupted");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            measured = first;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Notes in {@link #moved} which frames are from or to a moved MAC, told by {@link #frameMacs}, and says whether
     * they are few against the bytes of {@code ranges} (a capture of many migrations whose VMs say little): then
     * they are read a few KB at a time and the frames between them not at all. Else the pass reads the windows
     * through its read-ahead windows and looks at those frames only.
     */
    private boolean pickedFew(int[] ranges) {
        moved = frameMacs.slotsOf(keys, keyUsed);
        byNumber = frameMacs.exact();
        long count = 0;
        long bytes = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            int from = ranges[r];
            int to = ranges[r + 1];
            bytes += Math.max(0, index.dataOffset(to - 1) - index.dataOffset(from) + index.capturedLength(to - 1));
            for (int f = from; f < to; f++) {
                if (frameMacs.either(f, moved)) {
                    count++;
                }
            }
        }
        // a read of a few KB costs about what copying 16 KB does
        return count * 4 * SequentialFrames.SPARSE_BYTES < bytes;
    }

    private static void addIp(int[] ips, byte[] counts, int e, int ip) {
        int n = counts[e];
        for (int k = 0; k < n; k++) {
            if (ips[e * OWN_IPS + k] == ip) {
                return;
            }
        }
        if (n < OWN_IPS) {
            ips[e * OWN_IPS + n] = ip;
            counts[e] = (byte) (n + 1);
        }
    }

    /** The addresses of event {@code e}'s VM: those it announced, else those its own frames came from. */
    private List<Long> vmIps(int e, MigrationEvent m) {
        if (!m.ips().isEmpty() || measured.ownIpCount[e] == 0) {
            return m.ips();
        }
        List<Long> l = new ArrayList<>(measured.ownIpCount[e]);
        for (int k = 0; k < measured.ownIpCount[e]; k++) {
            l.add(measured.ownIps[e * OWN_IPS + k] & 0xFFFF_FFFFL);
        }
        return l;
    }

    static boolean isAnnouncement(FrameClass c) {
        return switch (c) {
            case RARP_REQUEST, RARP_REPLY, GARP_REQUEST, GARP_REPLY, ARP_PROBE, NA_UNSOLICITED,
                 NA_UNSOLICITED_NO_OVERRIDE -> true;
            default -> false;
        };
    }

    /**
     * One thread's share of the pass: a stretch of the windows' union, in frame order, with its own state for
     * every event, joined with the others' afterwards ({@link #absorb}). A frame flooded to two interfaces is told
     * only when both copies fall in one part.
     */
    private final class Part {
        // per event: the VM's last own frame before the move and first after, how many before, its longest silence
        // before and the time of its first own frame in the window
        private final int[] lastBefore;
        private final int[] firstAfter;
        private final int[] ownBefore;
        private final long[] quietest;
        private final long[] firstOwn;
        /**
         * Per event and interface (event * nIf + interface), bits: 1 an own frame before the move, 2 after it, 4 an
         * announcement of the VM's.
         */
        private final byte[] ownOn;
        /**
         * Per event, up to {@link #OWN_IPS} IPv4 source addresses of the VM's own frames in the window: its addresses
         * when it announced none (a RARP-only move), for its ping and TCP.
         */
        private final int[] ownIps;
        private final byte[] ownIpCount;
        // frames to a moved MAC after its move: candidates for stale or flooded
        private int[] candFrame = new int[64];
        private int[] candEvent = new int[64];
        private boolean[] candFlooded = new boolean[64];
        private int cands;
        // the first and last frame from or to a moved MAC carrying IPv4 ICMP or TCP: where the traffic facts are
        // read. A capture on the pinging client's side of a router (no frame with the VM's MAC) is read with its
        // host's, whose frames with the VM's MAC set the range; the facts then count the client's echoes by the
        // VM's addresses.
        private int trafficLo = Integer.MAX_VALUE;
        private int trafficHi = -1;
        // the VMs' own frames in their windows, (event << 32) | frame, up to MAX_OWN_FRAMES, when kept
        private long[] own = new long[64];
        private int owns;

        // the frames to moved MACs seen lately, by a hash of their bytes: direct-mapped
        private final long[] floodHash = new long[FLOOD_SLOTS];
        private final long[] floodTime = new long[FLOOD_SLOTS];
        private final int[] floodIface = new int[FLOOD_SLOTS];
        private final int[] floodCandFirst = new int[FLOOD_SLOTS];
        private final int[] floodCandCount = new int[FLOOD_SLOTS];
        private byte[] buffer;

        Part() {
            int e = events.size();
            lastBefore = new int[e];
            firstAfter = new int[e];
            ownBefore = new int[e];
            quietest = new long[e];
            firstOwn = new long[e];
            ownOn = new byte[e * nIf];
            ownIps = new int[e * OWN_IPS];
            ownIpCount = new byte[e];
            Arrays.fill(lastBefore, -1);
            Arrays.fill(firstAfter, -1);
            Arrays.fill(quietest, -1);
        }

        /** Adds a part's findings to those of the parts before it, in frame order. */
        void absorb(Part q) {
            for (int e = 0; e < events.size(); e++) {
                if (q.lastBefore[e] >= 0) {
                    if (lastBefore[e] >= 0) {
                        quietest[e] = Math.max(quietest[e], q.firstOwn[e] - index.timestampNanos(lastBefore[e]));
                    } else {
                        firstOwn[e] = q.firstOwn[e];
                    }
                    quietest[e] = Math.max(quietest[e], q.quietest[e]);
                    lastBefore[e] = q.lastBefore[e];
                    ownBefore[e] += q.ownBefore[e];
                }
                if (firstAfter[e] < 0) {
                    firstAfter[e] = q.firstAfter[e];
                }
            }
            for (int i = 0; i < ownOn.length; i++) {
                ownOn[i] |= q.ownOn[i];
            }
            for (int e = 0; e < events.size(); e++) {
                for (int k = 0; k < q.ownIpCount[e]; k++) {
                    addIp(ownIps, ownIpCount, e, q.ownIps[e * OWN_IPS + k]);
                }
            }
            roomForCandidates(cands + q.cands);
            trafficLo = Math.min(trafficLo, q.trafficLo);
            trafficHi = Math.max(trafficHi, q.trafficHi);
            int take = Math.min(q.owns, MAX_OWN_FRAMES - owns);
            if (take > 0) {
                if (owns + take > own.length) {
                    own = Arrays.copyOf(own, Math.max(own.length * 2, owns + take));
                }
                System.arraycopy(q.own, 0, own, owns, take);
                owns += take;
            }
            System.arraycopy(q.candFrame, 0, candFrame, cands, q.cands);
            System.arraycopy(q.candEvent, 0, candEvent, cands, q.cands);
            System.arraycopy(q.candFlooded, 0, candFlooded, cands, q.cands);
            cands += q.cands;
        }

        /**
         * Reads through {@code frames} the frames of {@code ranges} ([from, to) pairs) from {@code at} to {@code
         * until}: with {@link #moved}, only those from or to a moved MAC.
         */
        Part run(SequentialFrames frames, int[] ranges, long at, long until, LoadMonitor monitor) throws IOException {
            long seen = 0;
            int looked = 0;
            for (int r = 0; r < ranges.length && seen < until; r += 2) {
                int from = ranges[r];
                int to = ranges[r + 1];
                long size = to - from;
                if (seen + size <= at) {
                    seen += size;
                    continue;
                }
                int a = (int) (from + Math.max(0, at - seen));
                int b = (int) Math.min(to, from + (until - seen));
                for (int f = a; f < b; f++) {
                    // frames passed over are not read, so no read hears of a cancel: ask every 65,536
                    if ((++looked & 0xFFFF) == 0 && monitor.cancelled()) {
                        throw new java.util.concurrent.CancellationException("the outcome pass was cancelled");
                    }
                    if ((moved == null || frameMacs.either(f, moved)) && (include == null || include.test(f))) {
                        frame(frames, f);
                    }
                }
                seen += size;
            }
            return this;
        }

        private void frame(SequentialFrames frames, int f) throws IOException {
            int iface = index.interfaceId(f);
            int linkType = iface < linkTypes.length ? linkTypes[iface] : -1;
            int s;
            int d;
            // where the network layer starts, walked to once: (EtherType << 32) | offset, as LinkPeek gives it
            long net;
            if (linkType == LinkTypes.ETHERNET) {
                if (index.capturedLength(f) < 14) {
                    return;
                }
                if (byNumber) {
                    // whose the frame is, by the addresses the indexer numbered: read only for its IPv4 header
                    s = frameMacs.sourceSlot(f, moved);
                    d = unicast(frameMacs.destinationSlot(f, moved));
                    if (s < 0 && d < 0) {
                        return;
                    }
                    frames.moveTo(f);
                } else {
                    frames.moveTo(f);
                    s = find(LinkPeek.mac48(frames, 6));
                    long dst = LinkPeek.mac48(frames, 0);
                    d = (dst & 0x0100_0000_0000L) == 0 ? find(dst) : -1;
                    if (s < 0 && d < 0) {
                        return;
                    }
                }
                net = LinkPeek.networkLayer(frames, linkType, frames.length());
            } else if (linkType == LinkTypes.LINUX_SLL || linkType == LinkTypes.LINUX_SLL2) {
                // a cooked capture has the sender's address only: the VM's own frames by it, frames for the VM
                // by the addresses it announced
                boolean v1 = linkType == LinkTypes.LINUX_SLL;
                int header = v1 ? Sll.V1_HEADER_LENGTH : Sll.V2_HEADER_LENGTH;
                if (index.capturedLength(f) < header) {
                    return;
                }
                frames.moveTo(f);
                int lenAt = v1 ? 4 : 11;
                int addrAt = v1 ? 6 : 12;
                int len = v1 ? frames.u16(lenAt) : frames.u8(lenAt);
                if (len != 6) {
                    return;
                }
                s = find(LinkPeek.mac48(frames, addrAt));
                d = -1;
                net = LinkPeek.networkLayer(frames, linkType, frames.length());
                if (judgeStale && byIp.length > 0) {
                    toAddress(frames, f, net);
                }
                if (s < 0) {
                    return;
                }
            } else {
                return;
            }
            // the frame's IPv4 header: ICMP or TCP marks the span of the traffic facts, and the VM's own frames say
            // its addresses
            int ip = ipv4At(frames, net);
            int proto = ip < 0 ? -1 : frames.u8(ip + 9);
            if (proto == 1 || proto == 6) {
                trafficLo = Math.min(trafficLo, f);
                trafficHi = f;
            }
            if (s >= 0) {
                own(s, f, iface, ip < 0 ? 0 : (frames.u16(ip + 12) << 16) | frames.u16(ip + 14));
            }
            if (judgeStale && d >= 0) {
                towards(frames, d, f, iface);
            }
        }

        /** Where the IPv4 header starts when the frame's network layer {@code p} is IPv4, else -1. */
        private int ipv4At(SequentialFrames frames, long p) {
            int at = (int) p;
            if (p < 0 || (p >>> 32) != EtherTypes.IPV4 || at + 20 > frames.length() || (frames.u8(at) >>> 4) != 4) {
                return -1;
            }
            return at;
        }

        /**
         * A cooked capture's IP packet to an address a moved VM announced: a candidate for stale forwarding when
         * after the move (the same frame on two hosts' cooked captures is not told apart as flooding); {@code p} is
         * the frame's network layer.
         */
        private void toAddress(SequentialFrames frames, int f, long p) {
            int length = frames.length();
            if (p < 0) {
                return;
            }
            int proto = (int) (p >>> 32);
            int at = (int) p;
            int group;
            if (proto == EtherTypes.IPV4 && length >= at + 20 && (frames.u8(at) >>> 4) == 4) {
                long ip = ((long) frames.u16(at + 16) << 16) | frames.u16(at + 18);
                group = ipGroups.get(0, (1L << 40) | ip) - 1;
            } else if (proto == EtherTypes.IPV6 && length >= at + 40 && (frames.u8(at) >>> 4) == 6) {
                long top = 0;
                long bottom = 0;
                for (int i = 0; i < 8; i += 2) {
                    top = (top << 16) | frames.u16(at + 24 + i);
                    bottom = (bottom << 16) | frames.u16(at + 32 + i);
                }
                group = ipGroups.get(top, bottom) - 1;
            } else {
                return;
            }
            if (group < 0) {
                return;
            }
            for (int k = ipStart[group], end = k + ipCount[group]; k < end; k++) {
                int e = byIp[k];
                if (f <= ann[e] || f >= hi[e] || f < lo[e]) {
                    continue;
                }
                candidate(f, e);
            }
        }

        /** Grows the candidates' columns to hold {@code need} of them (at least doubling). */
        private void roomForCandidates(int need) {
            if (need > candFrame.length) {
                int size = Math.max(candFrame.length * 2, need);
                candFrame = Arrays.copyOf(candFrame, size);
                candEvent = Arrays.copyOf(candEvent, size);
                candFlooded = Arrays.copyOf(candFlooded, size);
            }
        }

        /** Frame {@code f} is a candidate for stale forwarding or flooding after event {@code e}'s move. */
        private void candidate(int f, int e) {
            roomForCandidates(cands + 1);
            candFrame[cands] = f;
            candEvent[cands] = e;
            cands++;
        }

        /** A frame from a moved MAC: its own traffic unless it is an announcement. */
        private void own(int slot, int f, int iface, int ip) {
            int announcement = -1; // unknown yet: looked up once, only for frames in some window
            for (int k = firstLive(slot, f), end = keyStart[slot] + keyCount[slot]; k < end; k++) {
                int e = byMac[k];
                if (f < lo[e] && sortedWindows) {
                    break;
                }
                if (f < lo[e] || f >= hi[e]) {
                    continue;
                }
                int at = e * nIf + Math.min(iface, nIf - 1);
                if (announcement < 0) {
                    // a copy of an announcement another file caught answers for its class as the first copy
                    // the class the analysis stored in the index (a copy's is its first's, the same frame)
                    announcement = f == ann[e] || isAnnouncement(FrameClass.ofCode(index.frameClass(f))) ? 1 : 0;
                }
                if (announcement == 1) {
                    ownOn[at] |= 4; // announced here: where the VM is, when its own frames do not say
                    continue;
                }
                if (ip != 0) {
                    addIp(ownIps, ownIpCount, e, ip);
                }
                if (keepOwn && owns < MAX_OWN_FRAMES) {
                    if (owns == own.length) {
                        own = Arrays.copyOf(own, owns * 2);
                    }
                    own[owns++] = ((long) e << 32) | f;
                }
                if (f < ann[e]) {
                    if (lastBefore[e] < 0) {
                        firstOwn[e] = index.timestampNanos(f);
                    } else {
                        long gap = index.timestampNanos(f) - index.timestampNanos(lastBefore[e]);
                        quietest[e] = Math.max(quietest[e], gap);
                    }
                    lastBefore[e] = f;
                    ownBefore[e]++;
                    ownOn[at] |= 1;
                } else {
                    if (firstAfter[e] < 0) {
                        firstAfter[e] = f;
                    }
                    ownOn[at] |= 2;
                }
            }
        }

        /** A unicast frame to a moved MAC: a candidate for stale forwarding, or flooding, when after the move. */
        private void towards(SequentialFrames frames, int slot, int f, int iface) {
            int first = cands;
            for (int k = firstLive(slot, f), end = keyStart[slot] + keyCount[slot]; k < end; k++) {
                int e = byMac[k];
                if (f < lo[e] && sortedWindows) {
                    break;
                }
                if (f <= ann[e] || f >= hi[e]) {
                    continue;
                }
                candidate(f, e);
            }
            if (cands == first) {
                return;
            }
            if (buffer == null) {
                buffer = new byte[Math.max(64, capture.maxCapturedLength())];
            }
            int len = frames.copyTo(buffer);
            long h = 0xcbf29ce484222325L ^ len;
            for (int i = 0; i < len; i++) {
                h = (h ^ (buffer[i] & 0xFF)) * 0x100000001b3L;
            }
            long t = index.timestampNanos(f);
            int s = (int) (h ^ (h >>> 29)) & (FLOOD_SLOTS - 1);
            if (floodCandCount[s] > 0 && floodHash[s] == h && floodIface[s] != iface
                    && Math.abs(t - floodTime[s]) <= FLOOD_SPREAD_NANOS) {
                for (int c = floodCandFirst[s], end = c + floodCandCount[s]; c < end; c++) {
                    candFlooded[c] = true;
                }
                for (int c = first; c < cands; c++) {
                    candFlooded[c] = true;
                }
            }
            floodHash[s] = h;
            floodTime[s] = t;
            floodIface[s] = iface;
            floodCandFirst[s] = first;
            floodCandCount[s] = cands - first;
        }
    }

    /**
     * Where the VM was after the move: where its own frames came from, else where it was announced (the hypervisor's
     * RARP, the guest's GARP: a broadcast the switches carry to the uplinks that lead to the VM's VLAN).
     */
    private boolean isNewPlace(int e, int iface) {
        boolean any = false;
        for (int i = 0; i < nIf; i++) {
            any |= (measured.ownOn[e * nIf + i] & 2) != 0;
        }
        if (any) {
            return (measured.ownOn[e * nIf + Math.min(iface, nIf - 1)] & 2) != 0;
        }
        // where its announcements were seen, copies another file caught included
        return (measured.ownOn[e * nIf + Math.min(iface, nIf - 1)] & 4) != 0 || events.get(e).interfaces().contains(iface);
    }

    /**
     * Where the VM was before: the interfaces its own frames came from before the move; with none, any interface
     * that is not the new place.
     */
    private boolean isOldPlace(int e, int iface) {
        boolean any = false;
        for (int i = 0; i < nIf; i++) {
            any |= (measured.ownOn[e * nIf + i] & 1) != 0;
        }
        return !any || (measured.ownOn[e * nIf + Math.min(iface, nIf - 1)] & 1) != 0;
    }

    private Measured judge(TrafficFacts facts) {
        OutcomeTraffic traffic = facts == null ? null : new OutcomeTraffic(facts, index);
        int e = events.size();
        int[] staleCount = new int[e];
        int[] staleFirst = new int[e];
        int[] staleLast = new int[e];
        int[] floodCount = new int[e];
        Arrays.fill(staleFirst, -1);
        Arrays.fill(staleLast, -1);
        // the kind of each candidate: 0 none (reached the new place), 1 stale, 2 flooded
        byte[] kind = new byte[measured.cands];
        for (int c = 0; c < measured.cands; c++) {
            int ev = measured.candEvent[c];
            int f = measured.candFrame[c];
            int iface = index.interfaceId(f);
            if (isNewPlace(ev, iface) || !isOldPlace(ev, iface)) {
                continue;
            }
            if (measured.candFlooded[c]) {
                floodCount[ev]++;
                kind[c] = 2;
            } else {
                staleCount[ev]++;
                if (staleFirst[ev] < 0) {
                    staleFirst[ev] = f;
                }
                staleLast[ev] = f;
                kind[c] = 1;
            }
        }
        long[] marks = new long[64];
        int marked = 0;
        List<List<Integer>> staleFrames = new ArrayList<>(e);
        List<List<Integer>> floodedFrames = new ArrayList<>(e);
        for (int i = 0; i < e; i++) {
            staleFrames.add(null);
            floodedFrames.add(null);
        }
        for (int c = 0; c < measured.cands; c++) {
            int ev = measured.candEvent[c];
            boolean flooded = measured.candFlooded[c] && floodCount[ev] > 0;
            if (kind[c] == 1) {
                marks = put(marks, marked++, mark(measured.candFrame[c], AnalysisResult.OutcomeRole.STALE, ev));
                add(staleFrames, ev, measured.candFrame[c]);
            } else if (flooded) {
                marks = put(marks, marked++, mark(measured.candFrame[c], AnalysisResult.OutcomeRole.FLOODED, ev));
                add(floodedFrames, ev, measured.candFrame[c]);
            }
        }
        long lastTime = n > 0 ? index.timestampNanos(n - 1) : 0;
        long window = config.outcomeWindow().toNanos();
        List<MigrationOutcome> outcomes = new ArrayList<>(e);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < e; i++) {
            MigrationEvent m = events.get(i);
            int lb = measured.lastBefore[i];
            int fa = measured.firstAfter[i];
            long tB = lb >= 0 ? index.timestampNanos(lb) : 0;
            long tA = fa >= 0 ? index.timestampNanos(fa) : 0;
            long windowEnd = satAdd(annTime[i], window);
            boolean cut = lastTime < windowEnd;
            long dark = -1;
            if (fa >= 0 && lb >= 0) {
                dark = tA - tB;
            } else if (fa < 0 && lb >= 0) {
                dark = Math.min(windowEnd, lastTime) - tB;
            }
            if (lb >= 0) {
                marks = put(marks, marked++, mark(lb, AnalysisResult.OutcomeRole.DARK_BEFORE, i));
            }
            if (fa >= 0) {
                marks = put(marks, marked++, mark(fa, AnalysisResult.OutcomeRole.DARK_AFTER, i));
            }
            boolean darkToEnd = fa < 0;
            long dark2 = config.darkThreshold().toNanos();
            // dark: no frame from the VM for longer than the threshold after it was announced, for a VM seen
            // speaking regularly before (three frames or more, over at least the threshold, never silent for
            // half as long): a quiet VM's silence says nothing, nor does a silence before the announcement alone
            long silentAfter = fa >= 0 ? tA - annTime[i] : (lb >= 0 ? Math.min(windowEnd, lastTime) - annTime[i] : -1);
            boolean regular = measured.ownBefore[i] >= 3 && measured.quietest[i] >= 0 && tB - measured.firstOwn[i] >= dark2;
            boolean darkFired = silentAfter > dark2 && regular && measured.quietest[i] * 2 < silentAfter;
            long convergence = staleLast[i] >= 0 ? index.timestampNanos(staleLast[i]) - annTime[i] : -1;
            boolean staleFired = staleCount[i] > 0 && convergence > config.staleThreshold().toNanos();
            boolean floodFired = floodCount[i] > 0;
            int staleIface = staleFirst[i] >= 0 ? index.interfaceId(staleFirst[i]) : -1;
            List<Long> ips = traffic == null ? List.of() : vmIps(i, m);
            OutcomeTraffic.EchoMeasure echo = traffic == null ? null : traffic.echo(ips, lo[i], hi[i]);
            OutcomeTraffic.TcpMeasure tcp = traffic == null ? null : traffic.tcp(ips, lo[i], hi[i]);
            // a ping lost: only of a ping that was answered at some point in the window (one to an address that
            // never answers is no continuous ping to the VM)
            boolean pingFired = echo != null && echo.echo().lost() > 0 && echo.echo().answered() > 0;
            boolean tcpFired = tcp != null && tcp.tcp().retransmissions() > 0;
            if (pingFired) {
                for (int f : echo.lostFrames()) {
                    marks = put(marks, marked++, mark(f, AnalysisResult.OutcomeRole.LOST_PING, i));
                }
            }
            if (tcpFired) {
                for (int f : tcp.retransmissionFrames()) {
                    marks = put(marks, marked++, mark(f, AnalysisResult.OutcomeRole.RETRANSMISSION, i));
                }
            }
            MigrationOutcome.Verdict verdict;
            if (staleFired || (darkFired && darkToEnd)) {
                verdict = MigrationOutcome.Verdict.BAD;
            } else if (darkFired || floodFired || pingFired
                    || (tcpFired && tcp.tcp().longestStallNanos() > config.darkThreshold().toNanos())) {
                verdict = MigrationOutcome.Verdict.WARN;
            } else if (fa >= 0) {
                verdict = MigrationOutcome.Verdict.OK;
            } else {
                verdict = MigrationOutcome.Verdict.UNKNOWN;
            }
            List<String> parts = new ArrayList<>();
            if (verdict == MigrationOutcome.Verdict.OK) {
                parts.add("ok");
            }
            if (darkToEnd && lb >= 0 && !darkFired) {
                parts.add("silent after the move (quiet before)");
            } else if (darkToEnd && lb >= 0) {
                // worded as the timeline's dark span beside the summary
                parts.add(dev.cutover.text.BriefDuration.dark(dark, true, cut, window));
            } else if (dark >= 0 && dark > dark2 && !darkFired) {
                parts.add("quiet VM: " + dev.cutover.text.BriefDuration.dark(dark, false, false, window));
            } else if (dark >= 0) {
                parts.add(dev.cutover.text.BriefDuration.dark(dark, false, false, window));
            } else if (fa >= 0) {
                parts.add("first frame " + duration(tA - annTime[i]) + " after the announcement");
            } else {
                parts.add("no frame of the VM");
            }
            if (staleCount[i] > 0) {
                parts.add("stale " + duration(Math.max(0, convergence)) + " on " + ifaceName(staleIface));
            }
            if (floodFired) {
                parts.add("flooded " + floodCount[i] + (floodCount[i] == 1 ? " frame" : " frames"));
            }
            if (pingFired) {
                parts.add("ping lost " + echo.echo().lost() + "/" + echo.echo().sent());
            }
            if (tcpFired) {
                parts.add(tcp.tcp().retransmissions() + " TCP retransmission"
                        + (tcp.tcp().retransmissions() == 1 ? "" : "s"));
            }
            // one part is a constant ("no frame of the VM"): kept as it is, not copied for each of many events
            String summary = parts.size() == 1 ? parts.get(0) : String.join(", ", parts);
            MigrationOutcome o = new MigrationOutcome(i, verdict, summary,
                    lb, tB, lb >= 0 ? index.interfaceId(lb) : -1, fa, tA, fa >= 0 ? index.interfaceId(fa) : -1,
                    dark, darkToEnd, cut, measured.quietest[i], judgeStale, staleCount[i], staleFirst[i], staleLast[i],
                    convergence, staleIface, floodCount[i], echo == null ? null : echo.echo(),
                    tcp == null ? null : tcp.tcp());
            outcomes.add(o);
            if (pingFired) {
                findings.add(pingLoss(m, ips, o, echo.lostFrames()));
            }
            if (tcpFired) {
                findings.add(retransmissions(m, ips, o, tcp.retransmissionFrames()));
            }
            if (darkFired) {
                findings.add(dark(m, o));
            }
            if (staleFired) {
                findings.add(stale(m, o, staleFrames.get(i)));
            }
            if (floodFired) {
                findings.add(flooding(m, o, floodedFrames.get(i)));
            }
        }
        return new Measured(outcomes, findings, LongPairTable.sorted(marks, marked),
                LongPairTable.sorted(measured.own, measured.owns));
    }

    private Finding pingLoss(MigrationEvent m, List<Long> vmIps, MigrationOutcome o, int[] lost) {
        MigrationOutcome.Echo e = o.echo();
        List<Integer> frames = new ArrayList<>();
        StringBuilder numbers = new StringBuilder();
        for (int k = 0; k < lost.length; k++) {
            frames.add(lost[k]);
            if (k < 10) {
                numbers.append(k == 0 ? "" : ", ").append(lost[k] + 1);
            }
        }
        if (lost.length > 10) {
            numbers.append(", ...");
        }
        List<String> ips = new ArrayList<>();
        for (long ip : vmIps) {
            ips.add(Addresses.ipv4(ip));
        }
        String message = e.lost() + " of " + e.sent() + " echo requests to or from VM " + Addresses.mac(m.mac())
                + " (" + String.join(", ", ips) + ") within " + duration(config.outcomeWindow().toNanos())
                + " of its announcement (frame " + (m.firstFrame() + 1) + ") went unanswered (frames " + numbers
                + "; " + e.longestLostRun() + " in a row), and the ping went " + duration(e.longestGapNanos())
                + " between answers" + (o.darkNanos() >= 0 ? " (the VM was dark " + duration(o.darkNanos()) + ")" : "")
                + ". A live migration's switch-over costs a continuous ping at most one reply; check the stun time "
                + "in the VM's vmware.log, that the RARP reached the physical switch, and the destination host's "
                + "uplink and VLAN.";
        return new Finding(FindingCode.PING_LOSS, m.mac(), vmIps.isEmpty() ? -1 : vmIps.get(0), frames, message);
    }

    private Finding retransmissions(MigrationEvent m, List<Long> vmIps, MigrationOutcome o, int[] again) {
        MigrationOutcome.Tcp t = o.tcp();
        List<Integer> frames = new ArrayList<>();
        for (int f : again) {
            frames.add(f);
        }
        boolean stalled = t.longestStallNanos() > config.darkThreshold().toNanos();
        String message = t.retransmissions() + (t.retransmissions() == 1 ? " TCP segment" : " TCP segments")
                + " of VM " + Addresses.mac(m.mac()) + "'s flows were sent again within "
                + duration(config.outcomeWindow().toNanos()) + " of its announcement (frame " + (m.firstFrame() + 1)
                + "; first retransmission frame " + (again[0] + 1) + "), and the longest a flow went without a "
                + "segment was " + duration(t.longestStallNanos()) + ": segments were lost across the move"
                + (stalled ? ", long enough for the application to notice" : "") + ". Check the VM's dark time and "
                + "that traffic for it followed it (stale forwarding, flooding).";
        return new Finding(FindingCode.TCP_RETRANSMISSIONS, stalled ? Severity.WARNING : Severity.NOTE, m.mac(),
                vmIps.isEmpty() ? -1 : vmIps.get(0), frames, message);
    }

    private static void add(List<List<Integer>> lists, int e, int frame) {
        List<Integer> l = lists.get(e);
        if (l == null) {
            l = new ArrayList<>();
            lists.set(e, l);
        }
        l.add(frame);
    }

    /** {@code a} with {@code v} at {@code i}, grown when full. */
    private static long[] put(long[] a, int i, long v) {
        long[] b = i < a.length ? a : Arrays.copyOf(a, a.length * 2);
        b[i] = v;
        return b;
    }

    /** A marked frame: (frame << 32) | (role << 24) | event, as {@link AnalysisResult} reads them back. */
    private static long mark(int frame, AnalysisResult.OutcomeRole role, int event) {
        return ((long) frame << 32) | ((long) role.ordinal() << 24) | event;
    }

    private String ifaceName(int iface) {
        List<String> names = result.interfaceNames();
        return iface >= 0 && iface < names.size() ? names.get(iface) : "interface " + iface;
    }

    /** "212 ms" below a second, "1.4 s" from there. */
    static String duration(long nanos) {
        return dev.cutover.text.BriefDuration.of(nanos);
    }

    private Finding dark(MigrationEvent m, MigrationOutcome o) {
        List<Integer> frames = new ArrayList<>();
        frames.add(o.lastBefore());
        frames.add(m.firstFrame());
        if (o.firstAfter() >= 0) {
            frames.add(o.firstAfter());
        }
        String vm = Addresses.mac(m.mac());
        String before = "its last frame before the announcement (frame " + (m.firstFrame() + 1) + ") was frame "
                + (o.lastBefore() + 1) + " on " + ifaceName(o.lastBeforeInterface());
        String message;
        Severity severity;
        if (o.firstAfter() >= 0) {
            severity = Severity.WARNING;
            message = "VM " + vm + " was dark for " + duration(o.darkNanos()) + " across its migration: " + before
                    + ", its first after it frame " + (o.firstAfter() + 1) + " on " + ifaceName(o.firstAfterInterface())
                    + ", " + duration(o.firstAfterTime() - m.firstTime()) + " after the announcement"
                    + "; before the move it was never silent for more than " + duration(o.quietestBeforeNanos())
                    + ". A vMotion stuns a VM for well under a second: a long switch-over, or the VM's network on "
                    + "the destination host (port group, VLAN, connected NIC) came up late. Check the stun time in "
                    + "the VM's vmware.log and the destination port group.";
        } else {
            severity = Severity.ERROR;
            message = "VM " + vm + " sent no frame in the " + (o.windowCut() ? duration(o.darkNanos())
                    + " to the end of the capture" : duration(config.outcomeWindow().toNanos()))
                    + " after its announcement: " + before + "; before the move it was never silent for more than "
                    + duration(o.quietestBeforeNanos()) + ". The VM is stunned or has no network on the destination "
                    + "host: check its port group and VLAN there, that its NIC is connected, and the VM's console.";
        }
        return new Finding(FindingCode.VM_DARK, severity, m.mac(), m.ips().isEmpty() ? -1 : m.ips().get(0),
                ascending(frames), message);
    }

    private Finding stale(MigrationEvent m, MigrationOutcome o, List<Integer> frames) {
        String vm = Addresses.mac(m.mac());
        String where = o.firstAfter() >= 0 ? "while the VM's own frames came from "
                + ifaceName(o.firstAfterInterface()) : "while the VM was announced on " + interfaces(m);
        String message = o.staleFrames() + (o.staleFrames() == 1 ? " frame" : " frames") + " for VM " + vm
                + " reached " + ifaceName(o.staleInterface()) + " for " + duration(o.convergenceNanos())
                + " after its announcement (frame " + (m.firstFrame() + 1) + "; last stale frame "
                + (o.staleLast() + 1) + "), " + where + ": the switch kept sending the VM's traffic to its old "
                + "port. Check that the RARP reached that switch and that the VM's VLAN is allowed on the trunk "
                + "towards the destination host.";
        return new Finding(FindingCode.STALE_FORWARDING, m.mac(), m.ips().isEmpty() ? -1 : m.ips().get(0),
                frames, message);
    }

    private Finding flooding(MigrationEvent m, MigrationOutcome o, List<Integer> frames) {
        String vm = Addresses.mac(m.mac());
        java.util.TreeSet<String> on = new java.util.TreeSet<>();
        for (int f : frames) {
            on.add(ifaceName(index.interfaceId(f)));
        }
        String message = o.floodedFrames() + (o.floodedFrames() == 1 ? " frame" : " frames") + " to VM " + vm
                + " after its announcement (frame " + (m.firstFrame() + 1) + ") were seen on several interfaces "
                + "at once (" + String.join(", ", on) + "): the switch flooded them as unknown unicast, having no "
                + "entry for the VM's MAC. Check that the RARP reached it, its MAC table aging, and paths where "
                + "the VM's traffic leaves by one uplink and returns by another.";
        return new Finding(FindingCode.UNICAST_FLOODING, m.mac(), m.ips().isEmpty() ? -1 : m.ips().get(0),
                frames, message);
    }

    private String interfaces(MigrationEvent m) {
        List<String> l = new ArrayList<>();
        for (int i : m.interfaces()) {
            l.add(ifaceName(i));
        }
        return String.join(", ", l);
    }

    private static List<Integer> ascending(List<Integer> frames) {
        return List.copyOf(new java.util.TreeSet<>(frames));
    }
}
