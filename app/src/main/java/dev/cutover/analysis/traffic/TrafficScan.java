package dev.cutover.analysis.traffic;

import dev.cutover.analysis.LinkPeek;
import dev.cutover.analysis.LongPairTable;

import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameIndex;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.proto.EtherTypes;

import java.io.IOException;
import java.util.Arrays;

/**
 * The one pass behind {@link TrafficFacts}: reads the link layer (Ethernet, Linux SLL, 802.1Q/ad/ah tags), IPv4 or
 * IPv6 and the first bytes of ICMP or TCP of each frame in place, and follows packet-icmp.c's echo transactions
 * and packet-tcp.c's conversations and {@code tcp_analyze_sequence_number} as tshark 4.0 does with {@code -2}.
 * Frames inside tunnels, IP fragments and IPv6 packets with extension headers are not looked at.
 */
final class TrafficScan {
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_TCP = 6;
    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;
    private static final byte KEEP_ALIVE = 1;
    private static final byte ZERO_WINDOW_PROBE = 2;
    private static final long FAST_RETRANSMISSION_WINDOW_NANOS = 20_000_000L;
    private static final long OUT_OF_ORDER_NANOS = 3_000_000L;

    private final Capture capture;
    private final FrameIndex index;
    private final int from;
    private final int to;
    private final LoadMonitor monitor;

    private final byte[] flags;
    private final int[] other;

    // ICMP echo: (address pair, checksum key and ident/seq) -> the last request with that key
    private final LongPairTable requests = new LongPairTable();
    private int[] echoFrames = new int[64];
    private long[] echoAddresses = new long[64];
    private int echoCount;

    // TCP: (ends, ports) -> conversation, which is also its stream index; IPv6 addresses numbered
    private final LongPairTable conversations = new LongPairTable();
    private final LongPairTable v6Addresses = new LongPairTable();
    private int streams;
    private long[] streamAddresses = new long[64];
    private long[] mruSyn = new long[64];
    private long[] firstRtt = new long[64];
    // per direction of a conversation: index 2 * conversation + direction
    private boolean[] baseSet = new boolean[128];
    private int[] baseSeq = new int[128];
    private int[] nextSeq = new int[128];
    private long[] nextSeqTime = new long[128];
    private int[] maxSeqToBeAcked = new int[128];
    private int[] lastAck = new int[128];
    private long[] lastAckTime = new long[128];
    private int[] dupAcks = new int[128];
    private int[] window = new int[128];
    private byte[] lastSegmentFlags = new byte[128];

    // several merged files: an IPv4 packet another file caught within COPY_NANOS is one packet on the wire, and
    // only its first copy is paired and analysed (a ping crossing both hosts' uplinks would else lose a request
    // and a TCP segment look sent again). Direct-mapped by a hash of the packet's identity.
    private static final long COPY_NANOS = 5_000_000L;
    private static final int COPY_SLOTS = 1 << 12;
    private final boolean severalFiles;
    private final long[] copyKey = new long[COPY_SLOTS];
    private final long[] copyTime = new long[COPY_SLOTS];
    private final int[] copySource = new int[COPY_SLOTS];

    private final java.util.function.IntPredicate include;

    TrafficScan(Capture capture, int from, int to, java.util.function.IntPredicate include, LoadMonitor monitor) {
        this.capture = capture;
        this.include = include;
        this.severalFiles = capture.sources().size() > 1;
        this.index = capture.index();
        this.from = from;
        this.to = to;
        this.monitor = monitor;
        int n = to - from;
        this.flags = new byte[n];
        this.other = new int[n];
    }

    TrafficFacts run() throws IOException {
        SequentialFrames frames = new SequentialFrames(capture, monitor);
        for (int i = from; i < to; i++) {
            other[i - from] = -1;
            if (include != null && !include.test(i)) {
                continue;
            }
            int length = frames.moveTo(i);
            frame(frames, capture.interfaceOf(i).linkType(), length, i);
        }
        return new TrafficFacts(from, to, flags, other, streams, Arrays.copyOf(streamAddresses, streams), Arrays.copyOf(echoFrames, echoCount),
                Arrays.copyOf(echoAddresses, echoCount));
    }

