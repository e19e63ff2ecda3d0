package dev.cutover.capture.text;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tcpdump's one-line text rebuilt into frames. The expected bytes are the frames tcpdump 4.99.3 read when it printed
 * these lines (written with their real checksums), with the bytes the line does not print set to zero: the rebuilt
 * frame must equal the captured one everywhere else.
 */
class TcpdumpLineTest {
    private static final long SECOND = 1_000_000_000L;

    /** {@code tcpdump -e -n -r}: twelve frames of ARP, RARP, 802.1Q and ICMPv6 ND. */
    static final List<String> E_N = List.of(
            "00:16:40.123456 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60: Request who-has 10.1.0.1 tell 10.1.0.11, length 46",
            "00:16:41.123456 22:a6:81:76:8a:78 > 00:50:56:9b:4f:0d, ethertype ARP (0x0806), length 60: Reply 10.1.0.1 is-at 22:a6:81:76:8a:78, length 46",
            "00:16:42.123456 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60: Request who-has 10.1.0.11 tell 10.1.0.11, length 46",
            "00:16:43.123456 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype Reverse ARP (0x8035), length 60: Reverse Request who-is 00:50:56:9b:4f:0d tell 00:50:56:9b:4f:0d, length 46",
            "00:16:44.123456 22:a6:81:76:8a:78 > 00:50:56:9b:4f:0d, ethertype Reverse ARP (0x8035), length 60: Reverse Reply 00:50:56:9b:4f:0d at 10.1.0.11, length 46",
            "00:16:45.123456 22:a6:81:76:8a:78 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 46: vlan 905, p 0, ethertype ARP (0x0806), Request who-has 192.168.123.10 tell 192.168.123.10, length 28",
            "00:16:46.123456 22:a6:81:76:8a:78 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 46: vlan 905, p 5, ethertype Reverse ARP (0x8035), Reverse Request who-is 22:a6:81:76:8a:78 tell 22:a6:81:76:8a:78, length 28",
            "00:16:47.123456 00:50:56:9b:4f:0d > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 86: fe80::250:56ff:fe9b:4f0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::250:56ff:fe9b:4f0d, length 32",
            "00:16:48.123456 22:a6:81:76:8a:78 > 33:33:ff:9b:4f:0d, ethertype IPv6 (0x86dd), length 86: fe80::20a6:81ff:fe76:8a78 > ff02::1:ff9b:4f0d: ICMP6, neighbor solicitation, who has fe80::250:56ff:fe9b:4f0d, length 32",
            "00:16:49.123456 22:a6:81:76:8a:78 > 33:33:00:00:00:01, ethertype 802.1Q (0x8100), length 90: vlan 905, p 0, ethertype IPv6 (0x86dd), fe80::20a6:81ff:fe76:8a78 > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::20a6:81ff:fe76:8a78, length 32",
            "00:16:50.123456 22:a6:81:76:8a:78 > 00:50:56:9b:4f:0d, ethertype ARP (0x0806), length 60: Request who-has 10.1.0.11 (00:50:56:9b:4f:0d) tell 10.1.0.1, length 46",
            "00:16:51.123456 00:50:56:9b:4f:0d > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 78: fe80::250:56ff:fe9b:4f0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::250:56ff:fe9b:4f0d, length 24");

