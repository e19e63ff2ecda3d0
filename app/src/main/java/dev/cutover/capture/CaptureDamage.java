package dev.cutover.capture;

import java.nio.file.Path;

/**
 * Damage found part-way through a capture: the frames before it were indexed and are kept.
 *
 * @param file        the capture file
 * @param frameNumber 1-based number, within that file, of the frame that could not be read
 * @param byteOffset  where in the file the fault is
 * @param reason      what is wrong, in words a user understands
 */
public record CaptureDamage(Path file, long frameNumber, long byteOffset, String reason) {
    /** "FILE: frame N at byte B: reason", the form every front end prints. */
    public String message() {
        return file + ": frame " + frameNumber + " at byte " + byteOffset + ": " + reason;
    }
}
