package dev.cutover.dissect;

import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;

import java.io.IOException;

/**
 * Decodes frames of an open {@link Capture} on demand: builds each frame's {@link FrameInfo} from the index
 * and hands its bytes to the {@link Dissector}. One per thread; the bytes behind a {@link Dissection} stay
 * valid until the next decode. A file that does not say whether frames end in an FCS leaves it to the
 * Ethernet dissector's heuristic, as Wireshark does.
 */
public final class FrameDecoder {
    private final Capture capture;
    private final Dissector dissector = new Dissector();
    private final byte[] buffer;
    private final long firstTime;

    public FrameDecoder(Capture capture) {
        this.capture = capture;
        this.buffer = new byte[Math.max(64, capture.maxCapturedLength())];
        this.firstTime = capture.frameCount() == 0 ? 0 : capture.index().timestampNanos(0);
    }

    public Capture capture() {
        return capture;
    }

    /** What the index says of frame {@code frame} (0-based). */
    public FrameInfo info(int frame) {
        var index = capture.index();
        long t = index.timestampNanos(frame);
        long previous = frame == 0 ? t : index.timestampNanos(frame - 1);
        InterfaceInfo iface = capture.interfaceOf(frame);
        return new FrameInfo(frame + 1, t, t - firstTime, t - previous, index.capturedLength(frame),
                index.originalLength(frame), iface.id(), iface.name(), iface.linkType(), iface.fcsLength(),
                capture.packetFlags(frame), capture.comments(frame));
    }

    /** Decodes frame {@code frame} (0-based) into {@code out}, down to {@code depth}. */
    public FrameInfo decode(int frame, Dissection out, Layer depth) throws IOException {
        FrameInfo info = info(frame);
        if (depth == Layer.FRAME) {
            out.reset(buffer, 0);
            dissector.dissect(info, buffer, out, Layer.FRAME);
            return info;
        }
        int n = capture.readFrame(frame, buffer);
        dissector.dissect(info, buffer, out, depth);
        if (n < info.capturedLength()) {
            out.markMalformed();
        }
        return info;
    }

    public FrameInfo decode(int frame, Dissection out) throws IOException {
        return decode(frame, out, Layer.ALL);
    }
}
