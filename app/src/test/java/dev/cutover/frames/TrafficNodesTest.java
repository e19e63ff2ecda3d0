package dev.cutover.frames;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.proto.Icmp;
import dev.cutover.dissect.proto.Tcp;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.testsupport.TrafficFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;

import static dev.cutover.testsupport.TrafficFrames.ACK;
import static dev.cutover.testsupport.TrafficFrames.PSH;
import static dev.cutover.testsupport.TrafficFrames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** The traffic facts as fields of a decode: where the tree shows them, the Info column, and filters on them. */
class TrafficNodesTest {
    @TempDir
    Path dir;

    private Path capture() throws Exception {
        return new TrafficFrames()
                .echo(0, "10.0.0.1", "10.0.0.2", true, 1, 1)
                .echo(1, "10.0.0.2", "10.0.0.1", false, 1, 1)
                .echo(2, "10.0.0.1", "10.0.0.2", true, 1, 2)
                .tcp(10, "10.0.0.1", 40000, "10.0.0.2", 80, 1000, 0, SYN, 64240, 0)
                .tcp(11, "10.0.0.2", 80, "10.0.0.1", 40000, 5000, 1001, SYN | ACK, 64240, 0)
                .tcp(11, "10.0.0.1", 40000, "10.0.0.2", 80, 1001, 5001, ACK, 502, 0)
                .tcp(12, "10.0.0.1", 40000, "10.0.0.2", 80, 1001, 5001, PSH | ACK, 502, 100)
                .tcp(400, "10.0.0.1", 40000, "10.0.0.2", 80, 1001, 5001, PSH | ACK, 502, 100)
                .write(dir.resolve("t.pcap"));
    }

    @Test
    void theTreeShowsTheFactsUnderTheirProtocolAndInfoGainsWiresharksTails() throws Exception {
        try (Capture c = Capture.open(capture())) {
            FramePipeline p = FramePipeline.of(c);
            FramePipeline.Reader plain = p.reader(new Needs(Layer.ALL, false, false));
            FramePipeline.Reader facts = p.reader(new Needs(Layer.ALL, false, false, true));
            Dissection d = new Dissection();

            plain.decode(0, d);
            String info = d.infoColumn();
            assertThat(d.has(Icmp.RESP_IN)).isFalse();
            facts.decode(0, d);
            assertThat(d.infoColumn()).isEqualTo(info + " (reply in 2)");
            int node = d.find(Icmp.RESP_IN);
            assertThat(d.value(node)).isEqualTo(2);
            assertThat(d.field(d.parent(node))).isEqualTo(Icmp.ICMP);
            // after the sequence numbers, before the data, as Wireshark shows it
            assertThat(d.find(Icmp.SEQ_LE)).isLessThan(node);
            assertThat(d.find(Icmp.DATA)).isGreaterThan(node);
            StringBuilder tree = new StringBuilder();
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    [Response frame: 2]\n");

            facts.decode(1, d);
            assertThat(d.infoColumn()).endsWith(" (request in 1)");
            facts.decode(2, d);
            assertThat(d.infoColumn()).endsWith(" (no response found!)");
            assertThat(d.has(Icmp.NO_RESP)).isTrue();

            facts.decode(7, d);
            assertThat(d.infoColumn()).startsWith("[TCP Retransmission] 40000 → 80");
            assertThat(d.valueOf(Tcp.STREAM, -1)).isZero();
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    [Stream index: 0]\n", "    [SEQ/ACK analysis]\n",
                    "            [This frame is a (suspected) retransmission (Note)]\n");
            int analysis = d.find(Tcp.ANALYSIS);
            assertThat(d.find(Tcp.PAYLOAD)).isGreaterThan(analysis);
            assertThat(d.find(Tcp.STREAM)).isLessThan(d.find(Tcp.LEN));
        }
    }

    @Test
    void filtersOnTheFactsSelectTheSameFramesAsTshark() throws Exception {
        try (Capture c = Capture.open(capture())) {
            FramePipeline p = FramePipeline.of(c);
            assertThat(select(p, "icmp.no_resp")).isEqualTo("{2}");
            assertThat(select(p, "icmp.resp_in == 2")).isEqualTo("{0}");
            assertThat(select(p, "icmp.resp_to")).isEqualTo("{1}");
            assertThat(select(p, "tcp.analysis.retransmission")).isEqualTo("{7}");
            assertThat(select(p, "tcp.stream == 0")).isEqualTo("{3, 4, 5, 6, 7}");
            assertThat(select(p, "tcp.stream == 3")).isEqualTo("{}");
        }
    }

    private static String select(FramePipeline p, String text) throws Exception {
        CompiledFilter f = CompiledFilter.compile(text);
        BitSet b = p.select(f, dev.cutover.capture.LoadMonitor.NONE);
        return b.toString();
    }
}
