package dev.cutover.capture;

import java.io.IOException;
import java.nio.file.Path;

/** A capture that cannot be read at all: not a capture, an unsupported version, an I/O failure. */
public final class CaptureException extends IOException {
    private final transient Path file;
    private final long offset;
    private final String reason;

    public CaptureException(Path file, long offset, String reason) {
        super(file + (offset >= 0 ? ": at byte " + offset : "") + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    public CaptureException(Path file, long offset, String reason, Throwable cause) {
        this(file, offset, reason);
        initCause(cause);
    }

    public Path file() { return file; }

    /** Byte offset of the fault in the file, or -1 when it has none. */
    public long offset() { return offset; }

    public String reason() { return reason; }
}
