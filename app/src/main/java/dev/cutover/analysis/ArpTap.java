package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameIndex;
import dev.cutover.capture.FrameTap;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.WindowBytes;

import java.io.IOException;
import java.util.Arrays;

/**
 * The analysis's look at every frame, made while the capture is being indexed: what {@link ArpScanner} finds
 * reading the file again, found from the bytes the indexer already holds. Plain Ethernet ARP and RARP (under
 * 802.1Q/802.1ad tags), IPv6 neighbour solicitations and advertisements, the global IPv6 sources and DHCP are
 * recorded at once; every other frame that may carry ARP or NDP (Linux cooked captures,
 * LLC/SNAP, tunnels, frames cut short, anything the fast path declines) is noted by number and read again
 * through the dissector afterwards, as the scanner would. Every Ethernet frame's two MAC addresses are kept too
 * ({@link FrameMacs}, 4 bytes a frame), so that the outcome pass reads again only the frames of moved VMs.
 */
final class ArpTap implements FrameTap {
    private final ArpFrames rows = new ArpFrames();
    private final FrameMacs macs = new FrameMacs();
    private byte[] buffer = new byte[256];
    private int[] later = new int[64];
    private int laterCount;
    private int seen;
    private boolean inOrder = true;
    private boolean used;

    @Override
    public void frame(int frame, InterfaceInfo iface, long timestampNanos, WindowBytes bytes, int originalLength) {
        inOrder &= frame == seen;
        seen++;
        int linkType = iface.linkType();
        int capturedLength = bytes.length();
        macs.add(bytes, linkType == LinkTypes.ETHERNET);
        int peek = LinkPeek.peek(bytes, linkType, capturedLength);
        if (peek == LinkPeek.NOT_ARP) {
            long client = LinkPeek.dhcpClientOrV6Source(bytes, linkType, capturedLength, rows, frame, timestampNanos);
            if (client >= 0) {
                rows.addDhcp(frame, timestampNanos, client);
            }
            return;
        }
        if (peek == LinkPeek.NDP) {
            LinkPeek.ipv6Source(bytes, linkType, capturedLength, rows, frame, timestampNanos);
        }
        if (linkType == LinkTypes.ETHERNET && capturedLength == originalLength) {
            if (buffer.length < capturedLength) {
                buffer = new byte[Math.max(capturedLength, buffer.length * 2)];
            }
            bytes.copyTo(buffer);
            // a VLAN tag reported beside the frame comes only from text captures, which are not tapped: none here
            if (ArpScanner.plainFrame(rows, buffer, frame, capturedLength, iface.fcsLength(), timestampNanos,
                    iface.id(), -1, peek == LinkPeek.NDP)) {
                return;
            }
        }
        if (laterCount == later.length) {
            later = Arrays.copyOf(later, laterCount * 2);
        }
        later[laterCount++] = frame;
    }

    /** True when this tap saw every frame of {@code capture}, in order: a single pcap or pcapng file. */
    boolean covers(Capture capture) {
        return inOrder && seen == capture.frameCount();
    }

    /**
     * The ARP-family rows of the capture this tap saw, as {@link ArpScanner#scan} makes them: the frames left
     * for later are read again, and the frame classes are stored in the capture's index. Only once.
     */
    ArpFrames frames(Capture capture) throws IOException {
        if (used || !covers(capture)) {
            throw new IllegalStateException("the tap did not see this capture, or was used already");
        }
        used = true;
        ArpFrames out = rows;
        if (laterCount > 0) {
            out.mergeIn(ArpScanner.scanFrames(capture, later, laterCount));
        }
        // no VLAN tag reported beside a frame here: only text captures have them, and they are not tapped
        FrameIndex index = capture.index();
        for (int r = 0; r < out.count; r++) {
            index.setFrameClass(out.frame[r], out.cls[r]);
        }
        return out;
    }

    /** Every frame's MAC addresses, for the outcome pass (valid when the tap {@link #covers} the capture). */
    FrameMacs macs() {
        return macs;
    }

    /** How many frames were left to be read again. */
    int readAgain() {
        return laterCount;
    }
}
