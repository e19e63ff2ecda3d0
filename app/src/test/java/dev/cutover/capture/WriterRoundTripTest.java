package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writers write, the readers read back unchanged. */
class WriterRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void pcapMicrosecondsRoundTrip() throws IOException {
        Path file = dir.resolve("vmnic0.pcap");
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET, 65535, false)) {
                w.write(1_700_000_000_123_456_000L, Bytes.pattern(60, 0), 0, 60, 60);
                w.write(1_700_000_001_000_001_999L, Bytes.pattern(100, 5), 10, 42, 1514);
            }
        });
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(2);
            SourceInfo s = c.sources().get(0);
            assertThat(s.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(s.byteOrder()).isEqualTo("little-endian");
            assertThat(s.version()).isEqualTo("2.4");
            InterfaceInfo i = c.interfaces().get(0);
            assertThat(i.snapLen()).isEqualTo(65535);
            assertThat(i.timePrecisionDigits()).isEqualTo(6);
            assertThat(c.index().timestampNanos(0)).isEqualTo(1_700_000_000_123_456_000L);
            // microsecond pcap keeps whole microseconds
            assertThat(c.index().timestampNanos(1)).isEqualTo(1_700_000_001_000_001_000L);
            assertThat(c.frameBytes(0)).isEqualTo(Bytes.pattern(60, 0));
            assertThat(c.frameBytes(1)).isEqualTo(java.util.Arrays.copyOfRange(Bytes.pattern(100, 5), 10, 52));
            assertThat(c.index().originalLength(1)).isEqualTo(1514);
        }
    }

    @Test
    void pcapNanosecondsRoundTrip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(bytes, LinkTypes.LINUX_SLL2, 262144, true)) {
            w.write(4_294_967_295_999_999_999L, new byte[] {1, 2, 3}, 0, 3, 3);
        }
        Path file = Files.write(dir.resolve("ns.pcap"), bytes.toByteArray());
        try (Capture c = Capture.open(file)) {
            assertThat(c.index().timestampNanos(0)).isEqualTo(4_294_967_295_999_999_999L);
            assertThat(c.interfaces().get(0).timePrecisionDigits()).isEqualTo(9);
            assertThat(c.interfaces().get(0).linkType()).isEqualTo(LinkTypes.LINUX_SLL2);
        }
    }

    @Test
    void pcapRefusesTimeStampsItCannotHold() throws IOException {
        try (PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), 1, 65535, false)) {
            assertThatThrownBy(() -> w.write(-1, new byte[0], 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.write(4_294_967_296_000_000_000L, new byte[0], 0, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pcapngWithTwoInterfacesCommentsAndFlagsRoundTrips() throws IOException {
        Path file = dir.resolve("annotated.pcapng");
        AtomicFiles.write(file, out -> {
            try (PcapngWriter w = new PcapngWriter(out, "Cutover test")) {
                int eth = w.addInterface(LinkTypes.ETHERNET, 65535, "vmnic0", "uplink A", 6);
                int sll = w.addInterface(LinkTypes.LINUX_SLL, 262144, "any", null, 9);
                assertThat(eth).isZero();
                assertThat(sll).isEqualTo(1);
                w.write(eth, 1_700_000_000_123_456_000L, Bytes.pattern(60, 1), 0, 60, 60, List.of(), 0);
                w.write(sll, 1_700_000_000_123_456_789L, Bytes.pattern(61, 2), 0, 61, 61,
                        List.of("RARP burst starts", "zweiter Kommentar ü"), 1);
                w.write(eth, 1_700_000_002_000_000_000L, Bytes.pattern(42, 3), 0, 41, 42, List.of("trimmed"), 2);
            }
        });
        try (Capture c = Capture.open(file)) {
            assertThat(c.frameCount()).isEqualTo(3);
            SourceInfo s = c.sources().get(0);
            assertThat(s.format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(s.application()).isEqualTo("Cutover test");
            assertThat(s.damage()).isNull();
            assertThat(c.interfaces()).extracting(InterfaceInfo::name).containsExactly("vmnic0", "any");
            assertThat(c.interfaces()).extracting(InterfaceInfo::description).containsExactly("uplink A", null);
            assertThat(c.interfaces()).extracting(InterfaceInfo::timePrecisionDigits).containsExactly(6, 9);
            assertThat(c.interfaces()).extracting(InterfaceInfo::snapLen).containsExactly(65535, 262144);

            assertThat(c.interfaceOf(1).name()).isEqualTo("any");
            assertThat(c.index().timestampNanos(0)).isEqualTo(1_700_000_000_123_456_000L);
            assertThat(c.index().timestampNanos(1)).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(c.comments(0)).isEmpty();
            assertThat(c.comments(1)).containsExactly("RARP burst starts", "zweiter Kommentar ü");
            assertThat(c.packetFlags(1)).isEqualTo(1);
            assertThat(c.comments(2)).containsExactly("trimmed");
            assertThat(c.packetFlags(2)).isEqualTo(2);
            assertThat(c.frameBytes(1)).isEqualTo(Bytes.pattern(61, 2));
            assertThat(c.frameBytes(2)).isEqualTo(Bytes.pattern(41, 3));
            assertThat(c.index().originalLength(2)).isEqualTo(42);
        }
    }

    @Test
    void pcapngWriterChecksItsArguments() throws IOException {
        try (PcapngWriter w = new PcapngWriter(new ByteArrayOutputStream(), null)) {
            assertThatThrownBy(() -> w.addInterface(1, 0, null, null, 3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.write(0, 0, new byte[0], 0, 0, 0, List.of(), 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            int id = w.addInterface(1, 0, null, null, 6);
            assertThatThrownBy(() -> w.write(id, 0, new byte[4], 0, 5, 5, List.of(), 0))
                    .isInstanceOf(IndexOutOfBoundsException.class);
        }
    }
}
