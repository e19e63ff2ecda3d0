package dev.cutover.testsupport;

import dev.cutover.capture.PcapWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Two pcaps of one vMotion taken on two hosts whose clocks differ: vmnic5.pcap on the reference clock, and
 * vusb2.pcap, whose clock runs {@link #BEHIND_NANOS} behind. Both caught the same three RARPs (identical bytes,
 * a second apart) and the gratuitous ARP; each also has frames of its own.
 *
 * <pre>
 * reference clock   vmnic5.pcap            vusb2.pcap (own clock = reference - 2.913 s)
 * T+0.000           RARP                   RARP
 * T+0.500           unicast A              -
 * T+1.000           RARP                   RARP
 * T+1.913           -                      unicast B
 * T+2.000           RARP                   RARP
 * T+2.100           GARP                   GARP
 * T+3.000           ARP request (own)      -
 * </pre>
 */
public final class TwoClocks {
    /** How far vusb2.pcap's clock is behind vmnic5.pcap's. */
    public static final long BEHIND_NANOS = 2_913_000_000L;
    /** T, on the reference clock. */
    public static final long T = 1_700_000_100_000_000_000L;

    /** A unicast frame only vmnic5.pcap has. */
    public static final byte[] UNICAST_A = HexFormat.of().parseHex(
            "0050569d00010050569d000208004500002e0001000040110000c0a80001c0a80002"
                    + "1f901f90001a0000" + "41414141414141414141414141414141" + "4141");
    /** A unicast frame only vusb2.pcap has. */
    public static final byte[] UNICAST_B = HexFormat.of().parseHex(
            "0050569d00020050569d000108004500002e0002000040110000c0a80002c0a80001"
                    + "1f901f90001a0000" + "42424242424242424242424242424242" + "4242");
    /** A broadcast ARP request only vmnic5.pcap has. */
    public static final byte[] ARP_REQUEST = HexFormat.of().parseHex(
            "ffffffffffff0050569d00010806" + "0001080006040001" + "0050569d00010a000001" + "0000000000000a000099"
                    + "000000000000000000000000000000000000");

    private TwoClocks() {
    }

    /** Writes vmnic5.pcap, on the reference clock. */
    public static Path vmnic5(Path dir) throws IOException {
        Path file = dir.resolve("vmnic5.pcap");
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            write(w, T, MigrationFrames.RARP_VLAN10);
            write(w, T + 500_000_000L, UNICAST_A);
            write(w, T + 1_000_000_000L, MigrationFrames.RARP_VLAN10);
            write(w, T + 2_000_000_000L, MigrationFrames.RARP_VLAN10);
            write(w, T + 2_100_000_000L, MigrationFrames.GARP);
            write(w, T + 3_000_000_000L, ARP_REQUEST);
        }
        return file;
    }

    /** Writes vusb2.pcap, its time stamps {@link #BEHIND_NANOS} behind the reference clock. */
    public static Path vusb2(Path dir) throws IOException {
        Path file = dir.resolve("vusb2.pcap");
        long own = T - BEHIND_NANOS;
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, 65535, true)) {
            write(w, own, MigrationFrames.RARP_VLAN10);
            write(w, own + 1_000_000_000L, MigrationFrames.RARP_VLAN10);
            write(w, own + 1_913_000_000L, UNICAST_B);
            write(w, own + 2_000_000_000L, MigrationFrames.RARP_VLAN10);
            write(w, own + 2_100_000_000L, MigrationFrames.GARP);
        }
        return file;
    }

    private static void write(PcapWriter w, long t, byte[] frame) throws IOException {
        w.write(t, frame, 0, frame.length, frame.length);
    }
}