    /** The same frames with {@code tcpdump -e} without -n: MACs still printed as MACs, with "(oui ...)" and "Broadcast". */
    static final List<String> E = List.of(
            "00:16:40.123456 00:50:56:9b:4f:0d (oui Unknown) > Broadcast, ethertype ARP (0x0806), length 60: Request who-has 10.1.0.1 tell 10.1.0.11, length 46",
            "00:16:41.123456 22:a6:81:76:8a:78 (oui Unknown) > 00:50:56:9b:4f:0d (oui Unknown), ethertype ARP (0x0806), length 60: Reply 10.1.0.1 is-at 22:a6:81:76:8a:78 (oui Unknown), length 46",
            "00:16:42.123456 00:50:56:9b:4f:0d (oui Unknown) > Broadcast, ethertype ARP (0x0806), length 60: Request who-has 10.1.0.11 tell 10.1.0.11, length 46",
            "00:16:43.123456 00:50:56:9b:4f:0d (oui Unknown) > Broadcast, ethertype Reverse ARP (0x8035), length 60: Reverse Request who-is 00:50:56:9b:4f:0d (oui Unknown) tell 00:50:56:9b:4f:0d (oui Unknown), length 46",
            "00:16:44.123456 22:a6:81:76:8a:78 (oui Unknown) > 00:50:56:9b:4f:0d (oui Unknown), ethertype Reverse ARP (0x8035), length 60: Reverse Reply 00:50:56:9b:4f:0d (oui Unknown) at 10.1.0.11, length 46",
            "00:16:45.123456 22:a6:81:76:8a:78 (oui Unknown) > Broadcast, ethertype 802.1Q (0x8100), length 46: vlan 905, p 0, ethertype ARP (0x0806), Request who-has 192.168.123.10 tell 192.168.123.10, length 28",
            "00:16:46.123456 22:a6:81:76:8a:78 (oui Unknown) > Broadcast, ethertype 802.1Q (0x8100), length 46: vlan 905, p 5, ethertype Reverse ARP (0x8035), Reverse Request who-is 22:a6:81:76:8a:78 (oui Unknown) tell 22:a6:81:76:8a:78 (oui Unknown), length 28",
            "00:16:47.123456 00:50:56:9b:4f:0d (oui Unknown) > 33:33:00:00:00:01 (oui Unknown), ethertype IPv6 (0x86dd), length 86: fe80::250:56ff:fe9b:4f0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::250:56ff:fe9b:4f0d, length 32",
            "00:16:48.123456 22:a6:81:76:8a:78 (oui Unknown) > 33:33:ff:9b:4f:0d (oui Unknown), ethertype IPv6 (0x86dd), length 86: fe80::20a6:81ff:fe76:8a78 > ff02::1:ff9b:4f0d: ICMP6, neighbor solicitation, who has fe80::250:56ff:fe9b:4f0d, length 32",
            "00:16:49.123456 22:a6:81:76:8a:78 (oui Unknown) > 33:33:00:00:00:01 (oui Unknown), ethertype 802.1Q (0x8100), length 90: vlan 905, p 0, ethertype IPv6 (0x86dd), fe80::20a6:81ff:fe76:8a78 > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::20a6:81ff:fe76:8a78, length 32",
            "00:16:50.123456 22:a6:81:76:8a:78 (oui Unknown) > 00:50:56:9b:4f:0d (oui Unknown), ethertype ARP (0x0806), length 60: Request who-has 10.1.0.11 (00:50:56:9b:4f:0d (oui Unknown)) tell 10.1.0.1, length 46",
            "00:16:51.123456 00:50:56:9b:4f:0d (oui Unknown) > 33:33:00:00:00:01 (oui Unknown), ethertype IPv6 (0x86dd), length 78: fe80::250:56ff:fe9b:4f0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::250:56ff:fe9b:4f0d, length 24");

