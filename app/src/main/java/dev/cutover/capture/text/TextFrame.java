package dev.cutover.capture.text;

/**
 * One frame read from a text capture.
 *
 * @param dataOffset      where its bytes start in {@link TextCapture#data()}
 * @param capturedLength  bytes printed
 * @param originalLength  bytes on the wire, as the text states it (pktcap-uw's "length N"), else the bytes printed
 * @param timestampNanos  nanoseconds since the Unix epoch, UTC
 * @param comment         what the tool printed about the frame beside its bytes, or null
 * @param vlan            the VLAN ID the tool printed beside the bytes, or -1
 * @param line            1-based line of the text where the frame starts
 */
public record TextFrame(int dataOffset, int capturedLength, int originalLength, long timestampNanos, String comment,
                        int vlan, int line) {
}
