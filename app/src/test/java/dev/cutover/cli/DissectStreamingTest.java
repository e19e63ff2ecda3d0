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
 * decode the matches again in full, written through the terminal writer), in both formats, with a limit, on a
 * file damaged part way and on comments and names made to attack a terminal.
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

    @Test
    void hostileCommentsAndInterfaceNamesAreEscapedAsBefore() throws Exception {
        Path file = dir.resolve("hostile.pcapng");
        Files.write(file, hostilePcapng());
        for (String filter : List.of("", "arp", "frame.comment contains \"quote\"")) {
            same(file, filter, true, Integer.MAX_VALUE);
            same(file, filter, false, Integer.MAX_VALUE);
        }
        assertThat(CliRun.of("dissect", "--format", "jsonl", file.toString()).out())
                .contains("\\u001B[2J").contains("\\x7f").contains("\\u202e").contains("\uD83D\uDE00")
                .doesNotContain("\u001b");
    }

    /** A pcapng file whose interface name and packet comments hold quotes, controls, bidi overrides, emoji. */
    private static byte[] hostilePcapng() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        block(out, 0x0A0D0D0A, le(0x1A2B3C4D, 4), le(1, 2), le(0, 2), le(-1L, 8), option(0, new byte[0]));
        block(out, 1, le(1, 2), le(0, 2), le(65535, 4), option(2, utf8("if \"\u001b[31m\\ name\u202e")),
                option(0, new byte[0]));
        byte[] rarp = java.util.HexFormat.of().parseHex("ffffffffffff00505600000180350001080006040003"
                + "005056000001000000000050560000010000000000000000000000000000000000000000000000");
        String[] comments = {"plain", "quote \" backslash \\ ctrl \u0001\u001b[2J del \u007f c1 \u0085",
                "bidi \u202e evil \u2066 sep \u2028 nl\nline", "emoji \uD83D\uDE00 é ß €", "tab\tend"};
        for (int i = 0; i < comments.length; i++) {
            block(out, 6, le(0, 4), le(0, 4), le(i * 1000L, 4), le(rarp.length, 4), le(rarp.length, 4), padded(rarp),
                    option(1, utf8(comments[i])), option(2, le(i % 2 == 0 ? 2 : 1, 4)), option(0, new byte[0]));
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private static byte[] padded(byte[] b) {
        return java.util.Arrays.copyOf(b, (b.length + 3) & ~3);
    }

    private static byte[] option(int code, byte[] value) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        o.writeBytes(le(code, 2));
        o.writeBytes(le(value.length, 2));
        o.writeBytes(padded(value));
        return o.toByteArray();
    }

    private static void block(java.io.ByteArrayOutputStream out, int type, byte[]... parts) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            body.writeBytes(p);
        }
        int length = 12 + body.size();
        out.writeBytes(le(type, 4));
        out.writeBytes(le(length, 4));
        out.writeBytes(body.toByteArray());
        out.writeBytes(le(length, 4));
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
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.Writer out = new dev.cutover.text.TerminalWriter(text);
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
        out.flush();
        return text.toString();
    }
}
