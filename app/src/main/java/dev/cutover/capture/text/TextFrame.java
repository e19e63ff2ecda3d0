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
 * @param vlanInserted    the bytes carry the 802.1Q tag of {@code vlan}, put back by
 *                        {@link TextCapture#withVlanTagsInserted()}; the text printed them untagged
 */
public record TextFrame(int dataOffset, int capturedLength, int originalLength, long timestampNanos, String comment,
                        int vlan, int line, boolean vlanInserted) {

    /** A frame as the text printed it. */
    public TextFrame(int dataOffset, int capturedLength, int originalLength, long timestampNanos, String comment,
                     int vlan, int line) {
        this(dataOffset, capturedLength, originalLength, timestampNanos, comment, vlan, line, false);
    }

    /** What the frame's comment says of a tag put back: "802.1Q tag for VLAN 10 re-inserted from pktcap-uw's metadata". */
    public String vlanNote() {
        return vlanInserted ? "802.1Q tag for VLAN " + vlan + " re-inserted from pktcap-uw's metadata" : null;
    }
}