    /** The frames tcpdump read; the line numbers in the comments are positions of the bytes the text leaves out. */
    static final List<String> CAPTURED = List.of(
            "ffffffffffff0050569b4f0d080600010800060400010050569b4f0d0a01000b0000000000000a010001000000000000000000000000000000000000",
            "0050569b4f0d22a681768a780806000108000604000222a681768a780a0100010050569b4f0d0a01000b000000000000000000000000000000000000",
            "ffffffffffff0050569b4f0d080600010800060400010050569b4f0d0a01000b0000000000000a01000b000000000000000000000000000000000000",
            "ffffffffffff0050569b4f0d803500010800060400030050569b4f0d000000000050569b4f0d00000000000000000000000000000000000000000000",
            "0050569b4f0d22a681768a788035000108000604000422a681768a780a0100010050569b4f0d0a01000b000000000000000000000000000000000000",
            "ffffffffffff22a681768a78810003890806000108000604000122a681768a78c0a87b0a000000000000c0a87b0a",
            "ffffffffffff22a681768a788100a3898035000108000604000322a681768a780000000022a681768a7800000000",
            "3333000000010050569b4f0d86dd6000000000203afffe80000000000000025056fffe9b4f0dff020000000000000000000000000001880065b420000000fe80000000000000025056fffe9b4f0d02010050569b4f0d",
            "3333ff9b4f0d22a681768a7886dd6000000000203afffe8000000000000020a681fffe768a78ff0200000000000000000001ff9b4f0d87002bd200000000fe80000000000000025056fffe9b4f0d010122a681768a78",
            "33330000000122a681768a788100038986dd6000000000203afffe8000000000000020a681fffe768a78ff020000000000000000000000000001880053dea0000000fe8000000000000020a681fffe768a78020122a681768a78",
            "0050569b4f0d22a681768a780806000108000604000122a681768a780a0100010050569b4f0d0a01000b000000000000000000000000000000000000",
            "3333000000010050569b4f0d86dd6000000000183afffe80000000000000025056fffe9b4f0dff02000000000000000000000000000188000db620000000fe80000000000000025056fffe9b4f0d");

    /** Bytes of each frame that the one-line text does not print (reply target IPv4, checksum, NA flags). */
    static final int[][] NOT_PRINTED = {
        {}, {38, 39, 40, 41}, {}, {}, {28, 29, 30, 31}, {}, {}, {56, 57, 58}, {56, 57}, {60, 61, 62}, {}, {56, 57, 58}};

    @Test
    void eachLineFormOfTcpdumpEnRebuildsTheCapturedFrame() {
        TextCapture t = TextCaptureParser.parse(String.join("\n", E_N));
        assertRebuilt(t);
    }

    @Test
    void withoutNTheMacsAreStillMacsAndTheSameFramesAreRebuilt() {
        TextCapture t = TextCaptureParser.parse(String.join("\n", E));
        assertRebuilt(t);
    }

    private static void assertRebuilt(TextCapture t) {
        assertThat(t.problems()).isEmpty();
        assertThat(t.format()).isEqualTo(TextFormat.TCPDUMP_LINES);
        assertThat(t.frames()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            TextFrame f = t.frames().get(i);
            byte[] expected = HexFormat.of().parseHex(CAPTURED.get(i));
            for (int at : NOT_PRINTED[i]) {
                expected[at] = 0;
            }
            assertThat(bytes(t, f)).as("frame %d", i + 1).isEqualTo(expected);
            assertThat(f.originalLength()).isEqualTo(expected.length);
            assertThat(f.timestampNanos()).isEqualTo((1000L + i) * SECOND + 123_456_000L);
            assertThat(f.line()).isEqualTo(i + 1);
            assertThat(f.vlan()).isEqualTo(-1);
            assertThat(f.comment()).startsWith("rebuilt from tcpdump -e text");
        }
        assertThat(t.frames().get(0).comment()).isEqualTo("rebuilt from tcpdump -e text: the ARP sender MAC (the Ethernet"
                + " source is used) and the Ethernet padding (18 bytes, zeros) are not in the text");
        assertThat(t.frames().get(6).comment()).isEqualTo("rebuilt from tcpdump -e text");
        assertThat(t.frames().get(7).comment()).isEqualTo("rebuilt from tcpdump -e text: the ICMPv6 checksum (zero), the"
                + " NA flags (none set) and the link-layer address option (the Ethernet source is used) are not in the"
                + " text");
        assertThat(t.frames().get(11).comment()).isEqualTo("rebuilt from tcpdump -e text: the ICMPv6 checksum (zero) and"
                + " the NA flags (none set) are not in the text");
    }

