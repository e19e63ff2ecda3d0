package dev.cutover.samples;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Frames as they cross the wire, built from their fields: ARP, RARP, gratuitous ARP and a little TCP, untagged,
 * 802.1Q-tagged, or Q-in-Q (802.1ad outer tag, 802.1Q inner). Untagged frames are padded to 60 bytes before any
 * tag goes in, as a switch port adds the tag to a minimum-size frame.
 */
public final class Wire {
    public static final long BROADCAST = 0xffff_ffff_ffffL;

    private Wire() {
    }

    public static long mac(String text) {
        return Long.parseLong(text.replace(":", "").replace("-", ""), 16);
    }

    public static long ip(String dotted) {
        String[] p = dotted.split("\\.");
        return (Long.parseLong(p[0]) << 24) | (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8)
                | Long.parseLong(p[3]);
    }

    /** A hypervisor's RARP notification for {@code vm}: from the VM's MAC to broadcast, sender = target = VM. */
    public static byte[] rarp(long vm, int... vlans) {
        return arp(vm, BROADCAST, 0x8035, 3, vm, 0, vm, 0, vlans);
    }

    /** The same notification sent to one MAC instead of broadcast. */
    public static byte[] rarpTo(long destination, long vm, int... vlans) {
        return arp(vm, destination, 0x8035, 3, vm, 0, vm, 0, vlans);
    }

    /** A gratuitous ARP request (RFC 5227 announcement): sender IP = target IP, target MAC zero, to broadcast. */
    public static byte[] garp(long mac, long ip, int... vlans) {
        return arp(mac, BROADCAST, 0x0806, 1, mac, ip, 0, ip, vlans);
    }

    /** A gratuitous ARP reply to broadcast. */
    public static byte[] garpReply(long mac, long ip, int... vlans) {
        return arp(mac, BROADCAST, 0x0806, 2, mac, ip, BROADCAST, ip, vlans);
    }

    /** "Who has {@code target}? Tell {@code ip}" to broadcast. */
    public static byte[] request(long mac, long ip, long target, int... vlans) {
        return arp(mac, BROADCAST, 0x0806, 1, mac, ip, 0, target, vlans);
    }

    /** An RFC 5227 probe: from 0.0.0.0, target MAC zero. */
    public static byte[] probe(long mac, long target, int... vlans) {
        return arp(mac, BROADCAST, 0x0806, 1, mac, 0, 0, target, vlans);
    }

    /** "{@code ip} is at {@code mac}", unicast to the asker. */
    public static byte[] reply(long mac, long ip, long toMac, long toIp, int... vlans) {
        return arp(mac, toMac, 0x0806, 2, mac, ip, toMac, toIp, vlans);
    }

