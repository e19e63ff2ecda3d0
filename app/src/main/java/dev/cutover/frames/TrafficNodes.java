package dev.cutover.frames;

import dev.cutover.analysis.traffic.TrafficFacts;
import dev.cutover.capture.FrameIndex;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Expert;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.proto.Icmp;
import dev.cutover.dissect.proto.Tcp;

/**
 * Writes what the cross-frame traffic analysis knows of a frame into its decode where Wireshark shows it: the echo
 * pairing under ICMP after the sequence number (a reply's response time after its request frame), the stream index under TCP after the ports, the retransmission
 * under a "SEQ/ACK analysis" node before the payload, and the Info column's "(reply in N)" tail or "[TCP
 * Retransmission] " head. Only {@link FramePipeline} calls it.
 */
final class TrafficNodes {
    private TrafficNodes() {
    }

    /**
     * Adds the facts for {@code frame} (0-based) to {@code d}, decoded in full; nothing for a frame with none.
     * {@code index} gives the frames' times, for a reply's response time.
     */
    static void append(TrafficFacts facts, int frame, Dissection d, FrameIndex index) {
        boolean request = facts.isEchoRequest(frame);
        boolean reply = facts.isEchoReply(frame);
        int stream = facts.streamOf(frame);
        if (!request && !reply && stream < 0) {
            return;
        }
        while (d.depthOpen() > 0) {
            d.close();
        }
        if (request || reply) {
            icmp(facts, frame, d, request, index);
        } else {
            tcp(facts, frame, d, stream);
        }
    }

    private static void icmp(TrafficFacts facts, int frame, Dissection d, boolean request, FrameIndex index) {
        int node = topLevel(d, Icmp.ICMP);
        if (node < 0) {
            return;
        }
        int at = after(d, node, Icmp.SEQ_LE);
        StringBuilder info = d.info();
        if (request) {
            int reply = facts.replyOf(frame);
            if (reply >= 0) {
                d.insert(at, node, Icmp.RESP_IN, reply + 1L, null);
                info.append(" (reply in ").append(reply + 1).append(')');
            } else {
                int none = d.insert(at, node, Icmp.NO_RESP, 0, null);
                expert(d, at + 1, none, Icmp.RESP_NOT_FOUND);
                info.append(" (no response found!)");
            }
        } else {
            int req = facts.requestOf(frame);
            if (req >= 0) {
                d.insert(at, node, Icmp.RESP_TO, req + 1L, null);
                long nanos = index.timestampNanos(frame) - index.timestampNanos(req);
                d.insert(at + 1, node, Icmp.RESPTIME, FieldType.doubleKey(milliseconds(nanos)), null);
                info.append(" (request in ").append(req + 1).append(')');
            }
        }
    }

    /**
     * Nanoseconds as milliseconds the way Wireshark's nstime_to_msec turns a time difference into its double: the
     * whole seconds and the nanoseconds (of the same sign) converted apart and added, so the double is the same.
     */
    static double milliseconds(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        long rest = nanos % 1_000_000_000L;
        return (double) seconds * 1000 + (double) rest / 1_000_000;
    }

    private static void tcp(TrafficFacts facts, int frame, Dissection d, int stream) {
        int node = topLevel(d, Tcp.TCP);
        if (node < 0) {
            return;
        }
        if (facts.isRetransmission(frame)) {
            // before the payload, as Wireshark shows [SEQ/ACK analysis] after the options
            int at = before(d, node, Tcp.PAYLOAD);
            int analysis = d.insert(at, node, Tcp.ANALYSIS, 0, null);
            int flagsNode = d.insert(at + 1, analysis, Tcp.ANALYSIS_FLAGS, 0, null);
            int next = at + 2;
            String head = "[TCP Retransmission] ";
            if (facts.isFastRetransmission(frame)) {
                expert(d, next++, flagsNode, Tcp.FAST_RETRANSMISSION);
                head = "[TCP Fast Retransmission] ";
            } else if (facts.isSpuriousRetransmission(frame)) {
                expert(d, next++, flagsNode, Tcp.SPURIOUS_RETRANSMISSION);
                head = "[TCP Spurious Retransmission] ";
            }
            expert(d, next, flagsNode, Tcp.RETRANSMISSION);
            d.info().insert(0, head);
        }
        d.insert(after(d, node, Tcp.PORT), node, Tcp.STREAM, stream, null);
    }

    /** An expert note inserted at {@code at} under {@code parent}, as the dissectors add theirs. */
    private static void expert(Dissection d, int at, int parent, Expert e) {
        d.insertExpert(at, parent, e);
    }

    /** The first node of {@code protocol} that is not inside another protocol's node, or -1. */
    private static int topLevel(Dissection d, Field protocol) {
        for (int i = d.find(protocol); i >= 0; i = d.find(protocol, i + 1)) {
            boolean nested = false;
            for (int p = d.parent(i); p >= 0; p = d.parent(p)) {
                if (d.field(p).type() == dev.cutover.dissect.FieldType.PROTOCOL) {
                    nested = true;
                    break;
                }
            }
            if (!nested) {
                return i;
            }
        }
        return -1;
    }

    /** Just after the last direct child of {@code node} that is {@code field}, or the end of its subtree. */
    private static int after(Dissection d, int node, Field field) {
        int end = d.subtreeEnd(node);
        int at = -1;
        for (int i = node + 1; i < end; i++) {
            if (d.parent(i) == node && d.field(i) == field) {
                at = d.subtreeEnd(i);
            }
        }
        return at < 0 ? end : at;
    }

    /** The first direct child of {@code node} that is {@code field}, or the end of its subtree. */
    private static int before(Dissection d, int node, Field field) {
        int end = d.subtreeEnd(node);
        for (int i = node + 1; i < end; i++) {
            if (d.parent(i) == node && d.field(i) == field) {
                return i;
            }
        }
        return end;
    }
}
