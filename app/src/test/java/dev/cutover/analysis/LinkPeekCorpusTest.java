package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureException;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Icmpv6;
import dev.cutover.dissect.proto.Ip;
import dev.cutover.testsupport.SharedCorpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis's fast path decodes only the frames its link-layer peek picks out: over every capture the project
 * has, frame by frame, the peek says ARP exactly where the full dissector decodes {@code arp} on the link, and at
 * least "may carry ARP" where the dissector finds it inside a tunnel; and the frames the analysis classifies as
 * ARP-family are exactly those the dissector decodes as {@code arp}, RARP classes for RARP opcodes and ARP
 * classes for ARP opcodes; and the frames it classifies as IPv6 neighbour discovery are exactly those the dissector
 * decodes as a Neighbor Solicitation or Advertisement with its target address. The dissector is the truth.
 */
class LinkPeekCorpusTest {
    private static final Path SAMPLES = Path.of("../sample-captures");

    @Test
    void samplesPeekAsTheDissectorDecodes() throws IOException {
        Tally t = check(files(SAMPLES));
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        // the samples are about ARP and RARP: a check that found none would prove nothing
        assertThat(t.arp).isGreaterThan(100);
        assertThat(t.rarp).isGreaterThan(20);
    }

    @Test
    void sharedCorpusPeeksAsTheDissectorDecodes() throws IOException {
        Tally t = check(files(SharedCorpus.captures()));
        assertThat(t.mismatches).as("first mismatches").isEmpty();
        assertThat(t.files).isGreaterThan(50);
        assertThat(t.arp).isGreaterThan(1000);
        assertThat(t.rarp).isGreaterThan(5);
        // the corpus's IPv6 captures have neighbour discovery: the NDP classes are checked against real frames
        assertThat(t.ndp).isGreaterThan(10);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return !p.toString().contains("reference") && (n.endsWith(".pcap") || n.endsWith(".pcapng")
                        || n.endsWith(".gz") || n.endsWith(".cap") || n.endsWith(".pktcap.txt")
                        || n.endsWith(".tcpdump-e.txt"));
            }).sorted().toList();
        }
    }

    private static final class Tally {
        int files;
        long arp;
        long rarp;
        long ndp;
        final List<String> mismatches = new ArrayList<>();

        void mismatch(Path file, int frame, String what) {
            if (mismatches.size() < 5) {
                mismatches.add(file + " frame " + (frame + 1) + ": " + what);
            }
        }
    }

    private static Tally check(List<Path> files) throws IOException {
        Tally t = new Tally();
        for (Path file : files) {
            Capture c;
            try {
                c = Capture.open(file);
            } catch (CaptureException e) {
                continue; // not a capture at all: nothing to peek at
            }
            try (c) {
                t.files++;
                check(file, c, t);
            }
        }
        return t;
    }

    private static void check(Path file, Capture c, Tally t) throws IOException {
        MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        var index = c.index();
        int[] linkTypes = c.interfaces().stream().mapToInt(i -> i.linkType()).toArray();
        SequentialFrames frames = new SequentialFrames(c, LoadMonitor.NONE);
        FrameDecoder decoder = new FrameDecoder(c);
        Dissection d = new Dissection();
        for (int i = 0; i < c.frameCount(); i++) {
            int length = frames.moveTo(i);
            int peek = LinkPeek.peek(frames, linkTypes[index.interfaceId(i)], length);
            FrameInfo info = decoder.decode(i, d, Layer.ALL);
            int arpNode = d.find(Arp.ARP);
            boolean arp = arpNode >= 0;
            boolean tunnelled = arp && before(d, arpNode);
            String said = "peek " + (peek == LinkPeek.ARP ? "ARP" : peek == LinkPeek.MAY_CARRY_ARP ? "may carry ARP"
                    : peek == LinkPeek.NDP ? "NDP" : "not ARP") + ", dissector " + d.protocolPath() + " (link type "
                    + info.linkType() + ")";
            // a Neighbor Solicitation or Advertisement with its target address: what the analysis records
            int ndpNode = Math.max(d.find(Icmpv6.NS_TARGET), d.find(Icmpv6.NA_TARGET));
            boolean ndp = ndpNode >= 0;
            boolean ndpTunnelled = ndp && tunnels(d, ndpNode);
            if (ndp && !ndpTunnelled && peek != LinkPeek.NDP && peek != LinkPeek.MAY_CARRY_ARP) {
                t.mismatch(file, i, said);
            }
            if ((peek == LinkPeek.ARP) != (arp && !tunnelled)) {
                t.mismatch(file, i, said);
            } else if (tunnelled && peek != LinkPeek.MAY_CARRY_ARP) {
                t.mismatch(file, i, said);
            }
            FrameClass cls = FrameClass.ofCode(index.frameClass(i));
            if ((cls != FrameClass.NONE && !cls.isNdp()) != arp || cls.isNdp() != (ndp && !arp)) {
                t.mismatch(file, i, "analysis class " + cls + ", dissector " + d.protocolPath());
            }
            if (ndp) {
                t.ndp++;
            }
            if (!arp) {
                continue;
            }
            long opcode = d.valueOf(Arp.OPCODE, -1);
            boolean rarpClass = cls == FrameClass.RARP_REQUEST || cls == FrameClass.RARP_REPLY;
            boolean arpClass = cls != FrameClass.OTHER && !rarpClass;
            if (rarpClass && opcode != Arp.REVERSE_REQUEST && opcode != Arp.REVERSE_REPLY
                    || arpClass && opcode != Arp.REQUEST && opcode != Arp.REPLY) {
                t.mismatch(file, i, "analysis class " + cls + ", arp.opcode " + opcode);
            }
            if (opcode == Arp.REVERSE_REQUEST || opcode == Arp.REVERSE_REPLY) {
                t.rarp++;
            } else {
                t.arp++;
            }
        }
    }

    /** True when more than one IP header comes before the node: the NDP message is inside a tunnel. */
    private static boolean tunnels(Dissection d, int node) {
        int ips = 0;
        for (int k = 0; k < node; k++) {
            if (d.field(k) == Ip.IP || d.field(k) == Ip.IPV6) {
                ips++;
            }
        }
        return ips > 1;
    }

    /** True when an IP header comes before the node: the ARP is inside a tunnel. */
    private static boolean before(Dissection d, int node) {
        for (int k = 0; k < node; k++) {
            if (d.field(k) == Ip.IP || d.field(k) == Ip.IPV6) {
                return true;
            }
        }
        return false;
    }
}
