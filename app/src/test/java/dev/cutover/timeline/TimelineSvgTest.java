package dev.cutover.timeline;

import dev.cutover.capture.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The SVG export parses as XML and holds the lanes, marks, bracket and delay. */
class TimelineSvgTest {
    @Test
    void writesAParsableSvgOfTheQemuMigration(@TempDir Path dir) throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.QEMU);
        Path file = dir.resolve("timeline.svg");
        AtomicFiles.write(file, out -> {
            OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TimelineSvg.write(m, w);
            w.flush();
        });
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        Element svg = doc.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(1200);
        assertThat(count(doc, "g", "lane")).isEqualTo(1);
        assertThat(count(doc, "polygon", "mark rarp")).isEqualTo(5);
        assertThat(count(doc, "circle", "mark garp")).isGreaterThanOrEqualTo(1);
        assertThat(count(doc, "path", "burst")).isEqualTo(1);
        assertThat(count(doc, "line", "delay")).isEqualTo(1);
        assertThat(count(doc, "polyline", "rate rarp")).isEqualTo(1);
        assertThat(count(doc, "polyline", "rate arp")).isEqualTo(1);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("52:54:00:6b:3a:10", "VLAN 20 · 10.0.20.15", "5 RARP in 800 ms",
                "QEMU announce-self", "RARP→GARP +22.963 ms", "RARP notification", "gratuitous ARP", "frame ", "ARP frames per");
    }

    @Test
    void escapesText() {
        // a control character XML forbids shows where it was (U+FFFD) instead of vanishing
        assertThat(TimelineSvg.esc("a<b & \"c\">\u0001")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;\uFFFD");
    }

    private static int count(Document doc, String tag, String cls) {
        NodeList l = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        int n = 0;
        for (int i = 0; i < l.getLength(); i++) {
            if (cls.equals(((Element) l.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void unsolicitedNeighborAdvertisementsHaveTheirOwnShapeAndLegend(@TempDir Path dir) throws Exception {
        TimelineModel m = TimelineFixtures.of(TimelineFixtures.DUAL_STACK);
        Path file = dir.resolve("timeline.svg");
        AtomicFiles.write(file, out -> {
            OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            TimelineSvg.write(m, w);
            w.flush();
        });
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        // the two advertisements are 40 µs apart: at this scale they share one spot, drawn once
        assertThat(count(doc, "polygon", "mark na")).isEqualTo(1);
        assertThat(count(doc, "polygon", "legend-mark na")).isEqualTo(1);
        assertThat(java.nio.file.Files.readString(file)).contains(">unsolicited NA<");
    }
}
