package dev.cutover.capture.live;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureFormat;
import dev.cutover.capture.FrameIndex;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.PcapWriter;
import dev.cutover.capture.PcapngWriter;
import dev.cutover.capture.SourceInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The frames a live capture has kept, in arrival order, with an optional ring limit (the last N frames) for
 * long watches; a ring of files on disk is {@link LiveFiles}. Each frame is indexed once as it arrives, its
 * bytes copied once into memory ({@link LiveBytes}); a {@link #snapshot()} is a {@link Capture} over the index
 * and bytes held at that moment, made without copying either, so the packet list and the analysis read live
 * frames exactly as they read files and a snapshot a second costs the same after an hour as after a minute.
 * Writes the kept frames as pcapng or pcap. Not thread-safe: one owner (the UI drain or the command) adds and
 * takes snapshots; a snapshot may be read on any thread it is handed to.
 */
public final class LiveStore {
    /** The ring starts a fresh index once this many frames before the oldest kept are dead weight, at least. */
    private static final int COMPACT_FROM = 1 << 16;

    private final String interfaceName;
    private final String filter;
    private final int linkType;
    private final int snapLen;
    private final int maxFrames;
    private FrameIndex index = new FrameIndex();
    private final LiveBytes bytes = new LiveBytes();
    /** Position in the index of the oldest frame kept. */
    private int first;
    private int maxCapturedLength;
    private long received;
    private long evicted;

    /** @param maxFrames keep at most this many frames, the newest; 0 for no limit */
    public LiveStore(String interfaceName, String filter, int linkType, int snapLen, int maxFrames) {
        this.interfaceName = interfaceName;
        this.filter = filter == null ? "" : filter;
        this.linkType = linkType;
        this.snapLen = snapLen;
        this.maxFrames = maxFrames;
    }

    /** A store for what the session captures. */
    public static LiveStore of(LiveSession session, int maxFrames) {
        return new LiveStore(session.options().interfaceName(), session.options().filter(), session.linkType(),
                session.options().snapLen(), maxFrames);
    }

    public void addAll(Collection<LiveFrame> batch) {
        for (LiveFrame frame : batch) {
            add(frame);
        }
    }

    public void add(LiveFrame frame) {
        byte[] data = frame.data();
        long at = bytes.append(data);
        index.append(at, frame.timestampNanos(), data.length, frame.originalLength(), 0);
        maxCapturedLength = Math.max(maxCapturedLength, data.length);
        received++;
        if (maxFrames > 0 && size() > maxFrames) {
            first++;
            evicted++;
            bytes.release(index.dataOffset(first));
            if (first >= COMPACT_FROM && first >= size()) {
                compact();
            }
        }
    }

    /**
     * Moves the kept frames' entries to a fresh index, positions renumbered from the first byte still held: the
     * ring's dead entries go, and a ring that runs for weeks never counts past what an entry can hold. Snapshots
     * taken before keep the old index. Amortised, one entry copied per frame the ring let go.
     */
    private void compact() {
        long shift = bytes.rebase();
        FrameIndex fresh = new FrameIndex();
        for (int i = first; i < index.size(); i++) {
            fresh.append(index.dataOffset(i) - shift, index.timestampNanos(i), index.capturedLength(i),
                    index.originalLength(i), 0);
        }
        index = fresh;
        first = 0;
    }

    /** Frames kept now. */
    public int size() {
        return index.size() - first;
    }

    /** Frames ever added, kept or not. */
    public long received() {
        return received;
    }

    /** Frames the ring let go of to stay within its limit. */
    public long evicted() {
        return evicted;
    }

    public String interfaceName() {
        return interfaceName;
    }

    public String filter() {
        return filter;
    }

    /**
     * The frames kept now as a {@link Capture}, numbered from 0 at the oldest kept, reading the index and bytes
     * the store holds: nothing is copied or written, and later frames or the ring letting frames go do not
     * change it. It describes itself as the pcapng {@link #writePcapng} would write: the interface's name,
     * link type and snap length, nanosecond time stamps. Closing it is not needed but harmless.
     */
    public Capture snapshot() {
        int n = size();
        SourceInfo source = new SourceInfo(Path.of(System.getProperty("java.io.tmpdir"),
                "live-" + interfaceName.replaceAll("[^A-Za-z0-9._-]", "_") + ".pcapng"),
                CaptureFormat.PCAPNG, false, "little-endian", "1.0", bytes.heldBytes(), 1, n, List.of(), null, null,
                "Cutover", null);
        InterfaceInfo iface = new InterfaceInfo(0, 0, 0, 0, interfaceName, null, linkType, snapLen, 9, -1);
        return Capture.of(source, iface, index.view(first, index.size()), bytes.view(), maxCapturedLength);
    }

    /** Writes pcapng atomically: the interface's name, the filter as if_filter, the comment on the section. */
    public void writePcapng(Path target, String comment) throws IOException {
        writePcapng(target, comment, snapshot(), i -> List.of());
    }

    /**
     * As {@link #writePcapng(Path, String)}, with each kept frame's comments (by 0-based position among the
     * frames kept now) as the packet's opt_comment, as Wireshark saves packet comments.
     */
    public void writePcapng(Path target, String comment, IntFunction<List<String>> frameComments)
            throws IOException {
        writePcapng(target, comment, snapshot(), frameComments);
    }

    /**
     * Writes the frames of a {@link #snapshot()} taken earlier as this store would, with each frame's comments by
     * its position in the snapshot; safe on another thread than the store's owner, because it reads only the
     * store's fixed description and the snapshot.
     */
    public void writePcapng(Path target, String comment, Capture snapshot, IntFunction<List<String>> frameComments)
            throws IOException {
        AtomicFiles.write(target, out -> {
            try (PcapngWriter writer = new PcapngWriter(out, "Cutover", comment)) {
                int iface = writer.addInterface(linkType, snapLen, interfaceName, null, 9, filter);
                FrameIndex frames = snapshot.index();
                byte[] buf = new byte[Math.max(1, snapshot.maxCapturedLength())];
                for (int i = 0; i < frames.size(); i++) {
                    int length = snapshot.readFrame(i, buf);
                    writer.write(iface, frames.timestampNanos(i), buf, 0, length, frames.originalLength(i),
                            frameComments.apply(i), 0);
                }
            }
        });
    }

    /** Writes classic pcap (microseconds) atomically; the filter and comments have no place in it. */
    public void writePcap(Path target) throws IOException {
        writePcap(target, snapshot());
    }

    /** As {@link #writePcap(Path)}, of a {@link #snapshot()} taken earlier; safe on another thread. */
    public void writePcap(Path target, Capture snapshot) throws IOException {
        AtomicFiles.write(target, out -> {
            try (PcapWriter writer = new PcapWriter(out, linkType, snapLen, false)) {
                FrameIndex frames = snapshot.index();
                byte[] buf = new byte[Math.max(1, snapshot.maxCapturedLength())];
                for (int i = 0; i < frames.size(); i++) {
                    int length = snapshot.readFrame(i, buf);
                    writer.write(frames.timestampNanos(i), buf, 0, length, frames.originalLength(i));
                }
            }
        });
    }
}
