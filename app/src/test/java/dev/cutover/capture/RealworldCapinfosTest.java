package dev.cutover.capture;

import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cutover info} against capinfos 4.0.17 on the public captures of {@code ../shared/captures/realworld}
 * (values from {@code capinfos -c -d}): the frame count, and the data size, which capinfos counts in lengths on
 * the wire, so the snapshot length of {@code arpscan_pkt-net1921681-response.pcap} (64 bytes) changes nothing.
 */
class RealworldCapinfosTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '\t', textBlock = """
            arpscan_pkt-diff-frame-addr.pcap	1	60
            arpscan_pkt-dup-response.pcap	15	900
            arpscan_pkt-local-admin.pcap	1	60
            arpscan_pkt-net1921681-response.pcap	56	3452
            arpscan_pkt-trailer-response.pcap	2	128
            arpscan_pkt-vlan-llc-response.pcap	1	64
            arpscan_pkt-vlan-response.pcap	1	60
            honeynet_suspicious-time.pcap	745	293958
            ndpi_fuzz-2006-06-26-2594.pcap	691	99997
            pio_arp-storm.pcap	622	37320
            ppa_evilprogram.pcap	659	123613
            sgr_hs-arpScan.pcap	509	21378
            sgr_na-arpSpoofing.pcap	36	1512
            sv_base64-decode-5885_input.pcap	1143	568606
            sv_sip-method_sip.pcap	691	99997
            tcpdump_sr_ri_tlv.pcap	547	48086
            chappell_arp-badpadding.pcapng	105	6300
            chappell_arp-bootup.pcapng	23	2740
            chappell_arp-ping.pcapng	5	348
            chappell_arp-poison.pcapng	20	1280
            chappell_arp-recon.pcapng	155	9920
            chappell_arpsweep.pcapng	316	20028
            sgr_TicketOne.pcap.gz	1203	635554
            """)
    void framesAndDataSizeAreCapinfos(String name, int frames, long dataSize) throws Exception {
        Path file = SharedCorpus.captures().resolve("realworld").resolve(name);
        assumeTrue(Files.isRegularFile(file), file + " not found: skipped");
        try (Capture c = Capture.open(file)) {
            CaptureSummary s = CaptureSummary.of(c, 0);
            assertThat(s.frames()).isEqualTo(frames);
            assertThat(s.dataSize()).isEqualTo(dataSize);
            assertThat(s.averageFrameSize()).isEqualTo((double) dataSize / frames);
            assertThat(s.damage()).isNull();
        }
    }
}
