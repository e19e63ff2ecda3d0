package dev.cutover.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cutover [FILE...]}: a window when a display is there, text with a note when not. */
class DesktopStartTest {
    @TempDir
    Path dir;

    private final List<List<Path>> opened = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private Desktop desktop(boolean available) {
        return new Desktop() {
            @Override
            public boolean available() {
                return available;
            }

            @Override
            public int open(List<Path> files, String title) {
                files.forEach(f -> assertThat(f).exists());
                opened.add(files);
                titles.add(title);
                return 0;
            }
        };
    }

    private int run(Desktop desktop, String... args) {
        var cl = CutoverCommand.commandLine(desktop);
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void withADisplayTheFilesOpenInTheWindow() throws Exception {
        Path f = dir.resolve("vmnic1.pcap");
        Files.copy(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"), f);
        assertThat(run(desktop(true), f.toString())).isZero();
        assertThat(opened).containsExactly(List.of(f));
        // no title of its own: the window names the file and remembers it in Open Recent
        assertThat(titles).containsExactly((String) null);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withADisplayAndNoFileTheBundledSampleOpensAndIsDeletedAfterwards() {
        assertThat(run(desktop(true))).isZero();
        assertThat(titles).containsExactly(BundledSample.NAME);
        assertThat(opened.get(0).get(0)).doesNotExist();
    }

    @Test
    void withoutADisplayTheFramesArePrintedWithANote() {
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true));
        try {
            assertThat(run(desktop(false))).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(opened).isEmpty();
        assertThat(err.toString()).isEqualTo("cutover: no display, so no window: no file given: showing the bundled"
                + " sample esxi-vmotion-vlan10.pcap (run `cutover --help` for the commands)" + System.lineSeparator());
        assertThat(out.toString()).startsWith("Frame 1: 422 bytes on wire");
    }
}
