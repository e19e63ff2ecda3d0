package dev.cutover.testsupport;

import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.PcapWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ethernet frames of IPv4 ICMP echo and TCP built byte by byte (lengths and ICMP checksum as a host sends them),
 * written as a pcap file: the crafted conversations the traffic facts are tested on.
 */
public final class TrafficFrames {
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private final List<byte[]> frames = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    /** An ICMP echo request (type 8) or reply (type 0) from {@code src} to {@code dst} at {@code millis}. */
    public TrafficFrames echo(long millis, String src, String dst, boolean request, int ident, int seq) {
        byte[] icmp = new byte[8 + 32];
        icmp[0] = (byte) (request ? 8 : 0);
        put16(icmp, 4, ident);
        put16(icmp, 6, seq);
        for (int i = 8; i < icmp.length; i++) {
            icmp[i] = (byte) ('a' + (i - 8) % 23);
        }
        put16(icmp, 2, checksum(icmp, 0, icmp.length));
        return add(millis, ipv4(src, dst, 1, icmp));
    }

    /** A TCP segment with {@code payload} bytes of data. */
    public TrafficFrames tcp(long millis, String src, int sport, String dst, int dport, long seq, long ack, int flags,
                             int window, int payload) {
        byte[] tcp = new byte[20 + payload];
        put16(tcp, 0, sport);
        put16(tcp, 2, dport);
        put32(tcp, 4, seq);
        put32(tcp, 8, ack);
        tcp[12] = 0x50;
        tcp[13] = (byte) flags;
        put16(tcp, 14, window);
        return add(millis, ipv4(src, dst, 6, tcp));
    }

    /** A frame as given (a cut-short or hostile one). */
    public TrafficFrames raw(long millis, byte[] frame) {
        return add(millis, frame);
    }

    /** The Ethernet frame of an IPv4 packet carrying {@code payload} as protocol {@code proto}. */
    public static byte[] ipv4(String src, String dst, int proto, byte[] payload) {
        byte[] f = new byte[14 + 20 + payload.length];
        byte[] macs = {0, 0x50, 0x56, 1, 2, 3, 0, 0x50, 0x56, 4, 5, 6};
        System.arraycopy(macs, 0, f, 0, 12);
        put16(f, 12, 0x0800);
        f[14] = 0x45;
        put16(f, 16, 20 + payload.length);
        f[22] = 64;
        f[23] = (byte) proto;
        put32(f, 26, address(src));
        put32(f, 30, address(dst));
        put16(f, 24, checksum(f, 14, 20));
        System.arraycopy(payload, 0, f, 34, payload.length);
        return f;
    }

    private TrafficFrames add(long millis, byte[] frame) {
        frames.add(frame);
        times.add(millis * 1_000_000L);
        return this;
    }

    /** Writes the frames to {@code file} as Ethernet pcap with nanosecond times. */
    public Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET,
                65535, true)) {
            for (int i = 0; i < frames.size(); i++) {
                byte[] f = frames.get(i);
                w.write(1_700_000_000_000_000_000L + times.get(i), f, 0, f.length, f.length);
            }
        }
        return file;
    }

    static long address(String dotted) {
        long a = 0;
        for (String part : dotted.split("\\.")) {
            a = (a << 8) | Integer.parseInt(part);
        }
        return a;
    }

    static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    static void put16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }

    static void put32(byte[] b, int o, long v) {
        put16(b, o, (int) (v >>> 16));
        put16(b, o + 2, (int) v);
    }
}
