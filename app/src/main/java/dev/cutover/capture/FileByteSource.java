package dev.cutover.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** A byte source over a file, read with positional FileChannel reads. */
public final class FileByteSource implements ByteSource {
    private final Path file;
    private volatile FileChannel channel;
    private volatile boolean closed;

    public FileByteSource(Path file) throws IOException {
        this.file = Objects.requireNonNull(file, "file");
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The file this source reads. */
    public Path file() {
        return file;
    }

    @Override
    public long size() throws IOException {
        return channel().size();
    }

    @Override
    public int read(long pos, byte[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        return read(pos, ByteBuffer.wrap(dst, off, len));
    }

    /**
     * Reads at pos until dst is full or the file ends; returns the count read. The index pass reads
     * into a direct buffer this way, which saves the copy a heap array costs.
     */
    int read(long pos, ByteBuffer dst) throws IOException {
        if (pos < 0) {
            throw new IndexOutOfBoundsException("negative position " + pos);
        }
        int start = dst.position();
        try {
            return readFully(channel(), pos, dst);
        } catch (ClosedChannelException e) {
            // An interrupt on any thread closes a FileChannel for every thread; a UI that
            // cancels one read must not make the whole capture unreadable, so reopen once.
            // Clear our own interrupt first, or the reopened channel would close at once.
            boolean interrupted = Thread.interrupted();
            try {
                dst.position(start);
                return readFully(reopen(e), pos, dst);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int readFully(FileChannel ch, long pos, ByteBuffer buf) throws IOException {
        int total = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private FileChannel channel() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return channel;
    }

    private synchronized FileChannel reopen(ClosedChannelException cause) throws IOException {
        if (closed) {
            throw cause;
        }
        if (!channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
