package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.capture.Capture;
import dev.cutover.capture.ClockOffsets;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.CliRun;
import dev.cutover.testsupport.TwoClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** --time-shift on the command line: what it changes, what info suggests, and what it refuses. */
class TimeShiftOptionTest {
    @TempDir
    Path dir;

    private Path vmnic5;
    private Path vusb2;
    private byte[] vmnic5Bytes;
    private byte[] vusb2Bytes;

    @BeforeEach
    void write() throws IOException {
        vmnic5 = TwoClocks.vmnic5(dir);
        vusb2 = TwoClocks.vusb2(dir);
        vmnic5Bytes = Files.readAllBytes(vmnic5);
        vusb2Bytes = Files.readAllBytes(vusb2);
    }

    private void assertFilesUnchanged() throws IOException {
        assertThat(Files.readAllBytes(vmnic5)).isEqualTo(vmnic5Bytes);
        assertThat(Files.readAllBytes(vusb2)).isEqualTo(vusb2Bytes);
    }

    /** frame.number, frame.interface_name and frame.time_epoch of each line of dissect's jsonl. */
    private static List<String> frames(String jsonl) {
        Pattern p = Pattern.compile("\"frame.interface_name\":\"([^\"]+)\".*\"frame.time_epoch\":\"([^\"]+)\""
                + ".*\"frame.number\":\"(\\d+)\"");
        return jsonl.lines().map(line -> {
            Matcher m = p.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            return m.group(3) + " " + m.group(1) + " " + m.group(2);
        }).toList();
    }

    @Test
    void infoSuggestsTheShiftAndApplyingItAlignsTheClocks() throws IOException {
        CliRun before = CliRun.of("info", vmnic5.toString(), vusb2.toString());
        assertThat(before.code()).isEqualTo(ExitCodes.OK);
        assertThat(before.out()).contains("vusb2.pcap runs 2.913 s behind vmnic5.pcap (4 frames seen in both); "
                + "to align: --time-shift vusb2.pcap=2.913");
        assertThat(before.out()).doesNotContain("Time shift:");
        assertThat(before.out()).contains("First frame time:    2023-11-14T22:14:57.087000000Z");

        String option = before.out().substring(before.out().indexOf("--time-shift ") + "--time-shift ".length())
                .strip();
        CliRun after = CliRun.of("info", vmnic5.toString(), vusb2.toString(), "--time-shift", option);
        assertThat(after.code()).isEqualTo(ExitCodes.OK);
        assertThat(after.err()).isEmpty();
        assertThat(after.out()).contains("Time shift:          +2.913 s, added to every time stamp (the file is "
                + "unchanged)");
        assertThat(after.out()).contains("First frame time:    2023-11-14T22:15:00.000000000Z");
        assertThat(after.out()).contains("vusb2.pcap and vmnic5.pcap agree within 1 ms (4 frames seen in both)");
        assertThat(after.out()).doesNotContain("to align");
        // and the offset left, measured, is nothing
        try (Capture c = Capture.open(List.of(vmnic5, vusb2), new long[] {0, 2_913_000_000L}, LoadMonitor.NONE,
                null, null)) {
            assertThat(ClockOffsets.fromFirst(c).get(1).offsetNanos()).isZero();
        }
        assertFilesUnchanged();
    }

