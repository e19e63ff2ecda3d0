package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Needs;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Severity;
import dev.cutover.frames.Column;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Migration;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes the packet list's rows as they scroll into view, keeping the last few hundred: the list never
 * holds an object per frame. Used on one thread (the FX thread).
 */
final class RowDecoder {
    private static final int CACHE = 1024;

    private final FramePipeline.Reader decoder;
    private final Dissection d = new Dissection();
    private final Map<Integer, PacketRow> cache = new LinkedHashMap<>(CACHE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, PacketRow> eldest) {
            return size() > CACHE;
        }
    };
    private int decoded;

    RowDecoder(Capture capture) {
        // the list's columns read the link layer and the payload, never the analysis or the annotations
        this.decoder = FramePipeline.of(capture).reader(new Needs(Layer.ALL, false, false));
    }

    /**
     * Rows of {@code pipeline}'s capture with its traffic facts when {@code traffic} (they must have been computed)
     * and its analysis's facts when one is bound: Info gains Wireshark's "(reply in N)" and "[TCP Retransmission] "
     * as in a two-pass decode, and ARP's "(duplicate use of IP detected!)".
     */
    RowDecoder(FramePipeline pipeline, boolean traffic) {
        this.decoder = pipeline.reader(new Needs(Layer.ALL, pipeline.hasAnalysis(), false, traffic));
    }

    /** Whether the rows read an analysis's facts. */
    boolean readsAnalysis() {
        return decoder.needs().analysis();
    }

    /** Whether the rows read the analysis {@code p} has bound (null when none is). */
    boolean readsAnalysisOf(FramePipeline p) {
        return decoder.needs().analysis() && decoder.pipeline().analysis() == p.analysis();
    }

    /** Whether the rows show the traffic facts. */
    boolean showsTraffic() {
        return decoder.needs().traffic();
    }

    PacketRow row(int frame) {
        PacketRow row = cache.get(frame);
        if (row == null) {
            row = decode(frame);
            cache.put(frame, row);
        }
        return row;
    }

    /**
     * A decoder for a capture that holds {@code before}'s frames and more (a file still loading): the rows decoded
     * for it stay decoded.
     */
    RowDecoder(Capture capture, RowDecoder before) {
        this(capture);
        cache.putAll(before.cache);
        decoded = before.decoded;
    }

    /** How many frames were decoded so far (a test sees the cache at work). */
    int decodedCount() {
        return decoded;
    }

    private PacketRow decode(int frame) {
        decoded++;
        try {
            decoder.decode(frame, d, Layer.ALL);
        } catch (IOException e) {
            return PacketRow.UNREADABLE;
        }
        return of(d);
    }

    /** The row of a decoded frame. */
    static PacketRow of(Dissection d) {
        // an unsolicited Neighbor Advertisement with Override is IPv6's gratuitous ARP: the same colour
        boolean garp = d.valueOf(Arp.IS_GRATUITOUS, 0) != 0 || unsolicitedNa(d);
        // the shared column declarations: the CSV export shows the same texts
        return new PacketRow(Column.SOURCE.of(null, d, null), Column.DESTINATION.of(null, d, null),
                Column.VLAN.of(null, d, null), Column.PROTOCOL.of(null, d, null), Column.INFO.of(null, d, null),
                colour(d, garp));
    }

    /** An ICMPv6 Neighbor Advertisement with Solicited clear and Override set. */
    static boolean unsolicitedNa(Dissection d) {
        return d.valueOf(dev.cutover.dissect.proto.Icmpv6.TYPE, -1) == 136
                && d.valueOf(dev.cutover.dissect.proto.Icmpv6.NA_S, 1) == 0
                && d.valueOf(dev.cutover.dissect.proto.Icmpv6.NA_O, 0) != 0;
    }

    static ColourRule colour(Dissection d, boolean garp) {
        Severity worst = d.worstSeverity();
        if (d.isMalformed() || worst == Severity.ERROR) {
            return ColourRule.EXPERT_ERROR;
        }
        if (d.valueOf(Migration.NOTIFICATION, 0) != 0) {
            return ColourRule.MIGRATION_NOTIFICATION;
        }
        if (garp) {
            return ColourRule.GARP;
        }
        if (worst == Severity.WARNING) {
            return ColourRule.EXPERT_WARNING;
        }
        return null;
    }
}
