package dev.cutover.capture.text;

import java.util.ArrayList;
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

    private static final int LINKTYPE_ETHERNET = 1;

    /** 802.1Q TPIDs and the 802.1ad one: a frame starting its payload with one is already tagged. */
    private static boolean isTag(int etherType) {
        return etherType == 0x8100 || etherType == 0x88a8 || etherType == 0x9100;
    }

    /**
     * The frames with the VLAN the tool printed beside them put back into their bytes, as libpcap re-inserts
     * the 802.1Q tag a NIC stripped: an Ethernet frame that pktcap-uw printed untagged with {@code VLAN tag N}
     * gets the tag (priority 0) after its MAC addresses, four bytes longer, and a comment that says so. The
     * packet list, the display filters and the analysis then all read the VLAN from the same place.
     */
    public TextCapture withVlanTagsInserted() {
        if (linkType != LINKTYPE_ETHERNET || frames.stream().noneMatch(this::needsTag)) {
            return this;
        }
        int tagged = (int) frames.stream().filter(this::needsTag).count();
        byte[] out = new byte[dataLength + 4 * tagged];
        int at = 0;
        List<TextFrame> rebuilt = new ArrayList<>(frames.size());
        for (TextFrame f : frames) {
            int start = at;
            if (needsTag(f)) {
                System.arraycopy(data, f.dataOffset(), out, at, 12);
                out[at + 12] = (byte) 0x81;
                out[at + 13] = 0x00;
                out[at + 14] = (byte) ((f.vlan() >>> 8) & 0x0f);
                out[at + 15] = (byte) f.vlan();
                System.arraycopy(data, f.dataOffset() + 12, out, at + 16, f.capturedLength() - 12);
                at += f.capturedLength() + 4;
                rebuilt.add(new TextFrame(start, f.capturedLength() + 4, f.originalLength() + 4, f.timestampNanos(),
                        f.comment(), f.vlan(), f.line(), true));
            } else {
                System.arraycopy(data, f.dataOffset(), out, at, f.capturedLength());
                at += f.capturedLength();
                rebuilt.add(f.dataOffset() == start ? f : new TextFrame(start, f.capturedLength(),
                        f.originalLength(), f.timestampNanos(), f.comment(), f.vlan(), f.line(), f.vlanInserted()));
            }
        }
        return new TextCapture(format, out, at, rebuilt, problems, problemCount, interfaceName, linkType,
                precisionDigits);
    }

    private boolean needsTag(TextFrame f) {
        return f.vlan() >= 0 && f.vlan() <= 0xfff && f.capturedLength() >= 14
                && !isTag(((data[f.dataOffset() + 12] & 0xff) << 8) | (data[f.dataOffset() + 13] & 0xff));
    }
}
