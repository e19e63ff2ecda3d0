package dev.cutover.capture;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One or several capture files opened together and merged by time stamp into one frame numbering
 * (0-based here; people see 1-based). A single file keeps its own order.
 */
public final class Capture implements Closeable {
    private final List<OpenedFile> files;
    private final List<SourceInfo> sources;
    private final List<InterfaceInfo> interfaces;
    private final List<CaptureDamage> damages;
    private final FrameIndex index;
    private final FrameNotes notes;
    private final int maxCapturedLength;
    /** False for a prefix view of a file still loading: the capture that the load ends with closes the file. */
    private final boolean ownsFiles;
    /** Whether loading was stopped before the end of the file: the frames are those read until then. */
    private boolean stopped;

    /** How often a load publishes a prefix of what it has read, at most. */
    private static final long PREFIX_INTERVAL_NANOS = 150_000_000L;

    /** Thrown by a load's refill listener to end reading and keep the frames read so far. */
    static final class LoadStopped extends RuntimeException {
        LoadStopped() {
            super("loading was stopped", null, false, false);
        }
    }

    private Capture(List<SourceScan> scans, FrameIndex index, FrameNotes notes) {
        this.index = index;
        this.notes = notes;
        List<SourceInfo> s = new ArrayList<>();
        List<InterfaceInfo> ifs = new ArrayList<>();
        List<CaptureDamage> d = new ArrayList<>();
        List<OpenedFile> f = new ArrayList<>();
        int max = 0;
        for (SourceScan scan : scans) {
            f.add(scan.opened);
            s.add(scan.info());
            ifs.addAll(scan.interfaces);
            if (scan.damage != null) {
                d.add(scan.damage);
            }
            max = Math.max(max, scan.maxCapturedLength);
        }
        this.files = List.copyOf(f);
        this.sources = List.copyOf(s);
        this.interfaces = List.copyOf(ifs);
        this.damages = List.copyOf(d);
        this.maxCapturedLength = max;
        this.ownsFiles = true;
    }

    /** The frames of a file still loading, read so far: called on the loading thread, between two records. */
    private Capture(SourceScan scan) {
        int n = scan.index.size();
        this.files = List.of(scan.opened);
        this.sources = List.of(scan.info());
        this.interfaces = List.copyOf(scan.interfaces);
        this.damages = List.of();
        this.index = scan.index.view(0, n);
        this.notes = scan.notes.prefix();
        this.maxCapturedLength = scan.maxCapturedLength;
        this.ownsFiles = false;
    }

    private Capture(OpenedFile file, SourceInfo source, InterfaceInfo iface, FrameIndex index, int maxCapturedLength) {
        this.files = List.of(file);
        this.sources = List.of(source);
        this.interfaces = List.of(iface);
        this.damages = List.of();
        this.index = index;
        this.notes = new FrameNotes();
        this.maxCapturedLength = maxCapturedLength;
        this.ownsFiles = true;
    }

    /**
     * A capture of frames held elsewhere (a live capture's, in memory) on one interface, read as a file is read:
     * the index says where each frame's bytes are in {@code bytes}. No frame has comments or flags.
     *
     * @param source    what {@link #sources()} says of it; its frame count must be the index's size
     * @param iface     the one interface, id 0 of source 0
     * @param maxCapturedLength at least the largest captured length in the index
     */
    public static Capture of(SourceInfo source, InterfaceInfo iface, FrameIndex index, ByteSource bytes,
                             int maxCapturedLength) {
        if (iface.id() != 0 || iface.sourceIndex() != 0 || source.frames() != index.size()) {
            throw new IllegalArgumentException("one source of " + index.size() + " frames on interface 0 expected");
        }
        OpenedFile file = new OpenedFile(source.file());
        try {
            file.readFrom(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e); // only closing a source read before can fail, and there is none
        }
        return new Capture(file, source, iface, index, maxCapturedLength);
    }

    /** Opens one file. */
    public static Capture open(Path file) throws CaptureException {
        return open(List.of(file), LoadMonitor.NONE);
    }

    /**
     * Opens and indexes the files, merging them by time stamp when there are several.
     *
     * @throws CaptureException           when a file cannot be read at all
     * @throws CancellationException when the monitor asked to stop
     */
    public static Capture open(List<Path> files, LoadMonitor monitor) throws CaptureException {
        return open(files, null, monitor, null, null);
    }

    /**
     * As {@link #open(List, LoadMonitor)}; when {@code files} is one pcap or pcapng file, {@code tap} sees each
     * frame's bytes as it is indexed.
     */
    public static Capture open(List<Path> files, LoadMonitor monitor, FrameTap tap) throws CaptureException {
        return open(files, null, monitor, tap, null);
    }