    @Test
    void theMergeAndTheFrameTimesFollowTheShift() throws IOException {
        CliRun plain = CliRun.of("dissect", "--format", "jsonl", vmnic5.toString(), vusb2.toString());
        assertThat(plain.code()).isEqualTo(ExitCodes.OK);
        assertThat(frames(plain.out())).containsExactly(
                "1 vusb2.pcap 1700000097.087000000", "2 vusb2.pcap 1700000098.087000000",
                "3 vusb2.pcap 1700000099.000000000", "4 vusb2.pcap 1700000099.087000000",
                "5 vusb2.pcap 1700000099.187000000", "6 vmnic5.pcap 1700000100.000000000",
                "7 vmnic5.pcap 1700000100.500000000", "8 vmnic5.pcap 1700000101.000000000",
                "9 vmnic5.pcap 1700000102.000000000", "10 vmnic5.pcap 1700000102.100000000",
                "11 vmnic5.pcap 1700000103.000000000");

        // the file given by its path this time
        CliRun shifted = CliRun.of("dissect", "--format", "jsonl", "--time-shift", vusb2 + "=2.913",
                vmnic5.toString(), vusb2.toString());
        assertThat(shifted.code()).isEqualTo(ExitCodes.OK);
        assertThat(frames(shifted.out())).containsExactly(
                "1 vmnic5.pcap 1700000100.000000000", "2 vusb2.pcap 1700000100.000000000",
                "3 vmnic5.pcap 1700000100.500000000", "4 vmnic5.pcap 1700000101.000000000",
                "5 vusb2.pcap 1700000101.000000000", "6 vusb2.pcap 1700000101.913000000",
                "7 vmnic5.pcap 1700000102.000000000", "8 vusb2.pcap 1700000102.000000000",
                "9 vmnic5.pcap 1700000102.100000000", "10 vusb2.pcap 1700000102.100000000",
                "11 vmnic5.pcap 1700000103.000000000");

        // the other file moved back instead, to the nanosecond: the same order, on vusb2's clock
        CliRun back = CliRun.of("dissect", "--format", "jsonl", "--time-shift", "vmnic5.pcap=-2.913000001",
                vmnic5.toString(), vusb2.toString());
        assertThat(frames(back.out())).startsWith("1 vmnic5.pcap 1700000097.086999999",
                "2 vusb2.pcap 1700000097.087000000", "3 vmnic5.pcap 1700000097.586999999");
        assertFilesUnchanged();
    }

    @Test
    void theAnalysisSeesTheShiftedTimes() throws IOException {
        CliRun run = CliRun.of("analyze", "--format", "json", "--time-shift", "vusb2.pcap=2.913",
                vmnic5.toString(), vusb2.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        // each file caught the same three RARPs and GARP: aligned, every one is one frame on the wire, counted once
        // (vmnic5's copy, merged first), a second apart
        assertThat(run.out()).contains("\"firstTime\" : \"2023-11-14T22:15:00.000000000Z\"")
                .contains("\"copies\" : 4")
                .contains("\"rarpToGarpMs\" : 2100.0");
        com.fasterxml.jackson.databind.JsonNode rarp = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()).get("migrations").get(0).get("rarp");
        assertThat(rarp.get("count").asInt()).isEqualTo(3);
        assertThat(rarp.get("firstFrame").asInt()).isEqualTo(1);
        assertThat(rarp.get("lastFrame").asInt()).isEqualTo(7);
        CliRun plain = CliRun.of("analyze", "--format", "json", vmnic5.toString(), vusb2.toString());
        assertThat(plain.out()).contains("\"copies\" : 0");
    }

