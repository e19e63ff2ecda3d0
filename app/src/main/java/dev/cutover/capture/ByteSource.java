package dev.cutover.capture;

import java.io.Closeable;
import java.io.IOException;

/** Random access to the bytes of a capture; positional reads, safe to call from several threads. */
public interface ByteSource extends Closeable {

    /** Number of bytes in the source. */
    long size() throws IOException;

    /** Reads up to len bytes at pos; returns the count read (less only at the end). */
    int read(long pos, byte[] dst, int off, int len) throws IOException;
}
