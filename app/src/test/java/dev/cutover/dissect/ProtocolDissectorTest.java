package dev.cutover.dissect;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.proto.Dns;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.dissect.proto.Tcp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TCP, UDP, ICMP, DNS and SSDP on real frames (copied byte for byte from the shared corpus, so the test needs no
 * corpus), with tshark 4.0's Info, tree headings and field values; and frames cut short or crafted to loop.
 */
class ProtocolDissectorTest {
    /** many-protocols.pcap frame 55: a TCP SYN with MSS, window scale and SACK permitted. */
    static final String TCP_SYN = "30469a23fbfa6cf049b2de6e08004500003464734000800690250a000001adc24e68d79a01bb807df4a5"
            + "0000000080022000fa710000020405b40103030201010402";
    /** many-protocols.pcap frame 53: a DNS query for www.google.com. */
    static final String DNS_QUERY = "30469a23fbfa6cf049b2de6e08004500003c647200008011c1b40a0000010a00008afb1e00350028"
            + "5f9c017c010000010000000000000377777706676f6f676c6503636f6d0000010001";
    /** many-protocols.pcap frame 54: its answer, six A records named by compression pointers. */
    static final String DNS_RESPONSE = "6cf049b2de6e30469a23fbfa08004500009c00004000401125c70a00008a0a0000010035fb1e"
            + "00886e4f017c818000010006000000000377777706676f6f676c6503636f6d0000010001c00c00010001000001120004adc24e68"
            + "c00c00010001000001120004adc24e63c00c00010001000001120004adc24e6ac00c00010001000001120004adc24e69c00c0001"
            + "0001000001120004adc24e67c00c00010001000001120004adc24e93";
    /** many-protocols.pcap frame 1: an ICMP echo request in two 802.1Q tags. */
    static final String ICMP_ECHO = "001bd41ba4d80013c3dfae18810000768100000a080045000064000f0000ff01929b0a760a010a76"
            + "0a020800ceb70003000000000000001faf70abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd"
            + "abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd";
    /** many-protocols.pcap frame 30: an SSDP M-SEARCH over IPv6. */
    static final String SSDP = "33330000000c6cf049b2de6e86dd60000000009a1101fe800000000000004dc7f5931f7bdc11ff0200"
            + "0000000000000000000000000ce891076c009a6fe54d2d534541524348202a20485454502f312e310d0a486f73743a5b4646"
            + "30323a3a435d3a313930300d0a53543a75726e3a4d6963726f736f66742057696e646f77732050656572204e616d65205265"
            + "736f6c7574696f6e2050726f746f636f6c3a2056343a495056363a4c696e6b4c6f63616c0d0a4d616e3a22737364703a6469"
            + "73636f766572220d0a4d583a330d0a0d0a";
    /** alexa-app.pcapng frame 56: an ICMP redirect quoting the IPv4 and TCP headers of the datagram. */
    static final String ICMP_REDIRECT = "78f882d3fbc200c0ca91a3ef080045c000506a2c0000400162c7ac102a01ac102ad805018952"
            + "ac102a2a45000034d67a40003f0600e2ac102ad8adc2dfbca77e146c5e41a3098ee176568010015b919b00000101080a00f649"
            + "3b2bfc46c4";

    private final Dissector dissector = new Dissector();
    private final Dissection d = new Dissection();

    private Dissection decode(String hex) {
        byte[] frame = Frames.of().hex(hex).bytes();
        dissector.dissect(Frames.info(frame), frame, d);
        return d;
    }

