package dev.cutover.bench;

import dev.cutover.capture.PcapWriter;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's capture: a deterministic pcap of realistic traffic (mostly TCP and UDP, a few percent
 * ARP, gratuitous ARP and RARP, some of it 802.1Q-tagged), to a given size. Same seed, same bytes.
 * Usage: {@code BenchmarkCapture FILE BYTES}.
 */
public final class BenchmarkCapture {
    private static final long START_NANOS = 1_763_700_000_000_000_000L;

    private BenchmarkCapture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        long frames = write(out, target);
        System.out.println("wrote " + out + ": " + Files.size(out) + " bytes, " + frames + " frames");
    }

    public static long write(Path file, long targetBytes) throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261121L);
        byte[] frame = new byte[1522];
        long written = 24;
        long frames = 0;
        long t = START_NANOS;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
             PcapWriter w = new PcapWriter(os, 1, 262144, false)) {
            while (written < targetBytes) {
                t += 2_000 + rnd.nextInt(20_000);
                int kind = rnd.nextInt(1000);
                boolean tagged = rnd.nextInt(10) == 0;
                int len;
                if (kind < 550) {
                    len = tcp(frame, rnd, 1514);
                } else if (kind < 800) {
                    len = tcp(frame, rnd, 66);
                } else if (kind < 960) {
                    len = udp(frame, rnd, 80 + rnd.nextInt(400));
                } else if (kind < 985) {
                    len = arp(frame, rnd, 1 + rnd.nextInt(2), false);
                } else if (kind < 993) {
                    len = arp(frame, rnd, 1, true);
                } else {
                    len = rarp(frame, rnd);
                }
                if (tagged) {
                    System.arraycopy(frame, 12, frame, 16, len - 12);
                    frame[12] = (byte) 0x81;
                    frame[13] = 0;
                    frame[14] = 0;
                    frame[15] = (byte) (10 + rnd.nextInt(4));
                    len += 4;
                }
                w.write(t, frame, 0, len, len);
                written += 16 + len;
                frames++;
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return frames;
    }

    private static void macs(byte[] f, SplittableRandom rnd, boolean broadcast) {
        for (int i = 0; i < 6; i++) {
            f[i] = broadcast ? (byte) 0xff : (byte) (i == 0 ? 0x00 : rnd.nextInt(256));
        }
        f[6] = 0x00;
        f[7] = 0x50;
        f[8] = 0x56;
        f[9] = (byte) rnd.nextInt(4);
        f[10] = (byte) rnd.nextInt(256);
        f[11] = (byte) rnd.nextInt(8);
    }

    private static int tcp(byte[] f, SplittableRandom rnd, int len) {
        return ip(f, rnd, len, 6, 7);
    }

    private static int udp(byte[] f, SplittableRandom rnd, int len) {
        return ip(f, rnd, len, 17, 3);
    }

    /** An IPv4 packet of protocol {@code proto}, its payload a pattern stepping by {@code step}. */
    private static int ip(byte[] f, SplittableRandom rnd, int len, int proto, int step) {
        macs(f, rnd, false);
        f[12] = 0x08;
        f[13] = 0x00;
        ipv4(f, len - 14, proto, rnd);
        for (int i = 34; i < len; i++) {
            f[i] = (byte) (i * step);
        }
        return len;
    }

    private static void ipv4(byte[] f, int total, int proto, SplittableRandom rnd) {
        f[14] = 0x45;
        f[15] = 0;
        f[16] = (byte) (total >>> 8);
        f[17] = (byte) total;
        f[22] = 64;
        f[23] = (byte) proto;
        for (int i = 26; i < 34; i++) {
            f[i] = (byte) (i < 30 ? 10 : rnd.nextInt(256));
        }
    }

    private static int arp(byte[] f, SplittableRandom rnd, int op, boolean gratuitous) {
        macs(f, rnd, op == 1);
        f[12] = 0x08;
        f[13] = 0x06;
        arpBody(f, op, gratuitous, rnd);
        return 60;
    }

    private static int rarp(byte[] f, SplittableRandom rnd) {
        macs(f, rnd, true);
        f[12] = (byte) 0x80;
        f[13] = 0x35;
        f[14] = 0;
        f[15] = 1;
        f[16] = 8;
        f[17] = 0;
        f[18] = 6;
        f[19] = 4;
        f[20] = 0;
        f[21] = 3;
        System.arraycopy(f, 6, f, 22, 6);
        java.util.Arrays.fill(f, 28, 32, (byte) 0);
        System.arraycopy(f, 6, f, 32, 6);
        java.util.Arrays.fill(f, 38, 60, (byte) 0);
        return 60;
    }

    private static void arpBody(byte[] f, int op, boolean gratuitous, SplittableRandom rnd) {
        f[14] = 0;
        f[15] = 1;
        f[16] = 8;
        f[17] = 0;
        f[18] = 6;
        f[19] = 4;
        f[20] = 0;
        f[21] = (byte) op;
        System.arraycopy(f, 6, f, 22, 6);
        f[28] = 10;
        f[29] = 0;
        f[30] = (byte) rnd.nextInt(256);
        f[31] = (byte) rnd.nextInt(256);
        java.util.Arrays.fill(f, 32, 38, (byte) 0);
        if (gratuitous) {
            System.arraycopy(f, 28, f, 38, 4);
        } else {
            f[38] = 10;
            f[39] = 0;
            f[40] = (byte) rnd.nextInt(256);
            f[41] = (byte) rnd.nextInt(256);
        }
        java.util.Arrays.fill(f, 42, 60, (byte) 0);
    }
}
