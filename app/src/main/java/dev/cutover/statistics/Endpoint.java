package dev.cutover.statistics;

import dev.cutover.dissect.Addresses;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One MAC address of a capture, as Wireshark's Statistics &gt; Endpoints shows an Ethernet endpoint, with what
 * matters for a migration beside it: the IPv4 addresses the MAC claimed in ARP, its VLANs and capture interfaces.
 *
 * @param mac            the address, 48 bits
 * @param vendor         from the OUI, or the group's name ("Broadcast"); empty when unknown
 * @param ips            IPv4 addresses the MAC claimed as an ARP, RARP or gratuitous ARP sender, in the order first
 *                       claimed; never the addresses of routed IPv4 traffic
 * @param moreIps        true when it claimed more addresses than the {@link Endpoints#MAX_IPS} kept
 * @param vlans          VLAN stacks its frames carried ({@link VlanStacks}), ascending
 * @param interfaces     capture interfaces (uplinks) its frames were seen on, by name, in order first seen
 * @param firstFrame     0-based frame index of the first frame it appeared in
 * @param lastFrame      0-based frame index of the last
 * @param framesSent     frames with it as link-layer source
 * @param framesReceived frames with it as Ethernet destination
 * @param bytesSent      bytes on the wire of the frames sent
 * @param bytesReceived  bytes on the wire of the frames received
 * @param asEthernet     seen as an Ethernet source or destination
 * @param asSll          seen as the source of a Linux cooked capture frame
 */
public record Endpoint(long mac, String vendor, List<Long> ips, boolean moreIps, List<Long> vlans, List<String> interfaces,
                       int firstFrame, long firstNanos, int lastFrame, long lastNanos, long framesSent,
                       long framesReceived, long bytesSent, long bytesReceived, boolean asEthernet, boolean asSll) {
    public Endpoint {
        ips = List.copyOf(ips);
        vlans = List.copyOf(vlans);
        interfaces = List.copyOf(interfaces);
    }

    /** "00:50:56:9d:b0:51". */
    public String macText() {
        return Addresses.mac(mac);
    }

    /** Frames sent and received. */
    public long frames() {
        return framesSent + framesReceived;
    }

    /** Bytes sent and received (Wireshark's Bytes column). */
    public long bytes() {
        return bytesSent + bytesReceived;
    }

    /** "10.0.10.52, 10.0.10.53", and "and more" past those kept. */
    public String ipsText() {
        String s = ips.stream().map(Addresses::ipv4).collect(Collectors.joining(", "));
        return moreIps ? s + " and more" : s;
    }

    /** "10, 100/20", or "untagged". */
    public String vlansText() {
        return vlans.stream().map(VlanStacks::text).collect(Collectors.joining(", "));
    }

    public String interfacesText() {
        return String.join(", ", interfaces);
    }

    /**
     * The display filter that keeps this MAC's frames: {@code eth.addr == MAC} for an Ethernet address,
     * {@code sll.src.eth} for a Linux cooked capture's, {@code arp.src.hw_mac} for a MAC seen only inside ARP.
     */
    public String displayFilter() {
        String m = macText();
        if (asEthernet && !asSll) {
            return "eth.addr == " + m;
        }
        if (asSll && !asEthernet) {
            return "sll.src.eth == " + m;
        }
        if (asEthernet) {
            return "eth.addr == " + m + " || sll.src.eth == " + m;
        }
        return "arp.src.hw_mac == " + m;
    }
}
