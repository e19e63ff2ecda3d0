package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * The clock offset of two files that have no broadcast frame in common, from the unicast packets both caught; and
 * what is said when they have none.
 */
class ClockOffsetsUnicastTest {
    @TempDir
    Path dir;

    private static final long T = 1_763_712_000_000_000_000L;
    private static final byte[] VM = HexFormat.of().parseHex("0050569db051");
    private static final byte[] CLIENT = HexFormat.of().parseHex("0050569d2001");
    private static final byte[] LOGGER = HexFormat.of().parseHex("0050569d2014");

    private static Path sample(String name) {
        return Path.of("../sample-captures", name);
    }

    /** An Ethernet frame, tagged with VLAN 10 or not, carrying an IPv4 packet. */
    private static byte[] frame(byte[] dst, byte[] src, boolean tagged, byte[] ip) {
        byte[] f = new byte[Math.max(60, 14 + (tagged ? 4 : 0) + ip.length)];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        int at = 12;
        if (tagged) {
            f[12] = (byte) 0x81;
            f[14] = 0x00;
            f[15] = 10;
            at = 16;
        }
        f[at] = 0x08;
        System.arraycopy(ip, 0, f, at + 2, ip.length);
        return f;
    }

    /** An IPv4 packet from 10.0.10.{src} to 10.0.10.{dst} with the IP ID and protocol given, then the payload. */
    private static byte[] ipv4(int src, int dst, int id, int protocol, byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[4] = (byte) (id >> 8);
        p[5] = (byte) id;
        p[8] = 64;
        p[9] = (byte) protocol;
        p[12] = 10;
        p[14] = 10;
        p[15] = (byte) src;
        p[16] = 10;
        p[18] = 10;
        p[19] = (byte) dst;
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    /** An ICMP echo request (type 8) or reply (type 0), identifier 0x1f3a, 56 bytes of data following seq. */
    private static byte[] echo(int type, int seq) {
        byte[] e = new byte[64];
        e[0] = (byte) type;
        e[4] = 0x1f;
        e[5] = 0x3a;
        e[6] = (byte) (seq >> 8);
        e[7] = (byte) seq;
        for (int i = 8; i < e.length; i++) {
            e[i] = (byte) (seq + i);
        }
        return e;
    }

    /** A UDP datagram to port 514 whose payload names {@code n}. */
    private static byte[] syslog(int n) {
        byte[] text = ("<14>vm-52 heartbeat " + n + " all well here").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] u = new byte[8 + text.length];
        u[0] = (byte) 0xc3;
        u[1] = 0x50;
        u[2] = 0x02;
        u[3] = 0x02;
        u[4] = (byte) (u.length >> 8);
        u[5] = (byte) u.length;
        System.arraycopy(text, 0, u, 8, text.length);
        return u;
    }

    /** A broadcast ARP request from 10.0.10.{sender} for 10.0.10.1: each file gets its own. */
    private static byte[] arpRequest(int sender) {
        byte[] f = HexFormat.of().parseHex("ffffffffffff0050569d10000806" + "0001080006040001"
                + "0050569d1000" + "0a000a00" + "000000000000" + "0a000a01" + "000000000000000000000000000000000000");
        f[11] = (byte) sender;
        f[27] = (byte) sender;
        f[31] = (byte) sender;
        return f;
    }

    private record Frame(long time, byte[] bytes) {
    }

