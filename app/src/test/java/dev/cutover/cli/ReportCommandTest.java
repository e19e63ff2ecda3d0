package dev.cutover.cli;

import dev.cutover.testsupport.CliRun;
import dev.cutover.capture.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cutover annotate}, {@code report} and {@code export} end to end, and their failures. */
class ReportCommandTest {
    @TempDir
    Path dir;
    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private Path sample(String name) throws Exception {
        for (String folder : new String[] {"../sample-captures/", "sample-captures/"}) {
            Path p = Path.of(folder + name);
            if (Files.exists(p)) {
                return Files.copy(p, dir.resolve(name));
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void annotateThenReportEachFormat() throws Exception {
        String capture = sample("esxi-vmotion-vlan10.pcap").toString();
        assertThat(run("annotate", capture, "--frame", "41", "--comment", "<b>cut</b>", "--tag", "cut-over"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out).isEqualTo("41\t<b>cut</b> [cut-over]\n");
        assertThat(run("annotate", capture, "--frame", "41", "--tag", "evidence")).isEqualTo(ExitCodes.OK);
        assertThat(out).isEqualTo("41\t<b>cut</b> [cut-over, evidence]\n");
        assertThat(run("annotate", capture, "--frame", "44", "--comment", "GARP")).isEqualTo(ExitCodes.OK);
        assertThat(run("annotate", capture)).isEqualTo(ExitCodes.OK);
        assertThat(out).isEqualTo("41\t<b>cut</b> [cut-over, evidence]\n44\tGARP\n");
        assertThat(Files.exists(Path.of(capture + ".cutover.json"))).isTrue();

        for (String format : new String[] {"html", "pdf", "json", "csv"}) {
            Path target = dir.resolve("report." + format);
            assertThat(run("report", capture, "--format", format, "-o", target.toString(), "-Y",
                    "frame.comment contains \"evidence\"")).as(err).isEqualTo(ExitCodes.OK);
            assertThat(Files.size(target)).isPositive();
        }
        assertThat(Files.readString(dir.resolve("report.html"))).contains("&lt;b&gt;cut&lt;/b&gt;")
                .contains("id=\"frame-41\"").doesNotContain("id=\"frame-44\"");
        assertThat(Files.readAllLines(dir.resolve("report.csv"))).hasSize(2);

        assertThat(run("dissect", capture, "-Y", "frame.comment == \"GARP\"", "--no-hex")).isEqualTo(ExitCodes.OK);
        assertThat(out).startsWith("Frame 44:").contains("Comment: GARP");

        assertThat(run("annotate", capture, "--frame", "44", "--remove")).isEqualTo(ExitCodes.OK);
        assertThat(run("annotate", capture)).isEqualTo(ExitCodes.OK);
        assertThat(out).doesNotContain("44\t");
    }

    @Test
    void reportsCarryEachMigrationsOutcome() throws Exception {
        String vmnic5 = sample("stale-forwarding-vmnic5.pcapng").toString();
        String vusb2 = sample("stale-forwarding-vusb2.pcapng").toString();
        for (String format : new String[] {"html", "pdf", "json"}) {
            Path target = dir.resolve("outcome." + format);
            assertThat(run("report", vmnic5, vusb2, "--time-shift", "stale-forwarding-vusb2.pcapng=2.9", "--format",
                    format, "-o", target.toString())).as(err).isEqualTo(ExitCodes.OK);
        }
        assertThat(Files.readString(dir.resolve("outcome.html")))
                .contains("<th>Outcome</th>")
                .contains("<td class=\"outcome-bad\"><b>dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200</b>")
                .contains("stale: 15 frames on vmnic5 (601 to 633), the last 1400.500 ms after the first announcement");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("outcome.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Outcome: dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200 (bad)")
                    .contains("stale: 15 frames on vmnic5");
        }
        assertThat(Files.readString(dir.resolve("outcome.json")))
                .contains("\"summary\" : \"dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200\"");
    }

    @Test
    void everyOutcomeVerdictHasItsColourInTheHtmlReport() throws Exception {
        // the bundled sample's VM says nothing in its window: nothing to judge by, coloured as in the window
        Path target = dir.resolve("unknown.html");
        assertThat(run("report", sample("esxi-vmotion-vlan10.pcap").toString(), "--format", "html", "-o",
                target.toString())).as(err).isEqualTo(ExitCodes.OK);
        String html = Files.readString(target);
        assertThat(html).contains("<td class=\"outcome-unknown\"><b>");
        for (dev.cutover.analysis.MigrationOutcome.Verdict v : dev.cutover.analysis.MigrationOutcome.Verdict.values()) {
            assertThat(html).contains(".outcome-" + v.id() + " b{color:#");
        }
    }

    @Test
    void exportWritesAnnotatedFramesAsPcapng() throws Exception {
        String capture = sample("esxi-vmotion-vlan10.pcap").toString();
        run("annotate", capture, "--frame", "41", "--comment", "first RARP");
        Path target = dir.resolve("evidence.pcapng");
        assertThat(run("export", capture, "--annotated", "-o", target.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("wrote 1 frames");
        try (Capture back = Capture.open(target)) {
            assertThat(back.frameCount()).isEqualTo(1);
            assertThat(back.comments(0)).containsExactly("first RARP");
        }
    }

    @Test
    void failuresSayWhyAndLeaveNothingBehind() throws Exception {
        Path capture = sample("esxi-vmotion-vlan10.pcap");
        byte[] before = Files.readAllBytes(capture);
        assertThat(run("export", capture.toString(), "-o", capture.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("is one of the captures read");
        assertThat(Files.readAllBytes(capture)).isEqualTo(before);

        Path missing = dir.resolve("no-such-folder").resolve("r.html");
        assertThat(run("report", capture.toString(), "--format", "html", "-o", missing.toString()))
                .isEqualTo(ExitCodes.NOT_WRITTEN);
        assertThat(err).contains("cannot write").contains("no such folder");

        assertThat(run("report", capture.toString(), "--format", "csv", "--columns", "No.,bogus",
                "-o", dir.resolve("x.csv").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("unknown column bogus");
        assertThat(run("report", capture.toString(), "--format", "json", "-Y", "arp.opcode ==",
                "-o", dir.resolve("x.json").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("annotate", capture.toString(), "--frame", "100000", "--comment", "x"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("has frames 1 to");
        assertThat(dir.toFile().list()).containsExactly("esxi-vmotion-vlan10.pcap");
    }
}
