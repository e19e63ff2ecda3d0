package dev.cutover.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the migration analysis found, plus per-frame facts for the display filter and the packet list: a frame's
 * class, its burst, its migration event and the findings that name it, each answered from arrays built once.
 */
public final class AnalysisResult {
    private final AnalysisConfig config;
    private final int frameCount;
    private final int[] arpFrames;
    private final byte[] classes;
    private final long[] senderMacs;
    private Map<Long, int[]> framesBySender;
    private final int[] burstOfRow;
    private final int[] eventOfRow;
    private final List<RarpBurst> bursts;
    private final List<MigrationEvent> migrations;
    private final List<Finding> findings;
    private final List<String> interfaceNames;
    private final List<Integer> duplicateAddressFrames;
    /** Wireshark's duplicate address reports, by frame. */
    private final DuplicateAddress[] duplicateAddresses;
    // (frame, finding index) pairs sorted by frame, for findingsOf
    /** Frames named by findings and the findings naming them: made when first asked (a command may never ask). */
    private volatile FindingIndex findingIndex;

    /** Each frame a finding names, ascending, beside the index of that finding. */
    private record FindingIndex(int[] frames, int[] findings) {
        static FindingIndex of(List<Finding> findings) {
            int pairs = 0;
            for (Finding f : findings) {
                pairs += f.frames().size();
            }
            long[] packed = new long[pairs];
            int k = 0;
            for (int i = 0; i < findings.size(); i++) {
                for (int frame : findings.get(i).frames()) {
                    packed[k++] = ((long) frame << 32) | i;
                }
            }
            Arrays.sort(packed);
            int[] named = new int[pairs];
            int[] naming = new int[pairs];
            for (int i = 0; i < pairs; i++) {
                named[i] = (int) (packed[i] >>> 32);
                naming[i] = (int) packed[i];
            }
            return new FindingIndex(named, naming);
        }
    }
    private final int ndpFrameCount;
    /** ARP-family frames that another file of the merged set also caught, and the first copy of each. */
    private volatile DuplicateFrames copies = DuplicateFrames.NONE;
    /** One per migration, in the same order; empty until the outcome pass has run. */
    private final List<MigrationOutcome> outcomes;
    /** Frames the outcome names, (frame << 32) | (kind << 24) | event, ascending. */
    private final long[] outcomeMarks;
    /** The VMs' own frames in their outcome windows, (event << 32) | frame, ascending. */
    private final long[] ownFrames;

    AnalysisResult(AnalysisConfig config, int frameCount, ArpFrames arp, List<RarpBurst> bursts, int[] burstOfRow,
                   List<MigrationEvent> migrations, int[] eventOfRow, List<Finding> findings,
                   List<String> interfaceNames, List<DuplicateAddress> duplicateAddresses) {
        this.duplicateAddresses = duplicateAddresses.toArray(new DuplicateAddress[0]);
        List<Integer> frames = new ArrayList<>();
        for (DuplicateAddress a : duplicateAddresses) {
            if (frames.isEmpty() || frames.get(frames.size() - 1) != a.frame()) {
                frames.add(a.frame());
            }
        }
        this.duplicateAddressFrames = List.copyOf(frames);
        this.config = config;
        this.frameCount = frameCount;
        this.arpFrames = Arrays.copyOf(arp.frame, arp.count);
        this.classes = Arrays.copyOf(arp.cls, arp.count);
        this.senderMacs = Arrays.copyOf(arp.senderMac, arp.count);
        int ndp = 0;
        for (int r = 0; r < arp.count; r++) {
            if (arp.isNdp(r)) {
                ndp++;
            }
        }
        this.ndpFrameCount = ndp;
        this.ndMacs = arp.ndFlags == null ? null : ndMacs(arp);
        this.burstOfRow = burstOfRow;
        this.eventOfRow = eventOfRow;
        this.bursts = List.copyOf(bursts);
        this.migrations = List.copyOf(migrations);
        this.findings = List.copyOf(findings);
        this.interfaceNames = List.copyOf(interfaceNames);
        this.outcomes = List.of();
        this.outcomeMarks = new long[0];
        this.ownFrames = new long[0];
    }

    /** {@code base} with its migrations' outcomes, their findings among the others. */
    private AnalysisResult(AnalysisResult base, OutcomePass.Measured measured) {
        this.config = base.config;
        this.frameCount = base.frameCount;
        this.arpFrames = base.arpFrames;
        this.classes = base.classes;
        this.senderMacs = base.senderMacs;
        this.burstOfRow = base.burstOfRow;
        this.eventOfRow = base.eventOfRow;
        this.bursts = base.bursts;
        this.migrations = base.migrations;
        List<Finding> all = new ArrayList<>(base.findings);
        all.addAll(measured.findings());
        all.sort(Finding.ORDER);
        this.findings = List.copyOf(all);
        this.interfaceNames = base.interfaceNames;
        this.duplicateAddressFrames = base.duplicateAddressFrames;
        this.duplicateAddresses = base.duplicateAddresses;
        this.ndpFrameCount = base.ndpFrameCount;
        this.ndMacs = base.ndMacs;
        this.copies = base.copies;
        this.outcomes = List.copyOf(measured.outcomes());
        this.outcomeMarks = measured.marks();
        this.ownFrames = measured.own();
    }

