package dev.cutover.testsupport;

import dev.cutover.capture.PcapWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a capture in which many VMs move, one after the other, 10 ms apart: VM {@code i} has the MAC
 * {@code 00:50:56:xx:xx:xx} with {@code i} in its last three bytes, the IP {@code 10.x.x.x} with {@code i} in its
 * last three bytes, and VLAN 10, 20 or 30 by {@code i % 3}. An even VM sends a RARP notification then, 2 ms later,
 * a gratuitous ARP; an odd VM sends the gratuitous ARP alone.
 */
public final class ManyMigrations {
    public static final long START_NANOS = 1_700_000_000_000_000_000L;

    private ManyMigrations() {
    }

    /** Writes {@code vms} moves as a pcap. */
    public static Path write(Path file, int vms) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            for (int i = 0; i < vms; i++) {
                long t = START_NANOS + i * 10_000_000L;
                if (i % 2 == 0) {
                    byte[] f = rarp(i);
                    w.write(t, f, 0, f.length, f.length);
                }
                byte[] g = garp(i);
                w.write(t + 2_000_000L, g, 0, g.length, g.length);
            }
        }
        return file;
    }

    /** Writes ordinary ARP requests ({@code i} asks for the address of {@code i + 1}): no RARP, no gratuitous ARP. */
    public static Path writeWithoutMigration(Path file, int requests) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            for (int i = 0; i < requests; i++) {
                byte[] f = frame(i, 0x0806, 1, ipBytes(i), ipBytes(i + 1), new byte[6]);
                w.write(START_NANOS + i * 10_000_000L, f, 0, f.length, f.length);
            }
        }
        return file;
    }

    /** The MAC of VM {@code i}, as the timeline writes it. */
    public static String mac(int i) {
        return String.format("00:50:56:%02x:%02x:%02x", (i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF);
    }

    /** The IP of VM {@code i}. */
    public static String ip(int i) {
        return "10." + ((i >> 16) & 0xFF) + "." + ((i >> 8) & 0xFF) + "." + (i & 0xFF);
    }

    /** The VLAN of VM {@code i}. */
    public static int vlan(int i) {
        return 10 * (1 + i % 3);
    }

    private static byte[] macBytes(int i) {
        return new byte[] {0x00, 0x50, 0x56, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
    }

    private static byte[] ipBytes(int i) {
        return new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
    }

    private static byte[] rarp(int i) {
        return frame(i, 0x8035, 3, new byte[4], new byte[4], macBytes(i));
    }

    private static byte[] garp(int i) {
        return frame(i, 0x0806, 1, ipBytes(i), ipBytes(i), new byte[6]);
    }

    /** Ethernet, an 802.1Q tag, then ARP or RARP, padded to 64 bytes. */
    private static byte[] frame(int i, int etherType, int opcode, byte[] senderIp, byte[] targetIp, byte[] targetMac) {
        ByteBuffer b = ByteBuffer.allocate(64);
        for (int k = 0; k < 6; k++) {
            b.put((byte) 0xFF);
        }
        b.put(macBytes(i));
        b.putShort((short) 0x8100);
        b.putShort((short) vlan(i));
        b.putShort((short) etherType);
        b.putShort((short) 1); // Ethernet
        b.putShort((short) 0x0800); // IPv4
        b.put((byte) 6);
        b.put((byte) 4);
        b.putShort((short) opcode);
        b.put(macBytes(i));
        b.put(senderIp);
        b.put(targetMac);
        b.put(targetIp);
        return b.array();
    }
}