    /** Walks the link layer to IPv4 or IPv6 and hands the packet on; anything else is passed over. */
    private void frame(SequentialFrames f, int linkType, int length, int frame) {
        long network = LinkPeek.networkLayer(f, linkType, length);
        if (network < 0) {
            return;
        }
        int type = (int) (network >>> 32);
        int o = (int) network;
        if (type == EtherTypes.IPV4) {
            ipv4(f, o, length, frame);
        } else if (type == EtherTypes.IPV6) {
            ipv6(f, o, length, frame);
        }
    }

    private void ipv4(SequentialFrames f, int o, int length, int frame) {
        if (o + 20 > length || (f.u8(o) >>> 4) != 4) {
            return;
        }
        int headerLength = (f.u8(o) & 0x0f) * 4;
        int total = f.u16(o + 2);
        if (headerLength < 20 || total < headerLength || o + headerLength > length) {
            return;
        }
        if ((f.u16(o + 6) & 0x3fff) != 0) {
            return; // a fragment: tshark reassembles it, and decodes ICMP or TCP in the last one only
        }
        int proto = f.u8(o + 9);
        int src = u32(f, o + 12);
        int dst = u32(f, o + 16);
        int p = o + headerLength;
        int payload = total - headerLength;
        if (severalFiles && (proto == PROTO_ICMP || proto == PROTO_TCP) && p + 8 <= length
                && copyOfAnother(frame, src, dst, f.u16(o + 4), proto, u32(f, p), u32(f, p + 4))) {
            return;
        }
        if (proto == PROTO_ICMP) {
            icmp(f, p, length, payload, src, dst, frame);
        } else if (proto == PROTO_TCP) {
            tcp(f, p, length, payload, src, dst, false, frame);
        }
    }

    /**
     * Whether the IPv4 packet of {@code frame} (its addresses, identification, protocol and first eight bytes of
     * ICMP or TCP) is one another file caught within {@link #COPY_NANOS}; else it is remembered as seen.
     */
    private boolean copyOfAnother(int frame, int src, int dst, int id, int proto, int head, int next) {
        long key = ((long) src * 0x9E3779B97F4A7C15L) ^ ((long) dst * 0xC2B2AE3D27D4EB4FL)
                ^ ((((long) id << 8) | proto) * 0x165667B19E3779F9L) ^ ((long) head * 0x27D4EB2F165667C5L)
                ^ ((next & 0xFFFF_FFFFL) << 7);
        key |= 1; // never 0, the empty slot's
        int slot = (int) (key ^ (key >>> 29)) & (COPY_SLOTS - 1);
        long t = index.timestampNanos(frame);
        int source = capture.sourceOf(frame);
        if (copyKey[slot] == key && copySource[slot] != source && Math.abs(t - copyTime[slot]) <= COPY_NANOS) {
            return true;
        }
        copyKey[slot] = key;
        copyTime[slot] = t;
        copySource[slot] = source;
        return false;
    }

    private void ipv6(SequentialFrames f, int o, int length, int frame) {
        if (o + 40 > length || (f.u8(o) >>> 4) != 6 || f.u8(o + 6) != PROTO_TCP) {
            return;
        }
        int src = v6Address(f, o + 8);
        int dst = v6Address(f, o + 24);
        tcp(f, o + 40, length, f.u16(o + 4), src, dst, true, frame);
    }

