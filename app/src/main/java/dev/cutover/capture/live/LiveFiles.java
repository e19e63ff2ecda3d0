package dev.cutover.capture.live;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.PcapngWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * Writes live frames to pcapng as they arrive, so a long watch does not hold its frames in memory: either
 * one file, or a ring of files of at most a given size of which only the newest are kept (tshark's
 * {@code -b filesize:… -b files:…}). Ring files are named as tshark names them,
 * {@code watch_00001_20261121153012.pcapng} for a target {@code watch.pcapng}: a sequence number and the
 * local time of the file's first frame. Every file keeps the interface's name, the capture filter and the
 * comment, and appears under its name only once it is complete (written beside it, then moved into place),
 * so whatever reads the folder during the capture never sees half a file. Not thread-safe: one writer.
 */
public final class LiveFiles implements Closeable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** An enhanced packet block without options: 32 bytes around the frame padded to 4 bytes. */
    private static final int BLOCK_OVERHEAD = 32;

    private final Path target;
    private final String interfaceName;
    private final String filter;
    private final int linkType;
    private final int snapLen;
    private final String comment;
    private final long fileBytes;
    private final int keepFiles;
    private final ZoneId zone;
    private final ArrayDeque<Path> kept = new ArrayDeque<>();
    private AtomicFiles.Pending pending;
    private PcapngWriter writer;
    private int iface;
    private long framesInFile;
    private long frames;
    private int sequence;
    private long deleted;
    private boolean closed;

    /**
     * @param target    the file, or for a ring the name its files are made from
     * @param fileBytes start a new file before one would grow past this many bytes; 0 for one file
     * @param keepFiles with a ring, keep at most this many files (the one being written included), deleting
     *                  the oldest; 0 keeps every file
     */
    public LiveFiles(Path target, String interfaceName, String filter, int linkType, int snapLen, String comment,
                     long fileBytes, int keepFiles, ZoneId zone) {
        this.target = Objects.requireNonNull(target, "target").toAbsolutePath();
        this.interfaceName = interfaceName;
        this.filter = filter == null ? "" : filter;
        this.linkType = linkType;
        this.snapLen = snapLen;
        this.comment = comment;
        if (fileBytes < 0 || keepFiles < 0) {
            throw new IllegalArgumentException("file size and file count cannot be negative");
        }
        this.fileBytes = fileBytes;
        this.keepFiles = keepFiles;
        this.zone = zone;
    }

    /** Files for what the session captures, with its interface, filter and link type. */
    public static LiveFiles of(LiveSession session, Path target, String comment, long fileBytes, int keepFiles) {
        return new LiveFiles(target, session.options().interfaceName(), session.options().filter(),
                session.linkType(), session.options().snapLen(), comment, fileBytes, keepFiles,
                ZoneId.systemDefault());
    }

    /** Whether this writes a ring of files rather than one. */
    public boolean ring() {
        return fileBytes > 0;
    }

    public void write(LiveFrame frame) throws IOException {
        if (closed) {
            throw new IllegalStateException("the capture files are closed");
        }
        long block = BLOCK_OVERHEAD + ((frame.data().length + 3L) & ~3L);
        if (writer != null && ring() && framesInFile > 0 && writer.written() + block > fileBytes) {
            finishFile();
        }
        if (writer == null) {
            startFile(frame.timestampNanos());
        }
        try {
            writer.write(iface, frame.timestampNanos(), frame.data(), 0, frame.data().length,
                    frame.originalLength(), List.of(), 0);
        } catch (IOException e) {
            throw new IOException("cannot write " + pending.target() + ": " + e.getMessage(), e);
        }
        framesInFile++;
        frames++;
    }

    public void writeAll(Iterable<LiveFrame> batch) throws IOException {
        for (LiveFrame frame : batch) {
            write(frame);
        }
    }

    private void startFile(long firstFrameNanos) throws IOException {
        sequence++;
        Path name = ring() ? ringName(sequence, firstFrameNanos) : target;
        if (ring() && keepFiles > 0) {
            while (kept.size() >= keepFiles) {
                Files.deleteIfExists(kept.removeFirst());
                deleted++;
            }
        }
        try {
            pending = AtomicFiles.create(name);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + name + ": no such folder " + name.getParent(), e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write " + name + ": permission denied in " + name.getParent(), e);
        }
        try {
            writer = new PcapngWriter(pending.stream(), "Cutover", comment);
            iface = writer.addInterface(linkType, snapLen, interfaceName, null, 9, filter);
        } catch (IOException | RuntimeException e) {
            pending.close();
            pending = null;
            writer = null;
            throw e;
        }
        framesInFile = 0;
    }

    private Path ringName(int n, long nanos) {
        String file = target.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : ".pcapng";
        String stamp = STAMP.format(Instant.ofEpochSecond(0, nanos).atZone(zone));
        return target.resolveSibling(String.format("%s_%05d_%s%s", stem, n, stamp, ext));
    }

    private void finishFile() throws IOException {
        AtomicFiles.Pending done = pending;
        pending = null;
        try {
            writer.close();
            done.commit();
            kept.addLast(done.target());
        } catch (IOException e) {
            throw new IOException("cannot write " + done.target() + ": " + e.getMessage(), e);
        } finally {
            writer = null;
            done.close();
        }
    }

    /**
     * Completes the file being written; a capture that saw no frame still leaves one valid, empty file.
     * After a failure the frames of the unfinished file are lost, the finished files stay.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (writer == null && sequence == 0) {
            startFile(System.currentTimeMillis() * 1_000_000L);
        }
        if (writer != null) {
            finishFile();
        }
    }

    /** The complete files kept now, oldest first. */
    public List<Path> files() {
        return List.copyOf(kept);
    }

    /** Frames written, including those in files the ring has deleted since. */
    public long frames() {
        return frames;
    }

    /** Files the ring deleted to keep its count. */
    public long deletedFiles() {
        return deleted;
    }

    /** What was written, for a summary: the file, or the ring's first and last kept file and what went. */
    public String describe() {
        if (!ring()) {
            return target.toString();
        }
        if (kept.isEmpty()) {
            return "no file";
        }
        String files = kept.size() == 1 ? kept.getFirst().toString()
                : kept.size() + " files, " + kept.getFirst() + " to " + kept.getLast().getFileName();
        return files + (deleted > 0 ? " (" + deleted + " older deleted by the ring)" : "");
    }
}
