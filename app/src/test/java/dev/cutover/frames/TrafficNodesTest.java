package dev.cutover.frames;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.dissect.FieldFormat;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            // the reply's response time follows its request frame, in milliseconds as packet-icmp.c writes it
            int to = d.find(Icmp.RESP_TO);
            assertThat(d.find(Icmp.RESPTIME)).isEqualTo(to + 1);
            assertThat(FieldFormat.value(d, to + 1)).isEqualTo("1");
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    [Request frame: 1]\n    [Response time: 1.000 ms]\n");
            facts.decode(2, d);
            assertThat(d.infoColumn()).endsWith(" (no response found!)");
            assertThat(d.has(Icmp.NO_RESP)).isTrue();
            // Wireshark's warning under it, so the list colours an unanswered ping as it colours any warning
            int warning = d.find(Icmp.RESP_NOT_FOUND.field());
            assertThat(d.parent(warning)).isEqualTo(d.find(Icmp.NO_RESP));
            assertThat(d.worstSeverity()).isEqualTo(dev.cutover.dissect.Severity.WARNING);
            tree.setLength(0);
            DissectionText.appendTree(tree, d);
            assertThat(tree.toString()).contains("    [No response seen]\n        [No response seen to ICMP request "
                    + "(Warning)]\n");

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
            // icmp.resptime is a double, compared as one, with any of strtod's spellings
            assertThat(select(p, "icmp.resptime")).isEqualTo("{1}");
            assertThat(select(p, "icmp.resptime == 1")).isEqualTo("{1}");
            assertThat(select(p, "icmp.resptime == 1.0e0")).isEqualTo("{1}");
            assertThat(select(p, "icmp.resptime > 0.999")).isEqualTo("{1}");
            assertThat(select(p, "icmp.resptime > 1")).isEqualTo("{}");
            assertThat(select(p, "icmp.resptime < .5")).isEqualTo("{}");
            assertThat(select(p, "icmp.resptime in {0.5..1.5}")).isEqualTo("{1}");
            assertThat(select(p, "icmp.resptime != 2")).isEqualTo("{1}");
        }
    }

    @Test
    void aResponseTimeFilterWithoutANumberIsRefusedAsTsharkRefusesIt() {
        assertThatThrownBy(() -> CompiledFilter.compile("icmp.resptime == fast"))
                .hasMessageContaining("\"fast\" is not a valid number for icmp.resptime");
        assertThatThrownBy(() -> CompiledFilter.compile("icmp.resptime > 1e999"))
                .hasMessageContaining("causes floating-point overflow");
        assertThatThrownBy(() -> CompiledFilter.compile("icmp.resptime & 1"))
                .hasMessageContaining("cannot be used with \"&\"");
    }

    /**
     * Response times of crafted echo pairs (microsecond and nanosecond pcaps) and what tshark 4.0.17 printed for
     * each with -T fields -e icmp.resptime: 15 significant digits of the double that seconds * 1000 + nanoseconds /
     * 1e6 gives, where the shortest form of the same double would say 1632.0990000000002.
     */
    @Test
    void responseTimesAreWrittenAsTsharkWritesThem() {
        long[] nanos = {1_632_099_000L, 2_218_356_000L, 7_929_444_000L, 4_927_315_000L, 1_265_994_000L,
                188_272_034_085L, 996_001_629_979L, 790_631L, 400_000L, 1_000_000L, 1_572_000L};
        String[] tshark = {"1632.099", "2218.356", "7929.444", "4927.315", "1265.994", "188272.034085",
                "996001.629979", "0.790631", "0.4", "1", "1.572"};
        for (int i = 0; i < nanos.length; i++) {
            assertThat(FieldFormat.fifteenDigits(TrafficNodes.milliseconds(nanos[i]))).as("%d ns", nanos[i])
                    .isEqualTo(tshark[i]);
        }
        // the double itself is Wireshark's: tshark -Y 'icmp.resptime == 1632.099' kept no frame of that pair
        assertThat(TrafficNodes.milliseconds(1_632_099_000L)).isNotEqualTo(1632.099);
        assertThat(FieldFormat.fifteenDigits(1e-5)).isEqualTo("1e-05");
        assertThat(FieldFormat.fifteenDigits(-2.5e15)).isEqualTo("-2.5e+15");
        assertThat(FieldFormat.fifteenDigits(123456789012345.6)).isEqualTo("123456789012346");
    }

    private static String select(FramePipeline p, String text) throws Exception {
        CompiledFilter f = CompiledFilter.compile(text);
        BitSet b = p.select(f, dev.cutover.capture.LoadMonitor.NONE);
        return b.toString();
    }
}
