package dev.cutover.analysis;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.report.AnalysisJson;
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
 * The analysis's tap looks for ARP while a file is indexed: over every capture the project has and a dense generated
 * one, the rows it gives (frame, time, interface, class, opcode, addresses, VLANs, flags, problems, DHCP messages) and
 * the frame classes it stores are exactly those of the scanner that reads the file again. Captures the tap cannot see
 * whole (text, several files merged) are said to be so, and the analysis reads them again.
 */
class ArpTapTest {
    @TempDir
    Path dir;

    @Test
    void samplesAndADenseCaptureGiveTheScannersRows() throws IOException {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 20_000, 5);
        List<Path> files = new ArrayList<>(files(Path.of("../sample-captures")));
        files.add(dense);
        Tally t = check(files);
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        assertThat(t.tapped).isGreaterThanOrEqualTo(10);
        assertThat(t.rows).isGreaterThan(2_000);
    }

    @Test
    void sharedCorpusGivesTheScannersRows() throws IOException {
        Tally t = check(files(SharedCorpus.captures()));
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        assertThat(t.tapped).isGreaterThan(50);
        assertThat(t.rows).isGreaterThan(1000);
        // Linux cooked captures, LLC/SNAP, tunnels, frames cut short: left to the dissector, merged back in order
        assertThat(t.readAgain).as("frames the tap left to be read again").isGreaterThan(0);
    }

    @Test
    void textCapturesAndMergedFilesAreNotCoveredAndAnalyseAsBefore() throws IOException {
        Path samples = Path.of("../sample-captures");
        Path text = samples.resolve("esxi-vmotion-vlan10.pktcap.txt");
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(text), LoadMonitor.NONE, tap)) {
            assertThat(c.frameCount()).isGreaterThan(0);
            assertThat(tap.covers(c)).isFalse();
            assertThat(json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                    LoadMonitor.NONE, tap))).isEqualTo(reference(List.of(text)));
        }
        List<Path> two = List.of(samples.resolve("esxi-team-vusb1.pcapng"), samples.resolve("esxi-team-vusb2.pcapng"));
        ArpTap merged = new ArpTap();
        try (Capture c = Capture.open(two, LoadMonitor.NONE, merged)) {
            assertThat(merged.covers(c)).isFalse();
            assertThat(json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                    LoadMonitor.NONE, merged))).isEqualTo(reference(two));
        }
    }

    @Test
    void aTappedAnalysisIsTheAnalysisOfTheFile() throws IOException {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 30_000, 11);
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(dense), LoadMonitor.NONE, tap)) {
            assertThat(tap.covers(c)).isTrue();
            String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                    LoadMonitor.NONE, tap));
            assertThat(tapped).contains("\"migrations\"").isEqualTo(reference(List.of(dense)));
        }
    }

    @Test
    void aLinuxCookedCaptureWhoseArpIsAllReadAgainAnalysesAsTheFile() throws IOException {
        // tcpdump -i any writes Linux cooked (SLL) frames: the tap leaves every ARP frame of them to the dissector,
        // thousands here, read again in parts on several threads and joined in frame order
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 80_000, 17);
        Path sll = dir.resolve("dense-sll.pcap");
        try (Capture c = Capture.open(dense);
             dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(Files.newOutputStream(sll), 113,
                     65535, false)) {
            for (int i = 0; i < c.frameCount(); i++) {
                byte[] eth = c.frameBytes(i);
                boolean broadcast = (eth[0] & 0xFF) == 0xFF && (eth[5] & 0xFF) == 0xFF;
                byte[] f = new byte[eth.length + 2];
                f[1] = (byte) (broadcast ? 1 : 0);     // packet type: broadcast, or to this host
                f[3] = 1;                               // ARPHRD_ETHER
                f[5] = 6;                               // address length
                System.arraycopy(eth, 6, f, 6, 6);      // the link-layer source
                System.arraycopy(eth, 12, f, 14, eth.length - 12);  // protocol, then the payload
                w.write(c.index().timestampNanos(i), f, 0, f.length, f.length);
            }
        }
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(sll), LoadMonitor.NONE, tap)) {
            assertThat(tap.covers(c)).isTrue();
            String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                    LoadMonitor.NONE, tap));
            assertThat(tap.readAgain()).isGreaterThan(ArpScanner.PARALLEL_LATER_FROM);
            assertThat(tapped).contains("\"migrations\"").isEqualTo(reference(List.of(sll)));
        }
    }

    @Test
    void theOutcomeReadOnlyFromTheMovedMacsFramesIsTheOutcomeOfTheFile() throws IOException {
        // each sample with an outcome (pings answered and lost, a dark VM, TCP sent again), its frames hidden among
        // large frames of other hosts: the outcome pass reads only the VM's frames, a few KB at a time, and must
        // measure what it measures reading every frame
        Path samples = Path.of("../sample-captures");
        int measured = 0;
        for (String name : List.of("vmotion-ping-ok.pcap", "vmotion-ping-3-lost.pcap", "silent-vm-dark.pcap",
                "vmotion-tcp-retransmissions.pcap", "esxi-vmotion-dual-stack.pcap")) {
            // and as they are, most of their frames the VM's: then read through the read-ahead window, the others
            // passed over
            for (int before : new int[] {40, 0}) {
                Path padded = dir.resolve("padded-" + before + "-" + name);
                int frames = pad(samples.resolve(name), padded, before, 0);
                ArpTap tap = new ArpTap();
                try (Capture c = Capture.open(List.of(padded), LoadMonitor.NONE, tap)) {
                    assertThat(tap.covers(c)).isTrue();
                    assertThat(c.frameCount()).isEqualTo(frames);
                    assertThat(tap.macs().complete()).isTrue();
                    assertThat(tap.macs().count()).isEqualTo(frames);
                    String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                            LoadMonitor.NONE, tap));
                    assertThat(tapped).as(name).contains("\"outcome\"").isEqualTo(reference(List.of(padded)));
                    measured++;
                }
            }
        }
        assertThat(measured).isEqualTo(10);
        String lost = Files.readString(dir.resolve("padded-40-vmotion-ping-3-lost.pcap.json"));
        assertThat(lost).contains("\"lost\" : 3");
    }

    @Test
    void aCaptureOfMoreAddressesThanTheTableHoldsIsReadWhole() throws IOException {
        // a MAC flood: 70,000 sources, more than the table's 65,535 numbers; the pass then reads every frame
        Path padded = dir.resolve("flooded.pcap");
        int frames = pad(Path.of("../sample-captures/vmotion-ping-3-lost.pcap"), padded, 400, 70_000);
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(padded), LoadMonitor.NONE, tap)) {
            assertThat(c.frameCount()).isEqualTo(frames);
            assertThat(tap.macs().complete()).isFalse();
            String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                    LoadMonitor.NONE, tap));
            assertThat(tapped).contains("\"lost\" : 3").isEqualTo(reference(List.of(padded)));
        }
    }

    /**
     * Writes {@code in}'s frames to {@code out} with {@code before} frames of other hosts ahead of each (1,400 bytes,
     * EtherType 0x88B5, at the frame's time), from {@code sources} different MACs (0: one); returns the frames
     * written. The reference analysis of {@code out} is written beside it as {@code out.json}.
     */
    private static int pad(Path in, Path out, int before, int sources) throws IOException {
        int written = 0;
        int source = 0;
        try (Capture c = Capture.open(in);
             dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(Files.newOutputStream(out), 1,
                     65535, true)) {
            byte[] filler = new byte[1400];
            filler[0] = 0x02;
            filler[5] = 0x01;
            filler[12] = (byte) 0x88;
            filler[13] = (byte) 0xB5;
            for (int i = 0; i < c.frameCount(); i++) {
                long t = c.index().timestampNanos(i);
                for (int k = 0; k < before; k++) {
                    int s = sources == 0 ? 0 : source++ % sources;
                    filler[6] = 0x06;
                    filler[9] = (byte) (s >>> 16);
                    filler[10] = (byte) (s >>> 8);
                    filler[11] = (byte) s;
                    w.write(t, filler, 0, filler.length, filler.length);
                    written++;
                }
                byte[] f = c.frameBytes(i);
                w.write(t, f, 0, f.length, c.index().originalLength(i));
                written++;
            }
        }
        Files.writeString(Path.of(out + ".json"), reference(List.of(out)));
        return written;
    }

    private static String json(Capture c, AnalysisResult r) throws IOException {
        java.io.StringWriter w = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(w);
        AnalysisJson.write(c, r, out);
        out.flush();
        return w.toString();
    }

    private static String reference(List<Path> files) throws IOException {
        try (Capture c = Capture.open(files, LoadMonitor.NONE)) {
            return json(c, MigrationAnalyzer.analyze(c));
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !p.toString().contains("reference") && !n.endsWith(".md") && !n.equals("sha256sums");
            }).sorted().toList();
        }
    }

    private static final class Tally {
        int tapped;
        long rows;
        long readAgain;
        final List<String> mismatches = new ArrayList<>();
    }

    private static Tally check(List<Path> files) throws IOException {
        Tally t = new Tally();
        for (Path file : files) {
            ArpTap tap = new ArpTap();
            Capture c;
            try {
                c = Capture.open(List.of(file), LoadMonitor.NONE, tap);
            } catch (CaptureException e) {
                continue; // not a capture at all
            }
            try (c; Capture again = Capture.open(file)) {
                if (!tap.covers(c)) {
                    continue; // a text capture: read again by the scanner
                }
                t.tapped++;
                ArpFrames tapped = tap.frames(c);
                t.readAgain += tap.readAgain();
                ArpFrames scanned = ArpScanner.scan(again, LoadMonitor.NONE, 1);
                t.rows += scanned.count;
                String diff = difference(tapped, scanned);
                if (diff == null) {
                    for (int i = 0; i < c.frameCount() && diff == null; i++) {
                        if (c.index().frameClass(i) != again.index().frameClass(i)) {
                            diff = "frame " + (i + 1) + " class " + c.index().frameClass(i) + ", scanned "
                                    + again.index().frameClass(i);
                        }
                    }
                }
                if (diff != null && t.mismatches.size() < 5) {
                    t.mismatches.add(file + ": " + diff);
                }
            }
        }
        return t;
    }

    private static String difference(ArpFrames a, ArpFrames b) {
        if (a.count != b.count) {
            return a.count + " rows, the scanner " + b.count;
        }
        if (a.dhcpCount != b.dhcpCount
                || !Arrays.equals(Arrays.copyOf(a.dhcpFrame, a.dhcpCount), Arrays.copyOf(b.dhcpFrame, b.dhcpCount))
                || !Arrays.equals(Arrays.copyOf(a.dhcpTime, a.dhcpCount), Arrays.copyOf(b.dhcpTime, b.dhcpCount))
                || !Arrays.equals(Arrays.copyOf(a.dhcpMac, a.dhcpCount), Arrays.copyOf(b.dhcpMac, b.dhcpCount))) {
            return "DHCP messages differ: " + a.dhcpCount + ", the scanner " + b.dhcpCount;
        }
        return ArpRowsDiff.rows(a, b, "the scanner");
    }
}