    /** A small number standing for the IPv6 address at {@code o}, the same for the same address. */
    private int v6Address(SequentialFrames f, int o) {
        long hi = ((long) u32(f, o) << 32) | (u32(f, o + 4) & 0xFFFF_FFFFL);
        long lo = ((long) u32(f, o + 8) << 32) | (u32(f, o + 12) & 0xFFFF_FFFFL);
        int id = v6Addresses.get(hi, lo) - 1; // values are kept one up: 0 is the table's absent
        if (id < 0) {
            id = v6Addresses.size();
            v6Addresses.put(hi, lo, id + 1);
        }
        return id;
    }

    // ---- ICMP echo (packet-icmp.c, transaction_start / transaction_end) ----

    private void icmp(SequentialFrames f, int p, int length, int payload, int src, int dst, int frame) {
        if (payload < 8 || p + 8 > length) {
            return;
        }
        int type = f.u8(p);
        if (type != 0 && type != 8) {
            return;
        }
        int checksum = f.u16(p + 2);
        long identSeq = u32(f, p + 4) & 0xFFFF_FFFFL;
        long pair = unorderedPair(src, dst);
        int at = frame - from;
        addEcho(frame, ((long) src << 32) | (dst & 0xFFFF_FFFFL));
        if (type == 8) {
            // the reply's checksum: this one's with the type's 0x0800 taken out, as packet-icmp.c keys them
            int sum = (~checksum & 0xffff) + (~0x0800 & 0xffff);
            sum = (sum & 0xffff) + (sum >>> 16);
            sum = (sum & 0xffff) + (sum >>> 16);
            int key = ~sum & 0xffff;
            if (key == 0) {
                key = 0xffff; // packet-icmp.c's zero: a reply's checksum field is never 0 for it
            }
            flags[at] |= TrafficFacts.ECHO_REQUEST;
            // a later request with the same key takes the place of an earlier one, which stays unanswered
            requests.put(pair, ((long) key << 32) | identSeq, frame + 1);
        } else {
            flags[at] |= TrafficFacts.ECHO_REPLY;
            int request = requests.get(pair, ((long) checksum << 32) | identSeq) - 1;
            // only the first reply to a request is paired; a request before the range is not known
            if (request >= 0 && other[request - from] < 0) {
                other[request - from] = frame;
                other[at] = request;
            }
        }
    }

    private void addEcho(int frame, long addresses) {
        if (echoCount == echoFrames.length) {
            echoFrames = Arrays.copyOf(echoFrames, echoCount * 2);
            echoAddresses = Arrays.copyOf(echoAddresses, echoCount * 2);
        }
        echoFrames[echoCount] = frame;
        echoAddresses[echoCount++] = addresses;
    }

    // ---- TCP (packet-tcp.c: conversations, tcp_analyze_sequence_number) ----

    private void tcp(SequentialFrames f, int p, int length, int payload, int src, int dst, boolean v6, int frame) {
        if (p + 20 > length || payload < 20) {
            return;
        }
        int headerLength = (f.u8(p + 12) >>> 4) * 4;
        if (headerLength < 20 || headerLength > payload) {
            return; // tshark's "bogus TCP header length": no analysis
        }
        int sport = f.u16(p);
        int dport = f.u16(p + 2);
        int seq = u32(f, p + 4);
        int ack = u32(f, p + 8);
        int tcpFlags = f.u16(p + 12) & 0x0fff;
        int win = f.u16(p + 14);
        int seglen = payload - headerLength;
        long t = index.timestampNanos(frame);

        long a = ((src & 0xFFFF_FFFFL) << 16) | sport;
        long b = ((dst & 0xFFFF_FFFFL) << 16) | dport;
        int direction = Long.compareUnsigned(a, b) <= 0 ? 0 : 1;
        long lo = direction == 0 ? a : b;
        long hi = direction == 0 ? b : a;
        long k1 = (lo << 16) | (hi >>> 32);
        long k2 = (hi << 32) | (v6 ? 1 : 0);
        int c = conversations.get(k1, k2) - 1;
        if (c < 0) {
            c = newConversation(k1, k2, v6 ? -1 : unorderedPair(src, dst));
        } else {
            int fwd = 2 * c + direction;
            if ((tcpFlags & (SYN | ACK)) == SYN && baseSet[fwd] && seq != baseSeq[fwd]) {
                // a new connection on the same ports: a new stream
                c = newConversation(k1, k2, v6 ? -1 : unorderedPair(src, dst));
            }
        }
        int at = frame - from;
        flags[at] |= TrafficFacts.TCP;
        other[at] = c;

        if ((tcpFlags & (SYN | ACK)) == SYN) {
            mruSyn[c] = t;
        }
        if ((tcpFlags & (SYN | ACK)) == ACK && mruSyn[c] != Long.MIN_VALUE && firstRtt[c] == 0) {
            firstRtt[c] = t - mruSyn[c];
        }
        flags[at] |= analyze(2 * c + direction, 2 * c + 1 - direction, c, seq, ack, seglen, tcpFlags, win, t);
    }

