package dev.cutover.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** TerminalOutput writes the very bytes a TerminalWriter over a UTF-8 OutputStreamWriter writes. */
class TerminalOutputTest {
    private static byte[] viaWriters(List<String> pieces) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer w = new TerminalWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        for (String p : pieces) {
            w.append(p);
        }
        w.flush();
        return bytes.toByteArray();
    }

    private static byte[] viaOutput(List<String> pieces, int buffer) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalOutput out = new TerminalOutput(bytes, buffer);
        for (String p : pieces) {
            out.append(new StringBuilder(p));
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void controlsBidiNonLatinAndSurrogatesAsTheWriterChainWritesThem() throws Exception {
        List<String> pieces = List.of("{\"eth.src\":\"00:50:56:00:00:01\"}\n", "tab\tand\nnewline\n",
                "esc \u001b[31m red, bell \u0007, DEL \u007f, C1 \u0085 \u009b\n", "latin é ß ÿ, Ā, € ✓\n",
                "bidi \u202e reversed \u202c, isolate \u2066x\u2069, separators \u2028 \u2029\n",
                "pair \uD83D\uDE00 smile\n", "lone high \uD83D then text\n", "lone low \uDE00 here\n",
                "high before control \uD83D\u001b\n", "cr \r and nul \u0000\n", "", "split pair \uD83D",
                "\uDE00 joined\n", "split then text \uD83D", "x\n", "high at the end \uD83D");
        assertThat(viaOutput(pieces, 1 << 16)).isEqualTo(viaWriters(pieces));
        // pieces that cross the buffer's end many times
        assertThat(viaOutput(pieces, 16)).isEqualTo(viaWriters(pieces));
    }

    @Test
    void randomTextAsTheWriterChainWritesIt() throws Exception {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(300);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(6);
                sb.append((char) switch (kind) {
                    case 0 -> random.nextInt(0x80);
                    case 1 -> 0x80 + random.nextInt(0x780);
                    case 2 -> 0x2020 + random.nextInt(0x60);
                    case 3 -> 0xD800 + random.nextInt(0x800);
                    case 4 -> random.nextInt(0x10000);
                    default -> 'a' + random.nextInt(26);
                });
            }
            sb.append('\n');
            int cut = random.nextInt(sb.length());
            List<String> pieces = List.of(sb.substring(0, cut), sb.substring(cut));
            assertThat(viaOutput(pieces, 64)).as("round " + round).isEqualTo(viaWriters(pieces));
        }
    }
}
