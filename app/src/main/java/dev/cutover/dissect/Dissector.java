package dev.cutover.dissect;

import dev.cutover.capture.LinkTypes;
import dev.cutover.dissect.proto.FrameProto;
import dev.cutover.dissect.proto.LinkLayer;

/**
 * Decodes one frame into a {@link Dissection}: the frame facts, then the link layer the interface declares.
 * Holds no state between frames (cross-frame analysis is a separate pass). One per thread.
 */
public final class Dissector {
    public static final Expert MALFORMED = Expert.of(Field.Source.PAYLOAD, "_ws.malformed", Severity.ERROR, "Malformed",
            "Malformed frame: %s");
    public static final Expert SHORT = Expert.of(Field.Source.PAYLOAD, "_ws.short", Severity.WARNING, "Malformed",
            "Frame cut short during capture: %s");
    public static final Expert UNDECODED = Expert.of(Field.Source.LINK, "frame.undecoded_link", Severity.NOTE, "Undecoded",
            "Link type %s is not decoded; the frame's bytes are shown as they are");

    private final Vendors vendors;
    private Dissection boundTo;
    private Cursor cursor;

    /** A dissector naming MAC vendors from Cutover's own table ({@link Vendors#bundled()}). */
    public Dissector() {
        this(Vendors.bundled());
    }

    /** A dissector naming MAC vendors from {@code vendors} (a registry the user chose). */
    public Dissector(Vendors vendors) {
        this.vendors = java.util.Objects.requireNonNull(vendors, "vendors");
    }

    /** Decodes everything Cutover knows. */
    public void dissect(FrameInfo info, byte[] data, Dissection out) {
        dissect(info, data, out, Layer.ALL);
    }

    /** Decodes down to {@code depth} and no further (filters that read only link fields stop early). */
    public void dissect(FrameInfo info, byte[] data, Dissection out, Layer depth) {
        if (boundTo != out) {
            boundTo = out;
            cursor = new Cursor(out);
        }
        int captured = Math.min(info.capturedLength(), data.length);
        out.reset(data, captured);
        out.useVendors(vendors);
        Cursor c = cursor;
        c.bind(data, captured, info.originalLength());
        int protocols = frame(c, info);
        if (depth != Layer.FRAME) {
            try {
                switch (info.linkType()) {
                    case LinkTypes.ETHERNET:
                        LinkLayer.ethernet(c, info.fcsLength(), depth);
                        break;
                    case LinkTypes.LINUX_SLL:
                        LinkLayer.sll(c, depth);
                        break;
                    case LinkTypes.LINUX_SLL2:
                        LinkLayer.sll2(c, depth);
                        break;
                    default:
                        c.expert(UNDECODED, 0, captured, String.format(UNDECODED.text(),
                                LinkTypes.name(info.linkType())));
                        out.setProtocolColumn("DLT " + info.linkType());
                }
            } catch (Truncated t) {
                truncated(out, t);
            } catch (RuntimeException e) {
                // A dissector bug must cost one frame its decode, never the whole capture.
                out.markMalformed();
                while (out.depthOpen() > 0) {
                    out.close();
                }
                out.addExpert(MALFORMED, 0, 0, String.format(MALFORMED.text(), "decoder error " + e));
            }
        }
        out.setObject(protocols, out.protocolPath());
    }

    private static void truncated(Dissection out, Truncated t) {
        out.markMalformed();
        int parent = out.depthOpen() > 0 ? out.openNode() : -1;
        while (out.depthOpen() > 0) {
            out.close();
        }
        if (parent >= 0) {
            out.open(parent);
        }
        // a StringBuilder rather than +: a concatenation of this shape is linked at its first use by spinning some
        // twenty classes, which a command pays for at the first frame cut short
        StringBuilder sb = new StringBuilder(80).append(t.field.abbrev()).append(" needs ").append(t.needed)
                .append(" bytes at offset ").append(t.offset).append(", ");
        if (t.available == 0) {
            sb.append("none");
        } else {
            sb.append("only ").append(t.available);
        }
        String what = sb.append(" there").toString();
        Expert e = t.snapped ? SHORT : MALFORMED;
        out.addExpert(e, Math.min(t.offset, out.capturedLength()), 0, String.format(e.text(), what));
        // Wireshark's show_exception appends this to whatever Info the dissector had written, with no space.
        out.info().append(t.snapped ? "[Packet size limited during capture]" : "[Malformed Packet]");
        if (parent >= 0) {
            out.close();
        }
    }

    private static int frame(Cursor c, FrameInfo info) {
        Dissection out = c.out();
        int node = out.add(FrameProto.FRAME, 0, c.captured(), 0);
        out.open(node);
        for (String comment : info.comments()) {
            out.addObject(FrameProto.COMMENT, 0, 0, comment);
        }
        out.add(FrameProto.INTERFACE_ID, 0, 0, info.interfaceId());
        out.addObject(FrameProto.INTERFACE_NAME, 0, 0, info.interfaceName());
        out.add(FrameProto.ENCAP_TYPE, 0, 0, info.linkType());
        if (info.flags() != 0) {
            out.add(FrameProto.PACKET_FLAGS, 0, 0, info.flags() & 0xffffffffL);
            out.add(FrameProto.DIRECTION, 0, 0, info.flags() & 3);
        }
        out.add(FrameProto.TIME, 0, 0, info.timeNanos());
        out.add(FrameProto.TIME_EPOCH, 0, 0, info.timeNanos());
        out.add(FrameProto.TIME_DELTA, 0, 0, info.deltaNanos());
        out.add(FrameProto.TIME_RELATIVE, 0, 0, info.relativeNanos());
        out.add(FrameProto.NUMBER, 0, 0, info.number());
        out.add(FrameProto.LEN, 0, 0, info.originalLength());
        out.add(FrameProto.CAP_LEN, 0, 0, info.capturedLength());
        int protocols = out.addObject(FrameProto.PROTOCOLS, 0, 0, "");
        out.close();
        return protocols;
    }
}
