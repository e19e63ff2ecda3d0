package dev.cutover.capture;

import static dev.cutover.capture.Crafted.block;
import static dev.cutover.capture.Crafted.epb;
import static dev.cutover.capture.Crafted.idb;
import static dev.cutover.capture.Crafted.option;
import static dev.cutover.capture.Crafted.shb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pcapng files made block by block, each with one precise property or fault. */
class PcapngReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final byte[] FRAME = Bytes.pattern(60, 0);

    @TempDir
    Path dir;

    private Path write(Bytes bytes) throws IOException {
        return Files.write(dir.resolve("crafted.pcapng"), bytes.toArray());
    }

    private Capture open(Bytes bytes) throws IOException {
        return Capture.open(write(bytes));
    }

    /** SHB, IDB, one good EPB: 28 + 20 + 92 bytes, so a block appended next starts at 140. */
    private static Bytes goodStart() {
        return Bytes.le().raw(shb(LE)).raw(idb(LE)).raw(epb(LE, 0, 1_000_000, FRAME));
    }

    private static final long NEXT_BLOCK = 28 + 20 + 92;

    private CaptureDamage onlyDamage(Capture c) {
        assertThat(c.damages()).hasSize(1);
        return c.damages().get(0);
    }

    @Test
    void cutShortSectionHeaderIsRefused() throws IOException {
        Path file = write(Bytes.le().hex("0a0d0d0a 1c00"));
        assertThatThrownBy(() -> Capture.open(file)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("crafted.pcapng")
                .hasMessageContaining("needs at least 28 bytes, only 6 remain");
    }

    @Test
    void faultsInTheFirstSectionHeaderAreRefused() throws IOException {
        Path badMagic = write(Bytes.le().u32(Crafted.SHB).u32(28).u32(0x11223344).zeros(16));
        assertThatThrownBy(() -> Capture.open(badMagic)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("unknown byte-order magic 0x44332211");
        Path tooSmall = write(Bytes.le().u32(Crafted.SHB).u32(7).u32(0x1A2B3C4D).zeros(16));
        assertThatThrownBy(() -> Capture.open(tooSmall)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("pcapng SHB block length 7 is below 12");
        Path badVersion = write(shb(LE, 2, 0, Bytes.le()));
        assertThatThrownBy(() -> Capture.open(badVersion)).isInstanceOf(CaptureException.class)
                .hasMessageEndingWith("pcapng: unknown SHB version 2.0");
        Path badOption = write(shb(LE, 1, 0, Bytes.le().u16(1).u16(200).utf8("abcd")));
        assertThatThrownBy(() -> Capture.open(badOption)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("option 1 of length 200 runs past the end of the block");
        Path badTrailer = write(Bytes.le().u32(Crafted.SHB).u32(28).u32(0x1A2B3C4D).u16(1).u16(0).u64(-1).u32(32));
        assertThatThrownBy(() -> Capture.open(badTrailer)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("trailing length 32 does not match its leading length 28");
    }

    @Test
    void version12IsAccepted() throws IOException {
        try (Capture c = open(Bytes.le().raw(shb(LE, 1, 2, Bytes.le())).raw(idb(LE)).raw(epb(LE, 0, 0, FRAME)))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.sources().get(0).version()).isEqualTo("1.2");
        }
    }

    @Test
    void blockLengthBelowTwelveIsDamage() throws IOException {
        for (long length : new long[] {0, 7}) {
            try (Capture c = open(goodStart().u32(Crafted.EPB).u32(length).zeros(40))) {
                assertThat(c.frameCount()).isEqualTo(1);
                CaptureDamage d = onlyDamage(c);
                assertThat(d.frameNumber()).isEqualTo(2);
                assertThat(d.byteOffset()).isEqualTo(NEXT_BLOCK);
                assertThat(d.reason()).isEqualTo("pcapng EPB block length " + length + " is below 12");
            }
        }
    }

    @Test
    void blockLengthNotAMultipleOfFourIsDamage() throws IOException {
        try (Capture c = open(goodStart().u32(Crafted.NRB).u32(30).zeros(40))) {
            assertThat(onlyDamage(c).reason()).isEqualTo("pcapng NRB block length 30 is not a multiple of 4");
        }
    }

    @Test
    void hugeBlockLengthIsRefusedWithoutAllocatingForIt() throws IOException {
        Path file = write(goodStart().u32(Crafted.EPB).u32(0x7FFFFFF0L).zeros(40));
        Capture c = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Capture.open(file));
        try (c) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(onlyDamage(c).reason()).isEqualTo("pcapng EPB block length 2147483632 is over the 16 MiB limit");
        }
    }

    @Test
    void blockRunningPastTheEndIsDamage() throws IOException {
        try (Capture c = open(goodStart().u32(Crafted.EPB).u32(1 << 20).zeros(40))) {
            CaptureDamage d = onlyDamage(c);
            assertThat(d.byteOffset()).isEqualTo(NEXT_BLOCK);
            assertThat(d.reason()).isEqualTo("cut short: pcapng EPB block needs 1048576 bytes, only 48 remain");
        }
    }

    @Test
    void mismatchedTrailerIsDamageAndTheFrameIsNotKept() throws IOException {
        byte[] second = epb(LE, 0, 2_000_000, FRAME).toArray();
        second[second.length - 4] = 0x10; // trailing length 16 instead of 92
        try (Capture c = open(goodStart().raw(second))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(onlyDamage(c).reason()).isEqualTo("pcapng EPB block trailing length 16 does not match its leading length 92");
        }
    }

    @Test
    void strayBytesAfterTheLastBlockAreDamage() throws IOException {
        try (Capture c = open(goodStart().zeros(4))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(onlyDamage(c).reason()).isEqualTo("cut short: 4 stray bytes after the last block");
        }
    }

    @Test
    void packetBeforeAnyInterfaceIsDamage() throws IOException {
        try (Capture c = open(Bytes.le().raw(shb(LE)).raw(epb(LE, 0, 0, FRAME)))) {
            assertThat(c.frameCount()).isZero();
            CaptureDamage d = onlyDamage(c);
            assertThat(d.frameNumber()).isEqualTo(1);
            assertThat(d.byteOffset()).isEqualTo(28);
            assertThat(d.reason()).isEqualTo("EPB before any interface description block in section 1");
        }
    }

    @Test
    void packetNamingAMissingInterfaceIsDamage() throws IOException {
        try (Capture c = open(goodStart().raw(epb(LE, 3, 0, FRAME)))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(onlyDamage(c).reason()).isEqualTo("EPB names interface 3, but section 1 has only 1");
        }
    }

    @Test
    void capturedLengthBeyondTheBlockIsDamage() throws IOException {
        Bytes body = Bytes.le().u32(0).u32(0).u32(0).u32(500).u32(500).raw(FRAME);
        try (Capture c = open(goodStart().raw(block(LE, Crafted.EPB, body)))) {
            assertThat(onlyDamage(c).reason()).isEqualTo("EPB captured length 500 is more than the 60 bytes the block holds");
        }
    }

    @Test
    void optionRunningPastTheBlockIsDamageAfterTheFirstSection() throws IOException {
        Bytes badOption = Bytes.le().u16(1).u16(100).utf8("oops");
        try (Capture c = open(goodStart().raw(epb(LE, 0, 0, FRAME, badOption)))) {
            assertThat(c.frameCount()).isEqualTo(1);
            CaptureDamage d = onlyDamage(c);
            assertThat(d.byteOffset()).isEqualTo(NEXT_BLOCK + 28 + 60);
            assertThat(d.reason()).isEqualTo("option 1 of length 100 runs past the end of the block (4 bytes left)");
        }
    }

    @Test
    void laterSectionWithUnknownVersionIsDamage() throws IOException {
        try (Capture c = open(goodStart().raw(shb(LE, 2, 0, Bytes.le())).raw(idb(LE)).raw(epb(LE, 0, 0, FRAME)))) {
            assertThat(c.frameCount()).isEqualTo(1);
            CaptureDamage d = onlyDamage(c);
            assertThat(d.frameNumber()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo("pcapng: unknown SHB version 2.0");
            assertThat(c.sources().get(0).sections()).isEqualTo(1);
        }
    }

    @Test
    void timeStampResolutionsConvertExactly() throws IOException {
        Bytes file = Bytes.le().raw(shb(LE))
                .raw(idb(LE, 1, 0, option(LE, 9, new byte[] {3}).raw(Crafted.endOfOptions(LE))))
                .raw(idb(LE, 1, 0, option(LE, 9, new byte[] {9})))
                .raw(idb(LE, 1, 0, option(LE, 9, new byte[] {(byte) 0x94}))) // 2^-20
                .raw(idb(LE, 1, 0, option(LE, 9, new byte[] {(byte) 0xA0}))) // 2^-32
                .raw(idb(LE)) // default: microseconds
                .raw(epb(LE, 0, 1_700_000_000_123L, FRAME))
                .raw(epb(LE, 1, 1_700_000_000_123_456_789L, FRAME))
                .raw(epb(LE, 2, (1_700_000_000L << 20) + (1L << 19) + 1, FRAME))
                .raw(epb(LE, 3, (1_700_000_000L << 32) | 0xFFFFFFFFL, FRAME))
                .raw(epb(LE, 4, 1_700_000_000_654_321L, FRAME));
        try (Capture c = open(file)) {
            assertThat(c.frameCount()).isEqualTo(5);
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1700000000.123000000");
            assertThat(Times.epoch(c.index().timestampNanos(1))).isEqualTo("1700000000.123456789");
            // 0.5 s + 2^-20 s = 0.500000953674... s, truncated to whole nanoseconds
            assertThat(Times.epoch(c.index().timestampNanos(2))).isEqualTo("1700000000.500000953");
            // (2^32 - 1) / 2^32 s = 0.999999999767... s
            assertThat(Times.epoch(c.index().timestampNanos(3))).isEqualTo("1700000000.999999999");
            assertThat(Times.epoch(c.index().timestampNanos(4))).isEqualTo("1700000000.654321000");
            assertThat(c.interfaces()).extracting(InterfaceInfo::timePrecisionDigits).containsExactly(3, 9, 7, 10, 6);
        }
    }

    @Test
    void timeStampOffsetAddsSeconds() throws IOException {
        Bytes offset = option(LE, 14, Bytes.le().u64(1_000).toArray());
        Bytes negative = option(LE, 14, Bytes.le().u64(-100).toArray());
        try (Capture c = open(Bytes.le().raw(shb(LE)).raw(idb(LE, 1, 0, offset)).raw(idb(LE, 1, 0, negative))
                .raw(epb(LE, 0, 5_000_001L, FRAME)).raw(epb(LE, 1, 500_000_000L, FRAME)))) {
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1005.000001000");
            assertThat(Times.epoch(c.index().timestampNanos(1))).isEqualTo("400.000000000");
        }
    }

    @Test
    void sectionsOfDifferentByteOrderRestartTheirInterfaces() throws IOException {
        Bytes file = Bytes.le().raw(shb(LE))
                .raw(idb(LE, 1, 0, option(LE, 2, "eth0")))
                .raw(idb(LE, 1, 0, option(LE, 2, "eth1")))
                .raw(epb(LE, 1, 1, Bytes.pattern(10, 1)))
                .raw(shb(BE))
                .raw(idb(BE, 0, 0, option(BE, 2, "lo")))
                .raw(epb(BE, 0, 2, Bytes.pattern(20, 2)));
        try (Capture c = open(file)) {
            assertThat(c.frameCount()).isEqualTo(2);
            assertThat(c.sources().get(0).byteOrder()).isEqualTo("mixed");
            assertThat(c.sources().get(0).sections()).isEqualTo(2);
            assertThat(c.interfaceOf(0).name()).isEqualTo("eth1");
            InterfaceInfo lo = c.interfaceOf(1);
            assertThat(lo.name()).isEqualTo("lo");
            assertThat(lo.id()).isEqualTo(2);
            assertThat(lo.section()).isEqualTo(1);
            assertThat(lo.localId()).isZero();
            assertThat(lo.linkType()).isEqualTo(LinkTypes.NULL);
            assertThat(c.frameBytes(1)).isEqualTo(Bytes.pattern(20, 2));
            assertThat(c.index().timestampNanos(1)).isEqualTo(2_000);
        }
    }

    @Test
    void interfaceOptions() throws IOException {
        Bytes options = option(LE, 2, "vmnic1").raw(option(LE, 3, "uplink to ToR A"))
                .raw(option(LE, 13, new byte[] {32})).raw(Crafted.endOfOptions(LE));
        try (Capture c = open(Bytes.le().raw(shb(LE)).raw(idb(LE, LinkTypes.ETHERNET, 1518, options)))) {
            InterfaceInfo i = c.interfaces().get(0);
            assertThat(i.name()).isEqualTo("vmnic1");
            assertThat(i.description()).isEqualTo("uplink to ToR A");
            assertThat(i.snapLen()).isEqualTo(1518);
            assertThat(i.fcsLength()).isEqualTo(4);
        }
    }

    @Test
    void sectionHeaderOptions() throws IOException {
        Bytes options = option(LE, 1, "first").raw(option(LE, 2, "x86_64")).raw(option(LE, 3, "ESXi 8.0"))
                .raw(option(LE, 4, "pktcap-uw")).raw(option(LE, 1, "second\0"));
        try (Capture c = open(Bytes.le().raw(shb(LE, 1, 0, options)))) {
            SourceInfo s = c.sources().get(0);
            assertThat(s.comments()).containsExactly("first", "second");
            assertThat(s.hardware()).isEqualTo("x86_64");
            assertThat(s.os()).isEqualTo("ESXi 8.0");
            assertThat(s.application()).isEqualTo("pktcap-uw");
            assertThat(c.frameCount()).isZero();
        }
    }

    @Test
    void packetCommentsAndFlagsAreKeptPerFrame() throws IOException {
        Bytes options = option(LE, 1, "moved to host B").raw(option(LE, 1, "second note"))
                .raw(option(LE, 2, Bytes.le().u32(2).toArray()));
        try (Capture c = open(goodStart().raw(epb(LE, 0, 2, FRAME, options)).raw(epb(LE, 0, 3, FRAME)))) {
            assertThat(c.frameCount()).isEqualTo(3);
            assertThat(c.comments(0)).isEmpty();
            assertThat(c.comments(1)).containsExactly("moved to host B", "second note");
            assertThat(c.packetFlags(1)).isEqualTo(2);
            assertThat(c.packetFlags(2)).isZero();
            assertThat(c.frameBytes(1)).isEqualTo(FRAME);
        }
    }

    @Test
    void simplePacketsAreBoundedBySnapLengthAndBlock() throws IOException {
        Bytes spbLong = block(LE, Crafted.SPB, Bytes.le().u32(100).raw(Bytes.pattern(100, 0)));
        Bytes spbShort = block(LE, Crafted.SPB, Bytes.le().u32(40).raw(Bytes.pattern(40, 0)));
        Bytes spbLying = block(LE, Crafted.SPB, Bytes.le().u32(1000).raw(Bytes.pattern(8, 0)));
        try (Capture c = open(Bytes.le().raw(shb(LE)).raw(idb(LE, 1, 64, Bytes.le()))
                .raw(spbLong).raw(spbShort).raw(spbLying))) {
            assertThat(c.frameCount()).isEqualTo(3);
            assertThat(c.index().capturedLength(0)).isEqualTo(64);
            assertThat(c.index().originalLength(0)).isEqualTo(100);
            assertThat(c.index().capturedLength(1)).isEqualTo(40);
            assertThat(c.index().capturedLength(2)).isEqualTo(8);
            assertThat(c.index().originalLength(2)).isEqualTo(1000);
            assertThat(c.index().timestampNanos(0)).isZero();
            assertThat(c.frameBytes(0)).isEqualTo(Bytes.pattern(64, 0));
        }
    }

    @Test
    void obsoletePacketBlocksAreRead() throws IOException {
        Bytes body = Bytes.le().u16(0).u16(7).u32(0).u32(1_500_000).u32(60).u32(64).raw(FRAME)
                .raw(option(LE, 1, "old"));
        try (Capture c = open(Bytes.le().raw(shb(LE)).raw(idb(LE)).raw(block(LE, Crafted.PB, body)))) {
            assertThat(c.frameCount()).isEqualTo(1);
            assertThat(c.index().timestampNanos(0)).isEqualTo(1_500_000_000L);
            assertThat(c.index().originalLength(0)).isEqualTo(64);
            assertThat(c.comments(0)).containsExactly("old");
            assertThat(c.frameBytes(0)).isEqualTo(FRAME);
        }
    }

    @Test
    void blocksWithoutFramesAreSkipped() throws IOException {
        Bytes file = Bytes.le().raw(shb(LE))
                .raw(block(LE, Crafted.CB, Bytes.le().u32(32473).utf8("custom data").pad4()))
                .raw(block(LE, Crafted.NRB, Bytes.le().u16(1).u16(8).hex("0a000001").utf8("a\0\0\0").u32(0)))
                .raw(idb(LE))
                .raw(block(LE, 0x40000BAD, Bytes.le().u32(32473)))
                .raw(block(LE, 0x0A, Bytes.le().u32(0x544c534b).u32(0)))
                .raw(block(LE, 0x12345678, Bytes.le().zeros(12)))
                .raw(epb(LE, 0, 0, FRAME))
                .raw(block(LE, Crafted.ISB, Bytes.le().u32(0).u32(0).u32(0)));
        try (Capture c = open(file)) {
            assertThat(c.damages()).isEmpty();
            assertThat(c.frameCount()).isEqualTo(1);
        }
    }

    @Test
    void bigEndianFileReadsTheSame() throws IOException {
        Bytes file = Bytes.be().raw(shb(BE)).raw(idb(BE, 1, 0, option(BE, 9, new byte[] {9})))
                .raw(epb(BE, 0, 1_234_567_890_123_456_789L, FRAME, option(BE, 2, Bytes.be().u32(1).toArray())));
        try (Capture c = open(file)) {
            assertThat(c.sources().get(0).byteOrder()).isEqualTo("big-endian");
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1234567890.123456789");
            assertThat(c.packetFlags(0)).isEqualTo(1);
            assertThat(c.frameBytes(0)).isEqualTo(FRAME);
            assertThat(c.comments(0)).isEqualTo(List.of());
        }
    }
}