    AnalysisResult withOutcomes(OutcomePass.Measured measured) {
        return new AnalysisResult(this, measured);
    }

    /** The outcome of each migration, parallel to {@link #migrations()}; empty when it was not measured. */
    public List<MigrationOutcome> outcomes() {
        return outcomes;
    }

    /** The outcome of {@code event}, or null when outcomes were not measured. */
    public MigrationOutcome outcomeOf(MigrationEvent event) {
        int id = event.id();
        return id >= 0 && id < outcomes.size() ? outcomes.get(id) : null;
    }

    /** What the outcome of a migration says of a frame. */
    public enum OutcomeRole {
        /** Traffic for the VM on its old interface after the move. */
        STALE,
        /** Traffic for the VM seen on several interfaces at once after the move. */
        FLOODED,
        /** The VM's last frame before its announcement: the dark time starts here. */
        DARK_BEFORE,
        /** The VM's first frame after its announcement: the dark time ends here. */
        DARK_AFTER,
        /** An echo request to or from the VM nobody answered ({@code icmp.no_resp}) in a ping around the move. */
        LOST_PING,
        /** A TCP segment of the VM's flows sent again ({@code tcp.analysis.retransmission}) around the move. */
        RETRANSMISSION
    }

    /**
     * The frames (0-based, ascending) with {@code role} in the outcome of migration {@code event}: its stale frames,
     * lost pings, retransmissions.
     */
    public int[] outcomeFrames(int event, OutcomeRole role) {
        long[] keys = outcomeByEvent;
        if (keys == null) {
            // made once, on first use: (event << 35) | (role << 32) | frame, ascending
            keys = new long[outcomeMarks.length];
            for (int i = 0; i < keys.length; i++) {
                long m = outcomeMarks[i];
                keys[i] = ((m & 0xFF_FFFFL) << 35) | (((m >>> 24) & 0x7) << 32) | (m >>> 32);
            }
            Arrays.sort(keys);
            outcomeByEvent = keys;
        }
        return lows(keys, ((long) event << 35) | ((long) role.ordinal() << 32));
    }

    /** The low 32 bits of the keys of {@code sorted} (ascending) whose high bits are {@code first}'s. */
    private static int[] lows(long[] sorted, long first) {
        int a = LongPairTable.lowerBound(sorted, sorted.length, first);
        int b = LongPairTable.lowerBound(sorted, sorted.length, first | 0xFFFF_FFFFL);
        int[] out = new int[b - a];
        for (int i = a; i < b; i++) {
            out[i - a] = (int) sorted[i];
        }
        return out;
    }

    /** {@link #outcomeMarks} by event and role, made when {@link #outcomeFrames} is first asked. */
    private volatile long[] outcomeByEvent;

    /**
     * The VM's own frames (0-based, ascending) in the outcome window of migration {@code event}, announcements
     * aside: what the timeline draws as its traffic (at most {@link OutcomePass#MAX_OWN_FRAMES} over all migrations).
     */
    public int[] ownFrames(int event) {
        return lows(ownFrames, (long) event << 32);
    }

    /** A role of a frame in the outcome of migration {@code event} (0-based). */
    public record OutcomeMark(OutcomeRole role, int event) {
    }

    /** The roles {@code frame} (0-based) has in migrations' outcomes; empty for most frames. */
    public List<OutcomeMark> outcomeMarksOf(int frame) {
        long[] marks = outcomeMarks;
        if (marks.length == 0) {
            return List.of();
        }
        int i = Arrays.binarySearch(marks, (long) frame << 32);
        if (i < 0) {
            i = -i - 1;
        }
        List<OutcomeMark> l = null;
        for (; i < marks.length && (int) (marks[i] >>> 32) == frame; i++) {
            if (l == null) {
                l = new ArrayList<>(2);
            }
            l.add(new OutcomeMark(OutcomeRole.values()[(int) (marks[i] >>> 24) & 0xFF], (int) marks[i] & 0xFF_FFFF));
        }
        return l == null ? List.of() : l;
    }

    /**
     * The frames Wireshark marks with its "Duplicate IP address configured" warning
     * ({@code arp.duplicate-address-detected}), 0-based and ascending: a frame whose sender pair, or a reply's
     * target pair, names another MAC than the first one seen for the address.
     */
    public List<Integer> duplicateAddressFrames() {
        return duplicateAddressFrames;
    }