    private int newConversation(long k1, long k2, long addresses) {
        int c = streams++;
        conversations.put(k1, k2, c + 1);
        if (c == streamAddresses.length) {
            int n = c * 2;
            streamAddresses = Arrays.copyOf(streamAddresses, n);
            mruSyn = Arrays.copyOf(mruSyn, n);
            firstRtt = Arrays.copyOf(firstRtt, n);
            baseSet = Arrays.copyOf(baseSet, 2 * n);
            baseSeq = Arrays.copyOf(baseSeq, 2 * n);
            nextSeq = Arrays.copyOf(nextSeq, 2 * n);
            nextSeqTime = Arrays.copyOf(nextSeqTime, 2 * n);
            maxSeqToBeAcked = Arrays.copyOf(maxSeqToBeAcked, 2 * n);
            lastAck = Arrays.copyOf(lastAck, 2 * n);
            lastAckTime = Arrays.copyOf(lastAckTime, 2 * n);
            dupAcks = Arrays.copyOf(dupAcks, 2 * n);
            window = Arrays.copyOf(window, 2 * n);
            lastSegmentFlags = Arrays.copyOf(lastSegmentFlags, 2 * n);
        }
        streamAddresses[c] = addresses;
        mruSyn[c] = Long.MIN_VALUE;
        return c;
    }

