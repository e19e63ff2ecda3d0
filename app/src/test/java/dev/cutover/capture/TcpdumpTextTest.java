package dev.cutover.capture;

import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** tcpdump's text as pasted into blogs and tickets opens as a capture: the shared transcripts and tcpdump -x. */
class TcpdumpTextTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private static Path transcript(String name) {
        return SharedCorpus.captures().resolve("realworld/transcripts").resolve(name);
    }

    @Test
    void theEsxiVmotionRarpBurstOpensAsSixRarpFramesOnVmk0() throws IOException {
        try (Capture c = Capture.open(transcript("elatov_esxi-vmotion-rarp.tcpdump.txt"))) {
            assertThat(c.frameCount()).isEqualTo(6);
            assertThat(c.damages()).isEmpty();
            assertThat(c.sources().get(0).format()).isEqualTo(CaptureFormat.TCPDUMP_TEXT);
            assertThat(c.interfaces().get(0).name()).isEqualTo("vmk0");
            assertThat(c.interfaces().get(0).linkType()).isEqualTo(LinkTypes.ETHERNET);
            long[] micros = {178_929, 964_847, 1_964_780, 2_964_792, 4_964_920, 7_964_933};
            for (int i = 0; i < 6; i++) {
                byte[] b = c.frameBytes(i);
                assertThat(b).hasSize(60);
                assertThat(hex(b, 0, 42)).isEqualTo("ffffffffffff0050569b4f0d8035" + "0001080006040003"
                        + "0050569b4f0d00000000" + "0050569b4f0d00000000");
                assertThat(c.index().timestampNanos(i)).isEqualTo((3600 + 21 * 60 + 56) * SECOND + micros[i] * 1000);
                assertThat(c.comments(i)).containsExactly(
                        "rebuilt from tcpdump -e text: the Ethernet padding (18 bytes, zeros) is not in the text");
            }
        }
    }

    @Test
    void theOvsBondFailoverKeepsVlan905TheNasAndTheArps() throws IOException {
        try (Capture c = Capture.open(transcript("ovs-bond-failover-vlan905.tcpdump.txt"))) {
            assertThat(c.frameCount()).isEqualTo(6);
            assertThat(c.damages()).isEmpty();
            assertThat(c.interfaces().get(0).name()).isEqualTo("ovs-bond-if0");
            // dst, src, then the tag and EtherType as on the wire
            assertThat(hex(c.frameBytes(0), 0, 18)).isEqualTo("ffffffffffff22a681768a78810003898035");
            assertThat(hex(c.frameBytes(1), 0, 14)).isEqualTo("333300000001feb80354bc0d86dd");
            assertThat(hex(c.frameBytes(2), 0, 18)).isEqualTo("fffffffffffffeb80354bc0d810003890806");
            assertThat(hex(c.frameBytes(3), 0, 18)).isEqualTo("333300000001feb80354bc0d8100038986dd");
            assertThat(hex(c.frameBytes(4), 0, 18)).isEqualTo("22a681768a78feb80354bc0d810003890806");
            assertThat(hex(c.frameBytes(5), 0, 18)).isEqualTo("feb80354bc0d22a681768a78810003890806");
            int[] lengths = new int[6];
            for (int i = 0; i < 6; i++) {
                lengths[i] = c.frameBytes(i).length;
            }
            assertThat(lengths).containsExactly(46, 86, 46, 90, 46, 46);
            // opcodes: RARP request, GARP request, request, reply
            assertThat(hex(c.frameBytes(0), 18, 46)).isEqualTo("0001080006040003" + "22a681768a7800000000"
                    + "22a681768a7800000000");
            assertThat(hex(c.frameBytes(2), 18, 46)).isEqualTo("0001080006040001" + "feb80354bc0dc0a87b0a"
                    + "000000000000c0a87b0a");
            assertThat(hex(c.frameBytes(4), 24, 26)).isEqualTo("0001");
            assertThat(hex(c.frameBytes(5), 18, 46)).isEqualTo("0001080006040002" + "22a681768a78c0a87b0b"
                    + "feb80354bc0d00000000");
            // ICMPv6 NA to all nodes, target the sender's link-local address, hop limit 255
            assertThat(hex(c.frameBytes(3), 25, 26)).isEqualTo("ff");
            assertThat(hex(c.frameBytes(3), 58, 90)).isEqualTo("8800000000000000" + "fe80000000000000fcb803fffe54bc0d"
                    + "0201feb80354bc0d");
            assertThat(c.index().timestampNanos(0)).isEqualTo((19 * 3600 + 2 * 60 + 50) * SECOND + 565_443_000L);
            assertThat(c.index().timestampNanos(5)).isEqualTo((19 * 3600 + 2 * 60 + 50) * SECOND + 747_309_000L);
            assertThat(c.comments(1)).containsExactly("rebuilt from tcpdump -e text: the ICMPv6 checksum (zero), the NA"
                    + " flags (none set) and the link-layer address option (the Ethernet source is used) are not in"
                    + " the text");
        }
    }

    @Test
    void qemusTcpdumpXTranscriptGetsItsLinkHeaderRebuilt() throws IOException {
        try (Capture c = Capture.open(transcript("qemu-announce-self.tcpdump-x.txt"))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.damages()).isEmpty();
            assertThat(hex(c.frameBytes(0), 0, 22)).isEqualTo("ffffffffffff9a2b2c2d2e2f80350001080006040003");
            assertThat(c.frameBytes(0)).hasSize(60);
            assertThat(c.comments(0).get(0)).startsWith("link-layer header rebuilt: tcpdump -x printed none");
        }
    }

    @Test
    void tcpdumpXThatNamesNothingToRebuildFromIsRefusedNamingTheFileAndLine() throws IOException {
        Path file = dir.resolve("announce.txt");
        Files.writeString(file, String.join("\n",
                "        0x0000:  0001 0800 0604 0003 9a2b 2c2d 2e2f 0000",
                "        0x0010:  0000 9a2b 2c2d 2e2f 0000 0000 0000 0000",
                "        0x0020:  0000 0000 0000 0000 0000 0000 0000", ""));
        Throwable t = catchThrowable(() -> Capture.open(file));
        assertThat(t).isInstanceOf(CaptureException.class)
                .hasMessageContaining("announce.txt")
                .hasMessageContaining("line 1: the hex starts at an ARP header, not at an Ethernet header")
                .hasMessageContaining("tcpdump -x leaves out the link-layer header; capture with tcpdump -xx or -w");
    }

    @Test
    void aMangledLineInABurstIsDamageAndTheOtherFramesStay() throws IOException {
        Path file = dir.resolve("burst.txt");
        String good = "01:21:56.178929 00:50:56:9b:4f:0d > ff:ff:ff:ff:ff:ff, ethertype Reverse ARP (0x8035), length 60:"
                + " Reverse Request who-is 00:50:56:9b:4f:0d tell 00:50:56:9b:4f:0d, length 46";
        Files.writeString(file, String.join("\n", good, good.replace("01:21:56.1", "01:21:57.1")
                .replace("Reverse Request", "Reverse Requ"), good.replace("01:21:56.1", "01:21:58.1"), ""));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(2);
            assertThat(c.damages()).hasSize(1);
            assertThat(c.damages().get(0).reason()).startsWith("line 2: tcpdump -e line that cannot be rebuilt into"
                    + " a frame: an ARP line Cutover cannot read");
            assertThat(c.damages().get(0).frameNumber()).isEqualTo(2);
            assertThat(c.index().timestampNanos(1) - c.index().timestampNanos(0)).isEqualTo(2 * SECOND);
        }
    }

    private static String hex(byte[] b, int from, int to) {
        return HexFormat.of().formatHex(b, from, to);
    }
}
