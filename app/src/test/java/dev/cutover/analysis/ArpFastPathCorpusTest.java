package dev.cutover.analysis;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis reads plain Ethernet ARP and RARP straight from the bytes and leaves every other ARP-family frame
 * to the dissector: over every capture the project has and a dense generated one, the rows it records (frame,
 * time, interface, class, opcode, addresses, VLANs, flags, problems) are exactly those the dissector's fields give.
 */
class ArpFastPathCorpusTest {
    @TempDir
    Path dir;

    @Test
    void samplesAndADenseCaptureReadAsTheDissectorDecodes() throws IOException {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 20_000, 3);
        List<Path> files = new ArrayList<>(files(Path.of("../sample-captures")));
        files.add(dense);
        Tally t = check(files);
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        assertThat(t.rows).isGreaterThan(2_000);
    }

    @Test
    void sharedCorpusReadsAsTheDissectorDecodes() throws IOException {
        Tally t = check(files(SharedCorpus.captures()));
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        assertThat(t.files).isGreaterThan(50);
        assertThat(t.rows).isGreaterThan(1000);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !p.toString().contains("reference") && (n.endsWith(".pcap") || n.endsWith(".pcapng")
                        || n.endsWith(".gz") || n.endsWith(".cap"));
            }).sorted().toList();
        }
    }

    private static final class Tally {
        int files;
        long rows;
        final List<String> mismatches = new ArrayList<>();
    }

    private static Tally check(List<Path> files) throws IOException {
        Tally t = new Tally();
        for (Path file : files) {
            Capture c;
            try {
                c = Capture.open(file);
            } catch (CaptureException e) {
                continue; // not a capture at all
            }
            try (c) {
                t.files++;
                ArpFrames fast = ArpScanner.scan(c, LoadMonitor.NONE, 1);
                ArpFrames dissected = ArpScanner.scanThroughDissector(c);
                t.rows += dissected.count;
                String diff = difference(fast, dissected);
                if (diff != null && t.mismatches.size() < 5) {
                    t.mismatches.add(file + ": " + diff);
                }
            }
        }
        return t;
    }

    private static String difference(ArpFrames a, ArpFrames b) {
        return ArpRowsDiff.rows(a, b, "the dissector");
    }
}
