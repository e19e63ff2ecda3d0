package dev.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.capture.PcapngWriter;
import dev.cutover.testsupport.CliRun;
import dev.cutover.testsupport.MigrationFrames;
import dev.cutover.testsupport.CsvText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture whose interface is named with a NUL, a newline and an escape sequence, whose first frame carries a
 * comment in Greek, Russian, Czech and Chinese and whose second is annotated with a comment of a megabyte: every
 * text output (dissect's tree and JSON lines, analyze, the HTML, PDF, JSON and CSV reports) carries that text as
 * text: escaped where a terminal would act on it, whole where the format holds it, no line forged.
 */
class HostileCaptureTextTest {
    private static final byte[] RARP = MigrationFrames.RARP_VLAN10;
    private static final byte[] GARP = MigrationFrames.GARP;
    private static final String INTERFACE = "vmnic5\u0000\nFrame 9: forged\u001b[2J";
    private static final String UNICODE = "Ελληνικά, русский, Čeština, 切换";
    private static final String HUGE = "x".repeat(1 << 20);

    @TempDir
    Path dir;
    private Path capture;

    @BeforeEach
    void write() throws Exception {
        capture = dir.resolve("uplink.pcapng");
        try (OutputStream os = Files.newOutputStream(capture); PcapngWriter w = new PcapngWriter(os, "test")) {
            int iface = w.addInterface(1, 65535, INTERFACE, "uplink\u0007 of esxi-02", 9);
            long t = 1_700_000_000_000_000_000L;
            w.write(iface, t, RARP, 0, RARP.length, RARP.length, List.of(UNICODE), 0);
            w.write(iface, t + 50_000_000L, GARP, 0, GARP.length, GARP.length, List.of(), 0);
        }
        assertThat(CliRun.of("annotate", capture.toString(), "--frame", "2", "--comment", HUGE).code()).isZero();
    }

    private static void noRawControl(String text) {
        assertThat(text).doesNotContain("\u0000", "\u001b", "\u0007");
    }

    @Test
    void dissectTextEscapesTheNameAndForgesNoLine() {
        CliRun run = CliRun.of("dissect", "--no-hex", capture.toString());
        assertThat(run.code()).isZero();
        noRawControl(run.out());
        assertThat(run.out()).contains("vmnic5\\x00").contains("Comment: " + UNICODE).contains(HUGE)
                .doesNotContain("\nFrame 9: forged");
    }

    @Test
    void jsonLinesCarryEveryTextExactly() throws Exception {
        CliRun run = CliRun.of("dissect", "--format", "jsonl", capture.toString());
        assertThat(run.code()).isZero();
        noRawControl(run.out());
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(lines.get(0)).get("frame.comment").asText()).isEqualTo(UNICODE);
        assertThat(json.readTree(lines.get(1)).get("frame.comment").asText()).isEqualTo(HUGE);
        assertThat(json.readTree(lines.get(0)).get("frame.interface_name").asText()).isEqualTo(INTERFACE);
    }

    @Test
    void analyzeTextEscapesTheName() {
        CliRun run = CliRun.of("analyze", capture.toString());
        assertThat(run.code()).isZero();
        noRawControl(run.out());
        assertThat(run.out()).doesNotContain("\nFrame 9: forged");
    }

    @Test
    void theHtmlReportEscapesAndKeepsEverything() throws Exception {
        String html = report("html");
        noRawControl(html);
        assertThat(html).contains(UNICODE).contains(HUGE);
    }

    @Test
    void theJsonReportCarriesEveryTextExactly() throws Exception {
        String text = report("json");
        noRawControl(text);
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.toString()).contains(new ObjectMapper().writeValueAsString(INTERFACE));
        List<String> comments = new ArrayList<>();
        root.findValues("comments").forEach(n -> n.forEach(c -> comments.add(c.asText())));
        assertThat(comments).contains(UNICODE, HUGE);
    }

    @Test
    void theCsvReportParsesBackToTheSameText() throws Exception {
        List<List<String>> rows = CsvText.rows(report("csv"));
        assertThat(rows).hasSize(3);
        List<String> cells = new ArrayList<>();
        rows.forEach(cells::addAll);
        assertThat(cells).contains(UNICODE, HUGE);
        assertThat(String.join("", cells)).doesNotContain("\u001b", "\u0007");
    }

    @Test
    void thePdfReportKeepsTheScriptsAndClipsTheMegabyte() throws Exception {
        Path pdf = dir.resolve("r.pdf");
        assertThat(CliRun.of("report", capture.toString(), "--format", "pdf", "-o", pdf.toString()).code()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Ελληνικά, русский, Čeština, ").doesNotContain("\nFrame 9: forged", "\u0000", "\u001b", "?????");
            assertThat(text.replaceAll("\\s+", " ")).contains("on vmnic5\\x00\\x0aFrame 9: forged\\x1b[2J")
                    .contains("(1,048,576 characters in all: the HTML, JSON and CSV reports hold the whole comment)");
            // a ticket's attachment: the megabyte is cut to a few pages, not four hundred
            assertThat(doc.getNumberOfPages()).isLessThan(12);
        }
    }

    private String report(String format) throws Exception {
        Path out = dir.resolve("r." + format);
        CliRun run = CliRun.of("report", capture.toString(), "--format", format, "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
