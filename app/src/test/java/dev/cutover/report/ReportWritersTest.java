package dev.cutover.report;

import dev.cutover.export.DissectionCsv;
import dev.cutover.frames.Column;
import dev.cutover.frames.FramePipeline;
import dev.cutover.testsupport.Samples;
import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.filter.CompiledFilter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each report format from one model: HTML parsed, PDF read back, the JSON's schema, the CSV's columns. */
class ReportWritersTest {
    @TempDir
    Path dir;
    private Capture capture;
    private AnnotationStore notes;
    private ReportModel model;

    @BeforeEach
    void build() throws Exception {
        Path file = Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        capture = Capture.open(file);
        notes = AnnotationStore.load(file);
        notes.put(new Annotation(41, Samples.HOSTILE, List.of("cut-over", "first RARP")));
        notes.put(new Annotation(44, "", List.of(Annotation.EVIDENCE)));
        model = new ReportBuilder().build(FramePipeline.of(capture).withAnnotations(notes).withAnalysis(
                MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE)), null, null);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        capture.close();
    }

    @Test
    void modelHoldsTheAnnotatedFramesDecoded() {
        assertThat(model.frames()).extracting(ReportModel.ReportFrame::number).containsExactly(41, 44);
        ReportModel.ReportFrame first = model.frames().get(0);
        assertThat(first.protocol()).isEqualTo("RARP");
        assertThat(first.comments()).containsExactly(Samples.HOSTILE);
        assertThat(first.tags()).containsExactly("cut-over", "first RARP");
        assertThat(first.tree()).anyMatch(l -> l.contains("Opcode"));
        assertThat(first.hex()).startsWith("0000  ");
        assertThat(model.analysis().migrations()).hasSize(1);
        assertThat(model.chart().rows()).hasSize(1);
        assertThat(model.chart().rows().get(0).marks()).extracting(ReportModel.ChartMark::kind)
                .contains("RARP", "GARP");
    }

    @Test
    void htmlIsSelfContainedAndEscapesEveryText() throws Exception {
        String html = HtmlReport.render(model);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;")
                .doesNotContain("src=\"http").doesNotContain("href=\"http");
        NodeList quotes = doc.getElementsByTagName("blockquote");
        assertThat(quotes.getLength()).isEqualTo(1);
        assertThat(quotes.item(0).getTextContent()).isEqualTo(Samples.HOSTILE);
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(1);
        // the caption names the shapes the chart draws: RARP triangles (polygons), GARP circles
        assertThat(texts(doc, "figcaption")).singleElement().asString()
                .contains("RARP notifications as blue triangles", "gratuitous ARP as orange circles")
                .doesNotContain("bars");
        assertThat(doc.getElementsByTagName("polygon").getLength()).isPositive();
        assertThat(doc.getElementsByTagName("circle").getLength()).isPositive();
        assertThat(doc.getElementsByTagName("style").getLength()).isEqualTo(1);
        List<String> headings = texts(doc, "h2");
        assertThat(headings).containsExactly("Capture summary", "Migrations", "Timeline", "Findings",
                "Annotated frames");
        assertThat(texts(doc, "h3")).hasSize(2).allMatch(h -> h.startsWith("Frame 4"));
        assertThat(html).contains("00:50:56:9d:b0:51");
    }

    @Test
    void pdfReadsBackWithTheSameContent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(model, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo(model.title());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Capture summary", "Migrations", "Timeline", "Findings", "Annotated frames",
                    "00:50:56:9d:b0:51", "Frame 41", "Comment: " + Samples.HOSTILE, "Tags: cut-over, first RARP",
                    "Frame 44", "+0.000 s");
        }
    }

    @Test
    void pdfKeepsGreekCyrillicAndCzechAndShowsWhatNoFontHasAsAReplacementCharacter() throws Exception {
        notes.put(new Annotation(41, "Ελληνικά, русский, Čeština → 切换 \uD83E\uDEE8\tdone \u001b[2J\nzweite Zeile",
                List.of("Übergabe")));
        ReportModel m = new ReportBuilder().build(FramePipeline.of(capture).withAnnotations(notes)
                .withAnalysis(MigrationAnalyzer.analyze(capture)), null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(m, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(doc);
            // DejaVu Sans has the arrow but no Chinese: the Chinese comes from a CJK font where the machine has
            // one, else each character is U+FFFD, never '?'; the Unicode 15 emoji no font here has is U+FFFD
            boolean cjk = PdfReport.FALLBACK_FONTS.stream().anyMatch(f -> java.nio.file.Files.isRegularFile(
                    java.nio.file.Path.of(f)));
            assertThat(text).contains("Ελληνικά, русский, Čeština → " + (cjk ? "切换" : "\uFFFD\uFFFD")
                            + " \uFFFD    done \\x1b[2J", "\nzweite Zeile", "Tags: Übergabe");
            assertThat(text).doesNotContain("\u001b");
        }
        // the fonts go in as subsets: the file stays small
        assertThat(out.size()).isLessThan(400_000);
    }

    @Test
    void aCjkFontWithOnlyCffOutlinesIsPassedOverForTheNextOneNotAFailedReport() throws Exception {
        String noto = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
        String droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(noto))
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(droid)),
                "needs Debian's fonts-noto-cjk and fonts-droid-fallback (.ci/run installs both)");
        notes.put(new Annotation(41, "迁移完成", List.of()));
        ReportModel m = new ReportBuilder().build(FramePipeline.of(capture).withAnnotations(notes)
                .withAnalysis(MigrationAnalyzer.analyze(capture)), null, null);
        // Noto Sans CJK alone: its CFF outlines cannot be subset, so the characters have no font, not the report
        ByteArrayOutputStream onlyNoto = new ByteArrayOutputStream();
        PdfReport.write(m, onlyNoto, List.of(noto));
        try (PDDocument doc = Loader.loadPDF(onlyNoto.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Comment: \uFFFD\uFFFD\uFFFD\uFFFD");
        }
        // Noto first, Droid Sans Fallback next: Droid draws them
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        PdfReport.write(m, both, List.of(noto, droid));
        try (PDDocument doc = Loader.loadPDF(both.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Comment: 迁移完成");
        }
        assertThat(both.size()).isLessThan(400_000);
    }

    @Test
    void jsonCarriesTheSchemaTheAnalysisAndTheAnnotations() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(model, out);
        JsonNode root = new ObjectMapper().readTree(out.toByteArray());
        assertThat(root.get("schema").asInt()).isEqualTo(ReportModel.SCHEMA);
        assertThat(root.has("chartSvg")).isFalse();
        assertThat(root.get("summary").get("frames").asInt()).isEqualTo(capture.frameCount());
        assertThat(root.get("analysis").get("migrations").get(0).get("mac").asText()).isEqualTo("00:50:56:9d:b0:51");
        assertThat(root.get("annotations").get(0).get("comment").asText()).isEqualTo(Samples.HOSTILE);
        assertThat(root.get("annotations").get(1).get("tags").get(0).asText()).isEqualTo("evidence");
        JsonNode frame = root.get("frames").get(0);
        assertThat(frame.get("number").asInt()).isEqualTo(41);
        assertThat(frame.get("tree").isArray()).isTrue();
        assertThat(frame.get("hex").asText()).startsWith("0000");
        assertThat(root.get("chart").get("rows").get(0).get("mac").asText()).isEqualTo("00:50:56:9d:b0:51");
    }

    @Test
    void csvHasTheChosenColumnsOneRowPerFrame() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FramePipeline frames = FramePipeline.of(capture).withAnnotations(notes);
        DissectionCsv.write(frames, null, DissectionCsv.DEFAULT_COLUMNS, out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(capture.frameCount() + 1);
        // the packet list's columns, the same declarations, then the tags
        assertThat(lines.get(0)).isEqualTo("\"No.\",\"Time\",\"Interface\",\"Source\",\"Destination\",\"VLAN\","
                + "\"Protocol\",\"Length\",\"Comment\",\"Info\",\"Tags\"");
        assertThat(lines.get(41)).startsWith("\"41\",").contains("\"RARP\"", "\"10\"")
                .contains("\"<script>alert(1)</script> & \"\"x\"\" [cut-over, first RARP]\"")
                .endsWith("\"cut-over, first RARP\"");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\r\n");

        out.reset();
        DissectionCsv.write(frames, CompiledFilter.compile("arp.opcode == 3"),
                Column.named(List.of("No.", "eth.src", "arp.dst.hw_mac", "frame.comment")), out);
        lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"No.\",\"eth.src\",\"arp.dst.hw_mac\",\"frame.comment\"");
        assertThat(lines).hasSize(1 + model.analysis().migrations().get(0).rarp().count());
        assertThat(lines.get(1)).startsWith("\"41\",\"00:50:56:9d:b0:51\",\"00:50:56:9d:b0:51\",");
        assertThatThrownBy(() -> Column.named(List.of("No.", "nonsense.field")))
                .hasMessageContaining("unknown column nonsense.field");
    }

    @Test
    void chartMarksHaveAMarkPerFrameOfEachMigration() {
        int marks = model.chart().rows().get(0).marks().size();
        assertThat(marks).isEqualTo(model.analysis().migrations().get(0).rarp().count()
                + model.analysis().migrations().get(0).garp().count());
        assertThat(model.chartSvg()).startsWith("<svg").contains("</svg>").doesNotContain("<script");
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList l = doc.getElementsByTagName(tag);
        List<String> r = new java.util.ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            r.add(((Element) l.item(i)).getTextContent());
        }
        return r;
    }

    @Test
    void theChartIsTheMigrationTimeline() throws Exception {
        try (var c = dev.cutover.capture.Capture.open(java.nio.file.Path.of("../sample-captures/qemu-announce-self.pcap"))) {
            String svg = TimelineChart.svg(c, MigrationAnalyzer.analyze(c));
            assertThat(svg).startsWith("<svg").contains("52:54:00:6b:3a:10");
            // the five RARPs of announce-self are drawn as triangles, as in the window
            assertThat(svg.split("<polygon", -1).length - 1).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void reportsListTheIpv6AddressesADualStackMoveAnnounced() throws Exception {
        Path file = Samples.copy("esxi-vmotion-dual-stack.pcap", dir);
        try (Capture dual = Capture.open(file)) {
            ReportModel m = new ReportBuilder().build(FramePipeline.of(dual).withAnalysis(
                    MigrationAnalyzer.analyze(dual, AnalysisConfig.DEFAULTS, LoadMonitor.NONE)), null, null);
            AnalysisJson.Na na = m.analysis().migrations().get(0).na();
            assertThat(na.ipv6s()).containsExactly("2001:db8:10::52", "fe80::250:56ff:fe9d:b051");
            assertThat(m.chart().rows().get(0).marks()).extracting(ReportModel.ChartMark::kind).contains("NA");
            String html = HtmlReport.render(m);
            assertThat(html).contains("<th>IPv6 addresses</th>", "2001:db8:10::52, fe80::250:56ff:fe9d:b051",
                    "+181 ms");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfReport.write(m, out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("NA: 2 from frame 46 2001:db8:10::52, fe80::250:56ff:fe9d:b051",
                        "RARP to NA +181 ms", "Green triangles: unsolicited NA");
            }
        }
    }

    @Test
    void aCaptureWithoutMigrationsSaysWhyAsTheCommandsAndTheWindowDo() throws Exception {
        Path file = Samples.copy("ipv6-dad-conflict.pcap", dir);
        try (Capture c = Capture.open(file)) {
            AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            ReportModel m = new ReportBuilder().build(FramePipeline.of(c).withAnalysis(r), null, null);
            String why = "its 1 unsolicited Neighbor Advertisement frame announces no MAC in a new place";
            assertThat(r.noMigrationReason()).isEqualTo(why);
            assertThat(m.summary().noMigration()).isEqualTo(why);
            assertThat(HtmlReport.render(m)).contains("<p>No migration found: " + why + ".</p>");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfReport.write(m, out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " "))
                        .contains("No migration found: " + why + ".");
            }
        }
        assertThat(model.summary().noMigration()).isNull();
    }
}
