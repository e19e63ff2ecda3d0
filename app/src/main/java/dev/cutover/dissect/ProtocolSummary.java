package dev.cutover.dissect;

import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.FrameProto;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Vlan;

/** The one-line heading of a protocol in the details tree, as Wireshark writes it. */
final class ProtocolSummary {
    private ProtocolSummary() {
    }

    static String of(Dissection d, int node) {
        Field f = d.field(node);
        if (f == FrameProto.FRAME) {
            long len = child(d, node, FrameProto.LEN);
            long cap = child(d, node, FrameProto.CAP_LEN);
            int nameNode = childNode(d, node, FrameProto.INTERFACE_NAME);
            String name = nameNode < 0 ? "" : String.valueOf(d.object(nameNode));
            return "Frame " + child(d, node, FrameProto.NUMBER) + ": " + len + " bytes on wire (" + len * 8
                    + " bits), " + cap + " bytes captured (" + cap * 8 + " bits) on interface " + name + ", id "
                    + child(d, node, FrameProto.INTERFACE_ID);
        }
        if (f == Ethernet.ETH) {
            String kind = childNode(d, node, Ethernet.LEN) >= 0 ? "IEEE 802.3 Ethernet" : "Ethernet II";
            return kind + ", Src: " + mac(d, node, Ethernet.SRC) + ", Dst: " + mac(d, node, Ethernet.DST);
        }
        if (f == Vlan.VLAN) {
            return "802.1Q Virtual LAN, PRI: " + child(d, node, Vlan.PRIORITY) + ", DEI: "
                    + child(d, node, Vlan.DEI_BIT) + ", ID: " + child(d, node, Vlan.ID);
        }
        if (f == Vlan.AD) {
            return "IEEE 802.1ad, ID: " + child(d, node, Vlan.AD_ID);
        }
        if (f == Sll.SLL) {
            return childNode(d, node, Sll.IFINDEX) >= 0 ? "Linux cooked capture v2" : "Linux cooked capture v1";
        }
        if (f == Arp.ARP) {
            long op = child(d, node, Arp.OPCODE);
            String name = Arp.OPCODE.valueName(op);
            if (childNode(d, node, Arp.IS_ANNOUNCEMENT) >= 0) {
                name = "ARP Announcement";
            } else if (childNode(d, node, Arp.IS_PROBE) >= 0) {
                name = "ARP Probe";
            } else if (childNode(d, node, Arp.IS_GRATUITOUS) >= 0) {
                name = op == 1 ? "request/gratuitous ARP" : "reply/gratuitous ARP";
            }
            return f.label() + (name != null ? " (" + name + ")" : op < 0 ? "" : String.format(" (opcode 0x%04x)", op));
        }
        return f.label();
    }

    private static int childNode(Dissection d, int parent, Field field) {
        for (int i = parent + 1; i < d.size(); i++) {
            if (d.field(i) == field && isWithin(d, i, parent)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWithin(Dissection d, int node, int ancestor) {
        for (int p = d.parent(node); p >= 0; p = d.parent(p)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static long child(Dissection d, int parent, Field field) {
        int i = childNode(d, parent, field);
        return i < 0 ? -1 : d.value(i);
    }

    private static String mac(Dissection d, int parent, Field field) {
        int i = childNode(d, parent, field);
        return i < 0 ? "?" : Addresses.mac(d.value(i));
    }
}
