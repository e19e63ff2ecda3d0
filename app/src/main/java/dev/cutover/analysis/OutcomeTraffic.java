package dev.cutover.analysis;

import dev.cutover.analysis.traffic.TrafficFacts;
import dev.cutover.capture.FrameIndex;

import java.util.Arrays;
import java.util.List;

/**
 * The continuous ping and the TCP flows of a moved VM around its move, read from the cross-frame facts of ICMP
 * echo and TCP ({@link TrafficFacts}: the very facts {@code icmp.no_resp} and {@code tcp.analysis.retransmission}
 * show), over the frames of the migration's outcome window. Built once over the facts: each address's echo
 * requests and TCP streams, and each stream's segments, in frame order, so a migration costs what its VM's own
 * echo and TCP frames in its window cost, not the window's size (a maintenance window's capture holds tens of
 * thousands of migrations whose windows overlap).
 */
final class OutcomeTraffic {
    private final TrafficFacts facts;
    private final FrameIndex index;
    /** (address << 32) | k for each echo request k, by its source and by its destination, ascending. */
    private final long[] echoesByAddress;
    /** (address << 32) | stream for each IPv4 stream, by each of its two ends, ascending. */
    private final long[] streamsByAddress;
    /** Stream s's segments are segments[segmentStart[s] .. segmentStart[s + 1]), ascending. */
    private final int[] segmentStart;
    private final int[] segments;
    /** The positions in {@link #segments} of the retransmissions, ascending. */
    private final int[] retransmittedAt;
    /** The largest {@link #gap} in each block of {@link #BLOCK} positions of {@link #segments}. */
    private final long[] blockGap;
    private static final int BLOCK = 128;
    /** At most this many frames of each migration are named as lost pings or retransmissions (counts are whole). */
    static final int MAX_NAMED = 256;

    OutcomeTraffic(TrafficFacts facts, FrameIndex index) {
        this.facts = facts;
        this.index = index;
        int requests = 0;
        for (int k = 0; k < facts.echoCount(); k++) {
            if (facts.isEchoRequest(facts.echoFrame(k))) {
                requests++;
            }
        }
        long[] echoes = new long[2 * requests];
        int n = 0;
        for (int k = 0; k < facts.echoCount(); k++) {
            if (!facts.isEchoRequest(facts.echoFrame(k))) {
                continue;
            }
            int src = facts.echoSource(k);
            int dst = facts.echoDestination(k);
            echoes[n++] = ((long) src << 32) | k;
            if (dst != src) {
                echoes[n++] = ((long) dst << 32) | k;
            }
        }
        echoesByAddress = LongPairTable.sorted(echoes, n);
        int streams = facts.streamCount();
        long[] ends = new long[2 * streams];
        int m = 0;
        for (int s = 0; s < streams; s++) {
            long pair = facts.streamEnds(s);
            if (pair == -1) {
                continue;
            }
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            ends[m++] = ((long) a << 32) | s;
            if (b != a) {
                ends[m++] = ((long) b << 32) | s;
            }
        }
        streamsByAddress = LongPairTable.sorted(ends, m);
        segmentStart = new int[streams + 1];
        for (int f = facts.from(); f < facts.to(); f++) {
            int s = facts.streamOf(f);
            if (s >= 0) {
                segmentStart[s + 1]++;
            }
        }
        for (int s = 0; s < streams; s++) {
            segmentStart[s + 1] += segmentStart[s];
        }
        segments = new int[segmentStart[streams]];
        int[] at = Arrays.copyOf(segmentStart, streams);
        for (int f = facts.from(); f < facts.to(); f++) {
            int s = facts.streamOf(f);
            if (s >= 0) {
                segments[at[s]++] = f;
            }
        }
        int total = segments.length;
        int blocks = (total + BLOCK - 1) / BLOCK;
        blockGap = new long[blocks];
        int again = 0;
        for (int k = 0; k < total; k++) {
            blockGap[k / BLOCK] = Math.max(blockGap[k / BLOCK], gap(k));
            if (facts.isRetransmission(segments[k])) {
                again++;
            }
        }
        retransmittedAt = new int[again];
        for (int k = 0, j = 0; k < total; k++) {
            if (facts.isRetransmission(segments[k])) {
                retransmittedAt[j++] = k;
            }
        }
    }

