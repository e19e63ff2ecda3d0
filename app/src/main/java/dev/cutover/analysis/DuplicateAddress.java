package dev.cutover.analysis;

/**
 * One of Wireshark's duplicate address reports on an ARP frame ({@code arp.duplicate-address-detected}): the frame's
 * address pair (its sender's, or a reply's target's) names {@code ip} at {@code mac}, where an earlier frame had it
 * at {@code earlierMac}. A frame has one or two, its sender's first.
 *
 * @param frame        the frame, 0-based
 * @param ip           the IPv4 address claimed twice
 * @param mac          the MAC this frame's pair gives it
 * @param earlierMac   the MAC the first frame stating the address gave it (Wireshark keeps the first)
 * @param earlierFrame the last frame, 0-based, before this one to state the address at {@code earlierMac}
 *                     ({@code arp.duplicate-address-frame})
 * @param seconds      whole seconds of this frame's time minus those of {@code earlierFrame}'s, as an unsigned 32-bit
 *                     number ({@code arp.seconds-since-duplicate-address-frame})
 * @param named        the report Info names: "(duplicate use of IP detected!)" follows Info when the frame's last
 *                     address check found a duplicate, and names that one
 */
public record DuplicateAddress(int frame, long ip, long mac, long earlierMac, int earlierFrame, long seconds,
                               boolean named) {
}
