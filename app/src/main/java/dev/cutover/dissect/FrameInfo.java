package dev.cutover.dissect;

import java.util.List;

/**
 * What the capture layer knows of a frame before its bytes are decoded.
 *
 * @param number          1-based frame number over the open captures
 * @param timeNanos       arrival time, nanoseconds since the Unix epoch
 * @param relativeNanos   time since the first frame
 * @param deltaNanos      time since the previous frame
 * @param capturedLength  bytes captured
 * @param originalLength  bytes on the wire
 * @param interfaceId     capture interface
 * @param interfaceName   its name (pcapng if_name, or the file's base name)
 * @param linkType        the interface's link type (1 Ethernet, 113 Linux SLL, 276 Linux SLL2, ...)
 * @param fcsLength       FCS bytes known to end every frame (0, or 4), -1 when unknown
 * @param flags           pcapng epb_flags, 0 when absent
 * @param comments        packet comments from the file, and annotations
 */
public record FrameInfo(int number, long timeNanos, long relativeNanos, long deltaNanos, int capturedLength,
                        int originalLength, int interfaceId, String interfaceName, int linkType, int fcsLength,
                        int flags, List<String> comments) {
    public FrameInfo {
        comments = comments == null ? List.of() : comments;
        interfaceName = interfaceName == null ? "" : interfaceName;
    }
}
