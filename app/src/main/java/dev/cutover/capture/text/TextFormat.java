package dev.cutover.capture.text;

/** Which tool printed a text capture, as told from its lines. */
public enum TextFormat {
    /** ESXi pktcap-uw run without {@code -o}: a header line per frame, "Segment[0]", then 0x-offset hex. */
    PKTCAP_UW,
    /** {@code tcpdump -xx} or {@code -XX}: a summary line per frame, then 0x-offset hex groups. */
    TCPDUMP,
    /** {@code tcpdump -e} without hex: one summary line per frame, each frame rebuilt from what the line prints. */
    TCPDUMP_LINES,
    /** Wireshark's hex dump export and text2pcap input: offset, then two-digit bytes, optional ASCII. */
    HEX_DUMP
}
