package dev.cutover.ui.selection;

import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Ethernet;
import dev.cutover.ui.UiFixtures;
import dev.cutover.ui.details.DetailNode;
import dev.cutover.ui.details.DetailsViewModel;
import dev.cutover.ui.hex.HexRange;
import dev.cutover.ui.hex.HexViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cutover.testsupport.MigrationFrames;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The details tree and the hex dump, joined by the selection model, without a window. */
class FieldSelectionTest {
    private Capture capture;
    private final FieldSelection selection = new FieldSelection();
    private final DetailsViewModel details = new DetailsViewModel(selection);
    private final HexViewModel hex = new HexViewModel(selection);

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(UiFixtures.SAMPLE);
        selection.setCapture(capture);
        selection.showFrame(UiFixtures.FIRST_RARP);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void theTreeListsProtocolsWithFieldsAndGeneratedOnesInBrackets() {
        List<DetailNode> roots = details.rootsProperty().get();
        assertThat(roots).extracting(DetailNode::abbrev).contains("frame", "eth", "vlan", "arp");
        DetailNode arp = roots.stream().filter(n -> n.abbrev().equals("arp")).findFirst().orElseThrow();
        assertThat(arp.label()).startsWith("Address Resolution Protocol");
        assertThat(arp.children()).extracting(DetailNode::label).contains("Opcode: reverse request (3)");
        assertThat(arp.children()).extracting(DetailNode::label).anyMatch(l -> l.startsWith("[Migration notification"));
        // hidden fields (eth.addr) are not in the tree
        assertThat(all(roots)).extracting(DetailNode::abbrev).doesNotContain("eth.addr", "eth.src.oui");
        assertThat(hex.bytesProperty().get()).hasSize(64);
    }

    @Test
    void selectingAFieldHighlightsItsBytesAndItsProtocolsLightly() {
        Dissection d = selection.frameProperty().get().dissection();
        int opcode = d.find(Arp.OPCODE);
        details.select(node(opcode));
        assertThat(hex.highlightsProperty().get()).containsExactly(
                new HexRange(18, 28, HexRange.Kind.PROTOCOL), new HexRange(24, 2, HexRange.Kind.FIELD));
        details.select(null);
        assertThat(hex.highlightsProperty().get()).isEmpty();
    }

    @Test
    void clickingAByteSelectsTheDeepestVisibleFieldCoveringIt() {
        Dissection d = selection.frameProperty().get().dissection();
        hex.clickByte(25);
        assertThat(details.selectedNodeProperty().get()).isEqualTo(d.find(Arp.OPCODE));
        hex.clickByte(0);
        // eth.dst's bit fields cover its first three bytes; a hidden field never wins
        int n = details.selectedNodeProperty().get();
        assertThat(d.field(n).hidden()).isFalse();
        assertThat(d.field(n) == Ethernet.DST || d.parent(n) == d.find(Ethernet.DST)).isTrue();
        assertThat(hex.describeByte(25)).isEqualTo("Opcode (arp.opcode)");
        assertThat(hex.highlightsProperty().get()).isNotEmpty();
    }

    @Test
    void anotherFrameClearsTheFieldSelection() {
        hex.clickByte(25);
        selection.showFrame(0);
        assertThat(details.selectedNodeProperty().get()).isEqualTo(-1);
        assertThat(hex.highlightsProperty().get()).isEmpty();
        assertThat(hex.bytesProperty().get()).hasSize(422);
    }

    private DetailNode node(int n) {
        return all(details.rootsProperty().get()).stream().filter(x -> x.node() == n).findFirst().orElseThrow();
    }

    private static List<DetailNode> all(List<DetailNode> roots) {
        List<DetailNode> out = new java.util.ArrayList<>();
        for (DetailNode r : roots) {
            out.add(r);
            out.addAll(all(r.children()));
        }
        return out;
    }

    @Test
    void aCommentOfSeveralLinesIsOneLineOfTheTree(@TempDir Path dir) throws Exception {
        Path file = MigrationFrames.rarpPcapng(dir.resolve("uplink.pcapng"),
                "vmnic5\nforged", "moved\nFrame 2: forged\u001b[2J");
        try (Capture hostile = Capture.open(file)) {
            selection.setCapture(hostile);
            selection.showFrame(0);
            List<String> labels = all(details.rootsProperty().get()).stream().map(DetailNode::label).toList();
            assertThat(labels).contains("Comment: moved\\x0aFrame 2: forged\\x1b[2J");
            assertThat(labels).allSatisfy(l -> assertThat(l).doesNotContain("\n", "\u001b"));
        }
    }
}
