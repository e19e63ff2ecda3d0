package dev.cutover.dissect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.capture.Capture;
import dev.cutover.samples.NdpCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated neighbour discovery capture ({@code ndp/ndp.pcap}, written by {@link NdpCapture}), and the same
 * frames cut to 70 bytes ({@code ndp-snap70.pcap}), read as tshark 4.0 reads them ({@code ndp/*.pcap.json},
 * written by make-reference.py beside them): every field tshark
 * was asked for, the protocol path and the Protocol and Info columns, frame by frame. A field tshark did not
 * give must be absent here too. Subtrees of no value (an option, a multicast address record) and expert
 * infos are compared by how often they occur, the "1" tshark writes for each.
 */
class Ipv6ConformanceTest {
    static final List<String> FIELDS = List.of("eth.dst", "eth.src", "eth.type", "ipv6.version", "ipv6.tclass",
            "ipv6.tclass.dscp", "ipv6.tclass.ecn", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src",
            "ipv6.dst", "ipv6.addr", "ipv6.plen_exceeds_framing", "ipv6.hopopts.nxt", "ipv6.hopopts.len",
            "ipv6.hopopts.len_oct", "ipv6.dstopts.nxt", "ipv6.dstopts.len", "ipv6.dstopts.len_oct", "icmpv6.type",
            "icmpv6.code", "icmpv6.checksum", "icmpv6.checksum.status", "icmpv6.checksum_bad.expert",
            "icmpv6.echo.identifier", "icmpv6.echo.sequence_number", "icmpv6.nd.ra.cur_hop_limit",
            "icmpv6.nd.ra.flag", "icmpv6.nd.ra.router_lifetime", "icmpv6.nd.ra.reachable_time",
            "icmpv6.nd.ra.retrans_timer", "icmpv6.nd.ns.target_address", "icmpv6.nd.na.flag", "icmpv6.nd.na.flag.r",
            "icmpv6.nd.na.flag.s", "icmpv6.nd.na.flag.o", "icmpv6.nd.na.flag.rsv", "icmpv6.nd.na.target_address",
            "icmpv6.opt", "icmpv6.opt.type", "icmpv6.opt.length", "icmpv6.opt.linkaddr", "icmpv6.opt.src_linkaddr",
            "icmpv6.opt.target_linkaddr", "icmpv6.invalid_option_length", "icmpv6.opt.mtu",
            "icmpv6.opt.prefix.length", "icmpv6.opt.prefix.flag", "icmpv6.opt.prefix.valid_lifetime",
            "icmpv6.opt.prefix.preferred_lifetime", "icmpv6.opt.prefix", "icmpv6.mldr.nb_mcast_records",
            "icmpv6.mldr.mar", "icmpv6.mldr.mar.record_type", "icmpv6.mldr.mar.aux_data_len",
            "icmpv6.mldr.mar.nb_sources", "icmpv6.mldr.mar.multicast_address", "icmpv6.mldr.mar.source_address",
            "data.data", "data.len");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(Ipv6ConformanceTest.class.getResource("ndp/" + name), name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndp.pcap", "ndp-snap70.pcap"})
    void everyFrameReadsAsTsharkReadsIt(String name) throws Exception {
        JsonNode reference;
        try (InputStream in = Files.newInputStream(resource(name + ".json"))) {
            reference = JSON.readTree(in);
        }
        List<String> mismatches = new ArrayList<>();
        try (Capture capture = Capture.open(resource(name))) {
            assertThat(capture.frameCount()).isEqualTo(reference.size()).isEqualTo(12);
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            for (int i = 0; i < reference.size(); i++) {
                JsonNode layers = reference.get(i).get("_source").get("layers");
                decoder.decode(i, d);
                String frame = "frame " + (i + 1) + " ";
                check(mismatches, frame + "frame.protocols", List.of(d.protocolPath()),
                        strings(layers.get("frame.protocols")));
                check(mismatches, frame + "Protocol", List.of(d.protocolColumn()),
                        strings(layers.get("_ws.col.Protocol")));
                check(mismatches, frame + "Info", List.of(d.infoColumn()), strings(layers.get("_ws.col.Info")));
                Map<String, List<String>> ours = ours(d);
                for (String field : FIELDS) {
                    check(mismatches, frame + field, ours.getOrDefault(field, List.of()), strings(layers.get(field)));
                }
            }
        }
        assertThat(mismatches).as("differences from tshark:%n%s", String.join("\n", mismatches)).isEmpty();
    }

    /** Our values as tshark -e writes them; a subtree or expert of no value counts as "1", as tshark's. */
    static Map<String, List<String>> ours(Dissection d) {
        Map<String, List<String>> values = TsharkConformanceTest.values(d);
        for (int i = 0; i < d.size(); i++) {
            if (d.field(i).type() == FieldType.NONE) {
                List<String> l = values.get(d.field(i).abbrev());
                l.replaceAll(v -> "1");
            }
        }
        return values;
    }

    private static void check(List<String> mismatches, String what, List<String> ours, List<String> tshark) {
        if (!ours.equals(tshark)) {
            mismatches.add(what + ": tshark " + tshark + ", ours " + ours);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
                out.add(it.next().asText());
            }
        }
        return out;
    }

    /** Lines of the details tree as {@code tshark -V} prints them: an advertisement, an echo, a bad checksum, MLDv2. */
    @Test
    void theDetailsTreeReadsAsTsharksDoes() throws Exception {
        try (Capture capture = Capture.open(resource("ndp.pcap"))) {
            FrameDecoder decoder = new FrameDecoder(capture);
            Dissection d = new Dissection();
            decoder.decode(0, d);
            StringBuilder tree = new StringBuilder();
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains(
                    "Internet Protocol Version 6, Src: fe80::250:56ff:fe9d:b051, Dst: ff02::1\n",
                    "    0110 .... = Version: 6\n",
                    "    Payload Length: 32\n",
                    "    Next Header: ICMPv6 (58)\n",
                    "    Source Address: fe80::250:56ff:fe9d:b051\n",
                    "Internet Control Message Protocol v6\n",
                    "    Type: Neighbor Advertisement (136)\n",
                    "    Checksum: 0x1ad8 [correct]\n",
                    "    [Checksum Status: Good]\n",
                    "    Flags: 0x20000000, Override\n",
                    "        0... .... .... .... .... .... .... .... = Router: Not set\n",
                    "        ..1. .... .... .... .... .... .... .... = Override: Set\n",
                    "    Target Address: 2001:db8::10\n",
                    "    ICMPv6 Option (Target link-layer address : 00:50:56:9d:b0:51)\n",
                    "        Type: Target link-layer address (2)\n",
                    "        Length: 1 (8 bytes)\n");
            decoder.decode(7, d);
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains(
                    "    .... 1011 1000 .... .... .... .... .... = Traffic Class: 0xb8 (DSCP: EF PHB, ECN: Not-ECT)\n",
                    "        .... 1011 10.. .... .... .... .... .... = Differentiated Services Codepoint: "
                            + "Expedited Forwarding (46)\n",
                    "    .... 0001 0010 0011 0100 0101 = Flow Label: 0x12345\n");
            decoder.decode(11, d);
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    Checksum: 0x1ad9 incorrect, should be 0x1ad8\n",
                    "[Bad checksum [should be 0x1ad8] (Warning)]");
            decoder.decode(6, d);
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    IPv6 Hop-by-Hop Option\n", "        [Length: 8 bytes]\n",
                    "    Multicast Address Record Changed to exclude: ff02::1:ff9d:b051\n");
        }
    }

    /**
     * Every frame of the capture cut at every length (as cut short by the capture, and as a short packet), and
     * with each byte after the Ethernet header set to 0x00, 0x01 and 0xff in turn: each decodes to the end with
     * no decoder error, every node inside the captured bytes and every label printable.
     */
    @Test
    void cutAndDamagedFramesDecodeWithoutErrors() throws Exception {
        Dissector dissector = new Dissector();
        Dissection d = new Dissection();
        int decoded = 0;
        try (Capture capture = Capture.open(resource("ndp.pcap"))) {
            for (int i = 0; i < capture.frameCount(); i++) {
                byte[] frame = capture.frameBytes(i);
                for (int cut = 0; cut <= frame.length; cut++) {
                    byte[] part = java.util.Arrays.copyOf(frame, cut);
                    decoded += decodeCleanly(dissector, d, part, frame.length);
                    decoded += decodeCleanly(dissector, d, part, cut);
                }
                for (int at = 14; at < frame.length; at++) {
                    for (int value : new int[] {0x00, 0x01, 0xff}) {
                        byte[] damaged = frame.clone();
                        damaged[at] = (byte) value;
                        decoded += decodeCleanly(dissector, d, damaged, damaged.length);
                    }
                }
            }
        }
        assertThat(decoded).isGreaterThan(3000);
    }

    private static int decodeCleanly(Dissector dissector, Dissection d, byte[] frame, int originalLength) {
        dissector.dissect(Frames.info(frame, originalLength, 1), frame, d);
        for (int n = 0; n < d.size(); n++) {
            assertThat(d.offset(n) + d.length(n)).as("%s", d.field(n).abbrev()).isLessThanOrEqualTo(frame.length);
            FieldFormat.label(d, n);
            if (d.field(n) == Dissector.MALFORMED.field()) {
                assertThat(String.valueOf(d.object(n))).doesNotContain("decoder error");
            }
        }
        return 1;
    }

    /**
     * Headers in front of the payload, with tshark 4.0's protocol path and columns for the same bytes: no next
     * header, a first fragment (not reassembled), destination options before an echo, hop-by-hop before no next
     * header.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3b|0000|eth:ethertype:ipv6|IPv6|IPv6 no next header
            2c|0010 3a000001 00000007 0000000000000000|eth:ethertype:ipv6:ipv6.fraghdr:data|IPv6|\
            IPv6 fragment (off=0 more=y ident=0x00000007 nxt=58)
            2c|0010 3a000209 12345678 0000000000000000|eth:ethertype:ipv6:ipv6.fraghdr:data|IPv6|\
            IPv6 fragment (off=520 more=y ident=0x12345678 nxt=58)
            3c|0010 3a00010400000000 8000f27c00010001|eth:ethertype:ipv6:ipv6.dstopts:icmpv6|ICMPv6|\
            Echo (ping) request id=0x0001, seq=1, hop limit=64
            00|0008 3b00010400000000|eth:ethertype:ipv6:ipv6.hopopts|IPv6|IPv6 no next header
            """)
    void headersBeforeThePayloadReadAsTsharkReadsThem(String next, String payload, String path, String protocol,
                                                      String info) {
        byte[] frame = Frames.of().hex("333300000001 0050569db051 86dd 60000000").hex(payload.substring(0, 4))
                .hex(next + "40 fe800000000000000250 56fffe9db051 ff020000000000000000000000000001")
                .hex(payload.substring(4)).bytes();
        Dissection d = new Dissection();
        new Dissector().dissect(Frames.info(frame), frame, d);
        assertThat(d.protocolPath()).isEqualTo(path);
        assertThat(d.protocolColumn()).isEqualTo(protocol);
        assertThat(d.infoColumn()).isEqualTo(info);
    }

    @Test
    void theCommittedCaptureIsWhatTheGeneratorWrites(@TempDir Path dir) throws IOException, URISyntaxException {
        Path file = dir.resolve("ndp.pcap");
        NdpCapture.write(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(resource("ndp.pcap")));
        Path snapped = dir.resolve("ndp-snap70.pcap");
        NdpCapture.writeSnapped(snapped);
        assertThat(Files.readAllBytes(snapped)).isEqualTo(Files.readAllBytes(resource("ndp-snap70.pcap")));
    }
}
