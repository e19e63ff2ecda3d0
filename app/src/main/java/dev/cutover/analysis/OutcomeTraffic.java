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
        echoesByAddress = sortedUnsigned(echoes, n);
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
        streamsByAddress = sortedUnsigned(ends, m);
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

    /** Sorts the first {@code n} by their address (the high 32 bits) as unsigned, then by the low bits. */
    private static long[] sortedUnsigned(long[] a, int n) {
        long[] out = Arrays.copyOf(a, n);
        for (int i = 0; i < n; i++) {
            out[i] ^= Long.MIN_VALUE; // signed order of the flipped value is the unsigned order of the address
        }
        Arrays.sort(out);
        return out;
    }

    /** The range [from, to) of {@code sorted} whose address is {@code address}. */
    private static int[] range(long[] sorted, int address) {
        long lo = (((long) address << 32)) ^ Long.MIN_VALUE;
        long hi = (((long) address << 32) | 0xFFFF_FFFFL) ^ Long.MIN_VALUE;
        int a = Arrays.binarySearch(sorted, lo);
        a = a < 0 ? -a - 1 : a;
        int b = Arrays.binarySearch(sorted, hi);
        b = b < 0 ? -b - 1 : b + 1;
        return new int[] {a, b};
    }

    /**
     * The echo requests sent to or from {@code ips} in frames [lo, hi): how many, answered and lost, the most lost
     * in a row, and the longest time between two answered requests (how long the ping stopped; when the requests
     * go unanswered to the window's end, from the last answered one to the last request); the lost requests'
     * frames. Null when there was no such request.
     */
    EchoMeasure echo(List<Long> ips, int lo, int hi) {
        int[] frames = new int[16];
        int n = 0;
        for (long ip : ips) {
            int[] r = range(echoesByAddress, (int) ip);
            for (int i = r[0]; i < r[1]; i++) {
                int frame = facts.echoFrame((int) echoesByAddress[i]);
                if (frame < lo || frame >= hi) {
                    continue;
                }
                if (n == frames.length) {
                    frames = Arrays.copyOf(frames, n * 2);
                }
                frames[n++] = frame;
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(frames, 0, n);
        int sent = 0;
        int lost = 0;
        int run = 0;
        int longestRun = 0;
        long lastAnswered = Long.MIN_VALUE;
        long lostSince = Long.MIN_VALUE; // the first request lost since the last answered one
        long lastLost = Long.MIN_VALUE;
        long longestGap = 0;
        int[] lostFrames = new int[8];
        for (int i = 0; i < n; i++) {
            int frame = frames[i];
            if (i > 0 && frame == frames[i - 1]) {
                continue; // a request between two of the VM's own addresses, met by both
            }
            sent++;
            long t = index.timestampNanos(frame);
            if (facts.noResponse(frame)) {
                lost++;
                if (lost <= MAX_NAMED) {
                    if (lost > lostFrames.length) {
                        lostFrames = Arrays.copyOf(lostFrames, lostFrames.length * 2);
                    }
                    lostFrames[lost - 1] = frame;
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
            // lost to the end of the window: at least from the last answer to the last request
            longestGap = Math.max(longestGap, lastLost - (lastAnswered != Long.MIN_VALUE ? lastAnswered : lostSince));
        }
        return new EchoMeasure(new MigrationOutcome.Echo(sent, sent - lost, lost, longestGap, longestRun),
                Arrays.copyOf(lostFrames, Math.min(lost, MAX_NAMED)));
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
        int[] done = new int[4];
        int doneCount = 0;
        for (long ip : ips) {
            int[] r = range(streamsByAddress, (int) ip);
            streams:
            for (int i = r[0]; i < r[1]; i++) {
                int s = (int) streamsByAddress[i];
                for (int d = 0; d < doneCount; d++) {
                    if (done[d] == s) {
                        continue streams; // both ends are the VM's addresses
                    }
                }
                if (doneCount == done.length) {
                    done = Arrays.copyOf(done, doneCount * 2);
                }
                done[doneCount++] = s;
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
