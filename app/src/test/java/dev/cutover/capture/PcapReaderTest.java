package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classic pcap files made byte by byte, each with one precise property or fault. */
class PcapReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    private Path write(String name, Bytes bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes.toArray());
    }

    @Test
    void emptyFileIsRefusedByName() throws IOException {
        Path file = Files.write(dir.resolve("nothing.pcap"), new byte[0]);
        assertThatThrownBy(() -> Capture.open(file))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("nothing.pcap")
                .hasMessageContaining("empty file");
    }

    @Test
    void fileHeaderCutShortIsRefused() throws IOException {
        byte[] header = Crafted.pcapHeader().toArray();
        Path file = Files.write(dir.resolve("short.pcap"), java.util.Arrays.copyOf(header, 10));
        assertThatThrownBy(() -> Capture.open(file))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("short.pcap")
                .hasMessageContaining("needs 24 bytes, only 10 present");
    }

    @Test
    void somethingElseIsRefusedShowingItsFirstBytes() throws IOException {
        Path file = write("page.pcap", Bytes.le().utf8("<html><body>not found</body></html>"));
        assertThatThrownBy(() -> Capture.open(file))
                .isInstanceOf(CaptureException.class)
                .hasMessageEndingWith("not a pcap or pcapng capture (starts with 3c 68 74 6d)")
                .satisfies(e -> assertThat(((CaptureException) e).offset()).isZero());
        Path tiny = Files.write(dir.resolve("tiny.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertThatThrownBy(() -> Capture.open(tiny))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("(starts with d4 c3)");
    }

    @Test
    void majorVersionOtherThanTwoIsRefusedLikeTshark() throws IOException {
        Path v1 = write("v1.pcap", Crafted.pcapHeader(LE, false, 1, 4, 65535, 1));
        assertThatThrownBy(() -> Capture.open(v1)).isInstanceOf(CaptureException.class)
                .hasMessageEndingWith("pcap: major version 1 unsupported");
        Path v3 = write("v3.pcap", Crafted.pcapHeader(LE, false, 3, 0, 65535, 1));
        assertThatThrownBy(() -> Capture.open(v3)).isInstanceOf(CaptureException.class)
                .hasMessageEndingWith("pcap: major version 3 unsupported");
        Path v25 = write("v25.pcap", Crafted.pcapHeader(LE, false, 2, 5, 65535, 1)
                .raw(Crafted.pcapRecord(1, 0, Bytes.pattern(60, 0))));
        try (Capture c = Capture.open(v25)) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.sources().get(0).version()).isEqualTo("2.5");
        }
    }

    @Test
    void reservedLinkTypeBitsAreRefusedAndFcsBitsKept() throws IOException {
        Path reserved = write("reserved.pcap", Crafted.pcapHeader(LE, false, 2, 4, 65535, 0x00300001L));
        assertThatThrownBy(() -> Capture.open(reserved)).isInstanceOf(CaptureException.class)
                .hasMessageEndingWith("pcap: network type reserved field not zero (0x00300000)");

        // FCS present (bit 26), length 2 units of 16 bits: a 4-byte FCS on Ethernet
        Path fcs = write("fcs.pcap", Crafted.pcapHeader(LE, false, 2, 4, 65535, 0x24000001L));
        try (Capture c = Capture.open(fcs)) {
            InterfaceInfo i = c.interfaces().get(0);
            assertThat(i.linkType()).isEqualTo(LinkTypes.ETHERNET);
            assertThat(i.fcsLength()).isEqualTo(4);
        }
        Path plain = write("plain.pcap", Crafted.pcapHeader());
        try (Capture c = Capture.open(plain)) {
            assertThat(c.interfaces().get(0).fcsLength()).isEqualTo(-1);
        }
    }

    @Test
    void interfaceIsNamedAfterTheFile() throws IOException {
        Path file = write("vmnic0.pcap", Crafted.pcapHeader(LE, false, 2, 4, 262144, LinkTypes.LINUX_SLL2)
                .raw(Crafted.pcapRecord(1, 0, Bytes.pattern(20, 0))));
        try (Capture c = Capture.open(file)) {
            InterfaceInfo i = c.interfaceOf(0);
            assertThat(i.name()).isEqualTo("vmnic0.pcap");
            assertThat(i.description()).isNull();
            assertThat(i.snapLen()).isEqualTo(262144);
            assertThat(i.timePrecisionDigits()).isEqualTo(6);
            assertThat(i.linkTypeName()).isEqualTo("Linux cooked-mode capture v2");
            assertThat(c.sourceOf(0)).isZero();
        }
    }

    @Test
    void bothByteOrdersAndBothResolutions() throws IOException {
        byte[] data = Bytes.pattern(42, 7);
        Path be = write("be-ns.pcap", Crafted.pcapHeader(BE, true, 2, 4, 65535, 1)
                .raw(Crafted.pcapRecord(BE, 1_700_000_000L, 123_456_789L, 42, 60, data)));
        try (Capture c = Capture.open(be)) {
            assertThat(c.sources().get(0).byteOrder()).isEqualTo("big-endian");
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1700000000.123456789");
            assertThat(c.index().capturedLength(0)).isEqualTo(42);
            assertThat(c.index().originalLength(0)).isEqualTo(60);
            assertThat(c.interfaces().get(0).timePrecisionDigits()).isEqualTo(9);
            assertThat(c.frameBytes(0)).isEqualTo(data);
        }
        Path le = write("le-us.pcap", Crafted.pcapHeader(LE, false, 2, 4, 65535, 1)
                .raw(Crafted.pcapRecord(LE, 1_700_000_000L, 654_321L, 42, 42, data)));
        try (Capture c = Capture.open(le)) {
            assertThat(c.sources().get(0).byteOrder()).isEqualTo("little-endian");
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1700000000.654321000");
        }
    }

    @Test
    void secondsAreUnsigned() throws IOException {
        Path file = write("late.pcap", Crafted.pcapHeader().raw(Crafted.pcapRecord(0xFFFFFFFFL, 999_999, new byte[1])));
        try (Capture c = Capture.open(file)) {
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("4294967295.999999000");
        }
    }

    @Test
    void capturedLongerThanOriginalIsKeptAsWritten() throws IOException {
        Path file = write("odd.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(LE, 1, 0, 30, 20, new byte[30])));
        try (Capture c = Capture.open(file)) {
            assertThat(c.index().capturedLength(0)).isEqualTo(30);
            assertThat(c.index().originalLength(0)).isEqualTo(20);
        }
    }

    @Test
    void beforeVersion23TheLengthsAreSwapped() throws IOException {
        // pcap 2.2 writes the original length first
        Path file = write("old.pcap", Crafted.pcapHeader(LE, false, 2, 2, 65535, 1)
                .raw(Crafted.pcapRecord(LE, 1, 0, 60, 20, new byte[20])));
        try (Capture c = Capture.open(file)) {
            assertThat(c.index().capturedLength(0)).isEqualTo(20);
            assertThat(c.index().originalLength(0)).isEqualTo(60);
        }
    }

    @Test
    void aFourGigabyteCaptureLengthIsDamageNotAnAllocation() throws IOException {
        Path file = write("huge.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(1, 0, Bytes.pattern(64, 0)))
                .raw(Crafted.pcapRecord(LE, 2, 0, 0xFFFFFFFFL, 0xFFFFFFFFL, new byte[8])));
        Capture c = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Capture.open(file));
        try (c) {
            assertThat(c.frameCount()).isEqualTo(1);
            CaptureDamage d = c.damages().get(0);
            assertThat(d.frameNumber()).isEqualTo(2);
            assertThat(d.byteOffset()).isEqualTo(24 + 16 + 64);
            assertThat(d.reason()).isEqualTo("record claims 4294967295 captured bytes, more than the 262144 maximum");
            assertThat(c.maxCapturedLength()).isEqualTo(64);
        }
    }

    @Test
    void recordRunningPastTheEndIsDamage() throws IOException {
        Path file = write("cut.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(1, 0, new byte[10]))
                .raw(Crafted.pcapRecord(LE, 2, 0, 100, 100, new byte[30])));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.damages()).singleElement().satisfies(d -> {
                assertThat(d.frameNumber()).isEqualTo(2);
                assertThat(d.byteOffset()).isEqualTo(50);
                assertThat(d.reason()).isEqualTo("cut short: record needs 100 bytes, only 30 remain");
                assertThat(d.message()).endsWith("cut.pcap: frame 2 at byte 50: cut short: record needs 100 bytes, only 30 remain");
            });
        }
    }

    @Test
    void partialRecordHeaderAtTheEndIsDamage() throws IOException {
        Path file = write("stray.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(1, 0, new byte[10])).zeros(5));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.damages().get(0).reason()).isEqualTo("cut short: 5 stray bytes after the last record");
            assertThat(c.damages().get(0).byteOffset()).isEqualTo(50);
        }
    }

    @Test
    void zeroLengthRecordsAdvance() throws IOException {
        Bytes b = Crafted.pcapHeader();
        for (int i = 0; i < 1000; i++) {
            b.raw(Crafted.pcapRecord(LE, i, 0, 0, 0, new byte[0]));
        }
        try (Capture c = Capture.open(write("zeros.pcap", b))) {
            assertThat(c.frameCount()).isEqualTo(1000);
            assertThat(c.frameBytes(999)).isEmpty();
        }
    }

    @Test
    void singleFileKeepsItsOwnOrderEvenWhenTimeGoesBackwards() throws IOException {
        Path file = write("backwards.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(30, 0, new byte[] {3}))
                .raw(Crafted.pcapRecord(10, 0, new byte[] {1}))
                .raw(Crafted.pcapRecord(20, 0, new byte[] {2})));
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameBytes(0)).containsExactly(3);
            assertThat(c.frameBytes(1)).containsExactly(1);
            assertThat(c.frameBytes(2)).containsExactly(2);
        }
    }

    @Test
    void readFrameFillsTheStartOfAReusableBuffer() throws IOException {
        Path file = write("two.pcap", Crafted.pcapHeader()
                .raw(Crafted.pcapRecord(1, 0, Bytes.pattern(100, 1)))
                .raw(Crafted.pcapRecord(2, 0, Bytes.pattern(50, 9))));
        try (Capture c = Capture.open(file)) {
            byte[] buf = new byte[c.maxCapturedLength()];
            assertThat(buf).hasSize(100);
            assertThat(c.readFrame(1, buf)).isEqualTo(50);
            assertThat(java.util.Arrays.copyOf(buf, 50)).isEqualTo(Bytes.pattern(50, 9));
            assertThat(c.index().dataOffset(1)).isEqualTo(24 + 16 + 100 + 16);
            assertThatThrownBy(() -> c.readFrame(0, new byte[10])).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void readingAfterCloseFails() throws IOException {
        Capture c = Capture.open(write("closed.pcap", Crafted.pcapHeader().raw(Crafted.pcapRecord(1, 0, new byte[4]))));
        c.close();
        assertThatThrownBy(() -> c.frameBytes(0)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThat(c.frameCount()).isEqualTo(1);
    }

    @Test
    void linkTypeNames() {
        assertThat(LinkTypes.name(LinkTypes.ETHERNET)).isEqualTo("Ethernet");
        assertThat(LinkTypes.name(LinkTypes.LINUX_SLL)).isEqualTo("Linux cooked-mode capture v1");
        assertThat(LinkTypes.name(LinkTypes.LINUX_SLL2)).isEqualTo("Linux cooked-mode capture v2");
        assertThat(LinkTypes.name(LinkTypes.IEEE802_11_RADIOTAP)).isEqualTo("IEEE 802.11 plus radiotap radio header");
        assertThat(LinkTypes.name(284)).isEqualTo("link type 284");
        assertThat(CaptureFormat.PCAP.label()).isEqualTo("pcap");
        assertThat(CaptureFormat.PCAPNG.label()).isEqualTo("pcapng");
    }
}
