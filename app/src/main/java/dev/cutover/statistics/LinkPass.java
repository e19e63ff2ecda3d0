package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.EtherTypes;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.Llc;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Vlan;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;

/**
 * One pass over a capture's frames for the link-layer statistics: reads them through one read-ahead window
 * ({@link SequentialFrames}, as the migration analysis does), decodes each frame's link layer only, and decodes
 * ARP too for the frames whose EtherType is ARP or RARP. IP and what it carries are never decoded.
 */
final class LinkPass {
    /** Receives each frame's facts; the object is reused for the next frame. */
    interface Visitor {
        void frame(LinkFacts facts);
    }

    private LinkPass() {
    }

    /**
     * Visits every frame {@code include} accepts (all when null), in frame order.
     *
     * @throws CancellationException when the monitor asks to stop
     */
    static void run(Capture capture, LoadMonitor monitor, IntPredicate include, Visitor visitor) throws IOException {
        SequentialFrames frames = new SequentialFrames(capture, monitor);
        FrameDecoder decoder = new FrameDecoder(capture);
        Dissector dissector = new Dissector();
        Dissection d = new Dissection();
        byte[] buffer = new byte[Math.max(64, capture.maxCapturedLength())];
        LinkFacts facts = new LinkFacts();
        var index = capture.index();
        int n = capture.frameCount();
        for (int i = 0; i < n; i++) {
            if ((i & 0x3FFF) == 0 && monitor.cancelled()) {
                throw new CancellationException("cancelled");
            }
            if (include != null && !include.test(i)) {
                continue;
            }
            frames.moveTo(i);
            frames.copyTo(buffer);
            FrameInfo info = decoder.info(i);
            dissector.dissect(info, buffer, d, Layer.LINK);
            facts.clear();
            facts.frame = i;
            facts.timeNanos = info.timeNanos();
            facts.interfaceId = info.interfaceId();
            facts.length = index.originalLength(i);
            link(d, facts);
            if (EtherTypes.isArpFamily(facts.etherType)) {
                dissector.dissect(info, buffer, d, Layer.ALL);
                arp(d, facts);
            }
            if (facts.vlanCount == 0) {
                int tag = capture.vlanTag(i);
                if (tag >= 0) {
                    facts.vlans[0] = tag;
                    facts.vlanCount = 1;
                }
            }
            visitor.frame(facts);
        }
    }

    private static void link(Dissection d, LinkFacts f) {
        for (int k = 0; k < d.size(); k++) {
            Field field = d.field(k);
            long v = d.value(k);
            if (field == Ethernet.SRC) {
                if (f.ethSrc < 0) {
                    f.ethSrc = v;
                }
            } else if (field == Ethernet.DST) {
                if (f.ethDst < 0) {
                    f.ethDst = v;
                }
            } else if (field == Sll.SRC_ETH) {
                f.sllSrc = v;
            } else if (field == Vlan.ID || field == Vlan.AD_ID) {
                if (f.vlanCount < LinkFacts.MAX_TAGS) {
                    f.vlans[f.vlanCount++] = (int) v;
                }
            } else if (field == Ethernet.TYPE || field == Vlan.ETYPE || field == Vlan.AD_ETYPE
                    || field == Sll.ETYPE || field == Llc.TYPE) {
                f.etherType = (int) v;
            }
        }
    }

    private static void arp(Dissection d, LinkFacts f) {
        boolean seen = false;
        for (int k = 0; k < d.size(); k++) {
            Field field = d.field(k);
            long v = d.value(k);
            if (field == Arp.ARP) {
                if (seen) {
                    break; // an ARP inside a tunnel inside this frame is not this frame's link layer's
                }
                seen = true;
            } else if (!seen) {
                continue;
            } else if (field == Arp.OPCODE) {
                f.opcode = (int) v;
            } else if (field == Arp.SRC_HW_MAC) {
                f.senderMac = v;
            } else if (field == Arp.SRC_PROTO_IPV4) {
                f.senderIp = v;
            } else if (field == Arp.DST_HW_MAC) {
                f.targetMac = v;
            } else if (field == Arp.DST_PROTO_IPV4) {
                f.targetIp = v;
            } else if (field == Arp.IS_GRATUITOUS) {
                f.gratuitous = true;
            }
        }
        f.arp = seen && f.senderMac >= 0 && f.senderIp >= 0;
    }
}