    /**
     * As {@link #open(List, LoadMonitor)}, showing the frames as they are read. For one pcap or pcapng file (not
     * gzip-compressed), {@code prefixes} gets, on the loading thread, about every 150 ms, a capture of the frames read
     * so far: immutable, sharing the index's arrays and the open file (closing it does nothing; the capture returned
     * at the end owns the file). A cancel then ends reading and returns the frames read so far, {@link #stopped()}
     * true, rather than throwing. Several files or a gzip file are read as without {@code prefixes}.
     */
    public static Capture open(List<Path> files, LoadMonitor monitor, Consumer<Capture> prefixes)
            throws CaptureException {
        return open(files, null, monitor, null, prefixes);
    }

    /**
     * Both of the above ({@code tap} and {@code prefixes} null for none), with each file's clock corrected: {@code
     * timeShiftNanos[i]} nanoseconds are added to every time stamp of {@code files.get(i)} as it is indexed, before
     * the files are merged, so the numbering, the times and everything read from them see the corrected times
     * (as {@code editcap -t} would, without writing a file). The files themselves are not changed.
     *
     * @param timeShiftNanos one per file, negative to move a file earlier; null for none
     */
    public static Capture open(List<Path> files, long[] timeShiftNanos, LoadMonitor monitor, FrameTap tap,
                               Consumer<Capture> prefixes) throws CaptureException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to open");
        }
        if (timeShiftNanos != null && timeShiftNanos.length != files.size()) {
            throw new IllegalArgumentException(timeShiftNanos.length + " time shifts for " + files.size() + " files");
        }
        Objects.requireNonNull(monitor, "monitor");
        long total = 0;
        for (Path file : files) {
            total += sizeOf(file);
        }
        List<SourceScan> scans = new ArrayList<>();
        try {
            long done = 0;
            int interfaceCount = 0;
            Consumer<Capture> showing = files.size() == 1 ? prefixes : null;
            boolean[] stopped = new boolean[1];
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                long base = done;
                long grandTotal = total;
                SourceScan[] loading = new SourceScan[1];
                long[] published = {0, 0}; // frames, System.nanoTime()
                ByteWindow.RefillListener progress = pos -> {
                    SourceScan scan = showing == null ? null : loading[0];
                    boolean progressive = scan != null && !scan.gzipped
                            && (scan.format == CaptureFormat.PCAP || scan.format == CaptureFormat.PCAPNG);
                    if (monitor.cancelled()) {
                        // frames read so far are kept; with none yet, a cancel is a cancel (what was open stays)
                        if (progressive && scan.index.size() > 0) {
                            stopped[0] = true;
                            throw new LoadStopped();
                        }
                        throw new CancellationException("opening " + file + " was cancelled");
                    }
                    monitor.progress(base + pos, grandTotal);
                    if (progressive) {
                        int n = scan.index.size();
                        long now = System.nanoTime();
                        if (n > published[0] && (published[0] == 0 || now - published[1] >= PREFIX_INTERVAL_NANOS)) {
                            published[0] = n;
                            published[1] = now;
                            showing.accept(new Capture(scan));
                        }
                    }
                };
                try {
                    scans.add(SourceLoader.load(file, i, interfaceCount, progress, files.size() == 1 ? tap : null,
                            started -> {
                                loading[0] = started;
                                // nobody watching progress or able to stop: a large pcap may be read in two halves
                                started.splitAllowed = monitor == LoadMonitor.NONE && prefixes == null;
                            }, timeShiftNanos == null ? 0 : timeShiftNanos[i]));
                } catch (CaptureException e) {
                    throw e;
                } catch (NoSuchFileException e) {
                    throw new CaptureException(file, -1, "no such file", e);
                } catch (IOException e) {
                    throw new CaptureException(file, -1, "cannot read it: " + e.getMessage(), e);
                }
                SourceScan scan = scans.get(i);
                interfaceCount += scan.interfaces.size();
                done += scan.fileSize;
                monitor.progress(done, total);
            }
            Capture opened = assemble(scans);
            opened.stopped = stopped[0];
            return opened;
        } catch (CaptureException | RuntimeException | Error e) {
            scans.forEach(SourceScan::close);
            throw e;
        }
    }

    private static Capture assemble(List<SourceScan> scans) throws CaptureException {
        if (scans.size() == 1) {
            SourceScan only = scans.get(0);
            only.index.trim();
            return new Capture(scans, only.index, only.notes);
        }
        long frames = 0;
        for (SourceScan scan : scans) {
            frames += scan.index.size();
        }
        if (frames > Integer.MAX_VALUE - 1) {
            throw new CaptureException(scans.get(scans.size() - 1).file, -1,
                    "more than " + (Integer.MAX_VALUE - 1) + " frames in the files opened together");
        }
        IndexMerger merged = IndexMerger.merge(scans);
        merged.index.trim();
        return new Capture(scans, merged.index, merged.notes);
    }

    private static long sizeOf(Path file) throws CaptureException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CaptureException(file, -1, "no such file", e);
        } catch (IOException e) {
            throw new CaptureException(file, -1, "cannot read it: " + e.getMessage(), e);
        }
    }

    /**
     * Whether loading was stopped (cancelled) before the end of the file: the capture holds the frames read until
     * then. See {@link #open(List, LoadMonitor, Consumer)}.
     */
    public boolean stopped() {
        return stopped;
    }

    /** The files, in the order given. */
    public List<SourceInfo> sources() {
        return sources;
    }

    /** Nanoseconds added to every time stamp of file {@code sourceIndex} when it was opened; 0 for none. */
    public long timeShiftNanos(int sourceIndex) {
        return sources.get(sourceIndex).timeShiftNanos();
    }

    /** Every interface of every file; an interface's position here is its id. */
    public List<InterfaceInfo> interfaces() {
        return interfaces;
    }

    public FrameIndex index() {
        return index;
    }

    public int frameCount() {
        return index.size();
    }

    public InterfaceInfo interfaceOf(int frame) {
        return interfaces.get(index.interfaceId(frame));
    }

    /** Index into {@link #sources()} of the file the frame came from. */
    public int sourceOf(int frame) {
        return interfaceOf(frame).sourceIndex();
    }

    /** The largest captured length of any frame, so a caller can size one reusable buffer. */
    public int maxCapturedLength() {
        return maxCapturedLength;
    }

    /** Copies the frame's captured bytes into buf[0..] and returns how many there are. */
    public int readFrame(int frame, byte[] buf) throws IOException {
        int length = index.capturedLength(frame);
        if (buf.length < length) {
            throw new IndexOutOfBoundsException("frame " + (frame + 1) + " has " + length
                    + " bytes, the buffer holds " + buf.length);
        }
        return readFramePrefix(frame, buf);
    }

    /** Copies the frame's first captured bytes, as many as buf holds, into buf[0..] and returns how many. */
    public int readFramePrefix(int frame, byte[] buf) throws IOException {
        int length = Math.min(buf.length, index.capturedLength(frame));
        OpenedFile file = files.get(sourceOf(frame));
        ByteSource source = file.source();
        long offset = index.dataOffset(frame);
        int got = 0;
        while (got < length) {
            int n = source.read(offset + got, buf, got, length - got);
            if (n <= 0) {
                throw new CaptureException(file.file, offset + got, "frame " + (frame + 1)
                        + " ends past the end of the file; was the file changed?");
            }
            got += n;
        }
        return length;
    }

    /** The frame's captured bytes in a new array. */
    public byte[] frameBytes(int frame) throws IOException {
        byte[] bytes = new byte[index.capturedLength(frame)];
        readFrame(frame, bytes);
        return bytes;
    }

    /** The frame's pcapng opt_comment values; empty when it has none. */
    public List<String> comments(int frame) {
        Objects.checkIndex(frame, index.size());
        return notes.comments(frame);
    }

    /** The frame's pcapng epb_flags, 0 when it has none: bits 0-1 are the direction (1 inbound, 2 outbound). */
    public int packetFlags(int frame) {
        Objects.checkIndex(frame, index.size());
        return notes.flags(frame);
    }

    /**
     * The VLAN ID the capture tool reported beside the frame (pktcap-uw prints "VLAN tag 602" for frames it
     * shows untagged), or -1 when it reported none. Such a tag is also put back into the frame's bytes when
     * they were printed untagged, so the dissector sees it too.
     */
    public int vlanTag(int frame) {
        Objects.checkIndex(frame, index.size());
        return notes.vlan(frame);
    }

    /** The byte source of file {@code sourceIndex}, for readers in this package that stream a whole file. */
    ByteSource source(int sourceIndex) throws IOException {
        return files.get(sourceIndex).source();
    }

    /** One damage per file that could not be read to its end, in file order. */
    public List<CaptureDamage> damages() {
        return damages;
    }

    /** Closes the files and deletes the temporary files of gzip captures. */
    @Override
    public void close() {
        if (ownsFiles) {
            files.forEach(OpenedFile::close);
        }
    }

    @Override
    public String toString() {
        return "Capture" + sources.stream().map(SourceInfo::file).toList() + ", " + frameCount() + " frames";
    }
}
