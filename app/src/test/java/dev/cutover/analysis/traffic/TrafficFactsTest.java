package dev.cutover.analysis.traffic;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.testsupport.TrafficFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.cutover.testsupport.TrafficFrames.ACK;
import static dev.cutover.testsupport.TrafficFrames.PSH;
import static dev.cutover.testsupport.TrafficFrames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

class TrafficFactsTest {
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";
    private static final String C = "10.0.0.3";

    @TempDir
    Path dir;

    private TrafficFacts facts(TrafficFrames frames) throws IOException {
        try (Capture c = Capture.open(frames.write(dir.resolve("t.pcap")))) {
            return TrafficFacts.compute(c, LoadMonitor.NONE);
        }
    }

    @Test
    void anEchoReplyAnswersItsRequestBothWays() throws IOException {
        TrafficFacts f = facts(new TrafficFrames()
                .echo(0, A, B, true, 0x1234, 1)
                .echo(1, B, A, false, 0x1234, 1));
        assertThat(f.replyOf(0)).isEqualTo(1);
        assertThat(f.requestOf(1)).isEqualTo(0);
        assertThat(f.noResponse(0)).isFalse();
        assertThat(f.noResponse(1)).isFalse(); // a reply is never "no response"
    }

    @Test
    void aRequestWithoutReplyIsNoResponseAndAReplyToAnotherSequenceDoesNotCount() throws IOException {
        TrafficFacts f = facts(new TrafficFrames()
                .echo(0, A, B, true, 7, 1)
                .echo(1, B, A, false, 7, 2)    // another sequence number
                .echo(2, C, A, false, 7, 1)    // the right numbers from another host
                .echo(3, A, B, true, 7, 3));
        assertThat(f.noResponse(0)).isTrue();
        assertThat(f.requestOf(1)).isEqualTo(-1);
        assertThat(f.requestOf(2)).isEqualTo(-1);
        assertThat(f.noResponse(3)).isTrue();
    }

    @Test
    void aRepeatedRequestTakesTheReplyAndTheFirstStaysUnanswered() throws IOException {
        TrafficFacts f = facts(new TrafficFrames()
                .echo(0, A, B, true, 1, 5)
                .echo(1000, A, B, true, 1, 5)
                .echo(1001, B, A, false, 1, 5)
                .echo(1002, B, A, false, 1, 5)); // a duplicate reply pairs with nothing
        assertThat(f.noResponse(0)).isTrue();
        assertThat(f.replyOf(1)).isEqualTo(2);
        assertThat(f.requestOf(2)).isEqualTo(1);
        assertThat(f.requestOf(3)).isEqualTo(-1);
    }

    @Test
    void aReplyBeforeItsRequestPairsWithNothing() throws IOException {
        TrafficFacts f = facts(new TrafficFrames()
                .echo(0, B, A, false, 9, 9)
                .echo(1, A, B, true, 9, 9));
        assertThat(f.requestOf(0)).isEqualTo(-1);
        assertThat(f.isEchoReply(0)).isTrue();
        assertThat(f.noResponse(1)).isTrue();
    }

    /** A handshake of 1 ms, data, and the same data sent again 300 ms later. */
    private static TrafficFrames handshakeAndData(TrafficFrames t, long at, String client, int port) {
        return t.tcp(at, client, port, B, 80, 1000, 0, SYN, 64240, 0)
                .tcp(at + 1, B, 80, client, port, 5000, 1001, SYN | ACK, 64240, 0)
                .tcp(at + 1, client, port, B, 80, 1001, 5001, ACK, 502, 0)
                .tcp(at + 2, client, port, B, 80, 1001, 5001, PSH | ACK, 502, 100);
    }

    @Test
    void theSameDataSentAgainLaterIsARetransmission() throws IOException {
        TrafficFacts f = facts(handshakeAndData(new TrafficFrames(), 0, A, 40000)
                .tcp(300, A, 40000, B, 80, 1001, 5001, PSH | ACK, 502, 100));
        boolean[] flagged = new boolean[5];
        for (int i = 0; i < 5; i++) {
            flagged[i] = f.isRetransmission(i);
        }
        assertThat(flagged).containsExactly(false, false, false, false, true);
        assertThat(f.isFastRetransmission(4)).isFalse();
    }