    /** The time since the segment before at position {@code k} of the same stream; 0 for a stream's first. */
    private long gap(int k) {
        int s = facts.streamOf(segments[k]);
        return k == segmentStart[s] ? 0 : index.timestampNanos(segments[k]) - index.timestampNanos(segments[k - 1]);
    }

    /** Retransmissions at positions [a, b). */
    private int retransmissions(int a, int b) {
        int i = Arrays.binarySearch(retransmittedAt, a);
        int j = Arrays.binarySearch(retransmittedAt, b);
        return (j < 0 ? -j - 1 : j) - (i < 0 ? -i - 1 : i);
    }

    /** The largest gap at positions [a, b). */
    private long largestGap(int a, int b) {
        long max = 0;
        int k = a;
        while (k < b && k % BLOCK != 0) {
            max = Math.max(max, gap(k++));
        }
        while (k + BLOCK <= b) {
            max = Math.max(max, blockGap[k / BLOCK]);
            k += BLOCK;
        }
        while (k < b) {
            max = Math.max(max, gap(k++));
        }
        return max;
    }

    /** The range [from, to) of {@code sorted} ((address << 32) | index, ascending) whose address is {@code address}. */
    private static int[] range(long[] sorted, int address) {
        long first = (long) address << 32;
        return new int[] {LongPairTable.lowerBound(sorted, sorted.length, first),
            LongPairTable.lowerBound(sorted, sorted.length, first | 0xFFFF_FFFFL)};
    }

    /** How long a request may wait for its reply: one later than this before the facts end is not judged lost. */
    static final long REPLY_TIMEOUT_NANOS = 1_000_000_000L;

