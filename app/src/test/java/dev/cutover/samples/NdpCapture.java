package dev.cutover.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A small IPv6 neighbour discovery capture for the dissector's conformance test (not a migration sample):
 * what a VM moved to a new host sends and hears. Deterministic: same code, same bytes. To rebuild it and
 * tshark's reference beside it, from the repository's root:
 *
 * <pre>
 * ./mvnw -q -DskipTests package test-compile
 * java -cp "app/target/test-classes:app/target/classes:$(ls app/target/lib/*.jar | tr '\n' ':')" \
 *     dev.cutover.samples.NdpCapture app/src/test/resources/dev/cutover/dissect/ndp
 * python3 app/src/test/resources/dev/cutover/dissect/ndp/make-reference.py
 * </pre>
 *
 * Frames: 1 unsolicited Neighbor Advertisement (Override) to ff02::1 with a target link-layer address;
 * 2 a duplicate address detection probe (Neighbor Solicitation from ::); 3 a Neighbor Solicitation with a
 * source link-layer address; 4 the solicited advertisement answering it (Router, Solicited, Override);
 * 5 a Router Solicitation; 6 a Router Advertisement (source link-layer address, MTU, prefix); 7 an MLDv2
 * report behind a hop-by-hop header (Router Alert, PadN); 8 and 9 an echo request (traffic class and flow
 * label set) and its reply; 10 an advertisement cut off inside its target address; 11 an advertisement whose
 * option says length 0; 12 an advertisement with a wrong checksum. {@code ndp-snap70.pcap} holds the same
 * frames captured only to 70 bytes.
 */
public final class NdpCapture {
    static final long VM_MAC = Wire.mac("00:50:56:9d:b0:51");
    static final long ROUTER_MAC = Wire.mac("00:00:5e:00:01:0a");
    static final byte[] VM_LL = v6("fe80:0000:0000:0000:0250:56ff:fe9d:b051");
    static final byte[] ROUTER_LL = v6("fe80:0000:0000:0000:0000:0000:0000:0001");
    static final byte[] GLOBAL = v6("2001:0db8:0000:0000:0000:0000:0000:0010");
    static final byte[] UNSPECIFIED = new byte[16];
    static final byte[] ALL_NODES = v6("ff02:0000:0000:0000:0000:0000:0000:0001");
    static final byte[] ALL_ROUTERS = v6("ff02:0000:0000:0000:0000:0000:0000:0002");
    static final byte[] MLDV2_ROUTERS = v6("ff02:0000:0000:0000:0000:0000:0000:0016");
    static final long T0 = 1_763_712_000_000_000_000L; // 2025-11-21T08:00:00Z
    static final long MS = 1_000_000L;

    private NdpCapture() {
    }

    /** The length the second file cuts every frame to, as {@code tcpdump -s 70} would. */
    public static final int SNAP_LENGTH = 70;

    /** Writes {@code ndp.pcap} and {@code ndp-snap70.pcap}, the same frames cut to 70 bytes, into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        write(folder.resolve("ndp.pcap"));
        writeSnapped(folder.resolve("ndp-snap70.pcap"));
    }

    /** The frames of {@link #write}, each captured only up to {@link #SNAP_LENGTH} bytes. */
    public static void writeSnapped(Path file) throws IOException {
        Trace t = trace();
        dev.cutover.capture.AtomicFiles.write(file, out -> {
            try (dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(out, 1, SNAP_LENGTH, false)) {
                for (Trace.Frame f : t.frames()) {
                    byte[] b = f.bytes();
                    w.write(f.timeNanos(), b, 0, Math.min(SNAP_LENGTH, b.length), b.length);
                }
            }
        });
    }

    public static void write(Path file) throws IOException {
        trace().pcap(file);
    }