    private List<String> all(String abbrev) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i).abbrev().equals(abbrev)) {
                out.add(FieldFormat.value(d, i));
            }
        }
        return out;
    }

    private String tree() {
        StringBuilder sb = new StringBuilder();
        DissectionText.appendTree(sb, d);
        return sb.toString();
    }

    @Test
    void tcpSynReadsAsTsharkWithRawSequenceNumbers() {
        decode(TCP_SYN);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ip:tcp");
        assertThat(d.protocolColumn()).isEqualTo("TCP");
        assertThat(d.sourceColumn()).isEqualTo("10.0.0.1");
        assertThat(d.infoColumn()).isEqualTo("55194 \u2192 443 [SYN] Seq=2155738277 Win=8192 Len=0 MSS=1460 WS=4 SACK_PERM");
        assertThat(all("tcp.port")).containsExactly("55194", "443");
        assertThat(all("tcp.seq_raw")).containsExactly("2155738277");
        assertThat(all("tcp.hdr_len")).containsExactly("32");
        assertThat(all("tcp.flags")).containsExactly("0x0002");
        assertThat(all("tcp.flags.syn")).containsExactly("1");
        assertThat(all("tcp.flags.ack")).containsExactly("0");
        assertThat(all("tcp.flags.str")).containsExactly("\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7\u00b7S\u00b7");
        assertThat(all("tcp.options")).containsExactly("020405b40103030201010402");
        assertThat(all("tcp.len")).containsExactly("0");
        assertThat(tree())
                .contains("Internet Protocol Version 4, Src: 10.0.0.1, Dst: 173.194.78.104\n")
                .contains("Transmission Control Protocol, Src Port: 55194, Dst Port: 443, Seq: 2155738277, Len: 0\n")
                .contains("    Flags: 0x002 (SYN)\n")
                .contains("        .... .... .... ..1. = Syn: Set\n")
                .contains("    Header Length: 32 bytes (8)\n");
        // The exact bytes light up in the hex view: the window is bytes 48-49, the options 54-65.
        int window = d.find(Tcp.WINDOW);
        assertThat(d.offset(window)).isEqualTo(48);
        assertThat(d.length(window)).isEqualTo(2);
        assertThat(d.field(d.deepestAt(60))).isSameAs(Tcp.OPTIONS);
    }

    @Test
    void dnsQueryAndResponse() {
        decode(DNS_QUERY);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ip:udp:dns");
        assertThat(d.protocolColumn()).isEqualTo("DNS");
        assertThat(d.infoColumn()).isEqualTo("Standard query 0x017c A www.google.com");
        assertThat(all("dns.qry.name")).containsExactly("www.google.com");
        assertThat(all("dns.qry.class")).containsExactly("0x0001");
        assertThat(all("dns.flags.response")).containsExactly("0");
        assertThat(tree()).contains("Domain Name System (query)\n")
                .contains("User Datagram Protocol, Src Port: 64286, Dst Port: 53\n")
                .contains("    Flags: 0x0100 Standard query\n")
                .contains("    Queries\n        www.google.com: type A, class IN\n            Name: www.google.com\n");
        int name = d.find(Dns.QRY_NAME);
        assertThat(d.offset(name)).isEqualTo(54);
        assertThat(d.length(name)).isEqualTo(16);

        decode(DNS_RESPONSE);
        assertThat(d.infoColumn()).isEqualTo("Standard query response 0x017c A www.google.com A 173.194.78.104 "
                + "A 173.194.78.99 A 173.194.78.106 A 173.194.78.105 A 173.194.78.103 A 173.194.78.147");
        assertThat(all("dns.resp.name")).hasSize(6).containsOnly("www.google.com");
        assertThat(all("dns.a")).startsWith("173.194.78.104", "173.194.78.99");
        assertThat(all("dns.flags")).containsExactly("0x8180");
        assertThat(tree()).contains("Domain Name System (response)\n")
                .contains("    Flags: 0x8180 Standard query response, No error\n")
                .contains("        www.google.com: type A, class IN, addr 173.194.78.104\n");
        // A compression pointer takes its two bytes in place.
        int first = d.find(Dns.RESP_NAME);
        assertThat(d.length(first)).isEqualTo(2);
    }

    @Test
    void icmpEchoInTwoVlanTags() {
        decode(ICMP_ECHO);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:vlan:ethertype:vlan:ethertype:ip:icmp:data");
        assertThat(d.infoColumn()).isEqualTo("Echo (ping) request  id=0x0003, seq=0/0, ttl=255");
        assertThat(all("icmp.type")).containsExactly("8");
        assertThat(all("icmp.ident")).containsExactly("3");
        assertThat(all("icmp.checksum")).containsExactly("0xceb7");
        assertThat(tree()).contains("Internet Control Message Protocol\n    Type: Echo (ping) request (8)\n");
    }

    @Test
    void icmpRedirectQuotesTheDatagramWithoutTakingTheColumns() {
        decode(ICMP_REDIRECT);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ip:icmp:ip:tcp");
        assertThat(d.protocolColumn()).isEqualTo("ICMP");
        assertThat(d.sourceColumn()).isEqualTo("172.16.42.1");
        assertThat(d.infoColumn()).isEqualTo("Redirect             (Redirect for host)");
        assertThat(all("ip.src")).containsExactly("172.16.42.1", "172.16.42.216");
        assertThat(all("tcp.port")).containsExactly("42878", "5228");
        assertThat(all("icmp.redir_gw")).containsExactly("172.16.42.42");
        assertThat(tree()).contains("    Code: 1 (Redirect for host)\n")
                .contains("    Transmission Control Protocol, Src Port: 42878, Dst Port: 5228\n");
    }

    @Test
    void ssdpOverIpv6ShowsTheRequestLine() {
        decode(SSDP);
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ipv6:udp:ssdp");
        assertThat(d.protocolColumn()).isEqualTo("SSDP");
        assertThat(d.infoColumn()).isEqualTo("M-SEARCH * HTTP/1.1 ");
        assertThat(all("http.request.method")).containsExactly("M-SEARCH");
        assertThat(tree()).contains("Internet Protocol Version 6, Src: fe80::4dc7:f593:1f7b:dc11, Dst: ff02::c\n")
                .contains("Simple Service Discovery Protocol\n    M-SEARCH * HTTP/1.1\\r\\n\n");
    }

    @Test
    void udpWithoutAKnownPayloadGetsUdpsInfo() {
        // the DNS query, moved from port 53 to 5300
        decode(DNS_QUERY.replace("fb1e00350028", "fb1e14b40028"));
        assertThat(d.protocolPath()).isEqualTo("eth:ethertype:ip:udp");
        assertThat(d.protocolColumn()).isEqualTo("UDP");
        assertThat(d.infoColumn()).isEqualTo("64286 \u2192 5300 Len=32");
    }

    @Test
    void llmnrAndMdnsAreDnsUnderTheirOwnNames() {
        decode(DNS_QUERY.replace("fb1e00350028", "fb1e14eb0028"));
        assertThat(d.protocolPath()).endsWith(":udp:llmnr");
        assertThat(d.protocolColumn()).isEqualTo("LLMNR");
        assertThat(d.infoColumn()).isEqualTo("Standard query 0x017c A www.google.com");
        decode(DNS_QUERY.replace("fb1e00350028", "14e914e90028"));
        assertThat(d.protocolColumn()).isEqualTo("MDNS");
        assertThat(d.infoColumn()).isEqualTo("Standard query 0x017c A www.google.com, \"QM\" question");
    }

    @Test
    void aCompressionPointerThatLoopsIsAnExpertInfoNotAHang() {
        // the query's name replaced by a pointer to itself (offset 12 of the message), the length kept
        decode(DNS_QUERY.replace("0377777706676f6f676c6503636f6d0000010001", "c00c00010001" + "00".repeat(14)));
        assertThat(d.has(Dns.BAD_NAME.field())).isTrue();
        assertThat(d.worstSeverity()).isEqualTo(Severity.WARNING);
        assertThat(d.infoColumn()).startsWith("Standard query 0x017c A <Root>");
    }

    @Test
    void aCompressionPointerPastTheMessageIsAnExpertInfo() {
        decode(DNS_QUERY.replace("0377777706676f6f676c6503636f6d0000010001", "c0ff00010001" + "00".repeat(14)));
        assertThat(d.has(Dns.BAD_NAME.field())).isTrue();
        assertThat(FieldFormat.value(d, d.find(Dns.BAD_NAME.field()))).contains("past the end of the message");
    }

    @Test
    void aSegmentCutShortByTheSnaplenKeepsItsHeaderAndSaysSo() {
        byte[] whole = Frames.of().hex(TCP_SYN).bytes();
        byte[] cut = java.util.Arrays.copyOf(whole, 44);
        dissector.dissect(Frames.info(cut, whole.length, 1), cut, d);
        assertThat(all("tcp.srcport")).containsExactly("55194");
        assertThat(d.has(Dissector.SHORT.field())).isTrue();
        assertThat(d.infoColumn()).isEqualTo("55194 \u2192 443[Packet size limited during capture]");
    }

    @Test
    void everyDnsLengthCutShortEndsInAnExpertInfoNeverAnException() {
        byte[] whole = Frames.of().hex(DNS_RESPONSE).bytes();
        for (int n = 14; n < whole.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(whole, n);
            dissector.dissect(Frames.info(cut, whole.length, 1), cut, d);
            assertThat(d.protocolPath()).as("%d bytes", n).startsWith("eth:ethertype");
            if (n >= 42) {
                assertThat(d.has(Dissector.SHORT.field())).as("%d bytes", n).isTrue();
                assertThat(d.protocolPath()).as("%d bytes", n).endsWith(":udp:dns");
            }
            for (int k = 0; k < d.size(); k++) {
                assertThat(String.valueOf(d.object(k))).as("%d bytes", n).doesNotContain("decoder error");
            }
        }
    }

    private boolean matches(String filter, String hex, List<String> comments) throws Exception {
        byte[] frame = Frames.of().hex(hex).bytes();
        FrameInfo info = new FrameInfo(1, 0, 0, 0, frame.length, frame.length, 0, "eth0", 1, -1, 0, comments);
        dev.cutover.filter.CompiledFilter f = dev.cutover.filter.CompiledFilter.compile(filter);
        dissector.dissect(info, frame, d, f.requiredLayer());
        return f.matches(d);
    }

    @Test
    void lenIsTheLengthInBytesAsWiresharkCountsIt() throws Exception {
        assertThat(matches("len(eth.src) == 6", TCP_SYN, List.of())).isTrue();
        assertThat(matches("len(ip.src) == 4 && len(tcp.port) == 2", TCP_SYN, List.of())).isTrue();
        assertThat(matches("len(tcp.options) == 12", TCP_SYN, List.of())).isTrue();
        assertThat(matches("len(tcp) == 32", TCP_SYN, List.of())).isTrue();
        assertThat(matches("len(tcp.flags.syn) == 0", TCP_SYN, List.of())).isTrue();
        assertThat(matches("len(dns.qry.name) > 10", DNS_QUERY, List.of())).isTrue();
        assertThat(matches("len(dns.qry.name) == 14", DNS_QUERY, List.of())).isTrue();
        assertThat(matches("len(dns.qry.name) > 10", TCP_SYN, List.of())).isFalse();
        assertThat(matches("len(frame.comment) > 3", TCP_SYN, List.of("vMotion"))).isTrue();
        assertThat(matches("len(frame.comment) > 3", TCP_SYN, List.of("ok"))).isFalse();
        // A string's length is its UTF-8 bytes: "é" is two.
        assertThat(matches("len(frame.comment) == 2", TCP_SYN, List.of("\u00e9"))).isTrue();
    }

    @Test
    void tcpAndIcmpFieldsSelectInFilters() throws Exception {
        assertThat(matches("tcp.port == 443 && tcp.flags.syn == 1 && tcp.flags.ack == 0", TCP_SYN, List.of())).isTrue();
        // As in Wireshark, a flag named alone tests that the field is there, whatever its value.
        assertThat(matches("!tcp.flags.ack", TCP_SYN, List.of())).isFalse();
        assertThat(matches("tcp.flags.reset == 1", TCP_SYN, List.of())).isFalse();
        assertThat(matches("udp.port == 53 && dns.qry.name == \"www.google.com\"", DNS_QUERY, List.of())).isTrue();
        assertThat(matches("icmp.type == 8 && vlan.id == 10", ICMP_ECHO, List.of())).isTrue();
        assertThat(matches("icmp.type == 5 && tcp.port == 5228", ICMP_REDIRECT, List.of())).isTrue();
    }

    @Test
    void linkLayerDepthStillStopsBeforeIp() {
        byte[] frame = Frames.of().hex(TCP_SYN).bytes();
        dissector.dissect(Frames.info(frame), frame, d, Layer.LINK);
        assertThat(d.has(Ip.IP)).isFalse();
        assertThat(d.has(Tcp.TCP)).isFalse();
        assertThat(d.infoColumn()).isEmpty();
    }

    @Test
    void theSampleCapturesTcpRowsReadAsTsharkReadsThem() throws IOException {
        Path sample = Path.of("..", "sample-captures", "esxi-vmotion-vlan10.pcap");
        try (Capture capture = Capture.open(sample)) {
            FrameDecoder decoder = new FrameDecoder(capture);
            int tcp = 0;
            for (int i = 0; i < capture.frameCount(); i++) {
                decoder.decode(i, d);
                if (d.has(Tcp.TCP)) {
                    tcp++;
                    assertThat(d.protocolColumn()).isEqualTo("TCP");
                    assertThat(d.infoColumn()).matches("\\d+ \u2192 \\d+ \\[[A-Z, ]+\\] Seq=\\d+ Ack=\\d+ Win=\\d+ Len=\\d+");
                }
            }
            assertThat(tcp).isEqualTo(53);
            decoder.decode(firstTcp(capture, decoder), d);
            assertThat(d.infoColumn()).isEqualTo("50000 \u2192 443 [ACK] Seq=1 Ack=1 Win=512 Len=0");
        }
    }

    private int firstTcp(Capture capture, FrameDecoder decoder) throws IOException {
        for (int i = 0; i < capture.frameCount(); i++) {
            decoder.decode(i, d);
            if (d.has(Tcp.TCP) && d.valueOf(Tcp.LEN, -1) == 0) {
                return i;
            }
        }
        throw new AssertionError("no TCP frame");
    }
}
