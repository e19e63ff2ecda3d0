package dev.cutover.samples;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.PcapWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Rebuilds the bundled sample captures, deterministically (same code, same bytes).
 * Usage: {@code SampleCaptures OUTPUT_FOLDER}.
 */
public final class SampleCaptures {
    static final String VM_MAC = "0050569db051";
    static final String VM_IP = "0a000a34";          // 10.0.10.52
    static final long T0 = 1_763_712_000_000_000_000L; // 2025-11-21T08:00:00Z

    private SampleCaptures() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "sample-captures");
        esxiVmotionVlan10(out.resolve("esxi-vmotion-vlan10.pcap"));
    }

    /**
     * An ESXi vMotion seen on the destination host's uplink: VM 00:50:56:9d:b0:51 on VLAN 10, the host's RARP
     * burst (Notify Switches), the guest's gratuitous ARP a little later, and background traffic around it.
     */
    public static void esxiVmotionVlan10(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(10);
        AtomicFiles.write(file, os -> {
            try (PcapWriter w = new PcapWriter(os, 1, 262144, false)) {
                long t = T0;
                for (int i = 0; i < 40; i++) {
                    t += 20_000_000L + rnd.nextInt(30_000_000);
                    byte[] f = background(rnd);
                    w.write(t, f, 0, f.length, f.length);
                }
                // ESXi sends a few RARPs at once, then spaces them out.
                long burst = t + 5_000_000L;
                long[] offsetsMs = {0, 1, 2, 1000, 2000, 4000};
                for (long ms : offsetsMs) {
                    byte[] f = rarp();
                    w.write(burst + ms * 1_000_000L, f, 0, f.length, f.length);
                    if (ms == 2) {
                        byte[] g = garp();
                        w.write(burst + 180_000_000L, g, 0, g.length, g.length);
                    }
                }
                t = burst + 4_100_000_000L;
                for (int i = 0; i < 30; i++) {
                    t += 20_000_000L + rnd.nextInt(30_000_000);
                    byte[] f = background(rnd);
                    w.write(t, f, 0, f.length, f.length);
                }
            }
        });
    }

    static byte[] rarp() {
        return hex("ffffffffffff" + VM_MAC + "8100000a" + "8035" + "0001080006040003" + VM_MAC + "00000000"
                + VM_MAC + "00000000" + "00".repeat(14));
    }

    static byte[] garp() {
        return hex("ffffffffffff" + VM_MAC + "8100000a" + "0806" + "0001080006040001" + VM_MAC + VM_IP
                + "000000000000" + VM_IP + "00".repeat(14));
    }

    private static byte[] background(SplittableRandom rnd) {
        int kind = rnd.nextInt(10);
        if (kind < 2) {
            // Who has 10.0.10.1? Tell 10.0.10.x, from another VM on the same VLAN.
            String mac = "005056" + String.format("%06x", 0x9d0000 + rnd.nextInt(0xffff));
            String ip = String.format("0a000a%02x", 10 + rnd.nextInt(200));
            return hex("ffffffffffff" + mac + "8100000a0806" + "0001080006040001" + mac + ip + "000000000000"
                    + "0a000a01" + "00".repeat(14));
        }
        // A TCP segment between two VMs, VLAN 10.
        int payload = kind < 6 ? 0 : 100 + rnd.nextInt(1300);
        int ipLen = 40 + payload;
        StringBuilder sb = new StringBuilder();
        sb.append("005056" + String.format("%06x", 0x9d1000 + rnd.nextInt(16)))
                .append("005056" + String.format("%06x", 0x9d2000 + rnd.nextInt(16)))
                .append("8100000a0800")
                .append("4500").append(String.format("%04x", ipLen)).append("00004000400600000a000a0b0a000a0c")
                .append("c35001bb000000010000000150100200000000000");
        sb.setLength(sb.length() - 1);
        byte[] head = hex(sb.toString());
        byte[] frame = new byte[Math.max(64, head.length + payload)];
        System.arraycopy(head, 0, frame, 0, head.length);
        for (int i = head.length; i < head.length + payload; i++) {
            frame[i] = (byte) (i * 13);
        }
        return frame;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