    @Test
    void verboseLinesGiveTheNaFlagsHopLimitAndTheOptionLineAfterThem() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "00:16:42.123456 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60: Ethernet (len 6), IPv4 (len 4), Request who-has 10.1.0.11 tell 10.1.0.11, length 46",
                "00:16:49.123456 22:a6:81:76:8a:78 > 33:33:00:00:00:01, ethertype 802.1Q (0x8100), length 90: vlan 905, p 0, ethertype IPv6 (0x86dd), (hlim 255, next-header ICMPv6 (58) payload length: 32) fe80::20a6:81ff:fe76:8a78 > ff02::1: [icmp6 sum ok] ICMP6, neighbor advertisement, length 32, tgt is fe80::20a6:81ff:fe76:8a78, Flags [router, override]",
                "\t  destination link-address option (2), length 8 (1): 22:a6:81:76:8a:78",
                // the option line names another MAC than the Ethernet source: the line's MAC is the one used
                "00:16:48.123456 22:a6:81:76:8a:78 > 33:33:ff:9b:4f:0d, ethertype IPv6 (0x86dd), length 86: (hlim 255, next-header ICMPv6 (58) payload length: 32) fe80::20a6:81ff:fe76:8a78 > ff02::1:ff9b:4f0d: [icmp6 sum ok] ICMP6, neighbor solicitation, length 32, who has fe80::250:56ff:fe9b:4f0d",
                "\t  source link-address option (1), length 8 (1): 02:00:00:00:00:99"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.frames()).hasSize(3);
        byte[] arp = HexFormat.of().parseHex(CAPTURED.get(2));
        assertThat(bytes(t, t.frames().get(0))).isEqualTo(arp);
        byte[] na = HexFormat.of().parseHex(CAPTURED.get(9));
        na[60] = 0;
        na[61] = 0;
        assertThat(bytes(t, t.frames().get(1))).isEqualTo(na);
        assertThat(t.frames().get(1).comment()).isEqualTo("rebuilt from tcpdump -e text: the ICMPv6 checksum (zero) is"
                + " not in the text");
        byte[] ns = HexFormat.of().parseHex(CAPTURED.get(8).substring(0, 2 * 80) + "020000000099");
        ns[56] = 0;
        ns[57] = 0;
        assertThat(bytes(t, t.frames().get(2))).isEqualTo(ns);
    }

    @Test
    void theTranscriptsLineFormsTaggedAndUntaggedWithTheOlderInnerEthertype() {
        // tcpdump before 4.99 names the EtherType after the 802.1Q tag without its number
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "listening on ovs-bond-if0, link-type EN10MB (Ethernet), capture size 262144 bytes",
                "19:02:50.565443 22:a6:81:76:8a:78 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 46: vlan 905, p 0, ethertype Reverse ARP, Reverse Request who-is 22:a6:81:76:8a:78 tell 22:a6:81:76:8a:78, length 28",
                "19:02:50.591172 fe:b8:03:54:bc:0d > 33:33:00:00:00:01, ethertype 802.1Q (0x8100), length 90: vlan 905, p 0, ethertype IPv6, fe80::fcb8:3ff:fe54:bc0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::fcb8:3ff:fe54:bc0d, length 32",
                "01:21:56.178929 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype Reverse ARP (0x8035), length 60: Reverse Request who-is 00:50:56:9b:4f:0d tell 00:50:56:9b:4f:0d, length 46"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.interfaceName()).isEqualTo("ovs-bond-if0");
        assertThat(t.frames()).hasSize(3);
        assertThat(HexFormat.of().formatHex(bytes(t, t.frames().get(0)))).isEqualTo(
                "ffffffffffff22a681768a78810003898035000108000604000322a681768a780000000022a681768a7800000000");
        assertThat(HexFormat.of().formatHex(bytes(t, t.frames().get(1)))).isEqualTo(
                "333300000001feb80354bc0d8100038986dd6000000000203aff" + "fe80000000000000fcb803fffe54bc0d"
                        + "ff020000000000000000000000000001" + "8800000000000000" + "fe80000000000000fcb803fffe54bc0d"
                        + "0201feb80354bc0d");
        assertThat(bytes(t, t.frames().get(2))).hasSize(60);
        // past midnight by the clock going back more than half a day: the next day
        assertThat(t.frames().get(2).timestampNanos()).isEqualTo(86_400L * SECOND + (3600 + 21 * 60 + 56) * SECOND
                + 178_929_000L);
    }

    @Test
    void aMangledLineIsReportedWithItsNumberAndTheFramesAroundItAreKept() {
        TextCapture t = TextCaptureParser.parse(String.join("\n", E_N.get(0),
                E_N.get(3).replace("who-is 00:50:56:9b:4f:0d", "who-is 00:50:56:9b:4f"), E_N.get(4),
                "00:16:45.2 22:a6:81:76:8a:78 > 00:50:56:9b:4f:0d, ethertype IPv4 (0x0800), length 98: 10.1.0.1 > 10.1.0.11: ICMP echo request, id 1, seq 1, length 64",
                E.get(0).replace("tell 10.1.0.11", "tell esx-host-11.example"), E_N.get(5)));
        assertThat(t.frames()).extracting(TextFrame::line).containsExactly(1, 3, 6);
        assertThat(t.problems()).extracting(TextProblem::message).containsExactly(
                "line 2: tcpdump -e line that cannot be rebuilt into a frame: an ARP line Cutover cannot read"
                        + " (\"Reverse Request who-is 00:50:56:9b:4f tell 00:50:56:9b:4f...\")",
                "line 4: tcpdump -e line that cannot be rebuilt into a frame: only ARP, RARP and ICMPv6 neighbor"
                        + " discovery are rebuilt from tcpdump's one-line text, not ethertype 0x0800",
                "line 5: tcpdump -e line that cannot be rebuilt into a frame: \"esx-host-11.example\" is a host name,"
                        + " not an IPv4 address: run tcpdump with -n");
        assertThat(t.problems()).extracting(TextProblem::frameNumber).containsExactly(2L, 3L, 3L);
    }

    @Test
    void withHexAfterItTheLineIsOnlyAHeaderAndTheHexIsTheFrame() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "08:00:01.398564 00:50:56:9d:b0:51 > ff:ff:ff:ff:ff:ff, ethertype Reverse ARP (0x8035), length 60: Reverse Request who-is 00:50:56:9d:b0:51 tell 00:50:56:9d:b0:51, length 46",
                "\t0x0000:  ffff ffff ffff 0050 569d b051 8035 0001",
                "08:00:02.000000 00:50:56:9d:b0:51 > ff:ff:ff:ff:ff:ff, ethertype IPv4 (0x0800), length 42: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 1, seq 1, length 8",
                "\t0x0000:  ffff ffff ffff 0050 569d b051 0800 45"));
        assertThat(t.problems()).isEmpty();
        assertThat(t.format()).isEqualTo(TextFormat.TCPDUMP);
        assertThat(t.frames()).extracting(TextFrame::capturedLength).containsExactly(16, 15);
        assertThat(t.frames()).extracting(TextFrame::comment).containsOnlyNulls();
    }

    /** qemu's announce_self as {@code tcpdump -x} printed it: the hex starts at the ARP hardware type. */
    static final String QEMU_X = String.join("\n",
            "   ARP, Reverse Request who-is 9a:2b:2c:2d:2e:2f tell 9a:2b:2c:2d:2e:2f, length 46",
            "        0x0000:  0001 0800 0604 0003 9a2b 2c2d 2e2f 0000",
            "        0x0010:  0000 9a2b 2c2d 2e2f 0000 0000 0000 0000",
            "        0x0020:  0000 0000 0000 0000 0000 0000 0000");

    @Test
    void tcpdumpXWithoutALinkHeaderGetsOneRebuiltFromTheSummary() {
        TextCapture t = TextCaptureParser.parse(QEMU_X);
        assertThat(t.problems()).isEmpty();
        assertThat(t.frames()).hasSize(1);
        byte[] b = bytes(t, t.frames().get(0));
        assertThat(b).hasSize(60);
        assertThat(HexFormat.of().formatHex(b, 0, 24)).isEqualTo("ffffffffffff9a2b2c2d2e2f803500010800060400039a2b");
        assertThat(t.frames().get(0).comment()).isEqualTo("link-layer header rebuilt: tcpdump -x printed none; the"
                + " source MAC is the RARP sender's and the destination broadcast, both inferred, the EtherType from"
                + " the summary line");
    }

    @Test
    void tcpdumpXOfIpv6GetsTheMulticastDestinationAndAnUnknownSource() {
        TextCapture t = TextCaptureParser.parse(String.join("\n",
                "00:16:51.123456 IP6 fe80::250:56ff:fe9b:4f0d > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::250:56ff:fe9b:4f0d, length 24",
                "\t0x0000:  6000 0000 0018 3aff fe80 0000 0000 0000",
                "\t0x0010:  0250 56ff fe9b 4f0d ff02 0000 0000 0000",
                "\t0x0020:  0000 0000 0000 0001 8800 0db6 2000 0000",
                "\t0x0030:  fe80 0000 0000 0000 0250 56ff fe9b 4f0d"));
        assertThat(t.problems()).isEmpty();
        byte[] expected = HexFormat.of().parseHex(CAPTURED.get(11));
        java.util.Arrays.fill(expected, 6, 12, (byte) 0);
        assertThat(bytes(t, t.frames().get(0))).isEqualTo(expected);
        assertThat(t.frames().get(0).comment()).contains("the source MAC is unknown (zeros) and the destination is"
                + " inferred from the multicast or broadcast address");
    }

    @Test
    void tcpdumpXWithNothingToRebuildFromIsRefusedSayingXxOrWIsNeeded() {
        TextCapture t = TextCaptureParser.parse(QEMU_X.replace("ARP, Reverse Request", "IP 10.0.0.1 > 10.0.0.2: ICMP"));
        assertThat(t.frames()).isEmpty();
        assertThat(t.problems()).extracting(TextProblem::message).containsExactly("line 2: the hex starts at an ARP"
                + " header, not at an Ethernet header, and no tcpdump summary line before it names RARP: tcpdump -x"
                + " leaves out the link-layer header; capture with tcpdump -xx or -w to keep it");
    }

    @Test
    void numbersLongerThanAnIntAreReadAsTooLargeNotThrown() {
        String na = "00:16:49.123456 22:a6:81:76:8a:78 > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 86: "
                + "(hlim 99999999999999999999, next-header ICMPv6 (58) payload length: 32) fe80::20a6:81ff:fe76:8a78 > "
                + "ff02::1: [icmp6 sum ok] ICMP6, neighbor advertisement, length 32, tgt is fe80::20a6:81ff:fe76:8a78, "
                + "Flags [override]";
        TextCapture t = TextCaptureParser.parse(String.join("\n", na,
                na.replace("length 32, tgt", "length 99999999999999999999, tgt")));
        assertThat(t.frames()).hasSize(1);
        assertThat(bytes(t, t.frames().get(0))[14 + 7]).isEqualTo((byte) 255); // the hop limit, at most 255
        assertThat(t.problems()).extracting(TextProblem::message).singleElement().asString()
                .contains("an ICMPv6 neighbor message of 100,000 or more bytes");
    }

    private static byte[] bytes(TextCapture t, TextFrame f) {
        return java.util.Arrays.copyOfRange(t.data(), f.dataOffset(), f.dataOffset() + f.capturedLength());
    }
}
