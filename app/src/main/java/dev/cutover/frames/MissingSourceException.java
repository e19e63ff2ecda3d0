package dev.cutover.frames;

/**
 * A filter or a column reads fields whose source is not bound to the pipeline (the migration analysis of a
 * capture that has none yet): an error with a message, never an empty answer.
 */
public final class MissingSourceException extends RuntimeException {
    public MissingSourceException(String message) {
        super(message);
    }
}
