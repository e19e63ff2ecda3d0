package dev.cutover.dissect;

import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Decodes frames of an open {@link Capture} on demand: builds each frame's {@link FrameInfo} from the index
 * and hands its bytes to the {@link Dissector}. One per thread; the bytes behind a {@link Dissection} stay
 * valid until the next decode. A file that does not say whether frames end in an FCS leaves it to the
 * Ethernet dissector's heuristic, as Wireshark does.
 */
public final class FrameDecoder {
    private final Capture capture;
    private final Dissector dissector;
    private final byte[] buffer;
    private final long firstTime;
    private final IntFunction<List<String>> annotations;
    /** Frames read one after the other before reads go through a read-ahead window. */
    private static final int SEQUENTIAL_AFTER = 64;
    private SequentialFrames sequential;
    private int next = -1;
    private int inOrder;

    public FrameDecoder(Capture capture) {
        this(capture, frame -> List.of());
    }

    /**
     * A decoder whose frames also carry {@code annotations.apply(frame)} (0-based) after the file's own
     * comments, so the user's notes show as {@code frame.comment} in the tree and the filters.
     */
    public FrameDecoder(Capture capture, IntFunction<List<String>> annotations) {
        this(capture, annotations, Vendors.bundled());
    }

    /** As {@link #FrameDecoder(Capture, IntFunction)}, naming MAC vendors from {@code vendors}. */
    public FrameDecoder(Capture capture, IntFunction<List<String>> annotations, Vendors vendors) {
        this.dissector = new Dissector(vendors);
        this.capture = capture;
        this.annotations = annotations;
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
                capture.packetFlags(frame), comments(frame));
    }

    private List<String> comments(int frame) {
        List<String> own = capture.comments(frame);
        List<String> added = annotations.apply(frame);
        if (added.isEmpty()) {
            return own;
        }
        List<String> all = new ArrayList<>(own.size() + added.size());
        all.addAll(own);
        all.addAll(added);
        return all;
    }

    /** Decodes frame {@code frame} (0-based) into {@code out}, down to {@code depth}. */
    public FrameInfo decode(int frame, Dissection out, Layer depth) throws IOException {
        FrameInfo info = info(frame);
        if (depth == Layer.FRAME) {
            out.reset(buffer, 0);
            dissector.dissect(info, buffer, out, Layer.FRAME);
            return info;
        }
        int n = readBytes(frame);
        dissector.dissect(info, buffer, out, depth);
        if (n < info.capturedLength()) {
            out.markMalformed();
        }
        return info;
    }

    /**
     * Reads the frame's bytes into the buffer: by a positional read, or through a read-ahead window once frames
     * are asked for in order (a pass over all of them, as a display filter makes, reads each file once in large
     * blocks instead of making a system call per frame; a window costs a few megabytes, so single frames, as
     * a window shows them, are read on their own).
     */
    /**
     * Reads frame {@code frame}'s bytes without decoding them, for a look at its headers; returns how many there
     * are, in {@link #bytes()} until the next read or decode.
     */
    public int read(int frame) throws IOException {
        return readBytes(frame);
    }

    /**
     * Makes frame {@code frame}'s bytes readable through {@link #peeked()} and returns how many there are: when
     * frames are read in order, straight from the read-ahead window without copying them (a filter that only
     * needs to look at a frame's headers to reject it need not copy the whole file); otherwise read into
     * {@link #bytes()}. Valid until the next read, peek or decode.
     */
    public int peek(int frame) throws IOException {
        if (frame != next - 1) {
            inOrder = frame == next ? inOrder + 1 : 0;
        }
        next = frame + 1;
        if (inOrder < SEQUENTIAL_AFTER) {
            int n = capture.readFrame(frame, buffer);
            copied.length = n;
            peeked = copied;
            return n;
        }
        if (sequential == null) {
            sequential = new SequentialFrames(capture, LoadMonitor.NONE);
        }
        peeked = sequential;
        return sequential.moveTo(frame);
    }

    /** The bytes of the frame {@link #peek peeked} last. */
    public dev.cutover.capture.FrameBytes peeked() {
        return peeked;
    }

    private dev.cutover.capture.FrameBytes peeked;
    private final Copied copied = new Copied();

    /** The frame in {@link #buffer}, as FrameBytes. */
    private final class Copied implements dev.cutover.capture.FrameBytes {
        int length;

        @Override
        public int u8(int offset) {
            java.util.Objects.checkIndex(offset, length);
            return buffer[offset] & 0xFF;
        }

        @Override
        public int u16(int offset) {
            java.util.Objects.checkFromIndexSize(offset, 2, length);
            return ((buffer[offset] & 0xFF) << 8) | (buffer[offset + 1] & 0xFF);
        }
    }

    /** The bytes of the frame read or decoded last (its captured length of them). */
    public byte[] bytes() {
        return buffer;
    }

    private int readBytes(int frame) throws IOException {
        // the same frame again (decoded a second time, deeper) keeps the order going
        if (frame != next - 1) {
            inOrder = frame == next ? inOrder + 1 : 0;
        }
        next = frame + 1;
        if (inOrder < SEQUENTIAL_AFTER) {
            return capture.readFrame(frame, buffer);
        }
        if (sequential == null) {
            sequential = new SequentialFrames(capture, LoadMonitor.NONE);
        }
        sequential.moveTo(frame);
        return sequential.copyTo(buffer);
    }

    public FrameInfo decode(int frame, Dissection out) throws IOException {
        return decode(frame, out, Layer.ALL);
    }
}
