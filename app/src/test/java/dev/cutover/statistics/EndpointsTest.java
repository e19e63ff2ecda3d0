package dev.cutover.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoints by MAC on the samples, checked against tshark's Ethernet endpoints and the display filter. */
class EndpointsTest {
    static final Path SAMPLES = Path.of("../sample-captures");

    /** MAC to {tx frames, tx bytes, rx frames, rx bytes}. */
    private static Map<Long, long[]> counts(Endpoints e) {
        return e.rows().stream().collect(Collectors.toMap(Endpoint::mac,
                r -> new long[] {r.framesSent(), r.bytesSent(), r.framesReceived(), r.bytesReceived()}));
    }

    private static long mac(String text) {
        return Long.parseLong(text.replace(":", ""), 16);
    }

    @Test
    void theVmotionSampleAsTsharkCountsItsEndpoints() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("esxi-vmotion-vlan10.pcap"))) {
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
            assertThat(e.framesRead()).isEqualTo(77);
            // tshark -q -z endpoints,eth -r sample-captures/esxi-vmotion-vlan10.pcap (4.0.17):
            // Tx Packets, Tx Bytes, Rx Packets, Rx Bytes
            assertThat(counts(e)).containsOnlyKeys(mac("00:50:56:9d:10:14"), mac("00:50:56:9d:10:11"),
                    mac("ff:ff:ff:ff:ff:ff"), mac("00:50:56:9d:10:13"), mac("00:50:56:9d:10:15"),
                    mac("00:50:56:9d:10:10"), mac("00:50:56:9d:10:17"), mac("00:50:56:9d:10:16"),
                    mac("00:50:56:9d:10:12"), mac("00:50:56:9d:b0:51"), mac("00:00:5e:00:01:0a"));
            assertThat(counts(e).get(mac("00:50:56:9d:10:14"))).containsExactly(10, 2408, 10, 2639);
            assertThat(counts(e).get(mac("00:50:56:9d:10:11"))).containsExactly(10, 1932, 9, 2305);
            assertThat(counts(e).get(mac("ff:ff:ff:ff:ff:ff"))).containsExactly(0, 0, 18, 1152);
            assertThat(counts(e).get(mac("00:50:56:9d:10:13"))).containsExactly(6, 648, 11, 3435);
            assertThat(counts(e).get(mac("00:50:56:9d:10:15"))).containsExactly(6, 1923, 10, 2424);
            assertThat(counts(e).get(mac("00:50:56:9d:10:10"))).containsExactly(9, 3148, 6, 848);
            assertThat(counts(e).get(mac("00:50:56:9d:10:17"))).containsExactly(10, 1616, 4, 1257);
            assertThat(counts(e).get(mac("00:50:56:9d:10:16"))).containsExactly(8, 2979, 4, 1144);
            assertThat(counts(e).get(mac("00:50:56:9d:10:12"))).containsExactly(5, 1075, 5, 1357);
            assertThat(counts(e).get(mac("00:50:56:9d:b0:51"))).containsExactly(7, 448, 0, 0);
            assertThat(counts(e).get(mac("00:00:5e:00:01:0a"))).containsExactly(6, 384, 0, 0);
            // most frames first, as Wireshark sorts by packets
            assertThat(e.rows().get(0).macText()).isEqualTo("00:50:56:9d:10:14");

            Endpoint vm = e.find(mac("00:50:56:9d:b0:51"));
            assertThat(vm.vendor()).isEqualTo("VMware");
            assertThat(vm.ipsText()).isEqualTo("10.0.10.52");
            assertThat(vm.vlansText()).isEqualTo("10");
            assertThat(vm.interfaces()).containsExactly("esxi-vmotion-vlan10.pcap");
            assertThat(vm.firstFrame() + 1).isEqualTo(41); // its first RARP
            assertThat(vm.lastFrame() + 1).isEqualTo(47);
            assertThat(vm.firstNanos()).isEqualTo(c.index().timestampNanos(40));
            assertThat(vm.displayFilter()).isEqualTo("eth.addr == 00:50:56:9d:b0:51");
            assertThat(e.find(mac("ff:ff:ff:ff:ff:ff")).vendor()).isEqualTo("Broadcast");
            assertThat(e.find(mac("ff:ff:ff:ff:ff:ff")).ips()).isEmpty();
        }
    }

    @Test
    void twoUplinksOpenedTogetherNameEachMacsInterfaces() throws IOException {
        try (Capture c = Capture.open(List.of(SAMPLES.resolve("esxi-team-vusb1.pcapng"),
                SAMPLES.resolve("esxi-team-vusb2.pcapng")), LoadMonitor.NONE)) {
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
            assertThat(e.rows()).hasSize(19);
            // mergecap -w team.pcapng esxi-team-vusb1.pcapng esxi-team-vusb2.pcapng;
            // tshark -q -z endpoints,eth -r team.pcapng
            assertThat(counts(e).get(mac("ff:ff:ff:ff:ff:ff"))).containsExactly(0, 0, 38, 2432);
            assertThat(counts(e).get(mac("00:50:56:9d:10:25"))).containsExactly(13, 2350, 8, 1348);
            assertThat(counts(e).get(mac("00:00:5e:00:01:0a"))).containsExactly(11, 704, 0, 0);
            assertThat(counts(e).get(mac("00:50:56:9d:10:22"))).containsExactly(6, 384, 1, 218);
            assertThat(counts(e).get(mac("00:50:56:9d:b0:51"))).containsExactly(7, 448, 0, 0);
            assertThat(e.rows().stream().mapToLong(Endpoint::framesSent).sum()).isEqualTo(137);

            Endpoint vm = e.find(mac("00:50:56:9d:b0:51"));
            assertThat(vm.interfaces()).containsExactly("vusb2");
            assertThat(vm.ipsText()).isEqualTo("10.0.10.52");
            assertThat(vm.vlansText()).isEqualTo("10");
            assertThat(e.find(mac("00:50:56:9d:10:25")).interfaces()).containsExactly("vusb1");
            assertThat(e.find(mac("00:00:5e:00:01:0a")).interfaces()).containsExactlyInAnyOrder("vusb1", "vusb2");
        }
    }

    @Test
    void aMacClaimedOnlyInsideArpHasARowWithItsIpAndNoFrames() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("arp-spoof-sender-mismatch.pcap"))) {
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
            Endpoint fake = e.find(mac("02:00:00:00:be:ef"));
            assertThat(fake.frames()).isZero();
            assertThat(fake.ipsText()).isEqualTo("10.0.10.1");
            assertThat(fake.displayFilter()).isEqualTo("arp.src.hw_mac == 02:00:00:00:be:ef");
            assertThat(fake.vendor()).isEmpty(); // locally administered
            // the spoofer's own MAC claims nothing: its replies name another sender
            Endpoint spoofer = e.find(mac("00:0c:29:3e:5a:11"));
            assertThat(spoofer.framesSent()).isEqualTo(5);
            assertThat(spoofer.ips()).isEmpty();
            assertThat(e.find(mac("00:00:5e:00:01:0a")).ipsText()).isEqualTo("10.0.10.1");
        }
    }

    /**
     * What the Apply as Filter button applies keeps exactly the frames the row counts; a frame a MAC sends to
     * itself counts as sent and as received, as Wireshark counts it, and matches once.
     */
    @Test
    void eachRowsDisplayFilterMatchesTheFramesItCounts() throws Exception {
        for (String name : new String[] {"esxi-vmotion-vlan10.pcap", "duplicate-ip.pcap", "arp-spoof-sender-mismatch.pcap"}) {
            try (Capture c = Capture.open(SAMPLES.resolve(name))) {
                Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
                FrameDecoder decoder = new FrameDecoder(c);
                Dissection d = new Dissection();
                for (Endpoint row : e.rows()) {
                    CompiledFilter f = CompiledFilter.compile(row.displayFilter());
                    CompiledFilter self = CompiledFilter.compile("eth.src == " + row.macText() + " && eth.dst == "
                            + row.macText());
                    int matched = 0;
                    int toItself = 0;
                    int first = -1;
                    int last = -1;
                    for (int i = 0; i < c.frameCount(); i++) {
                        decoder.decode(i, d, dev.cutover.dissect.Layer.ALL);
                        if (self.matches(d)) {
                            toItself++;
                        }
                        if (f.matches(d)) {
                            matched++;
                            first = first < 0 ? i : first;
                            last = i;
                        }
                    }
                    if (row.asEthernet()) {
                        assertThat(matched).as(name + " " + row.macText()).isEqualTo(row.frames() - toItself);
                        assertThat(first).isEqualTo(row.firstFrame());
                        assertThat(last).isEqualTo(row.lastFrame());
                    } else {
                        assertThat(matched).as(name + " " + row.macText()).isPositive();
                    }
                }
            }
        }
    }

    @Test
    void linuxCookedCaptureSourcesAreEndpointsWithTheirOwnFilter() throws IOException {
        Path file = SharedCorpus.captures().resolve("arp/linuxsll-arp.pcap");
        try (Capture c = Capture.open(file)) {
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
            assertThat(e.rows()).isNotEmpty();
            assertThat(e.rows()).allSatisfy(r -> {
                assertThat(r.asEthernet()).isFalse();
                assertThat(r.framesReceived()).isZero();
            });
            Endpoint sender = e.rows().stream().filter(Endpoint::asSll).findFirst().orElseThrow();
            assertThat(sender.displayFilter()).startsWith("sll.src.eth == ");
        }
    }

    @Test
    void aMonitorThatCancelsStopsThePass() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("esxi-vmotion-vlan10.pcap"))) {
            LoadMonitor stop = new LoadMonitor() {
                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> Endpoints.compute(c, stop)).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void onlyTheIncludedFramesCount() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("esxi-vmotion-vlan10.pcap"))) {
            // frames 41..47 (1-based) are the migrated VM's RARPs and GARP
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE, i -> i >= 40 && i <= 46);
            assertThat(e.framesRead()).isEqualTo(7);
            assertThat(e.rows()).extracting(Endpoint::macText)
                    .containsExactlyInAnyOrder("00:50:56:9d:b0:51", "ff:ff:ff:ff:ff:ff");
        }
    }

    @Test
    void copyAsCsvHasAHeaderAndOneQuotedLinePerRow() throws IOException {
        try (Capture c = Capture.open(SAMPLES.resolve("esxi-team-vusb1.pcapng"))) {
            Endpoints e = Endpoints.compute(c, LoadMonitor.NONE);
            String csv = Endpoints.csv(e.rows(), f -> Integer.toString(f + 1));
            String[] lines = csv.split("\r\n");
            assertThat(lines).hasSize(e.rows().size() + 1);
            assertThat(lines[0]).startsWith("MAC,Vendor,IPs claimed (ARP),VLANs,Interfaces,First seen");
            assertThat(csv).contains("\"ICANN, IANA Department\"");
        }
    }
}