    /**
     * Wireshark's duplicate address reports on frame {@code frame} (0-based): none, or one or two, the sender
     * pair's first (see {@link DuplicateAddress}).
     */
    public List<DuplicateAddress> duplicateAddressesOf(int frame) {
        int lo = 0;
        int hi = duplicateAddresses.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (duplicateAddresses[mid].frame() < frame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < duplicateAddresses.length && duplicateAddresses[end].frame() == frame) {
            end++;
        }
        return lo == end ? List.of() : List.of(Arrays.copyOfRange(duplicateAddresses, lo, end));
    }

    /** This result, knowing the copies among the capture's frames (set once, by the analyzer, before it is shared). */
    AnalysisResult withCopies(DuplicateFrames found) {
        this.copies = found;
        return this;
    }

    /**
     * The first frame (0-based) of the group of frames that {@code frame} is a copy of: the same ARP, RARP or
     * neighbour discovery frame caught by another of the merged files at the same moment; -1 when it is no copy
     * (the first copy of a group is none). A copy answers for its class, burst and event with the first copy's and
     * is counted once, as the first.
     */
    public int copyOf(int frame) {
        return copies.originalOf(frame);
    }

    /** How many frames are copies of a frame another file caught ({@link #copyOf}). */
    public int copyCount() {
        return copies.copies.length;
    }

    public AnalysisConfig config() {
        return config;
    }

    /** Frames in the capture analysed. */
    public int frameCount() {
        return frameCount;
    }

    /** How many frames are ARP or RARP. */
    public int arpFrameCount() {
        return arpFrames.length - ndpFrameCount;
    }

    /** How many frames are IPv6 Neighbor Solicitations or Advertisements. */
    public int ndpFrameCount() {
        return ndpFrameCount;
    }

    /** How many frames of each class (NONE counts the frames that are not ARP-family). */
    public Map<FrameClass, Integer> classCounts() {
        // counted in plain ints by class code, then boxed once per class in the order they first appear
        int[] byCode = new int[256];
        byte[] order = new byte[256];
        int kinds = 0;
        for (byte c : classes) {
            if (byCode[c & 0xFF]++ == 0) {
                order[kinds++] = c;
            }
        }
        Map<FrameClass, Integer> counts = new EnumMap<>(FrameClass.class);
        counts.put(FrameClass.NONE, frameCount - arpFrames.length - copies.copies.length);
        for (int k = 0; k < kinds; k++) {
            counts.merge(FrameClass.ofCode(order[k]), byCode[order[k] & 0xFF], Integer::sum);
        }
        return counts;
    }

    public List<RarpBurst> bursts() {
        return bursts;
    }

    /** Migration events in order of their first frame. */
    public List<MigrationEvent> migrations() {
        return migrations;
    }

    /**
     * Why the capture holds no migration, in its own numbers, the one wording every command and view gives after
     * "no migration": "none of its 745 frames is a RARP notification or a gratuitous ARP", or "its 12 gratuitous
     * ARP frames announce no MAC in a new place: 4 hosts came up (host-came-up)". Empty when there are migrations.
     */
    public String noMigrationReason() {
        if (!migrations.isEmpty()) {
            return "";
        }
        Map<FrameClass, Integer> counts = classCounts();
        int rarp = counts.getOrDefault(FrameClass.RARP_REQUEST, 0);
        int garp = counts.getOrDefault(FrameClass.GARP_REQUEST, 0) + counts.getOrDefault(FrameClass.GARP_REPLY, 0);
        int na = counts.getOrDefault(FrameClass.NA_UNSOLICITED, 0)
                + counts.getOrDefault(FrameClass.NA_UNSOLICITED_NO_OVERRIDE, 0);
        boolean ndp = ndpFrameCount() > 0;
        if (rarp == 0 && garp == 0 && na == 0) {
            return String.format(java.util.Locale.ROOT, "none of its %,d frame%s is a RARP notification%s", frameCount,
                    frameCount == 1 ? "" : "s", ndp ? ", a gratuitous ARP or an unsolicited Neighbor Advertisement"
                            : " or a gratuitous ARP");
        }
        List<String> kinds = new ArrayList<>();
        if (rarp > 0) {
            kinds.add(String.format(java.util.Locale.ROOT, "%,d RARP", rarp));
        }
        if (garp > 0) {
            kinds.add(String.format(java.util.Locale.ROOT, "%,d gratuitous ARP", garp));
        }
        if (na > 0) {
            kinds.add(String.format(java.util.Locale.ROOT, "%,d unsolicited Neighbor Advertisement", na));
        }
        String listed = kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
        int total = rarp + garp + na;
        StringBuilder sb = new StringBuilder("its ").append(listed).append(total == 1 ? " frame announces" :
                " frames announce").append(" no MAC in a new place");
        long cameUp = findings.stream().filter(f -> f.code() == FindingCode.HOST_CAME_UP).count();
        if (cameUp > 0) {
            sb.append(String.format(java.util.Locale.ROOT, ": %,d host%s came up (host-came-up)", cameUp,
                    cameUp == 1 ? "" : "s"));
        }
        return sb.toString();
    }

