package dev.cutover.cli;

/** The command line's exit codes. */
public final class ExitCodes {
    /** Everything was read. */
    public static final int OK = 0;
    /** A file could not be read at all: not a capture, an unsupported version, an I/O error. */
    public static final int UNREADABLE = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Read with damage: what came before the damage was processed and printed. */
    public static final int DAMAGED = 3;
    /** Live capture could not start, or stopped early (what it had was written). */
    public static final int CAPTURE_FAILED = 4;
    /** An output file could not be written; nothing was left behind. */
    public static final int NOT_WRITTEN = 5;

    private ExitCodes() {
    }
}
