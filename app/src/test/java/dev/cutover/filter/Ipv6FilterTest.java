package dev.cutover.filter;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Filters on the IPv6 and ICMPv6 fields, IPv6 prefixes ({@code ipv6.src == fe80::/10}) among them, select, in the generated neighbour discovery capture
 * ({@code dissect/ndp/ndp.pcap}), exactly the frames {@code tshark -r ndp.pcap -Y FILTER} (4.0) selects.
 */
class Ipv6FilterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\t', textBlock = """
            icmpv6.type == 136	1,4,10,11,12
            ipv6.src == fe80::1	4,6,9
            ipv6.src == FE80::1	4,6,9
            ipv6.addr == fe80::1	4,6,8,9
            ipv6.addr == fe80:0:0:0:0:0:0:1	4,6,8,9
            ipv6.addr != fe80::1	1,2,3,5,7,10,11,12
            ipv6.dst == ff02::1	1,6,10,11,12
            ipv6.src == ::	2
            ipv6.src == ::ffff:10.0.0.1	''
            ipv6.src == ipv6.dst	''
            icmpv6.nd.na.flag.o == 1	1,4,10,11,12
            icmpv6.opt.linkaddr == 00:50:56:9d:b0:51	1,3,5,12
            icmpv6.opt.target_linkaddr	1,4,12
            icmpv6.checksum.status == 0	10,12
            ipv6.hopopts	7
            icmpv6.nd.ns.target_address == 2001:db8::10	2
            icmpv6.nd.na.target_address == 2001:db8::10	1,11,12
            ipv6.tclass.dscp == 46	8
            ipv6.flow == 0x12345	8
            icmpv6.invalid_option_length	11
            icmpv6.mldr.mar.multicast_address == ff02::1:ff9d:b051	7
            icmpv6.type == "Router Advertisement"	6
            icmpv6	1,2,3,4,5,6,7,8,9,10,11,12
            ipv6.src == fe80::/10	1,3,4,5,6,7,8,9,10,11,12
            ipv6.src == 2001:db8::/32	''
            ipv6.addr != fe80::/10	2
            ipv6.dst == ff02::/16	1,2,3,5,6,7,10,11,12
            ipv6.src > fe80::/10	''
            ipv6.src <= fe80::/64	1,2,3,4,5,6,7,8,9,10,11,12
            ipv6.src != 2001:db8::/16	1,2,3,4,5,6,7,8,9,10,11,12
            ipv6.src == fe80::1/128	4,6,9
            ipv6.src == fe80::/0	1,2,3,4,5,6,7,8,9,10,11,12
            ipv6.addr == ::/0	1,2,3,4,5,6,7,8,9,10,11,12
            ipv6.src == 2001:db8:0:0:0:0:0:0/32	''
            icmpv6.nd.na.target_address == 2001:db8::/64	1,11,12
            ipv6.src in {fe80::/10, 2001:db8::/32}	1,3,4,5,6,7,8,9,10,11,12
            """)
    void selectsWhatTsharkSelects(String filter, String frames) throws Exception {
        CompiledFilter f = CompiledFilter.compile(filter);
        List<Integer> got = new ArrayList<>();
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/dev/cutover/dissect/ndp/ndp.pcap")).toURI());
        try (Capture capture = Capture.open(file)) {
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (int i = 0; i < capture.frameCount(); i++) {
                decoder.decode(i, d, f.requiredLayer());
                if (f.matches(d)) {
                    got.add(i + 1);
                }
            }
        }
        List<Integer> expected = new ArrayList<>();
        if (!frames.isEmpty()) {
            for (String n : frames.split(",")) {
                expected.add(Integer.parseInt(n));
            }
        }
        assertThat(got).isEqualTo(expected);
    }

    /** "Apply as filter" on each IPv6 address of frame 4 gives a filter that compiles and selects that frame. */
    @Test
    void applyAsFilterOnAnIpv6AddressSelectsItsFrame() throws Exception {
        Path file = Path.of(Objects.requireNonNull(getClass().getResource("/dev/cutover/dissect/ndp/ndp.pcap")).toURI());
        try (Capture capture = Capture.open(file)) {
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            decoder.decode(3, d);
            List<String> made = new ArrayList<>();
            for (int n = 0; n < d.size(); n++) {
                if (d.field(n).type() == dev.cutover.dissect.FieldType.IPV6) {
                    String text = MatchSelected.of(d, n);
                    made.add(text);
                    assertThat(CompiledFilter.compile(text).matches(d)).as(text).isTrue();
                }
            }
            assertThat(made).contains("ipv6.src == fe80::1", "ipv6.dst == fe80::250:56ff:fe9d:b051",
                    "icmpv6.nd.na.target_address == fe80::1");
        }
    }

    @Test
    void malformedIpv6LiteralsAreRefused() {
        for (String bad : List.of("ipv6.src == fe80:::1", "ipv6.src == 1::2::3", "ipv6.src == 12345::1",
                "ipv6.src == 1:2:3:4:5:6:7:8:9", "ipv6.src == ::1.2.3.400", "ipv6.src == fe80::/x",
                "ipv6.src contains 2001:db8::/32")) {
            assertThatThrownBy(() -> CompiledFilter.compile(bad)).as(bad).isInstanceOf(FilterException.class);
        }
        // tshark 4.0: "Prefix in a IPv6 address should be <= 128, not 129"
        assertThatThrownBy(() -> CompiledFilter.compile("ipv6.src == fe80::/129"))
                .isInstanceOf(FilterException.class).hasMessageContaining("should be <= 128, not 129");
    }
}
