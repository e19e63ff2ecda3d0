package dev.cutover.capture;

/**
 * A structural fault in a capture, found while reading it. The reader decides whether it is fatal
 * (a {@link CaptureException}) or damage after which the frames read so far are kept.
 */
final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    Malformed(long offset, String reason) {
        // no stack trace: this is an expected outcome on bad input, not a bug
        super(reason, null, false, false);
        this.offset = offset;
        this.reason = reason;
    }

    long offset() {
        return offset;
    }

    String reason() {
        return reason;
    }
}
