package dev.cutover.cli;

import dev.cutover.bench.DenseCapture;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.frames.FramePipeline;
import dev.cutover.testsupport.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cutover dissect} on one pcap or pcapng file filters and prints each frame while the file is indexed; what
 * it prints is exactly what the general way prints (index the file, then match each frame through the pipeline and
 * decode the matches again in full), in both formats, with a limit, and on a file damaged part way.
 */
class DissectStreamingTest {
    @TempDir
    Path dir;

    @Test
    void aDenseCapturePrintsWhatTheGeneralWayPrints() throws Exception {
        Path dense = dir.resolve("dense.pcap");
        DenseCapture.write(dense, 30_000, 3);
        for (String filter : List.of("arp.opcode == 3", "arp", "vlan.id == 10", "frame.len > 1000",
                "eth.src == 00:50:56:00:00:01", "frame.len > 100000", "")) {
            same(dense, filter, true, Integer.MAX_VALUE);
        }
        same(dense, "arp", false, Integer.MAX_VALUE);
        same(dense, "arp.opcode == 3", true, 5);
        same(dense, "", false, 3);
    }

    @Test
    void pcapngWithCommentsAndFlagsAndAFileCutShort() throws Exception {
        for (String name : List.of("two-uplinks-nanosecond.pcapng", "esxi-team-vusb1.pcapng",
                "esxi-vmotion-vlan10.pcap")) {
            Path file = Path.of("../sample-captures", name);
            same(file, "", true, Integer.MAX_VALUE);
            same(file, "", false, Integer.MAX_VALUE);
            same(file, "arp", true, Integer.MAX_VALUE);
        }
        byte[] whole = Files.readAllBytes(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"));
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 30));
        CliRun r = same(cut, "arp", true, Integer.MAX_VALUE);
        assertThat(r.code()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(r.err()).contains("cut.pcap").contains("cut short");
        assertThat(r.out()).isNotEmpty();
    }

    /** Runs dissect on {@code file} and checks its output against the general way's; returns the run. */
    private static CliRun same(Path file, String filter, boolean jsonl, int limit) throws Exception {
        List<String> args = new ArrayList<>(List.of("dissect"));
        if (jsonl) {
            args.addAll(List.of("--format", "jsonl"));
        }
        if (!filter.isEmpty()) {
            args.addAll(List.of("-Y", filter));
        }
        if (limit != Integer.MAX_VALUE) {
            args.addAll(List.of("-c", String.valueOf(limit)));
        }
        args.add(file.toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.out()).as(args.toString()).isEqualTo(generalWay(file, filter, jsonl, limit));
        return r;
    }

    /** What dissect printed before it read files as it indexes them: the loop over the finished capture. */
    private static String generalWay(Path file, String filterText, boolean jsonl, int limit) throws Exception {
        CompiledFilter filter = CompiledFilter.compile(filterText);
        StringBuilder out = new StringBuilder();
        try (Capture c = Capture.open(file)) {
            FramePipeline pipeline = FramePipeline.of(c);
            FramePipeline.Reader matcher = pipeline.reader(filter);
            FramePipeline.Reader tree = pipeline.fullReader();
            Dissection d = new Dissection();
            JsonLines lines = new JsonLines();
            int shown = 0;
            for (int i = 0; i < c.frameCount() && shown < limit; i++) {
                if (!filterText.isEmpty() && !matcher.matches(i, filter, d)) {
                    continue;
                }
                tree.decode(i, d);
                StringBuilder sb = new StringBuilder();
                if (jsonl) {
                    lines.append(sb, d);
                    sb.append('\n');
                } else {
                    if (shown > 0) {
                        sb.append('\n');
                    }
                    DissectionText.appendTree(sb, d);
                    sb.append('\n');
                    DissectionText.appendHex(sb, d.data(), d.capturedLength());
                }
                out.append(sb);
                shown++;
            }
        }
        return out.toString();
    }
}