    private static Trace trace() {
        Trace t = new Trace();
        long at = T0;
        // 1: unsolicited NA, Override, target link-layer address
        t.add(at, icmp(VM_MAC, VM_LL, ALL_NODES, 255, 0, 0, null,
                msg(136, 0, bytes(0x20, 0, 0, 0), GLOBAL, option(2, mac(VM_MAC)))));
        // 2: DAD probe for the global address
        at += 100 * MS;
        t.add(at, icmp(VM_MAC, UNSPECIFIED, solicitedNode(GLOBAL), 255, 0, 0, null,
                msg(135, 0, new byte[4], GLOBAL)));
        // 3: NS for the router, from the VM, with its link-layer address
        at += 100 * MS;
        t.add(at, icmp(VM_MAC, VM_LL, solicitedNode(ROUTER_LL), 255, 0, 0, null,
                msg(135, 0, new byte[4], ROUTER_LL, option(1, mac(VM_MAC)))));
        // 4: the router's solicited NA
        at += 1 * MS;
        t.add(at, icmp(ROUTER_MAC, ROUTER_LL, VM_LL, 255, 0, 0, null,
                msg(136, 0, bytes(0xe0, 0, 0, 0), ROUTER_LL, option(2, mac(ROUTER_MAC)))));
        // 5: RS
        at += 100 * MS;
        t.add(at, icmp(VM_MAC, VM_LL, ALL_ROUTERS, 255, 0, 0, null,
                msg(133, 0, new byte[4], option(1, mac(VM_MAC)))));
        // 6: RA: hop limit 64, M=0 O=0, lifetime 1800, reachable 0, retrans 0; SLLA, MTU 1500, prefix 2001:db8::/64
        at += 2 * MS;
        byte[] prefix = concat(bytes(64, 0xc0), bytes(0, 0x27, 0x8d, 0), bytes(0, 0, 0x3a, 0x98), new byte[4],
                v6("2001:0db8:0000:0000:0000:0000:0000:0000"));
        t.add(at, icmp(ROUTER_MAC, ROUTER_LL, ALL_NODES, 255, 0, 0, null,
                msg(134, 0, bytes(64, 0, 0x07, 0x08), new byte[8], option(1, mac(ROUTER_MAC)),
                        option(5, bytes(0, 0, 0, 0, 0x05, 0xdc)), option(3, prefix))));
        // 7: MLDv2 report, hop-by-hop Router Alert: one record, change to exclude, for the solicited-node group
        at += 50 * MS;
        byte[] hopByHop = bytes(58, 0, 5, 2, 0, 0, 1, 0);
        byte[] record = concat(bytes(4, 0, 0, 0), solicitedNode(VM_LL));
        t.add(at, icmp(VM_MAC, VM_LL, MLDV2_ROUTERS, 1, 0, 0, hopByHop, msg(143, 0, bytes(0, 0, 0, 1), record)));
        // 8, 9: echo request (traffic class 0xb8, flow label 0x12345) and reply
        at += 300 * MS;
        byte[] payload = "cutover!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        t.add(at, icmp(VM_MAC, VM_LL, ROUTER_LL, 64, 0xb8, 0x12345, null, msg(128, 0, bytes(0x12, 0x34, 0, 1), payload)));
        at += 1 * MS;
        t.add(at, icmp(ROUTER_MAC, ROUTER_LL, VM_LL, 64, 0, 0, null, msg(129, 0, bytes(0x12, 0x34, 0, 1), payload)));
        // 10: an NA whose frame ends inside its target address (the payload length says 32)
        at += 100 * MS;
        byte[] whole = icmp(VM_MAC, VM_LL, ALL_NODES, 255, 0, 0, null,
                msg(136, 0, bytes(0x20, 0, 0, 0), GLOBAL, option(2, mac(VM_MAC))));
        t.add(at, Arrays.copyOf(whole, 14 + 40 + 8 + 10));
        // 11: an NA whose option says length 0
        at += 100 * MS;
        t.add(at, icmp(VM_MAC, VM_LL, ALL_NODES, 255, 0, 0, null,
                msg(136, 0, bytes(0x20, 0, 0, 0), GLOBAL, bytes(2, 0, 0, 0x50, 0x56, 0x9d, 0xb0, 0x51))));
        // 12: an NA with its checksum off by one
        at += 100 * MS;
        byte[] bad = icmp(VM_MAC, VM_LL, ALL_NODES, 255, 0, 0, null,
                msg(136, 0, bytes(0x20, 0, 0, 0), GLOBAL, option(2, mac(VM_MAC))));
        bad[14 + 40 + 3] ^= 1;
        t.add(at, bad);
        return t;
    }

    /** An ICMPv6 message without its checksum: type, code, zero checksum, then the parts. */
    private static byte[] msg(int type, int code, byte[]... parts) {
        return concat(bytes(type, code, 0, 0), concat(parts));
    }

    private static byte[] option(int type, byte[] value) {
        int length = (value.length + 2 + 7) / 8;
        byte[] o = new byte[length * 8];
        o[0] = (byte) type;
        o[1] = (byte) length;
        System.arraycopy(value, 0, o, 2, value.length);
        return o;
    }

    /** Ethernet + IPv6 (+ hop-by-hop header) + the ICMPv6 message with its checksum filled in. */
    private static byte[] icmp(long ethSrc, byte[] src, byte[] dst, int hopLimit, int trafficClass, int flow,
                               byte[] hopByHop, byte[] message) {
        byte[] m = message.clone();
        int sum = checksum(src, dst, m);
        m[2] = (byte) (sum >>> 8);
        m[3] = (byte) sum;
        byte[] ext = hopByHop == null ? new byte[0] : hopByHop;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        long ethDst = dst[0] == (byte) 0xff
                ? 0x3333_0000_0000L | ((dst[12] & 0xffL) << 24) | ((dst[13] & 0xffL) << 16) | ((dst[14] & 0xffL) << 8)
                | (dst[15] & 0xffL)
                : dst == VM_LL ? VM_MAC : ROUTER_MAC;
        b.writeBytes(mac(ethDst));
        b.writeBytes(mac(ethSrc));
        b.writeBytes(bytes(0x86, 0xdd));
        long word = (6L << 28) | ((long) trafficClass << 20) | flow;
        b.writeBytes(bytes((int) (word >>> 24), (int) (word >>> 16), (int) (word >>> 8), (int) word));
        int plen = ext.length + m.length;
        b.writeBytes(bytes(plen >>> 8, plen, hopByHop == null ? 58 : 0, hopLimit));
        b.writeBytes(src);
        b.writeBytes(dst);
        b.writeBytes(ext);
        b.writeBytes(m);
        return b.toByteArray();
    }

    private static int checksum(byte[] src, byte[] dst, byte[] m) {
        byte[] pseudo = concat(src, dst, bytes(0, 0, m.length >>> 8, m.length), bytes(0, 0, 0, 58), m);
        long sum = 0;
        for (int i = 0; i < pseudo.length; i += 2) {
            sum += ((pseudo[i] & 0xff) << 8) | (i + 1 < pseudo.length ? pseudo[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    static byte[] solicitedNode(byte[] address) {
        byte[] g = v6("ff02:0000:0000:0000:0000:0001:ff00:0000");
        g[13] = address[13];
        g[14] = address[14];
        g[15] = address[15];
        return g;
    }

    private static byte[] mac(long mac) {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (mac >>> (40 - 8 * i));
        }
        return b;
    }

    private static byte[] v6(String full) {
        return java.util.HexFormat.of().parseHex(full.replace(":", ""));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
