package dev.cutover.capture;

/**
 * Sees each frame of a file while it is being indexed, with its bytes still in the read-ahead window, so that a
 * pass which only needs to look at every frame once (the migration analysis's search for ARP) does not read the
 * file a second time. Called on the indexing thread, in frame order; the bytes are valid only during the call.
 * Only a single pcap or pcapng file is tapped: text captures and files merged together are not (a tap can tell by
 * counting the frames it saw against the capture's).
 */
@FunctionalInterface
public interface FrameTap {
    /**
     * One frame.
     *
     * @param frame          the frame's 0-based number in the capture
     * @param iface          its interface
     * @param timestampNanos its time stamp, as the index holds it
     * @param bytes          its captured bytes, in the indexer's window: valid only during the call
     * @param originalLength the frame's length on the wire, as the index holds it
     */
    void frame(int frame, InterfaceInfo iface, long timestampNanos, WindowBytes bytes, int originalLength)
            throws java.io.IOException;

    /**
     * One frame, with what the file says beside it: the indexer calls this one, and a tap that decodes frames
     * as the capture would show them overrides it.
     *
     * @param flags    the frame's pcapng epb_flags, 0 when it has none
     * @param comments its pcapng opt_comment values, empty when it has none
     */
    default void frame(int frame, InterfaceInfo iface, long timestampNanos, WindowBytes bytes, int originalLength,
                       int flags, java.util.List<String> comments) throws java.io.IOException {
        frame(frame, iface, timestampNanos, bytes, originalLength);
    }
}
