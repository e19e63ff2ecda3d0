package dev.cutover.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A capture file held open for reading frames: the byte source, and for a gzip capture the
 * expanded copy, which closing deletes.
 */
final class OpenedFile implements AutoCloseable {
    final Path file;
    private volatile ByteSource source;
    private Path temporaryFile;

    OpenedFile(Path file) {
        this.file = file;
    }

    /** Reads from source from now on, closing the one read before. */
    void readFrom(ByteSource newSource) throws IOException {
        ByteSource old = source;
        source = newSource;
        if (old != null) {
            old.close();
        }
    }

    /** Marks a file of our own making, to delete on close. */
    void deleteOnClose(Path temporary) {
        this.temporaryFile = temporary;
    }

    /** The source to read frames from; throws once closed. */
    ByteSource source() throws IOException {
        ByteSource s = source;
        if (s == null) {
            throw new IOException(file + ": the capture is closed");
        }
        return s;
    }

    @Override
    public synchronized void close() {
        try {
            if (source != null) {
                source.close();
            }
        } catch (IOException ignored) {
            // nothing was written, so there is nothing to lose
        } finally {
            source = null;
            if (temporaryFile != null) {
                try {
                    Files.deleteIfExists(temporaryFile);
                } catch (IOException ignored) {
                    // deleteOnExit, registered when it was made, gets another go
                }
                temporaryFile = null;
            }
        }
    }
}
