package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.FrameProto;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; Protocol Hierarchy, as Wireshark's: every frame is decoded once, and the protocols of its
 * dissection, in order, make a path (eth, vlan, arp) under which the frame and its bytes on the wire are counted.
 * A malformed or cut-short frame ends its path in "_ws.malformed" or "_ws.short", as in Wireshark. Cutover stops
 * where it stops decoding: the payloads of IP and UDP it does not know count at the last protocol it knows.
 */
public final class ProtocolHierarchy {
    /** The root's name: every frame counts there. */
    public static final String FRAME = "frame";
    private static final Field MALFORMED = Dissector.MALFORMED.field();
    private static final Field SHORT = Dissector.SHORT.field();

    /** One protocol at one place in the tree; counts are of frames that have this path as a prefix. */
    public static final class Node {
        private final String abbrev;
        private final String label;
        private final Field field;
        private final List<Node> children = new ArrayList<>(2);
        private long frames;
        private long bytes;
        private long endFrames;
        private long endBytes;

        Node(Field field, String abbrev, String label) {
            this.field = field;
            this.abbrev = abbrev;
            this.label = label;
        }

        /** The filter name: "eth", "vlan", "arp", "_ws.malformed". */
        public String abbrev() {
            return abbrev;
        }

        /** Wireshark's name: "Ethernet II", "802.1Q Virtual LAN". */
        public String label() {
            return label;
        }

        /** Frames whose path passes here. */
        public long frames() {
            return frames;
        }

        /** Their bytes on the wire (frame.len). */
        public long bytes() {
            return bytes;
        }

        /** Frames whose path ends here: nothing after this protocol was decoded. */
        public long endFrames() {
            return endFrames;
        }

        public long endBytes() {
            return endBytes;
        }

        /** In the order first seen. */
        public List<Node> children() {
            return Collections.unmodifiableList(children);
        }

        Node child(Field f) {
            for (Node c : children) {
                if (c.field == f) {
                    return c;
                }
            }
            String label = f == MALFORMED ? "Malformed Packet" : f == SHORT ? "Packet size limited during capture"
                    : f.label();
            Node c = new Node(f, f.abbrev(), label);
            children.add(c);
            return c;
        }

        /** The child of that name, or null. */
        public Node find(String name) {
            for (Node c : children) {
                if (c.abbrev.equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    private final Node root;
    private final long firstNanos;
    private final long lastNanos;

    private ProtocolHierarchy(Node root, long firstNanos, long lastNanos) {
        this.root = root;
        this.firstNanos = firstNanos;
        this.lastNanos = lastNanos;
    }

    /** Every frame. */
    public static ProtocolHierarchy compute(Capture capture, LoadMonitor monitor) throws IOException {
        return compute(capture, monitor, null);
    }

    /**
     * The frames {@code include} accepts (all when null: Wireshark counts the frames the display filter shows).
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public static ProtocolHierarchy compute(Capture capture, LoadMonitor monitor, IntPredicate include)
            throws IOException {
        SequentialFrames frames = new SequentialFrames(capture, monitor);
        FrameDecoder decoder = new FrameDecoder(capture);
        Dissector dissector = new Dissector();
        Dissection d = new Dissection();
        byte[] buffer = new byte[Math.max(64, capture.maxCapturedLength())];
        Node root = new Node(FrameProto.FRAME, FRAME, "Frame");
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
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
            dissector.dissect(info, buffer, d, Layer.ALL);
            long len = index.originalLength(i);
            first = Math.min(first, info.timeNanos());
            last = Math.max(last, info.timeNanos());
            Node at = root;
            at.frames++;
            at.bytes += len;
            for (int k = 0; k < d.size(); k++) {
                Field f = d.field(k);
                boolean protocol = f.type() == FieldType.PROTOCOL && f != FrameProto.FRAME;
                if (!protocol && f != MALFORMED && f != SHORT) {
                    continue;
                }
                at = at.child(f);
                at.frames++;
                at.bytes += len;
            }
            at.endFrames++;
            at.endBytes += len;
        }
        return new ProtocolHierarchy(root, first == Long.MAX_VALUE ? 0 : first, last == Long.MIN_VALUE ? 0 : last);
    }

    /** "frame", with every frame counted; its children are the link layers. */
    public Node root() {
        return root;
    }

    /** The node at a path of names ("eth", "vlan", "arp"), or null. */
    public Node find(String... path) {
        Node at = root;
        for (String p : path) {
            at = at.find(p);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** Seconds from the first to the last frame counted, for bits per second; 0 for one frame. */
    public double durationSeconds() {
        return (lastNanos - firstNanos) / 1e9;
    }

    /**
     * The tree as {@code tshark -q -z io,phs} prints it, without its header: one line per node below the root,
     * two spaces of indent a level, "frames:N bytes:N".
     */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Node c : root.children) {
            text(sb, c, 0);
        }
        return sb.toString();
    }

    private static void text(StringBuilder sb, Node n, int depth) {
        String name = "  ".repeat(depth) + n.abbrev;
        sb.append(String.format(Locale.ROOT, "%-40s frames:%d bytes:%d%n", name, n.frames, n.bytes));
        for (Node c : n.children) {
            text(sb, c, depth + 1);
        }
    }

    /** Copy as CSV: protocol path, then Wireshark's columns. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append("Protocol,Percent Packets,Packets,Percent Bytes,Bytes,Bits/s,End Packets,End Bytes\r\n");
        csv(sb, root, "");
        return sb.toString();
    }

    private void csv(StringBuilder sb, Node n, String indent) {
        Csv.row(sb, indent + n.label, percent(n.frames, root.frames), Long.toString(n.frames),
                percent(n.bytes, root.bytes), Long.toString(n.bytes), Long.toString(bitsPerSecond(n)),
                Long.toString(n.endFrames), Long.toString(n.endBytes));
        for (Node c : n.children) {
            csv(sb, c, indent + "  ");
        }
    }

    /** "47.3" (one decimal, as Wireshark shows it). */
    public static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    /** The node's bytes in bits per second over the capture's duration; 0 when it lasts no time. */
    public long bitsPerSecond(Node n) {
        double s = durationSeconds();
        return s <= 0 ? 0 : Math.round(n.bytes * 8 / s);
    }
}
