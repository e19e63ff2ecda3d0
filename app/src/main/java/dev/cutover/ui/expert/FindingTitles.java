package dev.cutover.ui.expert;

import dev.cutover.analysis.FindingCode;
import dev.cutover.dissect.Field;

/** What a group of findings or expert infos is about, in a few words, for its row in the Findings view. */
final class FindingTitles {
    private FindingTitles() {
    }

    /** The title of a kind of analysis finding. */
    static String of(FindingCode code) {
        switch (code) {
            case RARP_WITHOUT_GARP:
                return "RARP announced the MAC, but no gratuitous ARP followed";
            case GARP_WITHOUT_RARP:
                return "Gratuitous ARP without the host's RARP";
            case DUPLICATE_IP:
                return "One IP address claimed by several MACs";
            case SENDER_MAC_MISMATCH:
                return "ARP sender MAC differs from the Ethernet source";
            case RARP_NOT_BROADCAST:
                return "RARP sent to one host, not broadcast";
            case VLAN_MISMATCH:
                return "RARP and gratuitous ARP on different VLANs";
            case MAC_ON_MULTIPLE_INTERFACES:
                return "MAC announced on several uplinks (MAC flapping)";
            case ARP_STORM:
                return "ARP storm";
            case MALFORMED_FRAME:
                return "ARP frame that cannot be read whole";
            case TRUNCATED_CAPTURE:
                return "Capture file cut short";
            case NO_ARP_FRAMES:
                return "No ARP in the capture";
            case HOST_CAME_UP:
                return "A host came up (DHCP or address probes, then gratuitous ARP): not a migration";
            case MAC_MOVED_INTERFACE:
                return "MAC announced again later on another uplink";
            case ARP_REQUEST_FLOOD:
                return "Sustained ARP requests from one sender";
            case ARP_SPOOFING:
                return "ARP spoofing: one MAC claiming other hosts' addresses";
            case IP_MOVED:
                return "IP address moved to another MAC";
            case IP_FLIP_FLOP:
                return "IP address going back and forth between MACs";
            default:
                return code.id();
        }
    }

    /** The title of an expert info: its declared text, with "…" for the part each frame fills in. */
    static String ofExpert(Field field) {
        return field.blurb().replace("%s", "…");
    }
}
