package dev.cutover.capture.live;

/** Live capture could not start or stopped early; the message is for the user, with what to do. */
public final class LiveCaptureException extends Exception {
    /** What went wrong, so callers can choose an exit code or a dialog. */
    public enum Kind { LIBPCAP_MISSING, NOT_PERMITTED, NO_SUCH_INTERFACE, BAD_FILTER, INTERFACE_GONE, FAILED }

    private final Kind kind;

    public LiveCaptureException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