    @Test
    void aKeepAliveRepeatsOneByteButIsNoRetransmission() throws IOException {
        TrafficFacts f = facts(handshakeAndData(new TrafficFrames(), 0, A, 40000)
                .tcp(50, B, 80, A, 40000, 5001, 1101, ACK, 501, 0)
                .tcp(45_000, A, 40000, B, 80, 1100, 5001, ACK, 502, 1)   // keep-alive: one byte before next
                .tcp(45_001, A, 40000, B, 80, 1100, 5001, ACK, 502, 0)); // and one without data
        assertThat(f.isRetransmission(5)).isFalse();
        assertThat(f.isRetransmission(6)).isFalse();
    }

    @Test
    void streamsAreNumberedByFirstAppearanceWithBothDirectionsInOne() throws IOException {
        TrafficFrames t = new TrafficFrames();
        handshakeAndData(t, 0, A, 40000);
        handshakeAndData(t, 10, C, 40001);
        t.tcp(20, B, 80, A, 40000, 5001, 1101, ACK, 501, 0);
        TrafficFacts f = facts(t);
        int[] streams = new int[9];
        for (int i = 0; i < 9; i++) {
            streams[i] = f.streamOf(i);
        }
        assertThat(streams).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 0);
        assertThat(f.streamCount()).isEqualTo(2);
        // stream 1 is C's (10.0.0.3) with B, stream 0 A's with B
        assertThat(f.streamEnds(1)).isIn((0x0A000003L << 32) | 0x0A000002L, (0x0A000002L << 32) | 0x0A000003L);
        assertThat(f.streamEnds(0)).isIn((0x0A000001L << 32) | 0x0A000002L, (0x0A000002L << 32) | 0x0A000001L);
    }

    @Test
    void aNewSynOnTheSamePortsStartsAnotherStream() throws IOException {
        TrafficFacts f = facts(handshakeAndData(new TrafficFrames(), 0, A, 40000)
                .tcp(5000, A, 40000, B, 80, 777_000, 0, SYN, 64240, 0)    // another initial sequence number
                .tcp(5001, A, 40000, B, 80, 777_000, 0, SYN, 64240, 0));  // the same SYN again
        assertThat(f.streamOf(4)).isEqualTo(1);
        assertThat(f.streamOf(5)).isEqualTo(1);
        assertThat(f.isRetransmission(5)).isTrue();
    }

    @Test
    void echoesAreFoundByAddressWithinAWindow() throws IOException {
        TrafficFacts f = facts(new TrafficFrames()
                .tcp(0, A, 1, B, 2, 1, 0, SYN, 1000, 0)
                .echo(1, A, B, true, 1, 1)
                .echo(2, C, B, true, 1, 1)
                .echo(3, B, A, false, 1, 1));
        assertThat(f.echoCount()).isEqualTo(3);
        int fromA = 0;
        for (int k = 0; k < f.echoCount(); k++) {
            if (f.echoSource(k) == (int) 0x0A000001L) {
                fromA++;
                assertThat(f.echoFrame(k)).isEqualTo(1);
                assertThat(f.echoDestination(k)).isEqualTo((int) 0x0A000002L);
            }
        }
        assertThat(fromA).isEqualTo(1);
    }

    @Test
    void cutShortAndLyingFramesArePassedOver() throws IOException {
        byte[] echo = TrafficFrames.ipv4(A, B, 1, new byte[] {8, 0, 0, 0, 0, 1, 0, 1});
        byte[] tcp = TrafficFrames.ipv4(A, B, 6, new byte[20]);
        tcp[34 + 12] = (byte) 0xF0; // a 60-byte header in a 20-byte segment
        byte[] bigIp = TrafficFrames.ipv4(A, B, 6, new byte[20]);
        bigIp[16] = (byte) 0xFF; // an IP total length far past the frame
        bigIp[34 + 12] = 0x50;
        TrafficFrames t = new TrafficFrames();
        for (int cut = 0; cut < echo.length; cut += 3) {
            t.raw(cut, Arrays.copyOf(echo, cut));
        }
        t.raw(100, tcp).raw(101, bigIp).raw(102, Arrays.copyOf(tcp, 40));
        TrafficFacts f = facts(t);
        int n = f.to();
        for (int i = 0; i < n - 3; i++) {
            assertThat(f.isEchoRequest(i)).as("echo cut to %d bytes", i * 3).isFalse();
        }
        assertThat(f.streamOf(n - 3)).isEqualTo(-1); // a header length past the segment
        assertThat(f.streamOf(n - 1)).isEqualTo(-1); // cut in the TCP header
    }
}
