package dev.cutover.capture;

import dev.cutover.capture.text.TextCaptureParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Text captures open like any other: detected from their content, merged, damage stated with line numbers. */
class TextCaptureTest {
    private static final String PKTCAP = String.join("\n",
            "The name of the uplink is vmnic1",
            "08:00:01.398564[1] Captured at EtherswitchDispath point, TSO not enabled, Checksum not offloaded and not "
                    + "verified, VLAN tag 10, length 60.",
            "Segment[0] ---- 60 bytes:",
            "0x0000:  ffff ffff ffff 0050 569d b051 8035 0001 ",
            "0x0010:  0800 0604 0003 0050 569d b051 0000 0000 ",
            "0x0020:  0050 569d b051 0000 0000 0000 0000 0000 ",
            "0x0030:  0000 0000 0000 0000 0000 0000 ",
            "08:00:01.578564[2] Captured at EtherswitchDispath point, TSO not enabled, Checksum not offloaded and not "
                    + "verified, VLAN tag 10, length 60.",
            "Segment[0] ---- 60 bytes:",
            "0x0000:  ffff ffff ffff 0050 569d b051 0806 0001 ",
            "0x0010:  0800 0604 0001 0050 569d b051 0a00 0a34 ",
            "0x0020:  0000 0000 0000 0a00 0a34 0000 0000 0000 ",
            "0x0030:  0000 0000 0000 0000 0000 0000 ",
            "");

    @TempDir
    Path dir;

