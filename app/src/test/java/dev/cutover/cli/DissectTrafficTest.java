package dev.cutover.cli;

import dev.cutover.testsupport.CliRun;
import dev.cutover.testsupport.TrafficFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.cutover.testsupport.TrafficFrames.ACK;
import static dev.cutover.testsupport.TrafficFrames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code cutover dissect} with the traffic facts: -Y on them, and -2 printing them. */
class DissectTrafficTest {
    @TempDir
    Path dir;

    private String capture() throws Exception {
        return new TrafficFrames()
                .echo(0, "10.0.0.1", "10.0.0.2", true, 1, 1)
                .echo(1, "10.0.0.2", "10.0.0.1", false, 1, 1)
                .echo(2, "10.0.0.1", "10.0.0.2", true, 1, 2)
                .tcp(10, "10.0.0.1", 40000, "10.0.0.2", 80, 1000, 0, SYN, 64240, 0)
                .tcp(20, "10.0.0.3", 40001, "10.0.0.2", 80, 1000, 0, SYN, 64240, 0)
                .tcp(21, "10.0.0.2", 80, "10.0.0.1", 40000, 5000, 1001, SYN | ACK, 64240, 0)
                .write(dir.resolve("t.pcap")).toString();
    }

    @Test
    void aFilterOnNoResponseKeepsTheUnansweredRequestOnly() throws Exception {
        CliRun run = CliRun.of("dissect", "-Y", "icmp.no_resp", "--format", "jsonl", capture());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("\"frame.number\":\"3\"", "\"icmp.no_resp\":\"1\"", "\"icmp.seq\":\"2\""));
    }

    @Test
    void aFilterOnTheStreamIndexAndTwoPassOutput() throws Exception {
        String file = capture();
        CliRun run = CliRun.of("dissect", "-Y", "tcp.stream == 0", "--format", "jsonl", file);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"tcp.stream\":\"0\""));

        CliRun plain = CliRun.of("dissect", "--format", "jsonl", file);
        assertThat(plain.out()).doesNotContain("icmp.resp_in", "tcp.stream");
        CliRun two = CliRun.of("dissect", "-2", "--format", "jsonl", file);
        assertThat(two.out().lines().toList().get(0)).contains("\"icmp.resp_in\":\"2\"");
        assertThat(two.out().lines().toList().get(1)).contains("\"icmp.resp_to\":\"1\"");
        assertThat(two.out().lines().toList().get(4)).contains("\"tcp.stream\":\"1\"");
        CliRun tree = CliRun.of("dissect", "-2", "--no-hex", "-c", "1", file);
        assertThat(tree.out()).contains("    [Response frame: 2]\n");
    }
}
