package dev.cutover.analysis.traffic;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;

import java.io.IOException;

/**
 * What the frames of a capture say of each other at the ICMP echo and TCP level, as Wireshark's two-pass decode
 * finds it: which echo reply answers which request ({@code icmp.resp_in}, {@code icmp.resp_to}, {@code
 * icmp.no_resp}), each TCP segment's conversation ({@code tcp.stream}) and whether it repeats data already sent
 * ({@code tcp.analysis.retransmission}, fast and spurious ones included). Computed by {@link #compute} over a
 * contiguous range of frames, in primitive arrays (a few bytes per frame, one entry per conversation), and queried
 * by frame, by stream (its two ends) and by echo (its frame and addresses); {@code OutcomeTraffic} indexes them by
 * address for a migration's window. Immutable.
 */
public final class TrafficFacts {
    static final byte ECHO_REQUEST = 1;
    static final byte ECHO_REPLY = 2;
    static final byte TCP = 4;
    static final byte RETRANSMISSION = 8;
    static final byte FAST_RETRANSMISSION = 16;
    static final byte SPURIOUS_RETRANSMISSION = 32;

    private final int from;
    private final int to;
    private final byte[] flags;
    /** For an echo frame, the other frame of its pair (0-based) or -1; for a TCP segment, its stream index. */
    private final int[] other;
    private final int streamCount;
    private final long[] streamAddresses;
    private final int[] echoFrames;
    private final long[] echoAddresses;

    TrafficFacts(int from, int to, byte[] flags, int[] other, int streamCount, long[] streamAddresses,
                 int[] echoFrames, long[] echoAddresses) {
        this.from = from;
        this.to = to;
        this.flags = flags;
        this.other = other;
        this.streamCount = streamCount;
        this.streamAddresses = streamAddresses;
        this.echoFrames = echoFrames;
        this.echoAddresses = echoAddresses;
    }

    /**
     * Reads frames [from, to) of {@code capture} in order, once, over the frames {@code include} accepts only (a
     * display filter's selection; null: all): the others are as if they were not in the capture. {@code monitor}
     * hears progress and may cancel (a {@link java.util.concurrent.CancellationException}). A frame too short for
     * the headers it claims is passed over.
     */
    public static TrafficFacts compute(Capture capture, int from, int to, java.util.function.IntPredicate include,
                                       LoadMonitor monitor) throws IOException {
        if (from < 0 || to > capture.frameCount() || from > to) {
            throw new IllegalArgumentException("frames [" + from + ", " + to + ") of " + capture.frameCount());
        }
        return new TrafficScan(capture, from, to, include, monitor).run();
    }

    /** Every frame of {@code capture}. */
    public static TrafficFacts compute(Capture capture, LoadMonitor monitor) throws IOException {
        return compute(capture, 0, capture.frameCount(), null, monitor);
    }

    /** The first frame (0-based) the facts cover. */
    public int from() {
        return from;
    }

    /** One past the last frame the facts cover. */
    public int to() {
        return to;
    }

    private byte flagsOf(int frame) {
        return frame >= from && frame < to ? flags[frame - from] : 0;
    }

    /** Whether {@code frame} is an ICMP echo request (type 8) the pairing looked at. */
    public boolean isEchoRequest(int frame) {
        return (flagsOf(frame) & ECHO_REQUEST) != 0;
    }

    /** Whether {@code frame} is an ICMP echo reply (type 0) the pairing looked at. */
    public boolean isEchoReply(int frame) {
        return (flagsOf(frame) & ECHO_REPLY) != 0;
    }

    /** For an echo request, the frame (0-based) of its reply ({@code icmp.resp_in} less one); -1 for none. */
    public int replyOf(int frame) {
        return isEchoRequest(frame) ? other[frame - from] : -1;
    }

    /** For an echo reply, the frame (0-based) of the request it answers ({@code icmp.resp_to} less one); -1. */
    public int requestOf(int frame) {
        return isEchoReply(frame) ? other[frame - from] : -1;
    }

    /** An echo request no reply answers ({@code icmp.no_resp}). */
    public boolean noResponse(int frame) {
        return isEchoRequest(frame) && other[frame - from] < 0;
    }

    /** The TCP stream index of {@code frame} ({@code tcp.stream}), -1 when it is not a TCP segment looked at. */
    public int streamOf(int frame) {
        return (flagsOf(frame) & TCP) != 0 ? other[frame - from] : -1;
    }

    /** A retransmission, as {@code tcp.analysis.retransmission} (fast and spurious ones included). */
    public boolean isRetransmission(int frame) {
        return (flagsOf(frame) & (RETRANSMISSION | FAST_RETRANSMISSION | SPURIOUS_RETRANSMISSION)) != 0;
    }

    /** A fast retransmission ({@code tcp.analysis.fast_retransmission}). */
    public boolean isFastRetransmission(int frame) {
        return (flagsOf(frame) & FAST_RETRANSMISSION) != 0;
    }

    /** A spurious retransmission ({@code tcp.analysis.spurious_retransmission}): data already acknowledged. */
    public boolean isSpuriousRetransmission(int frame) {
        return (flagsOf(frame) & SPURIOUS_RETRANSMISSION) != 0;
    }

    /** How many TCP streams the frames hold; stream indexes run from 0 to one less. */
    public int streamCount() {
        return streamCount;
    }

    /**
     * The two IPv4 ends of stream {@code s}, packed as (first << 32) | second (unsigned 32-bit values), or -1 for an
     * IPv6 stream.
     */
    public long streamEnds(int s) {
        return streamAddresses[s];
    }

    /** How many echo requests and replies the frames hold. */
    public int echoCount() {
        return echoFrames.length;
    }

    /** The frame (0-based) of the k-th echo request or reply, ascending in k. */
    public int echoFrame(int k) {
        return echoFrames[k];
    }

    /** The IPv4 source of the k-th echo, as an unsigned 32-bit value. */
    public int echoSource(int k) {
        return (int) (echoAddresses[k] >>> 32);
    }

    /** The IPv4 destination of the k-th echo. */
    public int echoDestination(int k) {
        return (int) echoAddresses[k];
    }
}
