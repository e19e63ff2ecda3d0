package dev.cutover.capture.text;

import java.util.List;

/**
 * What a text capture holds: the frames' bytes end to end, each frame's place and facts, and the lines that
 * could not be read.
 *
 * @param format          which tool's output it is
 * @param data            every frame's bytes, end to end (the array may be longer than the bytes used)
 * @param dataLength      bytes of {@code data} in use
 * @param frames          the frames in the order printed
 * @param problems        lines that could not be read, in line order (at most {@link TextCaptureParser#MAX_PROBLEMS})
 * @param problemCount    how many such lines there were in all
 * @param interfaceName   the uplink the text names ("The name of the uplink is vmnic3"), or null
 * @param linkType        LINKTYPE_ value: Ethernet unless tcpdump's banner names another
 * @param precisionDigits decimal digits of the time stamps printed (6 when none were)
 */
public record TextCapture(TextFormat format, byte[] data, int dataLength, List<TextFrame> frames,
                          List<TextProblem> problems, int problemCount, String interfaceName, int linkType,
                          int precisionDigits) {
    public TextCapture {
        frames = List.copyOf(frames);
        problems = List.copyOf(problems);
    }
}