    @Test
    void aFilterSelectsTheFramesCaughtOnBothHostsAsCopiesOfTheirFirst() throws IOException {
        CliRun run = CliRun.of("dissect", "--format", "jsonl", "-Y", "migration.copy_of", "--time-shift",
                "vusb2.pcap=2.913", vmnic5.toString(), vusb2.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"frame.interface_name\":\"vusb2.pcap")
                .contains("\"migration.copy_of\""));
        // each names the frame of vmnic5.pcap just before it
        for (String l : lines) {
            Matcher m = Pattern.compile("\"migration.copy_of\":\"(\\d+)\".*\"frame.number\":\"(\\d+)\"|"
                    + "\"frame.number\":\"(\\d+)\".*\"migration.copy_of\":\"(\\d+)\"").matcher(l);
            assertThat(m.find()).as(l).isTrue();
            int copyOf = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int number = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            assertThat(copyOf).as(l).isEqualTo(number - 1);
        }
        CliRun unaligned = CliRun.of("dissect", "--format", "jsonl", "-Y", "migration.copy_of", vmnic5.toString(),
                vusb2.toString());
        assertThat(unaligned.out()).isEmpty();
    }

    @Test
    void anExportCarriesTheShiftedTimes() throws IOException {
        Path out = dir.resolve("merged.pcapng");
        CliRun run = CliRun.of("export", "--time-shift", "vusb2.pcap=2.913", "-o", out.toString(),
                vmnic5.toString(), vusb2.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        try (Capture c = Capture.open(out)) {
            assertThat(c.frameCount()).isEqualTo(11);
            assertThat(c.index().timestampNanos(1)).isEqualTo(TwoClocks.T);
            assertThat(c.index().timestampNanos(5)).isEqualTo(TwoClocks.T + 1_913_000_000L);
        }
        assertFilesUnchanged();
    }

    @Test
    void aReportAndInfosJsonSeeTheShift() throws IOException {
        Path out = dir.resolve("report.csv");
        CliRun run = CliRun.of("report", "--format", "csv", "--columns", "frame.number,frame.interface_name,"
                + "frame.time_epoch", "--time-shift", "vusb2.pcap=2.913", "-o", out.toString(), vmnic5.toString(),
                vusb2.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("\"6\",\"vusb2.pcap\",\"1700000101.913000000\"");
        CliRun json = CliRun.of("info", "--format", "json", "--time-shift", "vusb2.pcap=-0.000000001",
                vmnic5.toString(), vusb2.toString());
        assertThat(json.code()).isEqualTo(ExitCodes.OK);
        assertThat(json.out()).contains("\"timeShiftNanos\" : 0" + System.lineSeparator())
                .contains("\"timeShiftNanos\" : -1")
                .contains("\"firstTime\" : \"2023-11-14T22:14:57.086999999Z\"");
        assertFilesUnchanged();
    }

    @Test
    void annotationsRememberTheShiftsTheirFrameNumbersWereCountedWith() throws IOException {
        // frame 2 of the shifted merge is vusb2's first RARP; without the shift frame 2 is another frame
        CliRun set = CliRun.of("annotate", "--time-shift", "vusb2.pcap=2.913", vmnic5.toString(), vusb2.toString(),
                "--frame", "2", "--comment", "vusb2's copy of the first RARP");
        assertThat(set.code()).isEqualTo(ExitCodes.OK);
        assertThat(set.err()).doesNotContain("warning");
        String sidecar = Files.readString(dir.resolve("vmnic5.pcap.cutover.json"));
        assertThat(sidecar).contains("\"timeShiftNanos\" : {", "\"vusb2.pcap\" : 2913000000");

        CliRun same = CliRun.of("annotate", "--time-shift", "vusb2.pcap=2.913", vmnic5.toString(), vusb2.toString());
        assertThat(same.err()).doesNotContain("warning");
        assertThat(same.out()).startsWith("2\tvusb2's copy of the first RARP");

        CliRun unshifted = CliRun.of("annotate", vmnic5.toString(), vusb2.toString());
        assertThat(unshifted.err()).contains("cutover: warning: ", "was made with time shifts vusb2.pcap=2.913 s, not"
                + " none: the files merge in another order, so its frame numbers may point at other frames");

        // one file alone is numbered in file order whatever its shift: nothing to warn of
        CliRun alone = CliRun.of("annotate", "--time-shift", "vmnic5.pcap=1", vmnic5.toString());
        assertThat(alone.err()).doesNotContain("time shifts");
        assertFilesUnchanged();
    }

    @Test
    void aFileNotGivenIsNamed() throws IOException {
        for (String command : List.of("info", "analyze", "dissect", "annotate")) {
            CliRun run = CliRun.of(command, "--time-shift", "vusb3.pcap=2.913", vmnic5.toString(), vusb2.toString());
            assertThat(run.code()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).isEqualTo("cutover: --time-shift vusb3.pcap=2.913: vusb3.pcap is not "
                    + "one of the files given (" + vmnic5 + ", " + vusb2 + ")" + System.lineSeparator());
            assertThat(run.out()).as(command).isEmpty();
        }
        assertFilesUnchanged();
    }

    @Test
    void aMalformedShiftIsNamed() {
        for (String bad : List.of("2,913", "2.913s", "1e3", "", "0.0000000001", "-", "9999999999")) {
            CliRun run = CliRun.of("analyze", "--time-shift", "vusb2.pcap=" + bad, vmnic5.toString(),
                    vusb2.toString());
            assertThat(run.code()).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(bad).startsWith("cutover: --time-shift vusb2.pcap=" + bad + ": \"" + bad
                    + "\" is not a number of seconds").doesNotContain("Exception").doesNotContain("\tat ");
        }
        CliRun noEquals = CliRun.of("dissect", "--time-shift", "2.913", vmnic5.toString(), vusb2.toString());
        assertThat(noEquals.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noEquals.err()).contains("--time-shift 2.913: expected FILE=SECONDS");
        CliRun twice = CliRun.of("analyze", "--time-shift", "vusb2.pcap=1", "--time-shift", vusb2 + "=2",
                vmnic5.toString(), vusb2.toString());
        assertThat(twice.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(twice.err()).contains("already has a time shift; give one per file");
    }

    @Test
    void aNameTwoFilesShareMustBeGivenAsAPath() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path second = TwoClocks.vusb2(other);
        CliRun run = CliRun.of("analyze", "--time-shift", "vusb2.pcap=1", vusb2.toString(), second.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("vusb2.pcap is the file name of more than one file given; give its path");
        CliRun byPath = CliRun.of("info", "--time-shift", second + "=1", vusb2.toString(), second.toString());
        assertThat(byPath.code()).isEqualTo(ExitCodes.OK);
        assertThat(byPath.out().split("Time shift:", -1)).hasSize(2);
        // the two files have the same frames: info tells them apart by path, and says the shift given is 1 s off
        assertThat(byPath.out()).contains(second + " runs 1.000 s ahead of " + vusb2
                + " (4 frames seen in both); to align: --time-shift " + second + "=0");
    }

    @Test
    void aTextCaptureWithoutADateIsPutOnThePcapsDay() throws IOException {
        // pktcap-uw's text has the time of day only; the pcap of the same frames has the date too
        Path pcap = dev.cutover.testsupport.Samples.copy("esxi-vmotion-vlan10.pcap", dir);
        Path text = dev.cutover.testsupport.Samples.copy("esxi-vmotion-vlan10.pktcap.txt", dir);
        byte[] textBytes = Files.readAllBytes(text);
        CliRun run = CliRun.of("info", pcap.toString(), text.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.OK);
        Matcher m = Pattern.compile("esxi-vmotion-vlan10.pktcap.txt runs \\S+ s behind esxi-vmotion-vlan10.pcap "
                + "\\(\\d+ frames seen in both\\); to align: --time-shift (esxi-vmotion-vlan10.pktcap.txt=\\d+)")
                .matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        CliRun aligned = CliRun.of("info", pcap.toString(), text.toString(), "--time-shift", m.group(1));
        assertThat(aligned.out()).contains("esxi-vmotion-vlan10.pktcap.txt and esxi-vmotion-vlan10.pcap agree "
                + "within 1 ms");
        // the text's first frame now falls on the pcap's day and minute (1970 without the shift)
        Matcher first = Pattern.compile("First frame time: +(\\S+)").matcher(aligned.out());
        assertThat(first.find()).isTrue();
        String pcapFirst = first.group(1);
        assertThat(first.find()).isTrue();
        assertThat(first.group(1)).startsWith(pcapFirst.substring(0, 16));
        assertThat(Files.readAllBytes(text)).isEqualTo(textBytes);
    }
}
