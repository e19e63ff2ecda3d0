package dev.cutover.frames;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter that reads only ARP's payload fields (arp.opcode == 3) decodes a frame without ARP on its link only as
 * deep as its other fields need: over every capture the project has and a dense generated one, each such filter
 * selects exactly the frames a full decode of every frame selects, negations and link and frame fields included.
 */
class ArpFilterShortcutTest {
    private static final List<String> FILTERS = List.of("arp.opcode == 3", "arp", "not arp", "!(arp.opcode == 1)",
            "arp or vlan.id == 10", "arp.isgratuitous and frame.len > 59", "not arp.opcode == 2 and eth.type",
            "migration.notification", "arp.src.hw_mac == 00:50:56:00:00:01 or eth.dst == ff:ff:ff:ff:ff:ff",
            "frame.protocols contains \"arp\"", "arp and ip", "not arp.opcode == 3",
            "arp.src.proto_ipv4 == 10.0.0.1 or arp.opcode in {3 4}",
            // a field beyond ARP's (a payload protocol, the frame's length) turns the shortcut off or limits it
            "arp.opcode == 3 or udp", "arp.opcode == 3 or frame.len > 1000", "arp.opcode == 3 or ip.src == 10.10.10.1");

    @TempDir
    Path dir;

    @Test
    void samplesAndADenseCaptureSelectAsAFullDecode() throws IOException, FilterException {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 20_000, 4);
        List<Path> files = new ArrayList<>(files(Path.of("../sample-captures")));
        files.add(dense);
        List<String> mismatches = check(files);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void sharedCorpusSelectsAsAFullDecode() throws IOException, FilterException {
        List<Path> files = files(SharedCorpus.captures());
        assertThat(files.size()).isGreaterThan(50);
        assertThat(check(files)).isEmpty();
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

    private static List<String> check(List<Path> files) throws IOException, FilterException {
        List<String> mismatches = new ArrayList<>();
        int matched = 0;
        for (Path file : files) {
            Capture c;
            try {
                c = Capture.open(file);
            } catch (CaptureException e) {
                continue;
            }
            try (c) {
                FramePipeline pipeline = FramePipeline.of(c);
                for (String text : FILTERS) {
                    CompiledFilter filter = CompiledFilter.compile(text);
                    BitSet viaPipeline = pipeline.select(filter, dev.cutover.capture.LoadMonitor.NONE);
                    BitSet full = new BitSet();
                    FrameDecoder decoder = new FrameDecoder(c);
                    Dissection d = new Dissection();
                    for (int i = 0; i < c.frameCount(); i++) {
                        decoder.decode(i, d);
                        if (filter.matches(d)) {
                            full.set(i);
                        }
                    }
                    matched += full.cardinality();
                    if (!viaPipeline.equals(full) && mismatches.size() < 5) {
                        BitSet diff = (BitSet) viaPipeline.clone();
                        diff.xor(full);
                        mismatches.add(file + " '" + text + "': frame " + (diff.nextSetBit(0) + 1) + " differs");
                    }
                }
            }
        }
        assertThat(matched).isGreaterThan(1000);
        return mismatches;
    }
}