    /**
     * The echo requests sent to or from {@code ips} in frames [lo, hi), each ping (the VM's address and the other
     * end) on its own and only those a reply answered at least once (a request to an address that never answers
     * is no continuous ping to the VM): how many, answered and lost, the most lost in a row, and the longest time
     * between two answered requests of one ping (how long it stopped; when its requests go unanswered to the
     * window's end, from the last answered one to the last request); the lost requests' frames. A request sent
     * within {@link #REPLY_TIMEOUT_NANOS} of the end of the facts (the window's end plus that much, or the
     * capture's) is left out: its reply may simply not be in them. Null when there was no such ping.
     */
    EchoMeasure echo(List<Long> ips, int lo, int hi) {
        long[] pings = new long[16]; // (other end << 32) | frame
        int n = 0;
        for (long vm : ips) {
            int[] r = range(echoesByAddress, (int) vm);
            for (int i = r[0]; i < r[1]; i++) {
                int k = (int) echoesByAddress[i];
                int frame = facts.echoFrame(k);
                if (frame < lo || frame >= hi) {
                    continue;
                }
                int other = facts.echoSource(k) == (int) vm ? facts.echoDestination(k) : facts.echoSource(k);
                if (n == pings.length) {
                    pings = Arrays.copyOf(pings, n * 2);
                }
                pings[n++] = ((long) other << 32) | frame;
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(pings, 0, n);
        long end = facts.to() > facts.from() ? index.timestampNanos(facts.to() - 1) : Long.MIN_VALUE;
        int sent = 0;
        int lost = 0;
        int longestRun = 0;
        long longestGap = 0;
        int[] lostFrames = new int[8];
        int named = 0;
        for (int a = 0; a < n; ) {
            int b = a;
            boolean answeredOnce = false;
            while (b < n && (pings[b] >>> 32) == (pings[a] >>> 32)) {
                answeredOnce |= !facts.noResponse((int) pings[b]);
                b++;
            }
            if (answeredOnce) {
                int run = 0;
                long lastAnswered = Long.MIN_VALUE;
                long lostSince = Long.MIN_VALUE; // the first request lost since the last answered one
                long lastLost = Long.MIN_VALUE;
                int previous = -1;
                for (int i = a; i < b; i++) {
                    int frame = (int) pings[i];
                    if (frame == previous) {
                        continue; // a request between two of the VM's own addresses, met by both
                    }
                    previous = frame;
                    long t = index.timestampNanos(frame);
                    boolean unanswered = facts.noResponse(frame);
                    if (unanswered && t > end - REPLY_TIMEOUT_NANOS) {
                        continue;
                    }
                    sent++;
                    if (unanswered) {
                        lost++;
                        if (named < MAX_NAMED) {
                            if (named == lostFrames.length) {
                                lostFrames = Arrays.copyOf(lostFrames, named * 2);
                            }
                            lostFrames[named++] = frame;
                        }
                        longestRun = Math.max(longestRun, ++run);
                        if (lostSince == Long.MIN_VALUE) {
                            lostSince = t;
                        }
                        lastLost = t;
                    } else {
                        run = 0;
                        long from = lastAnswered != Long.MIN_VALUE ? lastAnswered : lostSince;
                        if (from != Long.MIN_VALUE) {
                            longestGap = Math.max(longestGap, t - from);
                        }
                        lastAnswered = t;
                        lostSince = Long.MIN_VALUE;
                    }
                }
                if (lostSince != Long.MIN_VALUE) {
                    // lost to the end: at least from the last answer to the last request
                    longestGap = Math.max(longestGap,
                            lastLost - (lastAnswered != Long.MIN_VALUE ? lastAnswered : lostSince));
                }
            }
            a = b;
        }
        if (sent == 0) {
            return null;
        }
        int[] frames = Arrays.copyOf(lostFrames, named);
        Arrays.sort(frames);
        return new EchoMeasure(new MigrationOutcome.Echo(sent, sent - lost, lost, longestGap, longestRun), frames);
    }

    /**
     * The TCP segments of the streams with an end in {@code ips} in frames [lo, hi): retransmissions (fast and
     * spurious ones included) and the longest time one of those streams went without a segment there; the
     * retransmissions' frames (the first {@link #MAX_NAMED}, at most). Null when no such stream has a
     * segment there. Each stream costs two binary searches and the blocks of its window, whatever its length.
     */
    TcpMeasure tcp(List<Long> ips, int lo, int hi) {
        int segmentsSeen = 0;
        int retransmissions = 0;
        int named = 0;
        long longest = 0;
        int[] again = new int[8];
        for (int p = 0; p < ips.size(); p++) {
            int ip = (int) (long) ips.get(p);
            int[] r = range(streamsByAddress, ip);
            streams:
            for (int i = r[0]; i < r[1]; i++) {
                int s = (int) streamsByAddress[i];
                long ends = facts.streamEnds(s);
                int other = (int) (ends >>> 32) == ip ? (int) ends : (int) (ends >>> 32);
                for (int q = 0; q < p; q++) {
                    if ((int) (long) ips.get(q) == other) {
                        continue streams; // a stream between two of the VM's addresses, met at the first
                    }
                }
                int a = Arrays.binarySearch(segments, segmentStart[s], segmentStart[s + 1], lo);
                a = a < 0 ? -a - 1 : a;
                int b = Arrays.binarySearch(segments, a, segmentStart[s + 1], hi);
                b = b < 0 ? -b - 1 : b;
                if (b <= a) {
                    continue;
                }
                segmentsSeen += b - a;
                // the gaps inside the window: the first segment's gap reaches back before it
                longest = Math.max(longest, largestGap(a + 1, b));
                retransmissions += retransmissions(a, b);
                int j = Arrays.binarySearch(retransmittedAt, a);
                for (j = j < 0 ? -j - 1 : j; j < retransmittedAt.length && retransmittedAt[j] < b
                        && named < MAX_NAMED; j++) {
                    if (named == again.length) {
                        again = Arrays.copyOf(again, named * 2);
                    }
                    again[named++] = segments[retransmittedAt[j]];
                }
            }
        }
        if (segmentsSeen == 0) {
            return null;
        }
        int[] frames = Arrays.copyOf(again, named);
        Arrays.sort(frames);
        return new TcpMeasure(new MigrationOutcome.Tcp(retransmissions, longest), frames);
    }

    /** The echo part of an outcome and the frames of the requests nobody answered. */
    record EchoMeasure(MigrationOutcome.Echo echo, int[] lostFrames) {
    }

    /** The TCP part of an outcome and the frames of the retransmissions. */
    record TcpMeasure(MigrationOutcome.Tcp tcp, int[] retransmissionFrames) {
    }
}
