package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Filters on real bytes: six frames of a migration (1 RARP announce, 2 the same in VLAN 10, 3 a gratuitous
 * ARP for 10.0.0.152, 4 an ARP reply, 5 a request in VLANs 20 then 10, 6 a request in 802.1ad 100 over
 * VLAN 10), each dissected only as deep as the filter asks.
 */
class FilterEvaluationTest {
    private static final byte[][] FRAMES = {
            TestFrames.rarpAnnounce(), TestFrames.rarpAnnounceVlan10(), TestFrames.garp(),
            TestFrames.arpReply(), TestFrames.doubleTagged(), TestFrames.qinq()};

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            // existence and protocols
            "arp                                         => 1 2 3 4 5 6",
            "vlan                                        => 2 5 6",
            "ieee8021ad                                  => 6",
            "!arp                                        =>",
            "arp && !vlan                                => 1 3 4",
            "arp.isgratuitous                            => 3",
            "migration.notification                      => 1 2",
            // integers, word operators, value names
            "arp.opcode == 3                             => 1 2",
            "arp.opcode eq 3                             => 1 2",
            "arp.opcode == \"reverse request\"           => 1 2",
            "arp.opcode == request                       => 3 5 6",
            "arp.opcode ne 1                             => 1 2 4",
            "arp.opcode >= 2                             => 1 2 4",
            "arp.opcode lt 2 and arp.opcode gt 0         => 3 5 6",
            "eth.type == 0x8035 || vlan.etype == 0x8035  => 1 2",
            "frame.len == 074                            => 1 2 3 4 5 6",
            "frame.len > 100                             =>",
            // precedence: not > and > or
            "arp.opcode == 1 or arp.opcode == 2 and vlan => 3 5 6",
            "(arp.opcode == 1 or arp.opcode == 2) and vlan=> 5 6",
            "not arp.opcode == 1 and vlan                => 2",
            "!(arp.opcode == 1 and vlan)                 => 1 2 3 4",
            // booleans
            "arp.isgratuitous == True                    => 3",
            "arp.isgratuitous == 1                       => 3",
            "arp.isgratuitous == 0                       =>",
            "eth.dst.ig == 0                             => 4",
            // multi-occurrence: eth.addr is both addresses
            "eth.addr == ff:ff:ff:ff:ff:ff               => 1 2 3 5 6",
            "eth.addr != ff:ff:ff:ff:ff:ff               => 4",
            "eth.addr ~= ff:ff:ff:ff:ff:ff               => 1 2 3 4 5 6",
            "eth.addr === ff:ff:ff:ff:ff:ff              =>",
            "eth.addr == 00:50:56:aa:bb:cc               => 3 4 5 6",
            // multi-occurrence: stacked vlan.id, and frames without any
            "vlan.id == 10                               => 2 5 6",
            "vlan.id == 20                               => 5",
            "vlan.id != 10                               =>",
            "vlan.id != 20                               => 2 6",
            "vlan.id ~= 10                               => 5",
            "vlan.id === 10                              => 2 6",
            "vlan.id any_ne 10                           => 5",
            "vlan.id all_eq 10                           => 2 6",
            "!(vlan.id == 10)                            => 1 3 4",
            "vlan.id > 15                                => 5",
            "ieee8021ad.id == 100 && vlan.id == 10       => 6",
            // membership
            "vlan.id in {1, 10, 100}                     => 2 5 6",
            "vlan.id in {1 10 100}                       => 2 5 6",
            "vlan.id in {15..25}                         => 5",
            "vlan.id in {3..4}                           =>",
            "vlan.id not in {10}                         => 1 3 4",
            "arp.opcode in {3..4}                        => 1 2",
            "arp.opcode in {request, \"reverse request\"}=> 1 2 3 5 6",
            "arp.src.proto_ipv4 in {10.0.0.0/24, 192.168.7.9}=> 3 4 5 6",
            "eth.src in {00:0c:29:11:22:33 0050.569d.b051}=> 1 2 4",
            "frame.time_relative in {0.4..0.8}           => 3 4",
            // MAC literal forms, slices
            "eth.src == 00:50:56:9d:b0:51                => 1 2",
            "eth.src == 00-50-56-9d-b0-51                => 1 2",
            "eth.src == 0050.569d.b051                   => 1 2",
            "eth.src == 0050569db051                     => 1 2",
            "eth.src[0:3] == 00:50:56                    => 1 2 3 5 6",
            "eth.src[:3] == 00-50-56                     => 1 2 3 5 6",
            "eth.src[-3:] == 9d:b0:51                    => 1 2",
            "eth.src[3-5] == 9d.b0.51                    => 1 2",
            "eth.src[5] == 51                            => 1 2",
            "eth.src[5] == 0x51                          => 1 2",
            "eth.src[0:2,4:2] == 00:50:b0:51             => 1 2",
            "eth.src[4:4] == b0:51:00:00                 =>",
            "eth.src[0:3] != 00:50:56                    => 4",
            "arp[6:2] == 00:03                           => 1 2",
            "arp.src.proto_ipv4[0] == 0a                 => 3 4 6",
            "frame.protocols[0:3] == \"eth\"             => 1 2 3 4 5 6",
            "eth.src[0:3] == eth.dst[0:3]                =>",
            "eth.src[0:3] == arp.src.hw_mac[0:3]         => 1 2 3 4 5 6",
            // field against field
            "arp.src.hw_mac == arp.dst.hw_mac            => 1 2",
            "arp.src.hw_mac == eth.src                   => 1 2 3 4 5 6",
            "eth.addr != eth.src                         =>",
            "eth.addr ~= eth.src                         => 1 2 3 4 5 6",
            "arp.src.proto_ipv4 == arp.dst.proto_ipv4    => 1 2 3",
            "vlan.id == ieee8021ad.id                    =>",
            "arp.src.proto_ipv4 < arp.dst.proto_ipv4     => 4",
            // IPv4 and CIDR
            "arp.src.proto_ipv4 == 10.0.0.152            => 3 6",
            "arp.dst.proto_ipv4 == 192.168.0.0/16        => 5",
            "arp.src.proto_ipv4 == 10.0.0.0/8            => 3 4 6",
            "arp.src.proto_ipv4 != 10.0.0.0/8            => 1 2 5",
            "arp.src.proto_ipv4 > 10.0.0.1               => 3 5 6",
            // times: relative in seconds, absolute in UTC
            "frame.time_relative >= 0.5                  => 3 4 5 6",
            "frame.time_delta == 0                       => 1",
            "frame.time_epoch > 1386259200.2             => 4 5 6",
            "frame.time_epoch <= 1386259199.930926       => 1 2",
            "frame.time >= \"2013-12-05 16:00:00\"       => 3 4 5 6",
            "frame.time < \"Dec  5, 2013 16:00:00 UTC\"  => 1 2",
            // bytes, strings, contains, matches
            "frame contains 00:50:56:9d:b0:51            => 1 2",
            "arp contains 9d:b0:51                       => 1 2",
            "eth.src contains 9d:b0                      => 1 2",
            "frame.protocols contains \"vlan\"           => 2 5 6",
            "frame.protocols contains \"VLAN\"           =>",
            "frame.protocols matches \"VLAN.*vlan\"      => 5",
            "frame.protocols ~ \"ieee8021AD\"            => 6",
            "frame.protocols == \"eth:ethertype:arp\"    => 1 3 4",
            "frame.protocols == \"eth:eth\\x65rtype:arp\"=> 1 3 4",
            "frame.protocols == r\"eth:ethertype:arp\"   => 1 3 4",
            "eth.src.oui_resolved == VMware              => 1 2 3 4 5 6",
            "arp.src.hw_mac_vendor matches \"^vmw\"      => 1 2 3 4 5 6",
            "frame matches \"\\x00\\x50\\x56\\x9d\"      => 1 2",
            "frame.interface_name == \"vmnic0\"          => 1 2 3 4 5 6",
            "frame.protocols > \"eth:ethertype:arp\"     => 2 5 6",
            "eth.padding                                 => 1 2 3 4 5 6",
            // bitwise and
            "eth.dst[0] & 1                              => 1 2 3 5 6",
            "eth.dst[0] & 0x01 == 01                     => 1 2 3 5 6",
            "vlan.id & 4 == 4                            => 5",
            "vlan.id & 0x14                              => 5",
            "frame.number & 1                            => 1 3 5",
            // the empty filter matches everything
            "' '                                         => 1 2 3 4 5 6",
    })
    void selects(String filter, String expected) throws FilterException {
        assertThat(selected(filter)).as(filter).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void matchingAllocatesNothingPerFrame() throws FilterException {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "allocation counting not supported");
        String[] texts = {
                "arp.opcode == 3 && !(vlan.id in {1, 10..20, 100})",
                "eth.addr != ff:ff:ff:ff:ff:ff || eth.src[0:3] == 00:50:56",
                "arp.src.hw_mac == arp.dst.hw_mac and arp.dst.proto_ipv4 == 192.168.0.0/16",
                "vlan.id === 10 or vlan.id ~= 20 or ieee8021ad.id >= 100",
                "frame contains 9d:b0:51 or frame.protocols contains \"vlan\" or eth.dst[0] & 1",
                "frame.time_epoch > 1386259199.43 and eth.src.oui_resolved == \"VMware\"",
        };
        CompiledFilter[] filters = new CompiledFilter[texts.length];
        for (int i = 0; i < texts.length; i++) {
            filters[i] = CompiledFilter.compile(texts[i]);
        }
        // Arrays, not lists: a list's iterator would be the only allocation measured.
        Dissection[] frames = new Dissection[FRAMES.length];
        for (int n = 0; n < FRAMES.length; n++) {
            frames[n] = TestFrames.dissect(n + 1, FRAMES[n]);
        }
        int hits = run(filters, frames, 20_000);
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        hits += run(filters, frames, 50_000);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // 1.8 million evaluations: even 16 bytes each would be 28 MB.
        assertThat(allocated).as("bytes allocated while matching (%d hits)", hits).isLessThan(64 * 1024);
    }

    private static int run(CompiledFilter[] filters, Dissection[] frames, int rounds) {
        int hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (CompiledFilter f : filters) {
                for (Dissection d : frames) {
                    if (f.matches(d)) {
                        hits++;
                    }
                }
            }
        }
        return hits;
    }

    /** Frame numbers that pass, decoding each frame only to the filter's required depth. */
    private static String selected(String text) throws FilterException {
        CompiledFilter filter = CompiledFilter.compile(text);
        List<Integer> out = new ArrayList<>();
        for (int n = 0; n < FRAMES.length; n++) {
            Dissection shallow = TestFrames.dissect(n + 1, FRAMES[n], filter.requiredLayer());
            Dissection full = TestFrames.dissect(n + 1, FRAMES[n], Layer.ALL);
            boolean pass = filter.matches(shallow);
            assertThat(pass).as("%s on frame %d at depth %s", text, n + 1, filter.requiredLayer())
                    .isEqualTo(filter.matches(full));
            if (pass) {
                out.add(n + 1);
            }
        }
        return out.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