    /** Any ARP-format frame; the Ethernet source may differ from the sender MAC. */
    public static byte[] arp(long ethSrc, long ethDst, int etherType, int opcode, long sha, long spa, long tha,
                             long tpa, int... vlans) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        put(b, ethDst, 6);
        put(b, ethSrc, 6);
        put(b, etherType, 2);
        put(b, 1, 2);
        put(b, 0x0800, 2);
        b.write(6);
        b.write(4);
        put(b, opcode, 2);
        put(b, sha, 6);
        put(b, spa, 4);
        put(b, tha, 6);
        put(b, tpa, 4);
        return tag(Arrays.copyOf(b.toByteArray(), 60), vlans);
    }

    /** A TCP segment between two hosts with {@code payload} bytes of data. */
    public static byte[] tcp(long src, long dst, long srcIp, long dstIp, int payload, int... vlans) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 + payload);
        put(b, dst, 6);
        put(b, src, 6);
        put(b, 0x0800, 2);
        put(b, 0x4500, 2);
        put(b, 40 + payload, 2);
        put(b, 0x00004000_40060000L, 8);
        put(b, srcIp, 4);
        put(b, dstIp, 4);
        b.writeBytes(HexFormat.of().parseHex("c35001bb00000001000000015010020000000000"));
        for (int i = 0; i < payload; i++) {
            b.write(i * 13);
        }
        byte[] f = b.toByteArray();
        return tag(Arrays.copyOf(f, Math.max(60, f.length)), vlans);
    }

    /**
     * An ICMP echo request ({@code type} 8) or reply (0) over IPv4, 56 bytes of data as ping sends, with the
     * IPv4 and ICMP checksums right.
     */
    public static byte[] echo(long src, long dst, long srcIp, long dstIp, int type, int id, int seq, int ipId,
                              int... vlans) {
        byte[] icmp = new byte[8 + 56];
        icmp[0] = (byte) type;
        icmp[4] = (byte) (id >>> 8);
        icmp[5] = (byte) id;
        icmp[6] = (byte) (seq >>> 8);
        icmp[7] = (byte) seq;
        for (int i = 8; i < icmp.length; i++) {
            icmp[i] = (byte) (i - 8 + 0x10);
        }
        int c = inetChecksum(icmp, 0, icmp.length);
        icmp[2] = (byte) (c >>> 8);
        icmp[3] = (byte) c;
        return ipv4(src, dst, srcIp, dstIp, 1, ipId, icmp, vlans);
    }

    /** A UDP datagram over IPv4 with {@code payload} bytes of data (UDP checksum 0: none, as IPv4 allows). */
    public static byte[] udp4(long src, long dst, long srcIp, long dstIp, int srcPort, int dstPort, int payload,
                              int ipId, int... vlans) {
        byte[] udp = new byte[8 + payload];
        udp[0] = (byte) (srcPort >>> 8);
        udp[1] = (byte) srcPort;
        udp[2] = (byte) (dstPort >>> 8);
        udp[3] = (byte) dstPort;
        udp[4] = (byte) (udp.length >>> 8);
        udp[5] = (byte) udp.length;
        for (int i = 8; i < udp.length; i++) {
            udp[i] = (byte) ('a' + (i - 8) % 26);
        }
        return ipv4(src, dst, srcIp, dstIp, 17, ipId, udp, vlans);
    }

    /** TCP flags for {@link #segment}. */
    public static final int ACK = 0x10;
    public static final int PSH_ACK = 0x18;

    /** A TCP segment with the given ports, sequence and acknowledgement numbers, flags and data length. */
    public static byte[] segment(long src, long dst, long srcIp, long dstIp, int srcPort, int dstPort, long seq,
                                 long ack, int flags, int payload, int ipId, int... vlans) {
        byte[] tcp = new byte[20 + payload];
        tcp[0] = (byte) (srcPort >>> 8);
        tcp[1] = (byte) srcPort;
        tcp[2] = (byte) (dstPort >>> 8);
        tcp[3] = (byte) dstPort;
        for (int i = 0; i < 4; i++) {
            tcp[4 + i] = (byte) (seq >>> (24 - 8 * i));
            tcp[8 + i] = (byte) (ack >>> (24 - 8 * i));
        }
        tcp[12] = 0x50;
        tcp[13] = (byte) flags;
        tcp[14] = (byte) 0x01;
        tcp[15] = (byte) 0xf5; // window 501
        for (int i = 20; i < tcp.length; i++) {
            tcp[i] = (byte) (i * 7);
        }
        int c = pseudoChecksum(srcIp, dstIp, 6, tcp);
        tcp[16] = (byte) (c >>> 8);
        tcp[17] = (byte) c;
        return ipv4(src, dst, srcIp, dstIp, 6, ipId, tcp, vlans);
    }

    private static byte[] ipv4(long src, long dst, long srcIp, long dstIp, int proto, int ipId, byte[] payload,
                               int... vlans) {
        byte[] ip = new byte[20 + payload.length];
        ip[0] = 0x45;
        ip[2] = (byte) (ip.length >>> 8);
        ip[3] = (byte) ip.length;
        ip[4] = (byte) (ipId >>> 8);
        ip[5] = (byte) ipId;
        ip[6] = 0x40;
        ip[8] = 64;
        ip[9] = (byte) proto;
        for (int i = 0; i < 4; i++) {
            ip[12 + i] = (byte) (srcIp >>> (24 - 8 * i));
            ip[16 + i] = (byte) (dstIp >>> (24 - 8 * i));
        }
        int c = inetChecksum(ip, 0, 20);
        ip[10] = (byte) (c >>> 8);
        ip[11] = (byte) c;
        System.arraycopy(payload, 0, ip, 20, payload.length);
        ByteArrayOutputStream b = new ByteArrayOutputStream(14 + ip.length);
        put(b, dst, 6);
        put(b, src, 6);
        put(b, 0x0800, 2);
        b.writeBytes(ip);
        byte[] f = b.toByteArray();
        return tag(Arrays.copyOf(f, Math.max(60, f.length)), vlans);
    }

    private static int inetChecksum(byte[] b, int from, int length) {
        long sum = 0;
        for (int i = from; i < from + length; i += 2) {
            sum += ((b[i] & 0xff) << 8) | (i + 1 < from + length ? b[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static int pseudoChecksum(long srcIp, long dstIp, int proto, byte[] segment) {
        byte[] p = new byte[12 + segment.length];
        for (int i = 0; i < 4; i++) {
            p[i] = (byte) (srcIp >>> (24 - 8 * i));
            p[4 + i] = (byte) (dstIp >>> (24 - 8 * i));
        }
        p[9] = (byte) proto;
        p[10] = (byte) (segment.length >>> 8);
        p[11] = (byte) segment.length;
        System.arraycopy(segment, 0, p, 12, segment.length);
        return inetChecksum(p, 0, p.length);
    }

    /**
     * A DHCP message for {@code client} (BOOTP over IPv4/UDP): from the client (68 to 67, broadcast) or, with
     * {@code server} a MAC, from that server to the client (67 to 68).
     */
    public static byte[] dhcp(long client, long server, int... vlans) {
        boolean fromClient = server < 0;
        ByteArrayOutputStream b = new ByteArrayOutputStream(300);
        put(b, fromClient ? 0xffffffffffffL : client, 6);
        put(b, fromClient ? client : server, 6);
        put(b, 0x0800, 2);
        int udpLength = 8 + 240;
        put(b, 0x4500, 2);
        put(b, 20 + udpLength, 2);
        put(b, 0x00000000_40110000L, 8);
        put(b, fromClient ? 0 : ip("10.0.2.2"), 4);
        put(b, fromClient ? 0xffffffffL : ip("10.0.2.15"), 4);
        put(b, fromClient ? 68 : 67, 2);
        put(b, fromClient ? 67 : 68, 2);
        put(b, udpLength, 2);
        put(b, 0, 2);
        b.write(fromClient ? 1 : 2);
        b.write(1);
        b.write(6);
        b.write(0);
        put(b, 0x0e24df52L, 4);
        b.writeBytes(new byte[20]);
        put(b, client, 6);
        b.writeBytes(new byte[10 + 64 + 128]);
        put(b, 0x63825363L, 4);
        return tag(b.toByteArray(), vlans);
    }

    // ---- IPv6 neighbour discovery ----

    /** All nodes, where an unsolicited Neighbor Advertisement goes. */
    public static final String ALL_NODES = "ff02::1";

    /** The bytes of an IPv6 address written as text ("2001:db8::10"); a literal, never looked up. */
    public static byte[] v6(String text) {
        try {
            byte[] b = java.net.InetAddress.getByName(text).getAddress();
            if (b.length != 16) {
                throw new IllegalArgumentException("not IPv6: " + text);
            }
            return b;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The modified EUI-64 link-local address of a MAC: fe80::250:56ff:fe9d:b051 for 00:50:56:9d:b0:51. */
    public static String linkLocal(long mac) {
        long eui = ((mac >>> 24) << 40) | (0xfffeL << 24) | (mac & 0xffffffL);
        eui ^= 0x0200_0000_0000_0000L;
        return String.format("fe80::%x:%x:%x:%x", (eui >>> 48) & 0xffff, (eui >>> 32) & 0xffff,
                (eui >>> 16) & 0xffff, eui & 0xffff);
    }

    /**
     * An unsolicited Neighbor Advertisement after a move, as Linux sends it: from the MAC's link-local address to
     * all nodes, Override set, the MAC as the target link-layer address.
     */
    public static byte[] unsolicitedNa(long mac, String target, int... vlans) {
        return na(mac, mac, linkLocal(mac), ALL_NODES, target, false, false, true, vlans);
    }

    /**
     * A Neighbor Advertisement: Ethernet source {@code ethSrc}, target link-layer address option {@code tlla}
     * (none when negative), flags R, S, O.
     */
    public static byte[] na(long ethSrc, long tlla, String src, String dst, String target, boolean router,
                            boolean solicited, boolean override, int... vlans) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) 136, 0, 0, 0});
        m.write((router ? 0x80 : 0) | (solicited ? 0x40 : 0) | (override ? 0x20 : 0));
        m.writeBytes(new byte[3]);
        m.writeBytes(v6(target));
        if (tlla >= 0) {
            m.write(2);
            m.write(1);
            put(m, tlla, 6);
        }
        return icmpv6(ethSrc, src, dst, m.toByteArray(), vlans);
    }

    /** A duplicate address detection probe: a Neighbor Solicitation from :: to the target's solicited-node group. */
    public static byte[] dadProbe(long mac, String target, int... vlans) {
        return ns(mac, "::", solicitedNode(target), target, -1, vlans);
    }

    /** A Neighbor Solicitation, with a source link-layer address option unless {@code slla} is negative. */
    public static byte[] ns(long ethSrc, String src, String dst, String target, long slla, int... vlans) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {(byte) 135, 0, 0, 0, 0, 0, 0, 0});
        m.writeBytes(v6(target));
        if (slla >= 0) {
            m.write(1);
            m.write(1);
            put(m, slla, 6);
        }
        return icmpv6(ethSrc, src, dst, m.toByteArray(), vlans);
    }

    /** ff02::1:ffXX:XXXX for the address's last three bytes. */
    public static String solicitedNode(String address) {
        byte[] a = v6(address);
        return String.format("ff02::1:ff%02x:%02x%02x", a[13] & 0xff, a[14] & 0xff, a[15] & 0xff);
    }

    /** A UDP datagram over IPv6 (port 50000 to 33434, plain data) with {@code payload} bytes: a host's IPv6 traffic. */
    public static byte[] udp6(long ethSrc, long ethDst, String src, String dst, int payload, int... vlans) {
        ByteArrayOutputStream u = new ByteArrayOutputStream();
        put(u, 50000, 2);
        put(u, 33434, 2);
        put(u, 8 + payload, 2);
        put(u, 0, 2);
        for (int i = 0; i < payload; i++) {
            u.write(i * 7);
        }
        byte[] udp = u.toByteArray();
        int sum = checksum(v6(src), v6(dst), 17, udp);
        udp[6] = (byte) (sum >>> 8);
        udp[7] = (byte) sum;
        return ipv6(ethSrc, ethDst, src, dst, 17, 64, udp, vlans);
    }

    /** An ICMPv6 message (checksum filled in) from {@code src} to {@code dst} with hop limit 255. */
    private static byte[] icmpv6(long ethSrc, String src, String dst, byte[] message, int... vlans) {
        byte[] m = message.clone();
        int sum = checksum(v6(src), v6(dst), 58, m);
        m[2] = (byte) (sum >>> 8);
        m[3] = (byte) sum;
        byte[] d = v6(dst);
        long ethDst = (d[0] & 0xff) == 0xff
                ? 0x3333_0000_0000L | ((d[12] & 0xffL) << 24) | ((d[13] & 0xffL) << 16) | ((d[14] & 0xffL) << 8)
                | (d[15] & 0xffL)
                : BROADCAST;
        return ipv6(ethSrc, ethDst, src, dst, 58, 255, m, vlans);
    }

    private static byte[] ipv6(long ethSrc, long ethDst, String src, String dst, int next, int hopLimit,
                               byte[] payload, int... vlans) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, ethDst, 6);
        put(b, ethSrc, 6);
        put(b, 0x86dd, 2);
        put(b, 0x6000_0000L, 4);
        put(b, payload.length, 2);
        b.write(next);
        b.write(hopLimit);
        b.writeBytes(v6(src));
        b.writeBytes(v6(dst));
        b.writeBytes(payload);
        return tag(b.toByteArray(), vlans);
    }

    private static int checksum(byte[] src, byte[] dst, int next, byte[] m) {
        long sum = 0;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(src);
        p.writeBytes(dst);
        put(p, m.length, 4);
        put(p, next, 4);
        p.writeBytes(m);
        byte[] pseudo = p.toByteArray();
        for (int i = 0; i < pseudo.length; i += 2) {
            sum += ((pseudo[i] & 0xff) << 8) | (i + 1 < pseudo.length ? pseudo[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int c = (int) (~sum & 0xffff);
        return next == 17 && c == 0 ? 0xffff : c;
    }

    /** Inserts tags after the source MAC: one VLAN is 802.1Q; two are 802.1ad outside, 802.1Q inside. */
    public static byte[] tag(byte[] untagged, int... vlans) {
        if (vlans.length == 0) {
            return untagged;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(untagged.length + 4 * vlans.length);
        b.write(untagged, 0, 12);
        for (int i = 0; i < vlans.length; i++) {
            put(b, i < vlans.length - 1 ? 0x88a8 : 0x8100, 2);
            put(b, vlans[i] & 0xfff, 2);
        }
        b.write(untagged, 12, untagged.length - 12);
        return b.toByteArray();
    }

    private static void put(ByteArrayOutputStream b, long value, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            b.write((int) (value >>> (8 * i)));
        }
    }
}
