package dev.cutover.capture.text;

/**
 * A line of a text capture that could not be read as part of a frame; the frames around it are kept.
 *
 * @param line        1-based line number
 * @param byteOffset  where the line starts in the file
 * @param frameNumber 1-based number of the frame it concerns (the next frame when it falls between frames)
 * @param reason      what is wrong, in words a user understands
 */
public record TextProblem(int line, long byteOffset, long frameNumber, String reason) {
    /** "line 17: reason". */
    public String message() {
        return "line " + line + ": " + reason;
    }
}