    /** Findings, errors first, then by the first frame they name. */
    public List<Finding> findings() {
        return findings;
    }

    /** Interface names by interface id, as the capture named them. */
    public List<String> interfaceNames() {
        return interfaceNames;
    }

    /**
     * The ARP-family frames (not NDP) whose ARP sender MAC is {@code mac}, ascending (the timeline draws a moved MAC's
     * other ARP beside its RARP and GARP). Built once, on first use.
     */
    public synchronized int[] arpFramesFrom(long mac) {
        if (framesBySender == null) {
            Map<Long, List<Integer>> lists = new HashMap<>();
            for (int r = 0; r < arpFrames.length; r++) {
                if (senderMacs[r] >= 0) {
                    lists.computeIfAbsent(senderMacs[r], k -> new ArrayList<>()).add(arpFrames[r]);
                }
            }
            Map<Long, int[]> built = new HashMap<>();
            lists.forEach((k, v) -> built.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            framesBySender = built;
        }
        int[] frames = framesBySender.get(mac);
        return frames == null ? new int[0] : frames.clone();
    }

    private final long[] ndMacs;

    private static long[] ndMacs(ArpFrames arp) {
        long[] m = new long[arp.count];
        for (int r = 0; r < arp.count; r++) {
            m[r] = arp.isNdp(r) ? arp.ndMac(r) : -1;
        }
        return m;
    }

    private Map<Long, int[]> nasByMac;

    /**
     * The unsolicited Neighbor Advertisements (with Override or without) for {@code mac}, 0-based and ascending:
     * the timeline marks them on the MAC's lane. Built once, on first use.
     */
    public synchronized int[] unsolicitedNasOf(long mac) {
        if (ndMacs == null) {
            return new int[0];
        }
        if (nasByMac == null) {
            Map<Long, List<Integer>> lists = new HashMap<>();
            for (int r = 0; r < ndMacs.length; r++) {
                if (ndMacs[r] >= 0 && FrameClass.ofCode(classes[r]).isUnsolicitedNa()) {
                    lists.computeIfAbsent(ndMacs[r], k -> new ArrayList<>()).add(arpFrames[r]);
                }
            }
            Map<Long, int[]> built = new HashMap<>();
            lists.forEach((k, v) -> built.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            nasByMac = built;
        }
        int[] frames = nasByMac.get(mac);
        return frames == null ? new int[0] : frames.clone();
    }

    /** The class of frame {@code frame} (0-based). */
    public FrameClass classOf(int frame) {
        int r = row(frame);
        return r < 0 ? FrameClass.NONE : FrameClass.ofCode(classes[r]);
    }

    /** The id of the RARP burst the frame belongs to, or -1. */
    public int burstOf(int frame) {
        int r = row(frame);
        return r < 0 ? -1 : burstOfRow[r];
    }

    /** The id of the migration event the frame belongs to, or -1. */
    public int migrationOf(int frame) {
        int r = row(frame);
        return r < 0 ? -1 : eventOfRow[r];
    }

    /** The findings that name the frame, in {@link #findings()} order; empty for most frames. */
    public List<Finding> findingsOf(int frame) {
        FindingIndex index = findingIndex;
        if (index == null) {
            // several threads may make it at once: each makes the same, and one is kept
            index = FindingIndex.of(findings);
            findingIndex = index;
        }
        int[] namedFrames = index.frames();
        int[] namingFindings = index.findings();
        int i = Arrays.binarySearch(namedFrames, frame);
        if (i < 0) {
            return List.of();
        }
        while (i > 0 && namedFrames[i - 1] == frame) {
            i--;
        }
        List<Finding> l = new ArrayList<>(2);
        for (; i < namedFrames.length && namedFrames[i] == frame; i++) {
            l.add(findings.get(namingFindings[i]));
        }
        return l;
    }

    /** The codes of {@link #findingsOf}, without repeats. */
    public List<FindingCode> findingCodesOf(int frame) {
        List<FindingCode> codes = new ArrayList<>(2);
        for (Finding f : findingsOf(frame)) {
            if (!codes.contains(f.code())) {
                codes.add(f.code());
            }
        }
        return codes;
    }

    private int row(int frame) {
        int r = Arrays.binarySearch(arpFrames, frame);
        if (r < 0 && !copies.isEmpty()) {
            int original = copies.originalOf(frame);
            r = original < 0 ? -1 : Arrays.binarySearch(arpFrames, original);
        }
        return r < 0 ? -1 : r;
    }
}
