package dev.cutover.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutover.capture.PcapWriter;
import dev.cutover.testsupport.MigrationFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end on real files: output, messages and exit codes. */
class CommandLineTest {
    private static final byte[] RARP = MigrationFrames.RARP_VLAN10;
    private static final byte[] GARP = MigrationFrames.GARP;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    /** Runs the command line as a user would, with standard output and error captured. */
    private int run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            return CutoverCommand.commandLine(dev.cutover.cli.Desktop.NONE, args).execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            out.write(stdout.toString(StandardCharsets.UTF_8));
            err.write(errBytes.toString(StandardCharsets.UTF_8));
        }
    }

    private Path capture(String name, byte[]... frames) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, 1, 65535, false)) {
            long t = 1_700_000_000_000_000_000L;
            for (byte[] f : frames) {
                w.write(t, f, 0, f.length, f.length);
                t += 50_000_000L;
            }
        }
        return file;
    }

    @Test
    void dissectJsonlGivesTsharkStyleValuesOneObjectPerFrame() throws IOException {
        Path file = capture("vmnic1.pcap", RARP, GARP);
        assertThat(run("dissect", "--format", "jsonl", file.toString())).isEqualTo(ExitCodes.OK);
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("frame.number").asText()).isEqualTo("1");
        assertThat(first.get("frame.interface_name").asText()).isEqualTo("vmnic1.pcap");
        assertThat(first.get("eth.type").asText()).isEqualTo("0x8100");
        assertThat(first.get("vlan.id").asText()).isEqualTo("10");
        assertThat(first.get("arp.opcode").asText()).isEqualTo("3");
        assertThat(first.get("migration.notification").asText()).isEqualTo("1");
        assertThat(first.get("eth.addr").isArray()).isTrue();
        assertThat(first.get("eth.addr").get(1).asText()).isEqualTo("00:50:56:9d:b0:51");
        JsonNode second = json.readTree(lines[1]);
        assertThat(second.get("arp.isgratuitous").asText()).isEqualTo("1");
        assertThat(second.get("arp.isannouncement").asText()).isEqualTo("1");
        assertThat(second.has("arp.isprobe")).isFalse();
        assertThat(second.get("frame.time_delta").asText()).isEqualTo("0.050000000");
    }

    @Test
    void dissectTextShowsTheTreeAndTheHexDump() throws IOException {
        Path file = capture("vmnic1.pcap", RARP);
        assertThat(run("dissect", file.toString())).isEqualTo(ExitCodes.OK);
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 10")
                .contains("Opcode: reverse request (3)")
                .contains("0000  ff ff ff ff ff ff 00 50  56 9d b0 51 81 00 00 0a");
    }

    @Test
    void infoTellsWhatCapinfosTells() throws IOException {
        Path file = capture("vmnic1.pcap", RARP, GARP);
        assertThat(run("info", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Number of frames:    2").contains("Capture duration:    0.050000 seconds")
                .contains("File encapsulation:  Ethernet");
    }

    @Test
    void aFileThatIsNotACaptureExitsOneWithItsNameAndWhy() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a capture");
        assertThat(run("info", file.toString())).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(err.toString()).contains("notes.txt").contains("not a pcap or pcapng capture")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThat(run("dissect", dir.resolve("nope.pcap").toString())).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(err.toString()).contains("nope.pcap: no such file");
    }

    @Test
    void aCaptureCutShortPrintsWhatWasReadAndExitsThree() throws IOException {
        Path file = capture("cut.pcap", RARP, GARP);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 10));
        assertThat(run("dissect", "--format", "jsonl", file.toString())).isEqualTo(ExitCodes.DAMAGED);
        assertThat(stdout.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1);
        assertThat(err.toString()).contains("cut.pcap: frame 2 at byte ").contains("cut short");
    }

    @Test
    void aDisplayFilterSelectsFramesAndKeepsTheirNumbers() throws IOException {
        Path file = capture("vmnic1.pcap", RARP, GARP);
        assertThat(run("dissect", "--format", "jsonl", "-Y", "arp.isgratuitous && !vlan", file.toString()))
                .isEqualTo(ExitCodes.OK);
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("\"frame.number\":\"2\"");
    }

    @Test
    void aBadDisplayFilterIsShownWithACaretAndExitsTwo() throws IOException {
        Path file = capture("vmnic1.pcap", RARP);
        assertThat(run("dissect", "-Y", "arp.opcod == 3", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("arp.opcod == 3").contains("^").contains("arp.opcode")
                .doesNotContain("Exception");
    }

    @Test
    void theAnalysisFactsAreFilterableFields() {
        String silent = "../sample-captures/silent-vm-rarp-no-garp.pcap";
        assertThat(run("dissect", "--format", "jsonl", "-Y", "migration.finding == \"rarp-without-garp\"", silent))
                .isEqualTo(ExitCodes.OK);
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(6).allSatisfy(l -> assertThat(l)
                .contains("\"migration.class\":\"RARP request\"")
                .contains("\"migration.burst\":\"1\"")
                .contains("\"migration.pattern\":\"esxi-notify-switches\""));
        assertThat(lines[0]).contains("\"frame.number\":\"42\"");
    }

    @Test
    void analyzeTakesADisplayFilterAndAnalysesOnlyWhatItSelects() {
        String sample = "../sample-captures/vlan-mismatch.pcap";
        assertThat(run("analyze", sample)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("error    vlan-mismatch").doesNotContain("garp-without-rarp");
        stdout.reset();
        out.getBuffer().setLength(0);
        // Only the guest's side (VLAN 20): a GARP with no RARP.
        assertThat(run("analyze", "-Y", "vlan.id == 20", sample)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("garp-without-rarp").doesNotContain("error    vlan-mismatch");
        assertThat(run("analyze", "-Y", "vlan.idd == 20", sample)).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("dissect", "--format", "xml", "x.pcap")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theHelpListsEveryCommandAndEachCommandStandsAlone() {
        String[] names = {"info", "dissect", "analyze", "fields", "capture", "interfaces", "annotate", "report",
                "export"};
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        String help = out.toString();
        for (String name : names) {
            assertThat(help).containsPattern("(?m)^\\s+" + name + "\\s");
        }
        for (String name : names) {
            out.getBuffer().setLength(0);
            stdout.reset();
            // only the named command is built for its own arguments: its help must still be whole
            assertThat(run(name, "--help")).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).startsWith("Usage: cutover " + name);
        }
        // a misspelt command is not a command: it is taken as a file, and named as one that cannot be read
        assertThat(run("analyse")).isNotEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("analyse");
    }

    @Test
    void fieldsListsTheCatalogue() {
        assertThat(run("fields")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("F\tarp.opcode\tunsigned integer, 2 bytes")
                .contains("F\tmigration.notification\tboolean").contains("P\tvlan\tprotocol");
        // the finding field's values are the analysis's declared codes, every one of them
        String finding = out.toString().lines().filter(l -> l.startsWith("F\tmigration.finding\t")).findFirst()
                .orElseThrow();
        StringBuilder codes = new StringBuilder();
        for (dev.cutover.analysis.FindingCode c : dev.cutover.analysis.FindingCode.values()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(c.id());
        }
        assertThat(finding).endsWith("one per finding; one of " + codes);
    }

    @Test
    void aFailureWithoutAMessageIsNamedWithWhereItHappenedNotPrintedAsNull() {
        Throwable npe;
        try {
            Object nothing = null;
            nothing.hashCode();
            throw new AssertionError("unreachable");
        } catch (NullPointerException e) {
            npe = e;
        }
        npe = new IllegalStateException((String) null, npe);
        assertThat(CutoverCommand.failure(npe))
                .startsWith("internal error: IllegalStateException at dev.cutover.cli.CommandLineTest.")
                .endsWith("please report it with the command line")
                .doesNotContain("null");
        assertThat(CutoverCommand.failure(new java.io.IOException("x.pcap: frame 3: truncated")))
                .isEqualTo("x.pcap: frame 3: truncated");
        assertThat(CutoverCommand.failure(new OutOfMemoryError("Java heap space")))
                .startsWith("out of memory (Java heap space)");
    }
}
