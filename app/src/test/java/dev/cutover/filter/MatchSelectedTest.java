package dev.cutover.filter;

import dev.cutover.frames.FramePipeline;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.dissect.proto.Vlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** "Apply as Filter": the filter written for a field is the one Wireshark writes, and it selects the frame. */
class MatchSelectedTest {
    private static final Path SAMPLES = Path.of("../sample-captures");

    @Test
    void everyFieldOfEverySampleGivesAFilterThatCompilesAndSelectsItsOwnFrame() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLES)) {
            files = s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|txt)$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            try (Capture c = Capture.open(f)) {
                AnalysisResult facts = MigrationAnalyzer.analyze(c);
                FramePipeline.Reader decoder = FramePipeline.of(c).withAnalysis(facts).fullReader();
                Dissection d = new Dissection();
                for (int i = 0; i < c.frameCount(); i++) {
                    decoder.decode(i, d, Layer.ALL);
                    for (int n = 0; n < d.size(); n++) {
                        String text = MatchSelected.of(d, n);
                        if (text == null) {
                            continue;
                        }
                        CompiledFilter filter;
                        try {
                            filter = CompiledFilter.compile(text);
                        } catch (FilterException e) {
                            failures.add(f.getFileName() + " frame " + (i + 1) + ": " + text + " -> " + e.getMessage());
                            continue;
                        }
                        if (!filter.matches(d)) {
                            failures.add(f.getFileName() + " frame " + (i + 1) + ": " + text + " does not match");
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void theFirstRarpOfTheEsxiSampleGivesWiresharksFilters() throws Exception {
        try (Capture c = Capture.open(SAMPLES.resolve("esxi-vmotion-vlan10.pcap"))) {
            Dissection d = new Dissection();
            new FrameDecoder(c).decode(40, d, Layer.ALL);
            assertThat(MatchSelected.of(d, d.find(Arp.OPCODE))).isEqualTo("arp.opcode == 3");
            assertThat(MatchSelected.of(d, d.find(Ethernet.SRC))).isEqualTo("eth.src == 00:50:56:9d:b0:51");
            assertThat(MatchSelected.of(d, d.find(Ethernet.TYPE))).isEqualTo("eth.type == 0x8100");
            assertThat(MatchSelected.of(d, d.find(Vlan.ID))).isEqualTo("vlan.id == 10");
            assertThat(MatchSelected.of(d, d.find(Vlan.ETYPE))).isEqualTo("vlan.etype == 0x8035");
            assertThat(MatchSelected.of(d, d.find(Arp.SRC_PROTO_IPV4))).isEqualTo("arp.src.proto_ipv4 == 0.0.0.0");
            assertThat(MatchSelected.of(d, d.find(Arp.ARP))).isEqualTo("arp");
        }
    }

    @Test
    void combinesWithTheFilterInTheBarAsWiresharkDoes() {
        String sel = "arp.opcode == 3";
        assertThat(MatchSelected.combine("", sel, MatchSelected.Action.SELECTED)).isEqualTo(sel);
        assertThat(MatchSelected.combine("vlan.id == 10", sel, MatchSelected.Action.NOT_SELECTED))
                .isEqualTo("!(arp.opcode == 3)");
        assertThat(MatchSelected.combine("vlan.id == 10", sel, MatchSelected.Action.AND_SELECTED))
                .isEqualTo("(vlan.id == 10) && (arp.opcode == 3)");
        assertThat(MatchSelected.combine("vlan.id == 10", sel, MatchSelected.Action.OR_SELECTED))
                .isEqualTo("(vlan.id == 10) || (arp.opcode == 3)");
        assertThat(MatchSelected.combine("vlan.id == 10", sel, MatchSelected.Action.AND_NOT_SELECTED))
                .isEqualTo("(vlan.id == 10) && !(arp.opcode == 3)");
        assertThat(MatchSelected.combine("vlan.id == 10", sel, MatchSelected.Action.OR_NOT_SELECTED))
                .isEqualTo("(vlan.id == 10) || !(arp.opcode == 3)");
        // nothing applied yet: "…and Selected" is just the selection
        assertThat(MatchSelected.combine("  ", sel, MatchSelected.Action.AND_SELECTED)).isEqualTo(sel);
        assertThat(MatchSelected.combine("", sel, MatchSelected.Action.OR_NOT_SELECTED)).isEqualTo("!(arp.opcode == 3)");
    }

    @Test
    void stringsAreQuotedSoTheFilterReadsThemBack() throws Exception {
        String tricky = "say \"cut-over\" \\ now\tand\nthen";
        String literal = MatchSelected.quote(tricky);
        assertThat(literal).isEqualTo("\"say \\\"cut-over\\\" \\\\ now\\tand\\nthen\"");
        // the lexer gives back the very string
        CompiledFilter f = CompiledFilter.compile("frame.comment == " + literal);
        assertThat(f.text()).contains(literal);
    }
}