    /** tcp_analyze_sequence_number for one segment: the retransmission flags it earns, and the state it leaves. */
    private byte analyze(int fwd, int rev, int c, int seq, int ack, int seglen, int tcpFlags, int win, long t) {
        boolean keepAlive = false;
        boolean zeroWindowProbe = false;
        byte result = 0;
        if (!baseSet[fwd]) {
            baseSeq[fwd] = (tcpFlags & SYN) != 0 ? seq : seq - 1;
            baseSet[fwd] = true;
        }
        if (!baseSet[rev] && (tcpFlags & ACK) != 0) {
            baseSeq[rev] = ack - 1;
            baseSet[rev] = true;
        }
        boolean noSynFinRst = (tcpFlags & (SYN | FIN | RST)) == 0;
        if (seglen == 1 && seq == nextSeq[fwd] && window[rev] == 0) {
            zeroWindowProbe = true;
        } else {
            if ((seglen == 0 || seglen == 1) && seq == nextSeq[fwd] - 1 && noSynFinRst) {
                keepAlive = true;
            }
            boolean repeats = seglen == 0 && seq == nextSeq[fwd] && ack == lastAck[fwd] && noSynFinRst
                    && win == window[fwd];
            boolean keepAliveAck = repeats && win != 0 && (lastSegmentFlags[rev] & KEEP_ALIVE) != 0;
            boolean probeAck = repeats && win == 0 && (lastSegmentFlags[rev] & ZERO_WINDOW_PROBE) != 0;
            if (!keepAliveAck && !probeAck && repeats && win != 0) {
                dupAcks[fwd] = dupAcks[fwd] == -1 ? 1 : dupAcks[fwd] + 1;
            }
        }
        if (ack != lastAck[fwd]) {
            dupAcks[fwd] = 0;
        }
        if (maxSeqToBeAcked[rev] != 0 && greater(ack, maxSeqToBeAcked[rev]) && (tcpFlags & ACK) != 0) {
            if (Integer.compareUnsigned(maxSeqToBeAcked[rev], nextSeq[rev]) > 0) {
                maxSeqToBeAcked[rev] = nextSeq[rev];
            } else {
                dupAcks[rev] = -1;
            }
        }
        if ((seglen > 0 || (tcpFlags & (SYN | FIN)) != 0) && !keepAlive) {
            result = retransmission(fwd, rev, c, seq, seglen, tcpFlags, t);
        }
        int next = seq + seglen + ((tcpFlags & (SYN | FIN)) != 0 ? 1 : 0);
        // a reset's sequence number may be anything (an answer to an unseen segment): tshark 4.0 does not take it
        // as the next one expected
        boolean bareReset = (tcpFlags & RST) != 0 && seglen == 0;
        if ((greater(next, nextSeq[fwd]) || nextSeq[fwd] == 0) && !zeroWindowProbe && !bareReset) {
            nextSeq[fwd] = next;
            nextSeqTime[fwd] = t;
        }
        if ((seq == maxSeqToBeAcked[fwd] || maxSeqToBeAcked[fwd] == 0) && !zeroWindowProbe) {
            maxSeqToBeAcked[fwd] = nextSeq[fwd];
        }
        window[fwd] = win;
        lastAck[fwd] = ack;
        lastAckTime[fwd] = t;
        lastSegmentFlags[fwd] = (byte) ((keepAlive ? KEEP_ALIVE : 0) | (zeroWindowProbe ? ZERO_WINDOW_PROBE : 0));
        return result;
    }

    /** The retransmission, fast retransmission or out-of-order (no flag) verdict on a segment that carries data. */
    private byte retransmission(int fwd, int rev, int c, int seq, int seglen, int tcpFlags, long t) {
        boolean notAdvanced = nextSeq[fwd] != 0 && less(seq, nextSeq[fwd]);
        if (seglen > 1 && nextSeq[fwd] - 1 == seq) {
            // new data after what may have been a zero window probe
            notAdvanced = false;
        }
        if (seglen > 0 && lastAck[rev] != 0 && !greater(seq + seglen, lastAck[rev])) {
            return TrafficFacts.SPURIOUS_RETRANSMISSION;
        }
        long sinceAck = t - lastAckTime[rev];
        if (notAdvanced && dupAcks[rev] >= 2 && lastAck[rev] == seq && sinceAck >= 0
                && sinceAck < FAST_RETRANSMISSION_WINDOW_NANOS) {
            return TrafficFacts.FAST_RETRANSMISSION;
        }
        long sinceNext = t - nextSeqTime[fwd];
        long threshold = firstRtt[c] == 0 ? OUT_OF_ORDER_NANOS : firstRtt[c];
        if (notAdvanced && sinceNext >= 0 && sinceNext < threshold
                && nextSeq[fwd] != seq + seglen + ((tcpFlags & (SYN | FIN)) != 0 ? 1 : 0)) {
            return 0; // out of order
        }
        return notAdvanced ? TrafficFacts.RETRANSMISSION : 0;
    }

    private static boolean less(int a, int b) {
        return a - b < 0;
    }

    private static boolean greater(int a, int b) {
        return a - b > 0;
    }

    private static long unorderedPair(int x, int y) {
        long a = x & 0xFFFF_FFFFL;
        long b = y & 0xFFFF_FFFFL;
        return a <= b ? (a << 32) | b : (b << 32) | a;
    }

    private static int u32(SequentialFrames f, int o) {
        return (f.u16(o) << 16) | f.u16(o + 2);
    }
}
