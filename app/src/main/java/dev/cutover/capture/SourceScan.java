package dev.cutover.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one pass over one file finds: its frames, interfaces, header facts and damage. Readers
 * fill it in; {@link Capture} assembles the scans of all files opened together and keeps only
 * their {@link OpenedFile}s, so a merged capture does not hold each file's own index as well.
 */
final class SourceScan implements AutoCloseable {
    /** Wireshark's largest frame (WTAP_MAX_PACKET_SIZE_STANDARD); larger claims are corrupt headers. */
    static final int MAX_CAPTURED_LENGTH = 262_144;

    final Path file;
    final int sourceIndex;
    final int firstInterfaceId;
    final long fileSize;
    final FrameIndex index = new FrameIndex();
    final FrameNotes notes = new FrameNotes();
    final List<InterfaceInfo> interfaces = new ArrayList<>();
    final List<String> comments = new ArrayList<>();
    final OpenedFile opened;

    CaptureFormat format;
    boolean gzipped;
    String byteOrder;
    String version;
    int sections;
    String hardware;
    String os;
    String application;
    CaptureDamage damage;
    int maxCapturedLength;
    /** Sees each frame's bytes as it is indexed; null for none. */
    FrameTap tap;
    /**
     * Nanoseconds added to every time stamp of this file as it enters the index (a clock correction the user
     * asked for, as editcap -t makes it; the file is not changed); 0 for none.
     */
    long timeShiftNanos;
    /**
     * The caller watches no progress and stops nothing (the command line): a large pcap may be indexed in two halves
     * at once (see PcapReader).
     */
    boolean splitAllowed;
    /** Set on a {@link #part()} whose frames are no longer wanted: its reading stops at the next window. */
    volatile boolean abandoned;

    SourceScan(Path file, int sourceIndex, int firstInterfaceId, long fileSize) {
        this.file = file;
        this.sourceIndex = sourceIndex;
        this.firstInterfaceId = firstInterfaceId;
        this.fileSize = fileSize;
        this.opened = new OpenedFile(file);
    }

    /** The file's name without its folder: the interface name when the file gives none. */
    String baseName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Adds an interface and returns its global id. */
    InterfaceInfo addInterface(long offset, int section, int localId, String name, String description,
                               int linkType, long snapLen, int precisionDigits, int fcsLength) throws Malformed {
        int id = firstInterfaceId + interfaces.size();
        if (id > FrameIndex.MAX_INTERFACE_ID) {
            throw new Malformed(offset, "more than " + (FrameIndex.MAX_INTERFACE_ID + 1)
                    + " interfaces in the files opened together");
        }
        InterfaceInfo info = new InterfaceInfo(id, sourceIndex, section, localId,
                name != null ? name : baseName(), description, linkType,
                (int) Math.min(snapLen, Integer.MAX_VALUE), precisionDigits, fcsLength);
        interfaces.add(info);
        return info;
    }

    /**
     * Adds a frame to the index. Every reader's time stamps enter the index here, so the file's
     * {@link #timeShiftNanos} is added here, once, for all formats.
     */
    void frame(long dataOffset, long timestampNanos, int capturedLength, long originalLength, int interfaceId) {
        // an original length past 2^31 is a corrupt header; hold it at the int range rather than wrap
        index.append(dataOffset, TimestampScale.saturatedAdd(timestampNanos, timeShiftNanos), capturedLength,
                (int) Math.min(originalLength, Integer.MAX_VALUE), interfaceId);
        if (capturedLength > maxCapturedLength) {
            maxCapturedLength = capturedLength;
        }
    }

    /** The tap's view of each frame's bytes, moved from frame to frame. */
    private final WindowBytes tapped = new WindowBytes();

    /**
     * Shows the frame just added by {@link #frame} to the {@link #tap}, if there is one, with its bytes read
     * through the window the reader is reading, its time stamp and length as the index holds them, and its
     * flags and comments: a reader adds the frame's {@link #notes} before it calls this.
     */
    void tap(ByteWindow window, long dataOffset, int capturedLength) throws IOException {
        if (tap == null) {
            return;
        }
        int at = window.at(dataOffset, capturedLength);
        tapped.at(window.buffer(), at, capturedLength);
        int frame = index.size() - 1;
        // the frame's notes, when it has any, were added last (a reader adds them before it taps)
        int k = notes.count() - 1;
        boolean noted = k >= 0 && notes.frameAt(k) == frame;
        tap.frame(frame, interfaces.get(index.interfaceId(frame) - firstInterfaceId), index.timestampNanos(frame),
                tapped, index.originalLength(frame), noted ? notes.flagsAt(k) : 0,
                noted ? notes.commentsAt(k) : java.util.List.of());
    }

    /**
     * A scan for a later part of this file read on another thread: the same file, interfaces and time shift, its
     * own index (numbered from 0); {@link #join} takes it in. Never for a scan with a tap.
     */
    SourceScan part() {
        SourceScan p = new SourceScan(file, sourceIndex, firstInterfaceId, fileSize);
        p.interfaces.addAll(interfaces);
        p.timeShiftNanos = timeShiftNanos;
        p.format = format;
        return p;
    }

    /** Appends the frames of {@code part}, which begin where this scan's end, and its damage. */
    void join(SourceScan part) {
        // time stamps were shifted as the part indexed them
        index.moveAllFrom(part.index);
        maxCapturedLength = Math.max(maxCapturedLength, part.maxCapturedLength);
        if (part.damage != null) {
            damage(part.damage.byteOffset(), part.damage.reason());
        }
        part.opened.close();
    }

    /** Records where reading stopped; the frame that could not be read is the next one. */
    void damage(long offset, String reason) {
        damage = new CaptureDamage(file, index.size() + 1L, offset, reason);
    }

    SourceInfo info() {
        return new SourceInfo(file, format, gzipped, byteOrder, version, fileSize, sections, index.size(),
                comments, hardware, os, application, damage, timeShiftNanos);
    }

    /** Closes the file; only for a scan that is not handed on to a capture. */
    @Override
    public void close() {
        opened.close();
    }
}
