package dev.cutover.dissect;

import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Dns;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.FrameProto;
import dev.cutover.dissect.proto.Icmp;
import dev.cutover.dissect.proto.Icmpv6;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.dissect.proto.Sll;
import dev.cutover.dissect.proto.Tcp;
import dev.cutover.dissect.proto.Udp;
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
        if (f == Ip.IP) {
            int src = childNode(d, node, Ip.SRC);
            int dst = childNode(d, node, Ip.DST);
            return src < 0 || dst < 0 ? f.label() : f.label() + ", Src: " + Addresses.ipv4(d.value(src))
                    + ", Dst: " + Addresses.ipv4(d.value(dst));
        }
        if (f == Ip.IPV6) {
            int src = childNode(d, node, Ip.V6_SRC);
            int dst = childNode(d, node, Ip.V6_DST);
            return src < 0 || dst < 0 ? f.label() : f.label() + ", Src: " + Addresses.ipv6(d.data(), d.offset(src))
                    + ", Dst: " + Addresses.ipv6(d.data(), d.offset(dst));
        }
        if (f == Udp.UDP) {
            return ports(d, node, f, Udp.SRCPORT, Udp.DSTPORT);
        }
        if (f == Tcp.TCP) {
            StringBuilder sb = new StringBuilder(ports(d, node, f, Tcp.SRCPORT, Tcp.DSTPORT));
            long seq = child(d, node, Tcp.SEQ);
            if (seq >= 0 && childNode(d, node, Tcp.LEN) >= 0) {
                sb.append(", Seq: ").append(seq);
                if ((child(d, node, Tcp.FLAGS) & Tcp.ACK) != 0) {
                    sb.append(", Ack: ").append(child(d, node, Tcp.ACK_NUM));
                }
            }
            long len = child(d, node, Tcp.LEN);
            if (len >= 0) {
                sb.append(", Len: ").append(len);
            }
            return sb.toString();
        }
        if (f == Dns.DNS || f == Dns.MDNS || f == Dns.LLMNR) {
            long response = child(d, node, Dns.RESPONSE);
            return response < 0 ? f.label() : f.label() + (response != 0 ? " (response)" : " (query)");
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

    /**
     * The details-tree line of a value whose text depends on more than its own value ("Flags: 0x018 (PSH, ACK)",
     * "Code: 3 (Port unreachable)"), or null for the ordinary label.
     */
    static String valueLabel(Dissection d, int node) {
        Field f = d.field(node);
        long v = d.value(node);
        if (f == Tcp.FLAGS) {
            StringBuilder sb = new StringBuilder("Flags: 0x");
            String hex = Long.toHexString(v);
            for (int i = hex.length(); i < 3; i++) {
                sb.append('0');
            }
            sb.append(hex).append(" (");
            Tcp.appendFlagNames(sb, (int) v);
            return sb.append(')').toString();
        }
        if (f == Icmp.RESPTIME) {
            // packet-icmp.c's own format: milliseconds to three places
            return String.format(java.util.Locale.ROOT, "[Response time: %.3f ms]", FieldType.fromDoubleKey(v));
        }
        if (f == Dns.FLAGS) {
            return String.format("Flags: 0x%04x %s", v, Dns.flagsSummary((int) v));
        }
        if (f == Icmp.CODE) {
            int p = d.parent(node);
            int type = p < 0 ? -1 : childNode(d, p, Icmp.TYPE);
            String name = type < 0 ? null : Icmp.codeName((int) d.value(type), (int) v);
            return name == null ? null : "Code: " + v + " (" + name + ")";
        }
        if (f == Dns.RESP_TYPE && isNsecBitmap(d, node)) {
            return "RR type in bit map: " + Dns.RESP_TYPE.valueNames().getOrDefault(v, Dns.typeName((int) v));
        }
        if (f == Ip.V6_TCLASS || f == Ip.V6_FLOW) {
            StringBuilder sb = new StringBuilder(80);
            FieldFormat.appendBitPattern(sb, f, v, d.length(node));
            if (f == Ip.V6_FLOW) {
                return sb.append(String.format(" = Flow Label: 0x%05x", v)).toString();
            }
            sb.append(String.format(" = Traffic Class: 0x%02x (DSCP: ", v)).append(dscpShort((int) v >>> 2))
                    .append(", ECN: ").append(ECN_SHORT[(int) v & 3]).append(')');
            return sb.toString();
        }
        if (f == Icmpv6.CHECKSUM) {
            int status = d.find(Icmpv6.CHECKSUM_STATUS, node);
            long st = status < 0 ? 2 : d.value(status);
            String text = String.format("Checksum: 0x%04x", v);
            if (st == 1) {
                return text + " [correct]";
            }
            int bad = st == 0 ? d.find(Icmpv6.BAD_CHECKSUM.field(), node) : -1;
            if (bad >= 0) {
                String message = String.valueOf(d.object(bad));
                int at = message.indexOf("0x");
                return text + " incorrect, should be " + message.substring(at, Math.min(message.length(), at + 6));
            }
            return text + " [unverified]";
        }
        if (f == Icmpv6.CHECKSUM_STATUS) {
            return "[Checksum Status: " + f.valueNames().getOrDefault(v, Long.toString(v)) + "]";
        }
        if (f == Icmpv6.NA_FLAG) {
            String names = Icmpv6.naFlagNames(v);
            return String.format("Flags: 0x%08x", v) + (names.isEmpty() ? "" : ", " + names);
        }
        if (f == Icmpv6.OPT_LENGTH) {
            return "Length: " + v + " (" + v * 8 + " bytes)";
        }
        if (f == Ip.HOPOPTS_LEN_OCT || f == Ip.DSTOPTS_LEN_OCT || f == Ip.ROUTING_LEN_OCT) {
            return "[Length: " + v + " bytes]";
        }
        if (f == Tcp.HDR_LEN || f == Ip.HDR_LEN) {
            return "Header Length: " + v + " bytes (" + v / 4 + ")";
        }
        return null;
    }

    private static final String[] ECN_SHORT = {"Not-ECT", "ECT(1)", "ECT(0)", "CE"};

    /** Wireshark's short DSCP names (dscp_short_vals): CS0, AF41, EF PHB; Unknown for the others. */
    private static String dscpShort(int dscp) {
        switch (dscp) {
            case 0: return "CS0";
            case 1: return "LE";
            case 44: return "VOICE-ADMIT";
            case 46: return "EF PHB";
            default:
                if (dscp % 8 == 0) {
                    return "CS" + dscp / 8;
                }
                if (dscp >= 10 && dscp <= 38 && dscp % 2 == 0 && (dscp % 8) != 0) {
                    return "AF" + dscp / 8 + (dscp % 8) / 2;
                }
                return "Unknown";
        }
    }

    /** An NSEC record's type bitmap entry: it follows the record's next-domain-name among its siblings. */
    private static boolean isNsecBitmap(Dissection d, int node) {
        int parent = d.parent(node);
        for (int k = node - 1; k > parent; k--) {
            if (d.parent(k) == parent && d.field(k) == Dns.NSEC_NEXT) {
                return true;
            }
        }
        return false;
    }

    private static String ports(Dissection d, int node, Field f, Field src, Field dst) {
        long s = child(d, node, src);
        long t = child(d, node, dst);
        return s < 0 || t < 0 ? f.label() : f.label() + ", Src Port: " + s + ", Dst Port: " + t;
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
