package dev.cutover.export;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.PcapWriter;
import dev.cutover.capture.PcapngWriter;
import dev.cutover.dissect.Dissection;
import dev.cutover.frames.FramePipeline;
import dev.cutover.filter.CompiledFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Writes frames of a capture to pcapng (annotations as packet comments, one interface per capture interface, so
 * merged uplink captures keep theirs) or to pcap (no comments, one link type).
 */
public final class PacketExport {
    /** Which frames to write. */
    public enum Selection { ALL, ANNOTATED }

    private PacketExport() {
    }

    /**
     * Writes the selected frames that match {@code filter} (null: all) as pcapng, with the pipeline's
     * annotations as packet comments; returns how many.
     */
    public static int pcapng(FramePipeline frames, CompiledFilter filter, Selection selection,
                             OutputStream out) throws IOException {
        return pcapng(frames.capture(), frames.annotations(), matching(frames, filter, selection), LoadMonitor.NONE,
                out);
    }

    /**
     * Writes the given frames (0-based, ascending) as pcapng; returns how many.
     *
     * @param monitor told how many of the frames are written; cancelling it stops the writing with a
     *                CancellationException (the caller's temporary file is then dropped)
     */
    public static int pcapng(Capture capture, AnnotationSource notes, int[] frames, LoadMonitor monitor,
                             OutputStream out) throws IOException {
        return pcapng(capture, notes, listed(frames), monitor, out);
    }

    private static int pcapng(Capture capture, AnnotationSource notes, Frames frames, LoadMonitor monitor,
                              OutputStream out) throws IOException {
        int written = 0;
        try (PcapngWriter w = new PcapngWriter(AtomicFiles.keepOpen(out), "Cutover")) {
            List<InterfaceInfo> interfaces = capture.interfaces();
            int[] ids = new int[interfaces.size()];
            for (InterfaceInfo i : interfaces) {
                ids[i.id()] = w.addInterface(i.linkType(), i.snapLen(), i.name(), i.description(),
                        i.timePrecisionDigits() > 6 ? 9 : 6);
            }
            byte[] buf = new byte[Math.max(64, capture.maxCapturedLength())];
            for (int f = frames.next(); f >= 0; f = frames.next()) {
                int n = capture.readFrame(f, buf);
                List<String> comments = new ArrayList<>(capture.comments(f));
                comments.addAll(notes.commentsOf(f));
                w.write(ids[capture.interfaceOf(f).id()], capture.index().timestampNanos(f), buf, 0, n,
                        capture.index().originalLength(f), comments, capture.packetFlags(f));
                written = progress(monitor, written + 1, frames.total());
            }
        }
        return written;
    }

    /** Writes the selected frames as pcap (microsecond time stamps unless any interface has more digits). */
    public static int pcap(FramePipeline frames, CompiledFilter filter, Selection selection,
                           OutputStream out) throws IOException {
        return pcap(frames.capture(), matching(frames, filter, selection), LoadMonitor.NONE, out);
    }

    /** Writes the given frames (0-based, ascending) as pcap; see {@link #pcapng(Capture, AnnotationStore, int[], LoadMonitor, OutputStream)}. */
    public static int pcap(Capture capture, int[] frames, LoadMonitor monitor, OutputStream out) throws IOException {
        return pcap(capture, listed(frames), monitor, out);
    }

    private static int pcap(Capture capture, Frames frames, LoadMonitor monitor, OutputStream out)
            throws IOException {
        List<InterfaceInfo> interfaces = capture.interfaces();
        int linkType = interfaces.isEmpty() ? LinkTypes.ETHERNET : interfaces.get(0).linkType();
        int snapLen = 0;
        boolean nanos = false;
        for (InterfaceInfo i : interfaces) {
            if (i.linkType() != linkType) {
                throw new IOException("pcap holds one link type, and these captures have " + interfaces.get(0)
                        .linkTypeName() + " and " + i.linkTypeName() + ": export as pcapng");
            }
            snapLen = Math.max(snapLen, i.snapLen());
            nanos |= i.timePrecisionDigits() > 6;
        }
        int written = 0;
        try (PcapWriter w = new PcapWriter(AtomicFiles.keepOpen(out), linkType, snapLen <= 0 ? 262144 : snapLen,
                nanos)) {
            byte[] buf = new byte[Math.max(64, capture.maxCapturedLength())];
            for (int f = frames.next(); f >= 0; f = frames.next()) {
                int n = capture.readFrame(f, buf);
                w.write(capture.index().timestampNanos(f), buf, 0, n, capture.index().originalLength(f));
                written = progress(monitor, written + 1, frames.total());
            }
        }
        return written;
    }

    /** The frames to write, one at a time, ascending; -1 after the last. */
    private interface Frames {
        int next() throws IOException;

        /** How many there will be, or -1 when that is only known at the end. */
        int total();
    }

    private static Frames listed(int[] frames) {
        return new Frames() {
            private int i;

            @Override
            public int next() {
                return i < frames.length ? frames[i++] : -1;
            }

            @Override
            public int total() {
                return frames.length;
            }
        };
    }

    private static Frames matching(FramePipeline frames, CompiledFilter filter, Selection selection) {
        Capture capture = frames.capture();
        AnnotationSource notes = frames.annotations();
        FramePipeline.Reader reader = filter == null ? null : frames.reader(filter);
        Dissection d = new Dissection();
        return new Frames() {
            private int f = -1;

            @Override
            public int next() throws IOException {
                while (++f < capture.frameCount()) {
                    if (selection == Selection.ANNOTATED && notes.get(f + 1) == null
                            && capture.comments(f).isEmpty()) {
                        continue;
                    }
                    if (reader == null || reader.matches(f, filter, d)) {
                        return f;
                    }
                }
                return -1;
            }

            @Override
            public int total() {
                return -1;
            }
        };
    }

    private static int progress(LoadMonitor monitor, int written, int total) {
        if ((written & 0x3FF) == 0 || written == total) {
            if (monitor.cancelled()) {
                throw new CancellationException("export cancelled");
            }
            monitor.progress(written, total);
        }
        return written;
    }
}