    private static Path write(Path file, int snapLen, List<Frame> frames) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, snapLen, true)) {
            for (Frame f : frames) {
                w.write(f.time(), f.bytes(), 0, Math.min(snapLen, f.bytes().length), f.bytes().length);
            }
        }
        return file;
    }

    private static ClockOffsets.Comparison compare(Path reference, Path other) throws IOException {
        try (Capture c = Capture.open(List.of(reference, other), LoadMonitor.NONE)) {
            List<ClockOffsets.Comparison> all = ClockOffsets.compareWithFirst(c);
            assertThat(all).hasSize(2);
            assertThat(all.get(0)).isNull();
            assertThat(ClockOffsets.fromFirst(c).get(1)).isEqualTo(all.get(1).offset());
            return all.get(1);
        }
    }

    @Test
    void theSamplePairSharesNoFrameAndSuggestSaysWhy() throws IOException {
        ClockOffsets.Comparison c = compare(sample("stale-forwarding-vmnic5.pcapng"),
                sample("stale-forwarding-vusb2.pcapng"));
        // vmnic5 has pings 1 to 115 and the VM's datagrams with IP IDs 0x6000-0x6062, vusb2 pings 116 to 200 and
        // IDs 0x6064-0x60c7, and each has its own hosts' ARP requests: not one packet is in both
        assertThat(c.offset()).isNull();
        assertThat(c.sharedPackets()).isZero();
        assertThat(c.frames()).isEqualTo(37);
        assertThat(c.packets()).isEqualTo(390);
        assertThat(c.referenceFrames()).isEqualTo(41);
        assertThat(c.referencePackets()).isEqualTo(423);
        assertThat(c.sharedConversations()).containsExactly("10.0.10.20 \u2194 10.0.10.52 UDP",
                "10.0.10.201 \u2194 10.0.10.52 ICMP");
        assertThat(ClockOffsets.noOffset("stale-forwarding-vmnic5.pcapng", "stale-forwarding-vusb2.pcapng", c))
                .isEqualTo("stale-forwarding-vusb2.pcapng: no shift to suggest. No frame compared was caught by "
                        + "both files: 37 broadcast frames and 390 unicast packets of stale-forwarding-vusb2.pcapng were "
                        + "compared with the 41 and 423 of stale-forwarding-vmnic5.pcapng, and none is in both. "
                        + "Both caught packets of the same conversations (10.0.10.20 \u2194 10.0.10.52 UDP, "
                        + "10.0.10.201 \u2194 10.0.10.52 ICMP), but never the same packet: each file has a different "
                        + "part of them (the packets before a move and those after it, or requests in one and their "
                        + "replies in the other), which does not tell how far apart the clocks are. Type the shift if "
                        + "it is known from elsewhere (e.g. the hosts' NTP offsets).");
    }

    @Test
    void theSamePacketsOnTwoUplinksGiveTheOffsetWhateverTheTagAndSnapLength() throws IOException {
        long behind = 1_234_567_891L;
        List<Frame> trunk = new java.util.ArrayList<>();
        List<Frame> access = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = T + i * 100_000_000L;
            // the pings and the datagrams: tagged on the trunk, untagged at the access port, a few µs later
            long wire = 3_000L + (i % 3) * 2_000L;
            byte[] request = ipv4(201, 52, 0x4000 + i, 1, echo(8, i + 1));
            byte[] reply = ipv4(52, 201, 0x7000 + i, 1, echo(0, i + 1));
            byte[] datagram = ipv4(52, 20, 0x6000 + i, 17, syslog(i));
            trunk.add(new Frame(t, frame(VM, CLIENT, true, request)));
            trunk.add(new Frame(t + 400_000L, frame(CLIENT, VM, true, reply)));
            trunk.add(new Frame(t + 50_000_000L, frame(LOGGER, VM, true, datagram)));
            access.add(new Frame(t + wire - behind, frame(VM, CLIENT, false, request)));
            access.add(new Frame(t + 400_000L + wire - behind, frame(CLIENT, VM, false, reply)));
            access.add(new Frame(t + 50_000_000L + wire - behind, frame(LOGGER, VM, false, datagram)));
            // broadcasts each file has alone
            trunk.add(new Frame(t + 70_000_000L, arpRequest(100 + i)));
            access.add(new Frame(t + 70_000_000L - behind, arpRequest(150 + i)));
        }
        // the trunk keeps 96 bytes of each frame (the 102-byte tagged pings are cut short), the access port all of it
        Path a = write(dir.resolve("trunk.pcap"), 96, trunk);
        Path b = write(dir.resolve("access.pcap"), 65535, access);
        ClockOffsets.Comparison c = compare(a, b);
        // the median of the 30 differences (3, 5 and 7 µs of wire): 5 µs
        assertThat(c.offset()).isEqualTo(new ClockOffsets.Offset(behind - 5_000L, 30, true));
        assertThat(c.sharedPackets()).isEqualTo(30);
        assertThat(ClockOffsets.comparison("trunk.pcap", "access.pcap", c.offset()))
                .isEqualTo("access.pcap runs 1.235 s behind trunk.pcap (30 unicast packets seen in both)");
        assertThat(ClockOffsets.advice("trunk.pcap", "access.pcap", c.offset(), 0))
                .endsWith("; to align: --time-shift access.pcap=1.234562891");
        // the other way round
        ClockOffsets.Offset back = compare(b, a).offset();
        assertThat(back).isEqualTo(new ClockOffsets.Offset(-(behind - 5_000L), 30, true));
    }

    @Test
    void aCaptureThatStartedLaterSharesPacketsFoundPastTheFirstFewThousand() throws IOException {
        // the trunk's capture ran a while before the access port's: its first 30,000 datagrams the other never saw,
        // then 3,000 both caught; keeping the packets whose keys lie lowest keeps some of those in both
        long behind = 2_500_000_000L;
        List<Frame> trunk = new java.util.ArrayList<>();
        List<Frame> access = new java.util.ArrayList<>();
        for (int i = 0; i < 33_000; i++) {
            long t = T + i * 1_000_000L;
            byte[] datagram = ipv4(52, 20, i & 0xFFFF, 17, syslog(i));
            trunk.add(new Frame(t, frame(LOGGER, VM, true, datagram)));
            if (i >= 30_000) {
                access.add(new Frame(t + 4_000L - behind, frame(LOGGER, VM, false, datagram)));
            }
        }
        Path a = write(dir.resolve("early.pcap"), 65535, trunk);
        Path b = write(dir.resolve("late.pcap"), 65535, access);
        ClockOffsets.Comparison c = compare(a, b);
        assertThat(c.offset()).isNotNull();
        assertThat(c.offset().offsetNanos()).isEqualTo(behind - 4_000L);
        assertThat(c.offset().unicast()).isTrue();
        assertThat(c.packets()).isEqualTo(3_000);
        // the earlier file kept no more than its share, spread over all its packets
        assertThat(c.referencePackets()).isLessThanOrEqualTo(ClockOffsets.MAX_SAMPLES);
        assertThat(c.sharedPackets()).isGreaterThanOrEqualTo(ClockOffsets.MIN_PACKETS);
    }

    @Test
    void requestsInOneFileAndTheirRepliesInTheOtherAreNotTheSameFrames() throws IOException {
        List<Frame> requests = new java.util.ArrayList<>();
        List<Frame> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = T + i * 100_000_000L;
            // the same ping, the same IP ID on both sides: the reply is still another packet
            requests.add(new Frame(t, frame(VM, CLIENT, true, ipv4(201, 52, 0x4000 + i, 1, echo(8, i + 1)))));
            replies.add(new Frame(t - 2_900_000_000L, frame(CLIENT, VM, true,
                    ipv4(52, 201, 0x4000 + i, 1, echo(0, i + 1)))));
        }
        Path a = write(dir.resolve("requests.pcap"), 65535, requests);
        Path b = write(dir.resolve("replies.pcap"), 65535, replies);
        ClockOffsets.Comparison c = compare(a, b);
        assertThat(c.offset()).isNull();
        assertThat(c.sharedPackets()).isZero();
        assertThat(c.sharedConversations()).containsExactly("10.0.10.201 \u2194 10.0.10.52 ICMP");
        assertThat(ClockOffsets.noOffset("requests.pcap", "replies.pcap", c)).startsWith(
                "replies.pcap: no shift to suggest. No frame compared was caught by both files: 0 broadcast frames "
                        + "and 20 unicast packets of replies.pcap were compared with the 0 and 20 of requests.pcap, and "
                        + "none is in both. Both caught packets of the same conversation (10.0.10.201 \u2194 "
                        + "10.0.10.52 ICMP), but never the same packet: each file has a different part of it");
    }

    @Test
    void twoPacketsInCommonAreTooFewToTrust() throws IOException {
        List<Frame> one = new java.util.ArrayList<>();
        List<Frame> two = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = T + i * 100_000_000L;
            byte[] datagram = ipv4(52, 20, 0x6000 + i, 17, syslog(i));
            one.add(new Frame(t, frame(LOGGER, VM, false, datagram)));
            if (i >= 3) {
                two.add(new Frame(t - 700_000_000L, frame(LOGGER, VM, false, datagram)));
            } else {
                two.add(new Frame(t - 700_000_000L, frame(LOGGER, VM, false, ipv4(52, 20, 0x6100 + i, 17,
                        syslog(100 + i)))));
            }
        }
        Path a = write(dir.resolve("one.pcap"), 65535, one);
        Path b = write(dir.resolve("two.pcap"), 65535, two);
        ClockOffsets.Comparison c = compare(a, b);
        assertThat(c.offset()).isNull();
        assertThat(c.sharedPackets()).isEqualTo(2);
        assertThat(ClockOffsets.noOffset("one.pcap", "two.pcap", c)).isEqualTo(
                "two.pcap: no shift to suggest. No broadcast frame was caught by both files, and only 2 unicast "
                        + "packets are in both (0 broadcast frames and 5 unicast packets of two.pcap were compared "
                        + "with the 0 and 5 of one.pcap); 3 that agree on the offset within 5 ms are needed. Type the "
                        + "shift if it is known from elsewhere (e.g. the hosts' NTP offsets).");
        // a third packet in common: enough
        List<Frame> three = new java.util.ArrayList<>(two);
        three.add(new Frame(T + 200_000_000L - 700_000_000L, frame(LOGGER, VM, false, ipv4(52, 20, 0x6002, 17,
                syslog(2)))));
        three.sort(java.util.Comparator.comparingLong(Frame::time));
        Path b3 = write(dir.resolve("three.pcap"), 65535, three);
        assertThat(compare(a, b3).offset()).isEqualTo(new ClockOffsets.Offset(700_000_000L, 3, true));
    }
}
