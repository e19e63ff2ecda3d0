package dev.cutover.bench;

import dev.cutover.capture.PcapWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a migration-dense capture with the frame mix of {@code ../shared/bench/genpcap.py} (10 % ARP family: 40 %
 * requests, 25 % replies, 20 % gratuitous ARP, 15 % RARP from random VMware MACs, a quarter of them on VLAN 10;
 * about 20,000 frames a second), its IPv4 frames short so that a small file holds many frames. Same frame count,
 * same seed, same bytes. Usage: {@code DenseCapture FILE FRAMES [SEED]}.
 */
public final class DenseCapture {
    private static final long START_NANOS = 1_709_294_400_000_000_000L;

    private DenseCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        write(out, frames, args.length > 2 ? Long.parseLong(args[2]) : 1);
        System.out.println("wrote " + out + ": " + Files.size(out) + " bytes, " + frames + " frames");
    }

    /** Writes {@code frames} frames to {@code file}. */
    public static void write(Path file, int frames, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[][] lan = hosts(0x100, 50, new byte[] {(byte) 192, (byte) 168, 10, 10});
        byte[][] v10 = hosts(0x200, 30, new byte[] {10, 10, 10, 10});
        byte[] gateway = mac(0x1);
        byte[] f = new byte[64];
        long t = START_NANOS;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             PcapWriter w = new PcapWriter(os, 1, 65535, false)) {
            for (int i = 0; i < frames; i++) {
                // exponential inter-arrival, mean 50 µs, at least 1 µs, in whole microseconds as genpcap writes
                t += Math.max(1, (long) (-Math.log(1 - rnd.nextDouble()) * 50)) * 1000;
                java.util.Arrays.fill(f, (byte) 0);
                int len = 60;
                if (rnd.nextDouble() < 0.90) {
                    byte[] host = lan[rnd.nextInt(lan.length)];
                    boolean tagged = rnd.nextDouble() < 0.05;
                    int at = ethernet(f, host, gateway, tagged, 0x0800);
                    f[at] = 0x45;
                    f[at + 3] = (byte) (len - at);
                    f[at + 8] = 64;
                    f[at + 9] = (byte) (rnd.nextBoolean() ? 6 : 17);
                    System.arraycopy(host, 6, f, at + 12, 4);
                    f[at + 16] = 93;
                    f[at + 17] = (byte) 184;
                    f[at + 18] = (byte) 216;
                    f[at + 19] = (byte) (1 + rnd.nextInt(40));
                } else {
                    boolean tagged = rnd.nextDouble() < 0.25;
                    byte[][] hosts = tagged ? v10 : lan;
                    double y = rnd.nextDouble();
                    int n = hosts.length;
                    if (y < 0.40) {
                        int s = rnd.nextInt(n);
                        byte[] target = hosts[(s + 1 + rnd.nextInt(n - 1)) % n];
                        arp(f, tagged, 0x0806, BROADCAST, 1, hosts[s], hosts[s], ZERO, target);
                    } else if (y < 0.65) {
                        int s = rnd.nextInt(n);
                        byte[] target = hosts[(s + 1 + rnd.nextInt(n - 1)) % n];
                        arp(f, tagged, 0x0806, target, 2, hosts[s], hosts[s], target, target);
                    } else if (y < 0.85) {
                        byte[] s = hosts[rnd.nextInt(n)];
                        if (rnd.nextDouble() < 0.8) {
                            arp(f, tagged, 0x0806, BROADCAST, 1, s, s, ZERO, s);
                        } else {
                            arp(f, tagged, 0x0806, BROADCAST, 2, s, s, BROADCAST, s);
                        }
                    } else {
                        byte[] vm = {0x00, 0x50, 0x56, (byte) rnd.nextInt(256), (byte) rnd.nextInt(256),
                            (byte) rnd.nextInt(256), 0, 0, 0, 0};
                        arp(f, tagged, 0x8035, BROADCAST, 3, vm, vm, vm, vm);
                    }
                }
                w.write(t, f, 0, len, len);
            }
        }
    }

    private static final byte[] BROADCAST = {-1, -1, -1, -1, -1, -1, 0, 0, 0, 0};
    private static final byte[] ZERO = new byte[10];

    /** Each host: MAC (6 bytes) then IPv4 address (4 bytes). */
    private static byte[][] hosts(int firstMac, int count, byte[] firstIp) {
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[10];
            System.arraycopy(mac(firstMac + i), 0, h, 0, 6);
            System.arraycopy(firstIp, 0, h, 6, 4);
            h[9] = (byte) (firstIp[3] + i);
            out[i] = h;
        }
        return out;
    }

    private static byte[] mac(int i) {
        return new byte[] {0x00, 0x1b, 0x21, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    /** Writes the Ethernet header (with a VLAN 10 tag when asked), returns where the payload starts. */
    private static int ethernet(byte[] f, byte[] src, byte[] dst, boolean tagged, int etherType) {
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        int at = 12;
        if (tagged) {
            f[12] = (byte) 0x81;
            f[15] = 10;
            at = 16;
        }
        f[at] = (byte) (etherType >>> 8);
        f[at + 1] = (byte) etherType;
        return at + 2;
    }

    /** An ARP-family frame; sender and target are host entries (MAC then IPv4), RARP's addresses all zero. */
    private static void arp(byte[] f, boolean tagged, int etherType, byte[] dst, int op, byte[] src, byte[] sender,
                            byte[] targetMac, byte[] targetIp) {
        int at = ethernet(f, src, dst, tagged, etherType);
        f[at + 1] = 1;
        f[at + 2] = 0x08;
        f[at + 4] = 6;
        f[at + 5] = 4;
        f[at + 7] = (byte) op;
        System.arraycopy(sender, 0, f, at + 8, 6);
        if (op != 3) {
            System.arraycopy(sender, 6, f, at + 14, 4);
        }
        System.arraycopy(targetMac, 0, f, at + 18, 6);
        if (op != 3) {
            System.arraycopy(targetIp, 6, f, at + 24, 4);
        }
    }
}
