package dev.cutover.capture.live;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.PcapWriter;
import dev.cutover.capture.PcapngWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The frames a live capture has kept, in arrival order, with an optional ring limit (the last N frames) for
 * long watches; a ring of files on disk is {@link LiveFiles}. Writes them as pcapng or pcap, and makes a {@link Capture}
 * of them so the packet list and the analysis read live frames exactly as they read files.
 * Not thread-safe: one reader (the UI drain or the command) owns it.
 */
public final class LiveStore {
    private final String interfaceName;
    private final String filter;
    private final int linkType;
    private final int snapLen;
    private final int maxFrames;
    private final ArrayDeque<LiveFrame> frames = new ArrayDeque<>();
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
        frames.addLast(frame);
        received++;
        if (maxFrames > 0 && frames.size() > maxFrames) {
            frames.removeFirst();
            evicted++;
        }
    }

    /** Frames kept now. */
    public int size() {
        return frames.size();
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

    public List<LiveFrame> frames() {
        return List.copyOf(frames);
    }

    /** Writes pcapng atomically: the interface's name, the filter as if_filter, the comment on the section. */
    public void writePcapng(Path target, String comment) throws IOException {
        writePcapng(target, comment, new ArrayList<>(frames), i -> List.of());
    }

    /**
     * As {@link #writePcapng(Path, String)}, with each kept frame's comments (by 0-based position among the
     * frames kept now) as the packet's opt_comment, as Wireshark saves packet comments.
     */
    public void writePcapng(Path target, String comment, IntFunction<List<String>> frameComments)
            throws IOException {
        writePcapng(target, comment, new ArrayList<>(frames), frameComments);
    }

    /**
     * Writes the given frames (a copy of {@link #frames()} taken earlier) as this store would; safe on another
     * thread than the store's owner, because it reads only the store's fixed description and the list given.
     */
    public void writePcapng(Path target, String comment, List<LiveFrame> copy) throws IOException {
        writePcapng(target, comment, copy, i -> List.of());
    }

    /** As {@link #writePcapng(Path, String, List)}, with each frame's comments by position in the list. */
    public void writePcapng(Path target, String comment, List<LiveFrame> copy,
                            IntFunction<List<String>> frameComments) throws IOException {
        AtomicFiles.write(target, out -> {
            try (PcapngWriter writer = new PcapngWriter(out, "Cutover", comment)) {
                int iface = writer.addInterface(linkType, snapLen, interfaceName, null, 9, filter);
                for (int i = 0; i < copy.size(); i++) {
                    LiveFrame f = copy.get(i);
                    writer.write(iface, f.timestampNanos(), f.data(), 0, f.data().length, f.originalLength(),
                            frameComments.apply(i), 0);
                }
            }
        });
    }

    /** Writes classic pcap (microseconds) atomically; the filter and comments have no place in it. */
    public void writePcap(Path target) throws IOException {
        writePcap(target, new ArrayList<>(frames));
    }

    /** As {@link #writePcap(Path)}, of frames taken from the store earlier; safe on another thread. */
    public void writePcap(Path target, List<LiveFrame> copy) throws IOException {
        AtomicFiles.write(target, out -> {
            try (PcapWriter writer = new PcapWriter(out, linkType, snapLen, false)) {
                for (LiveFrame f : copy) {
                    writer.write(f.timestampNanos(), f.data(), 0, f.data().length, f.originalLength());
                }
            }
        });
    }

    /**
     * The frames kept now as a {@link Capture}, through a pcapng file in the temporary directory that is
     * deleted once opened (the open capture still reads it; where an open file cannot be deleted, it goes
     * when the JVM exits). Close the capture when done.
     */
    public Capture snapshot() throws IOException {
        return snapshot(frames());
    }

    /** As {@link #snapshot()}, of frames taken from the store earlier; safe on another thread. */
    public Capture snapshot(List<LiveFrame> copy) throws IOException {
        Path file = Files.createTempFile("cutover-live-", ".pcapng");
        try {
            writePcapng(file, null, copy);
            return Capture.open(List.of(file), LoadMonitor.NONE);
        } catch (CaptureException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
