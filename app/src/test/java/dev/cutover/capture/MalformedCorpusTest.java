package dev.cutover.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cutover.testsupport.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the shared malformed/ corpus against what tshark and capinfos 4.0.17 report for it
 * (SOURCES.md): frames kept, where reading stopped, and which files are refused.
 */
class MalformedCorpusTest {

    private enum Outcome { CLEAN, DAMAGED, REFUSED }

    /** What we expect of one file; detail is a fragment of the refusal message, or null. */
    private record Expected(Outcome outcome, int frames, String detail) {
    }

    private static Expected clean(int frames) {
        return new Expected(Outcome.CLEAN, frames, null);
    }

    private static Expected damaged(int framesBefore) {
        return new Expected(Outcome.DAMAGED, framesBefore, null);
    }

    private static Expected refused(String detail) {
        return new Expected(Outcome.REFUSED, 0, detail);
    }

    private static final Map<String, Expected> EXPECTED = new TreeMap<>();

    static {
        // tshark/capinfos agree on these counts
        EXPECTED.put("aarp-heapoverflow-1.pcap", clean(1));
        EXPECTED.put("aarp-heapoverflow-2.pcap", clean(1));
        EXPECTED.put("bigendian.pcap", clean(2));
        EXPECTED.put("empty.pcap", clean(0));
        EXPECTED.put("gopacket_le_test902.pcapng", clean(1));
        EXPECTED.put("ipv4-malformed.pcap", clean(2));
        EXPECTED.put("many_interfaces-1.pcapng", clean(64));
        EXPECTED.put("microsecs_big_endian.pcap", clean(13));
        EXPECTED.put("nanosecs.pcap", clean(2));
        EXPECTED.put("nanosecs_big_endian.pcap", clean(10));
        EXPECTED.put("pcap-invalid-version-2.pcap", clean(1));
        EXPECTED.put("pcapng-example.pcapng", clean(159));
        EXPECTED.put("pcapng-test-generator_be_test006.pcapng", clean(5));
        EXPECTED.put("pcapng-test-generator_be_test008.pcapng", clean(4));
        EXPECTED.put("pcapng-test-generator_be_test201.pcapng", clean(4));
        EXPECTED.put("pcapng-test-generator_le_test002.pcapng", clean(0));
        EXPECTED.put("pcapng-test-generator_le_test010.pcapng", clean(4));
        EXPECTED.put("pcapng-test-generator_le_test012.pcapng", clean(4));
        EXPECTED.put("pcapng-test-generator_le_test100.pcapng", clean(5));
        EXPECTED.put("pcapng-test-generator_le_test200.pcapng", clean(0));
        EXPECTED.put("tcp-handshake-nano.pcap", clean(3));
        EXPECTED.put("time_2038_overflow.pcap", clean(1));
        EXPECTED.put("time_2106_overflow.pcapng", clean(1));
        EXPECTED.put("timestamp_invalid_nano.pcap", clean(3));
        EXPECTED.put("too_many_interfaces.pcapng", clean(1));
        // custom blocks are not frames: capinfos' packet count, not tshark's frame count (11, 11, 8, 4)
        EXPECTED.put("pcapng-test-generator_be_test202.pcapng", clean(8));
        EXPECTED.put("pcapng-test-generator_le_test202.pcapng", clean(8));
        EXPECTED.put("pcapng-test-generator_le_test102.pcapng", clean(5));
        EXPECTED.put("pcapng-test-generator_le_test017.pcapng", clean(0));

        // tshark reads N frames, then reports an error
        EXPECTED.put("bad_rsn_parsing_overrides_ssid.pcap", damaged(1));
        EXPECTED.put("fuzz-2021-10-13.pcap", damaged(1));
        EXPECTED.put("gopacket_le_test901.pcapng", damaged(1));
        EXPECTED.put("gopacket_be_test901.pcapng", damaged(1));
        EXPECTED.put("tls_DER-incomplete-header.pcap", damaged(6));
        // tshark prints 2 frames: when the second record header is implausible it guesses the file is
        // a 1999 "patched libpcap" variant with 24-byte record headers, which shifts frame 1 by 8 bytes
        // (its eth.src is then the IP header) and invents a 1-byte frame 2. We read standard pcap, as
        // tcpdump does: frame 1 is intact and the record header after it is the damage.
        EXPECTED.put("suricata-verify_bug-6875-01_fuzz.pcap", damaged(1));

        // tshark refuses these
        EXPECTED.put("pcap-invalid-version-1.pcap", refused("pcap: major version 1 unsupported"));
        EXPECTED.put("pcapng-invalid-vers-1.pcapng", refused("pcapng: unknown SHB version 0.1"));
        EXPECTED.put("pcapng-invalid-vers-2.pcapng", refused("pcapng: unknown SHB version 1.1"));
        EXPECTED.put("shb-option-too-long.pcapng", refused("length 12336"));
        EXPECTED.put("linktype-reserved-field-not-zero.pcap",
                refused("pcap: network type reserved field not zero (0x00300000)"));
        // tshark 4.0 refuses these only because it has no dissector for link types 284 (DSA) and
        // 182; the files are sound, so we index them and leave decoding to the dissectors
        // (counts checked against tcpdump, which reads them).
        EXPECTED.put("dsa.pcap", clean(8));
        EXPECTED.put("vtp_asan.pcap", clean(5));
    }

