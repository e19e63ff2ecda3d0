package dev.cutover.filter;

import dev.cutover.capture.LinkTypes;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Dissector;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Frames built byte by byte, as a switch would see them during a live migration. */
final class TestFrames {
    static final String VM_MAC = "00:50:56:9d:b0:51";
    static final String BROADCAST = "ff:ff:ff:ff:ff:ff";
    static final String GUEST_MAC = "00:50:56:aa:bb:cc";
    static final String GATEWAY_MAC = "00:0c:29:11:22:33";

    private TestFrames() {
    }

    /** ESXi's RARP announce: reverse request to broadcast, sender = target = source = the VM's MAC. */
    static byte[] rarpAnnounce() {
        return ethernet(BROADCAST, VM_MAC, arp(0x8035, 3, VM_MAC, "0.0.0.0", VM_MAC, "0.0.0.0"));
    }

    /** The same announce tagged VLAN 10. */
    static byte[] rarpAnnounceVlan10() {
        return ethernet(BROADCAST, VM_MAC, tag(0x8100, 10, arp(0x8035, 3, VM_MAC, "0.0.0.0", VM_MAC, "0.0.0.0")));
    }

    /** A gratuitous ARP request for 10.0.0.152. */
    static byte[] garp() {
        return ethernet(BROADCAST, GUEST_MAC,
                arp(0x0806, 1, GUEST_MAC, "10.0.0.152", "00:00:00:00:00:00", "10.0.0.152"));
    }

    /** The gateway's reply to the guest. */
    static byte[] arpReply() {
        return ethernet(GUEST_MAC, GATEWAY_MAC, arp(0x0806, 2, GATEWAY_MAC, "10.0.0.1", GUEST_MAC, "10.0.0.152"));
    }

    /** An ARP request in two 802.1Q tags: outer VLAN 20, inner VLAN 10. */
    static byte[] doubleTagged() {
        return ethernet(BROADCAST, GUEST_MAC, tag(0x8100, 20, tag(0x8100, 10,
                arp(0x0806, 1, GUEST_MAC, "192.168.7.9", "00:00:00:00:00:00", "192.168.1.1"))));
    }

    /** An 802.1ad service tag 100 over customer VLAN 10, carrying an ARP request. */
    static byte[] qinq() {
        return ethernet(BROADCAST, GUEST_MAC, tag(0x88a8, 100, tag(0x8100, 10,
                arp(0x0806, 1, GUEST_MAC, "10.0.0.152", "00:00:00:00:00:00", "10.0.0.7"))));
    }

    /** Ethernet header, then a payload whose first two bytes are its EtherType; padded to 60 bytes. */
    static byte[] ethernet(String dst, String src, byte[] typeAndPayload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(mac(dst));
        out.writeBytes(mac(src));
        out.writeBytes(typeAndPayload);
        while (out.size() < 60) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** A tag: TPID, then TCI with the VLAN id, then the inner type and payload. */
    static byte[] tag(int tpid, int vlan, byte[] inner) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tpid >> 8);
        out.write(tpid);
        out.write(vlan >> 8);
        out.write(vlan);
        out.writeBytes(inner);
        return out.toByteArray();
    }

    /** EtherType, then an Ethernet/IPv4 ARP or RARP message. */
    static byte[] arp(int etherType, int opcode, String sha, String spa, String tha, String tpa) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(etherType >> 8);
        out.write(etherType);
        out.writeBytes(new byte[] {0, 1, 8, 0, 6, 4, 0, (byte) opcode});
        out.writeBytes(mac(sha));
        out.writeBytes(ipv4(spa));
        out.writeBytes(mac(tha));
        out.writeBytes(ipv4(tpa));
        return out.toByteArray();
    }

    static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    static byte[] ipv4(String text) {
        String[] parts = text.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(parts[i]);
        }
        return b;
    }

    static FrameInfo info(int number, byte[] frame) {
        long t = 1_386_259_199_430_926_000L + number * 250_000_000L;
        return new FrameInfo(number, t, (number - 1) * 250_000_000L, number == 1 ? 0 : 250_000_000L,
                frame.length, frame.length, 0, "vmnic0", LinkTypes.ETHERNET, -1, 0, List.of());
    }

    static Dissection dissect(int number, byte[] frame) {
        return dissect(number, frame, Layer.ALL);
    }

    static Dissection dissect(int number, byte[] frame, Layer depth) {
        Dissection d = new Dissection();
        new Dissector().dissect(info(number, frame), frame, d, depth);
        return d;
    }
}
