package dev.cutover.analysis;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.report.AnalysisJson;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
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
    /** The VM of the crafted outcome captures below, and the host that speaks with it. */
    private static final long VM = Wire.mac("00:50:56:9d:b0:51");
    private static final long VM_IP = Wire.ip("10.0.10.52");
    private static final long PEER = Wire.mac("00:50:56:9d:20:01");
    private static final long PEER_IP = Wire.ip("10.0.10.201");
    private static final long MS = 1_000_000L;

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
            // (40 large frames before each: read a few KB at a time) and as they are, most of their frames the
            // VM's (0 before: read through the read-ahead window, the others passed over)
            for (int before : new int[] {40, 0}) {
                Path padded = dir.resolve("padded-" + before + "-" + name);
                int frames = pad(samples.resolve(name), padded, before, 0);
                ArpTap tap = new ArpTap();
                try (Capture c = Capture.open(List.of(padded), LoadMonitor.NONE, tap)) {
                    assertThat(tap.covers(c)).isTrue();
                    assertThat(c.frameCount()).isEqualTo(frames);
                    assertThat(tap.macs().exact()).isTrue();
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
    void aCaptureOfMoreAddressesThanTheTableHoldsIsReadWhereFingerprintsMatch() throws IOException {
        // a MAC flood: 70,000 sources, more than the table's 65,535 numbers; the pass then reads the frames whose
        // addresses' fingerprints match a moved MAC's. Among the VM's frames (fingerprints from the start of the
        // flood), and after them (the VM's frames numbered first, their numbers turned into fingerprints)
        Path sample = Path.of("../sample-captures/vmotion-ping-3-lost.pcap");
        Path among = dir.resolve("flooded.pcap");
        Path after = dir.resolve("flooded-after.pcap");
        int frames = pad(sample, among, 400, 70_000);
        int framesAfter = floodAfter(sample, after, 70_000);
        // and with a host whose MAC has the VM's fingerprint speaking beside it: its frames are read and told apart
        Path twin = dir.resolve("flooded-twin.pcap");
        int framesTwin = pad(sample, twin, 400, 70_000, twinOf(VM));
        for (Path padded : List.of(among, after, twin)) {
            ArpTap tap = new ArpTap();
            try (Capture c = Capture.open(List.of(padded), LoadMonitor.NONE, tap)) {
                assertThat(c.frameCount()).isEqualTo(padded == among ? frames : padded == after ? framesAfter
                        : framesTwin);
                assertThat(tap.macs().exact()).isFalse();
                String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                        LoadMonitor.NONE, tap));
                assertThat(tapped).as(padded.toString()).contains("\"lost\" : 3")
                        .isEqualTo(reference(List.of(padded)));
            }
        }
    }

    /** A MAC (02:00:00:..) other than {@code mac} with the same 16-bit fingerprint. */
    private static long twinOf(long mac) {
        for (long k = 1; ; k++) {
            long candidate = 0x0200_0000_0000L | k;
            if (FrameMacs.fingerprint(candidate) == FrameMacs.fingerprint(mac)) {
                return candidate;
            }
        }
    }

    /**
     * Writes {@code in}'s frames to {@code out} followed by one frame of another host from each of {@code sources}
     * MACs (see {@link #filler}, 1 ms apart); returns the frames written and writes the reference analysis beside it.
     */
    private static int floodAfter(Path in, Path out, int sources) throws IOException {
        int written = 0;
        try (Capture c = Capture.open(in);
             dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(Files.newOutputStream(out), 1,
                     65535, true)) {
            for (int i = 0; i < c.frameCount(); i++) {
                byte[] f = c.frameBytes(i);
                w.write(c.index().timestampNanos(i), f, 0, f.length, c.index().originalLength(i));
                written++;
            }
            long t = c.index().timestampNanos(c.frameCount() - 1);
            for (int s = 0; s < sources; s++) {
                byte[] filler = filler(s);
                w.write(t + (s + 1) * 1_000_000L, filler, 0, filler.length, filler.length);
                written++;
            }
        }
        Files.writeString(Path.of(out + ".json"), reference(List.of(out)));
        return written;
    }

    @Test
    void theOutcomeOnTwoUplinksInOneFileIsTheOutcomeOfTheFile() throws IOException {
        // the stale-forwarding sample's two uplinks (vusb2's clock 2.9 s behind) in one pcapng of two interfaces:
        // the frames to the VM are read (their bytes tell flooding from stale forwarding), the others are not,
        // with the VM's frames alone (sparse reads) and among large frames of other hosts (read-ahead)
        Path samples = Path.of("../sample-captures");
        for (int before : new int[] {0, 40}) {
            Path both = dir.resolve("two-uplinks-" + before + ".pcapng");
            int frames = twoUplinks(samples.resolve("stale-forwarding-vmnic5.pcapng"),
                    samples.resolve("stale-forwarding-vusb2.pcapng"), 2_900_000_000L, both, before);
            ArpTap tap = new ArpTap();
            try (Capture c = Capture.open(List.of(both), LoadMonitor.NONE, tap)) {
                assertThat(c.frameCount()).isEqualTo(frames);
                assertThat(c.interfaces()).hasSize(2);
                String tapped = json(c, MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS,
                        LoadMonitor.NONE, tap));
                assertThat(tapped).as("%d before", before).contains("stale-forwarding", "\"lost\" : 15")
                        .isEqualTo(reference(List.of(both)));
            }
        }
    }

    @Test
    void aRarpOnlyMovesPingIsFoundByTheVmsOwnAddress() throws IOException {
        // no GARP: the VM's address comes from the IPv4 source of its own frames, read by the outcome pass
        long t0 = 1_763_712_000_000_000_000L;
        Trace t = new Trace();
        for (int seq = 1; seq <= 60; seq++) {
            long at = t0 + seq * 100 * MS;
            t.add(at, Wire.echo(PEER, VM, PEER_IP, VM_IP, 8, 7, seq, seq));
            if (seq < 11 || seq > 13) {
                t.add(at + MS, Wire.echo(VM, PEER, VM_IP, PEER_IP, 0, 7, seq, 1000 + seq));
            }
            if (seq == 10) {
                t.add(at + 50 * MS, Wire.rarp(VM));
                t.add(at + 60 * MS, Wire.rarp(VM));
            }
        }
        for (int before : new int[] {0, 40}) {
            Path file = dir.resolve("rarp-only-" + before + ".pcap");
            Path plain = t.pcap(dir.resolve("rarp-only.pcap"));
            int frames = pad(plain, file, before, 0);
            ArpTap tap = new ArpTap();
            try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE, tap)) {
                assertThat(c.frameCount()).isEqualTo(frames);
                AnalysisResult r = MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE,
                        tap);
                assertThat(r.migrations()).hasSize(1);
                assertThat(r.migrations().get(0).ips()).isEmpty();
                MigrationOutcome o = r.outcomeOf(r.migrations().get(0));
                assertThat(o.echo()).as("%d before", before).isNotNull();
                assertThat(o.echo().sent()).isGreaterThan(10);
                assertThat(o.echo().lost()).isEqualTo(3);
                assertThat(json(c, r)).isEqualTo(reference(List.of(file)));
            }
        }
    }

    @Test
    void theSameFrameOnBothUplinksIsFloodingReadFromTheTap() throws IOException {
        // the frame to the VM after its move, on the old uplink and the new 30 µs apart: their bytes are compared
        long rarp = 1_763_712_001_000_000_000L;
        Trace t = new Trace();
        for (int k = 0; k < 10; k++) {
            t.add(rarp - (10 - k) * 100 * MS, 0, Wire.udp4(VM, PEER, VM_IP, PEER_IP, 40000, 514, 32, k, 10));
        }
        t.add(rarp, 1, Wire.rarp(VM, 10));
        t.add(rarp + 50 * MS, 1, Wire.udp4(VM, PEER, VM_IP, PEER_IP, 40000, 514, 32, 50, 10));
        t.add(rarp + 100 * MS, 0, Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 100, 10));
        t.add(rarp + 100 * MS + 30_000, 1, Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 100, 10));
        t.add(rarp + 300 * MS, 1, Wire.udp4(PEER, VM, PEER_IP, VM_IP, 514, 40000, 32, 101, 10));
        Path file = t.pcapng(dir.resolve("flood.pcapng"), 6, "vmnic4", "vmnic5");
        ArpTap tap = new ArpTap();
        try (Capture c = Capture.open(List.of(file), LoadMonitor.NONE, tap)) {
            AnalysisResult r = MigrationAnalyzer.analyzeTapped(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE, tap);
            MigrationOutcome o = r.outcomeOf(r.migrations().get(0));
            assertThat(o.floodedFrames()).isEqualTo(1);
            assertThat(o.staleFrames()).isZero();
            assertThat(json(c, r)).isEqualTo(reference(List.of(file)));
        }
    }

    /**
     * Writes the frames of two one-interface captures to one pcapng of two interfaces in time order, the second's
     * times shifted by {@code shiftNanos}, with {@code before} frames of other hosts (1,400 bytes) ahead of each on
     * the same interface; returns the frames written and writes the reference analysis beside it.
     */
    private static int twoUplinks(Path first, Path second, long shiftNanos, Path out, int before)
            throws IOException {
        record Frame(long time, int iface, byte[] bytes, int original) {
        }
        List<Frame> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int iface = 0;
        for (Path in : List.of(first, second)) {
            try (Capture c = Capture.open(in)) {
                names.add(c.interfaces().get(0).name());
                for (int i = 0; i < c.frameCount(); i++) {
                    all.add(new Frame(c.index().timestampNanos(i) + (iface == 1 ? shiftNanos : 0), iface,
                            c.frameBytes(i), c.index().originalLength(i)));
                }
            }
            iface++;
        }
        all.sort(java.util.Comparator.comparingLong(Frame::time)); // stable: the first file first at a tie
        int written = 0;
        try (dev.cutover.capture.PcapngWriter w = new dev.cutover.capture.PcapngWriter(Files.newOutputStream(out),
                "test")) {
            for (String name : names) {
                w.addInterface(1, 65535, name, null, 9);
            }
            byte[] filler = filler(0);
            for (Frame f : all) {
                for (int k = 0; k < before; k++) {
                    w.write(f.iface(), f.time(), filler, 0, filler.length, filler.length, List.of(), 0);
                    written++;
                }
                w.write(f.iface(), f.time(), f.bytes(), 0, f.bytes().length, f.original(), List.of(), 0);
                written++;
            }
        }
        Files.writeString(Path.of(out + ".json"), reference(List.of(out)));
        return written;
    }

    /** A frame of another host, 1,400 bytes of EtherType 0x88B5, from MAC 06:00:00:{@code mac} (24 bits). */
    private static byte[] filler(int mac) {
        byte[] filler = new byte[1400];
        filler[0] = 0x02;
        filler[5] = 0x01;
        filler[6] = 0x06;
        filler[9] = (byte) (mac >>> 16);
        filler[10] = (byte) (mac >>> 8);
        filler[11] = (byte) mac;
        filler[12] = (byte) 0x88;
        filler[13] = (byte) 0xB5;
        return filler;
    }

    /**
     * Writes {@code in}'s frames to {@code out} with {@code before} frames of other hosts ahead of each (see
     * {@link #filler}, at the frame's time), from {@code sources} different MACs (0: one); returns the frames
     * written. The reference analysis of {@code out} is written beside it as {@code out.json}.
     */
    private static int pad(Path in, Path out, int before, int sources) throws IOException {
        return pad(in, out, before, sources, -1);
    }

    /**
     * As {@link #pad(Path, Path, int, int)}, and with {@code twin} &gt;= 0 a frame from that MAC (EtherType 0x88B5,
     * 60 bytes) after each of {@code in}'s: were it taken for the VM's, the VM would never have been dark.
     */
    private static int pad(Path in, Path out, int before, int sources, long twin) throws IOException {
        int written = 0;
        int source = 0;
        try (Capture c = Capture.open(in);
             dev.cutover.capture.PcapWriter w = new dev.cutover.capture.PcapWriter(Files.newOutputStream(out), 1,
                     65535, true)) {
            for (int i = 0; i < c.frameCount(); i++) {
                long t = c.index().timestampNanos(i);
                for (int k = 0; k < before; k++) {
                    byte[] filler = filler(sources == 0 ? 0 : source++ % sources);
                    w.write(t, filler, 0, filler.length, filler.length);
                    written++;
                }
                byte[] f = c.frameBytes(i);
                w.write(t, f, 0, f.length, c.index().originalLength(i));
                written++;
                if (twin >= 0) {
                    byte[] other = new byte[60];
                    java.util.Arrays.fill(other, 0, 6, (byte) 0xff);
                    for (int b = 0; b < 6; b++) {
                        other[6 + b] = (byte) (twin >>> (40 - 8 * b));
                    }
                    other[12] = (byte) 0x88;
                    other[13] = (byte) 0xB5;
                    w.write(t, other, 0, other.length, other.length);
                    written++;
                }
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