    static Stream<String> files() throws IOException {
        try (Stream<Path> list = Files.list(SharedCorpus.captures().resolve("malformed"))) {
            return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()).stream();
        }
    }

    @Test
    void tableCoversEveryFileInTheFolder() throws IOException {
        assertThat(files().collect(Collectors.toList())).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsLikeTshark(String name) throws IOException {
        Path file = SharedCorpus.captures().resolve("malformed").resolve(name);
        Expected expected = EXPECTED.get(name);
        assertThat(expected).as("expectation for %s", name).isNotNull();

        if (expected.outcome() == Outcome.REFUSED) {
            Throwable thrown = catchThrowable(() -> Capture.open(file).close());
            assertThat(thrown).isInstanceOf(CaptureException.class);
            CaptureException e = (CaptureException) thrown;
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.getMessage()).contains(name).contains(expected.detail());
            return;
        }

        try (Capture capture = Capture.open(file)) {
            assertThat(capture.frameCount()).isEqualTo(expected.frames());
            assertThat(capture.sources().get(0).frames()).isEqualTo(expected.frames());
            for (int i = 0; i < capture.frameCount(); i++) {
                assertThat(capture.frameBytes(i)).hasSize(capture.index().capturedLength(i));
            }
            if (expected.outcome() == Outcome.CLEAN) {
                assertThat(capture.damages()).isEmpty();
                assertThat(capture.sources().get(0).damage()).isNull();
                return;
            }
            assertThat(capture.damages()).hasSize(1);
            CaptureDamage damage = capture.damages().get(0);
            assertThat(damage.file()).isEqualTo(file);
            assertThat(damage.frameNumber()).isEqualTo(expected.frames() + 1L);
            assertThat(damage.byteOffset()).isPositive().isLessThanOrEqualTo(Files.size(file));
            assertThat(damage.reason()).isNotBlank();
            assertThat(damage.message()).contains(name)
                    .contains("frame " + (expected.frames() + 1))
                    .contains("at byte " + damage.byteOffset());
            assertThat(capture.sources().get(0).damage()).isEqualTo(damage);
        }
    }

    @Test
    void reasonsNameWhatWentWrong() throws IOException {
        Path dir = SharedCorpus.captures().resolve("malformed");
        assertThat(damageOf(dir.resolve("tls_DER-incomplete-header.pcap")).reason())
                .isEqualTo("record claims 4325376 captured bytes, more than the 262144 maximum");
        assertThat(damageOf(dir.resolve("bad_rsn_parsing_overrides_ssid.pcap")).reason())
                .isEqualTo("cut short: 1 stray bytes after the last record");
        assertThat(damageOf(dir.resolve("gopacket_le_test901.pcapng")).reason())
                .contains("unknown SHB version 2.0");
        CaptureDamage fuzz = damageOf(dir.resolve("suricata-verify_bug-6875-01_fuzz.pcap"));
        assertThat(fuzz.byteOffset()).isEqualTo(24 + 16 + 188);
        assertThat(fuzz.reason()).isEqualTo("record claims 1409179648 captured bytes, more than the 262144 maximum");
    }

    @Test
    void timeStampsPastSigned32BitSecondsAndOddResolutions() throws IOException {
        Path dir = SharedCorpus.captures().resolve("malformed");
        assertThat(firstTime(dir.resolve("time_2038_overflow.pcap"))).isEqualTo("2147483648.000000000");
        assertThat(firstTime(dir.resolve("time_2106_overflow.pcapng"))).isEqualTo("4294967296.000000000");
        // if_tsresol 0x88: 2^-8 seconds
        assertThat(firstTime(dir.resolve("gopacket_le_test902.pcapng"))).isEqualTo("1519128000.195312500");
        try (Capture c = Capture.open(dir.resolve("gopacket_le_test902.pcapng"))) {
            assertThat(c.interfaces().get(0).timePrecisionDigits()).isEqualTo(3);
        }
    }

    @Test
    void nanosecondFractionsOfASecondOrMoreAreAddedAsTheyAre() throws IOException {
        try (Capture c = Capture.open(SharedCorpus.captures().resolve("malformed/timestamp_invalid_nano.pcap"))) {
            assertThat(Times.epoch(c.index().timestampNanos(0))).isEqualTo("1418145369.999999999");
            assertThat(Times.epoch(c.index().timestampNanos(1))).isEqualTo("1418145371.000000000");
            assertThat(Times.epoch(c.index().timestampNanos(2))).isEqualTo("1418145372.147483648");
            assertThat(c.interfaces().get(0).timePrecisionDigits()).isEqualTo(9);
        }
    }

    @Test
    void oldPcapVersionsStoreTheLengthsTheOtherWayRound() throws IOException {
        // version 2.0: Wireshark swaps the two lengths, giving frame.len 524501, frame.cap_len 197
        try (Capture c = Capture.open(SharedCorpus.captures().resolve("malformed/fuzz-2021-10-13.pcap"))) {
            assertThat(c.sources().get(0).version()).isEqualTo("2.0");
            assertThat(c.index().originalLength(0)).isEqualTo(524501);
            assertThat(c.index().capturedLength(0)).isEqualTo(197);
        }
    }

    @Test
    void sectionsOfBothByteOrdersRestartTheirInterfaces() throws IOException {
        try (Capture c = Capture.open(SharedCorpus.captures().resolve("malformed/pcapng-test-generator_be_test202.pcapng"))) {
            SourceInfo source = c.sources().get(0);
            assertThat(source.byteOrder()).isEqualTo("mixed");
            assertThat(source.sections()).isEqualTo(3);
            assertThat(source.comments()).containsExactly("test202 SHB-0", "test202 SHB-1", "test202 SHB-2");
            assertThat(c.interfaces()).extracting(InterfaceInfo::section).containsExactly(0, 0, 1, 2, 2);
            assertThat(c.interfaces()).extracting(InterfaceInfo::localId).containsExactly(0, 1, 0, 0, 1);
            assertThat(c.interfaces()).extracting(InterfaceInfo::id).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void pcapngHeaderFactsAndInterfaces() throws IOException {
        try (Capture c = Capture.open(SharedCorpus.captures().resolve("malformed/pcapng-example.pcapng"))) {
            SourceInfo s = c.sources().get(0);
            assertThat(s.format()).isEqualTo(CaptureFormat.PCAPNG);
            assertThat(s.version()).isEqualTo("1.0");
            assertThat(s.os()).isEqualTo("Linux 3.18.1-1-ARCH");
            assertThat(s.application()).startsWith("Dumpcap");
            List<InterfaceInfo> ifs = c.interfaces();
            assertThat(ifs).hasSize(2);
            assertThat(ifs.get(0).name()).isEqualTo("lo");
            assertThat(ifs.get(0).timePrecisionDigits()).isEqualTo(9);
            assertThat(ifs.get(1).linkType()).isEqualTo(LinkTypes.LINUX_SLL);
            // no if_name: the file's own name stands in
            assertThat(ifs.get(1).name()).isEqualTo("pcapng-example.pcapng");
        }
        try (Capture c = Capture.open(SharedCorpus.captures().resolve("malformed/too_many_interfaces.pcapng"))) {
            assertThat(c.interfaces()).hasSize(95);
        }
    }

    private static CaptureDamage damageOf(Path file) throws IOException {
        try (Capture c = Capture.open(file)) {
            assertThat(c.damages()).hasSize(1);
            return c.damages().get(0);
        }
    }

    private static String firstTime(Path file) throws IOException {
        try (Capture c = Capture.open(file)) {
            return Times.epoch(c.index().timestampNanos(0));
        }
    }
}
