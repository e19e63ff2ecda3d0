package dev.cutover.cli;

import dev.cutover.bench.DenseCapture;
import dev.cutover.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cutover analyze} on a migration-dense capture (120,000 frames, 10 % ARP family, 1,799 one-RARP bursts
 * and gratuitous ARP from 80 hosts, the mix of the benchmark's dense file) prints exactly what it printed before
 * the analysis was made faster: the expected JSON and text were written by the analysis as it was then (the JSON
 * since given the IPv6 keys, all empty here: {@code ndpFrames} 0, each migration's {@code na} and
 * {@code rarpToNaMs} null, each finding's {@code ipv6} null; and since the outcome of each migration, written
 * again by the analysis with the outcome and checked to differ from the earlier files by nothing else: each
 * migration's {@code outcome}, "no frame of the VM" (these MACs send nothing but announcements), and the text's
 * outcome column and its note that one interface cannot show stale forwarding; and since the count of frames
 * caught by several files, {@code copies} 0 here, one file). The text was written again when frame lists took
 * one form everywhere ({@code text.FrameNumbers}: "frames 190, 213, …" where a cell said "frames 190-20287"),
 * checked to differ by nothing but the frame lists; and both when a finding's sentence took that form too and a
 * storm's span over a second its seconds: the one arp-storm sentence, "6,659 ARP requests in 5.9 s (frames 9, 15,
 * 19, 32 and 6,655 more)" where it said "6659 ARP requests in 5940.748 ms (frames 9-119974)".
 */
class DenseAnalysisTest {
    @TempDir
    Path dir;

    private Path capture() throws IOException {
        Path file = dir.resolve("dense-120000.pcap");
        DenseCapture.write(file, 120_000, 1);
        return file;
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = DenseAnalysisTest.class.getResourceAsStream("/dense/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The output as the expected files were written: the capture named as given in its folder, lines ending in \n. */
    private String asWritten(String out) {
        return out.replace(dir + java.io.File.separator, "").replace(System.lineSeparator(), "\n");
    }

    @Test
    void jsonIsUnchanged() throws IOException {
        CliRun r = CliRun.of("analyze", "--format", "json", capture().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        String want = expected("dense-120000.json.gz");
        assertThat(want).contains("\"arpFrames\" : 11953");
        assertThat(asWritten(r.out())).isEqualTo(want);
    }

    @Test
    void textWithEveryMigrationAndFindingIsUnchanged() throws IOException {
        CliRun r = CliRun.of("analyze", "--all", capture().toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).isEmpty();
        String want = expected("dense-120000.txt.gz");
        assertThat(want).contains("Migrations: 1799");
        assertThat(asWritten(r.out())).isEqualTo(want);
    }
}