    @Test
    void pktcapUwTextOpensAsACapture() throws IOException {
        Path file = dir.resolve("vmnic1.txt");
        Files.writeString(file, PKTCAP);
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(2);
            assertThat(c.sources().get(0).format()).isEqualTo(CaptureFormat.PKTCAP_UW_TEXT);
            assertThat(c.interfaces().get(0).name()).isEqualTo("vmnic1");
            assertThat(c.interfaces().get(0).linkType()).isEqualTo(LinkTypes.ETHERNET);
            assertThat(c.interfaces().get(0).timePrecisionDigits()).isEqualTo(6);
            assertThat(c.vlanTag(0)).isEqualTo(10);
            assertThat(c.comments(1)).hasSize(2);
            assertThat(c.comments(1).get(0)).contains("[2] Captured at EtherswitchDispath point");
            // pktcap-uw printed the frames untagged beside "VLAN tag 10": the tag is put back after the MACs.
            assertThat(c.comments(1).get(1)).isEqualTo("802.1Q tag for VLAN 10 re-inserted from pktcap-uw's metadata");
            assertThat(c.frameBytes(0)).hasSize(64);
            assertThat(c.index().originalLength(0)).isEqualTo(64);
            assertThat(java.util.Arrays.copyOfRange(c.frameBytes(1), 12, 18))
                    .containsExactly(0x81, 0x00, 0x00, 0x0a, 0x08, 0x06);
            assertThat(CaptureSummary.iso(c.index().timestampNanos(0), 6)).isEqualTo("1970-01-01T08:00:01.398564Z");
            assertThat(c.damages()).isEmpty();
            assertThat(CaptureSummary.of(c, 0).toText()).contains("File type:           pktcap-uw text\n");
        }
    }

    @Test
    void badLinesBecomeDamageNamingTheirLinesAndTheFramesAreKept() throws IOException {
        Path file = dir.resolve("ticket.txt");
        Files.writeString(file, PKTCAP.replace("0x0010:  0800 0604 0001", "0x0010:  0800 06O4 0001")
                .replace("0x0020:  0050 569d b051", "<snip>\n0x0020:  0050 569d b051"));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(2);
            assertThat(c.damages()).hasSize(1);
            CaptureDamage d = c.damages().get(0);
            assertThat(d.frameNumber()).isEqualTo(1);
            assertThat(d.reason()).startsWith("line 6: \"<snip>\" where frame 1 should go on; it keeps 32 of its 60 bytes; "
                    + "line 12: a hex line whose bytes cannot be read: \"06O4\" is not hex; frame 2 keeps its first 16 bytes");
            assertThat(d.byteOffset()).isEqualTo(PKTCAP.indexOf("0x0020:  0050 569d b051"));
        }
    }

    @Test
    void textThatHoldsNoFramesIsNotACapture() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a capture\n");
        Throwable t = catchThrowable(() -> Capture.open(file));
        assertThat(t).isInstanceOf(CaptureException.class).hasMessageContaining("not a pcap or pcapng capture");
    }

    @Test
    void textOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] line = "0000  ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 70_000 / line.length + 1; i++) {
                f.write(line);
            }
            f.setLength(TextCaptureParser.MAX_TEXT_BYTES + 1);
        }
        Throwable t = catchThrowable(() -> Capture.open(file));
        assertThat(t).isInstanceOf(CaptureException.class).hasMessageContaining("more than the 128 MiB")
                .hasMessageContaining("text2pcap");
    }

    @Test
    void gzipCompressedTextAndMergingWithAPcap() throws IOException {
        Path text = dir.resolve("vmnic1.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(text))) {
            out.write(PKTCAP.getBytes(StandardCharsets.UTF_8));
        }
        Path pcap = dir.resolve("vmnic0.pcap");
        AtomicFiles.write(pcap, out -> {
            try (PcapWriter w = new PcapWriter(out, 1, 65535, false)) {
                byte[] f = new byte[60];
                w.write((8 * 3600 + 1) * 1_000_000_000L + 500_000_000L, f, 0, 60, 60);
            }
        });
        try (Capture c = Capture.open(List.of(text, pcap), LoadMonitor.NONE)) {
            assertThat(c.frameCount()).isEqualTo(3);
            assertThat(c.sources().get(0).gzipped()).isTrue();
            assertThat(c.sourceOf(1)).isEqualTo(1);
            assertThat(c.vlanTag(0)).isEqualTo(10);
            assertThat(c.vlanTag(1)).isEqualTo(-1);
            assertThat(c.vlanTag(2)).isEqualTo(10);
            assertThat(c.comments(2)).hasSize(2);
            assertThat(c.frameBytes(1)).hasSize(60);
            assertThat(c.comments(1)).isEmpty();
        }
    }

    @Test
    void aFramePrintedTaggedKeepsItsBytesAndAFrameWithoutVlanIsNotTagged() throws IOException {
        Path file = dir.resolve("tagged.txt");
        Files.writeString(file, String.join("\n",
                "08:00:01.398564[1] Captured at EtherswitchDispath point, VLAN tag 10, length 64.",
                "Segment[0] ---- 64 bytes:",
                "0x0000:  ffff ffff ffff 0050 569d b051 8100 000a ",
                "0x0010:  8035 0001 0800 0604 0003 0050 569d b051 ",
                "0x0020:  0000 0000 0050 569d b051 0000 0000 0000 ",
                "0x0030:  0000 0000 0000 0000 0000 0000 0000 0000 ",
                "08:00:01.578564[2] Captured at EtherswitchDispath point, length 60.",
                "Segment[0] ---- 60 bytes:",
                "0x0000:  ffff ffff ffff 0050 569d b051 0806 0001 ",
                "0x0010:  0800 0604 0001 0050 569d b051 0a00 0a34 ",
                "0x0020:  0000 0000 0000 0a00 0a34 0000 0000 0000 ",
                "0x0030:  0000 0000 0000 0000 0000 0000 ",
                ""));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameBytes(0)).hasSize(64);
            assertThat(c.frameBytes(0)[16]).isEqualTo((byte) 0x80);
            assertThat(c.comments(0)).hasSize(1);
            assertThat(c.vlanTag(0)).isEqualTo(10);
            assertThat(c.frameBytes(1)).hasSize(60);
            assertThat(c.frameBytes(1)[12]).isEqualTo((byte) 0x08);
            assertThat(c.vlanTag(1)).isEqualTo(-1);
        }
    }
}
