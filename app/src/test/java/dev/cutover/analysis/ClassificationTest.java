package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** Every ARP-family frame gets its class, in the result and as a byte in the frame index. */
class ClassificationTest {
    private static final long A = mac("00:50:56:9d:00:01");
    private static final long B = mac("00:50:56:9d:00:02");

    @TempDir
    Path dir;

    @Test
    void eachKindOfFrameHasItsClass() throws IOException {
        Trace t = new Trace()
                .add(T0, Wire.rarp(A))
                .add(T0 + MS, Wire.arp(B, A, 0x8035, 4, B, ip("10.0.0.2"), A, ip("10.0.0.1")))
                .add(T0 + 2 * MS, Wire.garp(A, ip("10.0.0.1")))
                .add(T0 + 3 * MS, Wire.garpReply(A, ip("10.0.0.1")))
                .add(T0 + 4 * MS, Wire.probe(A, ip("10.0.0.9")))
                .add(T0 + 5 * MS, Wire.request(A, ip("10.0.0.1"), ip("10.0.0.2")))
                .add(T0 + 6 * MS, Wire.reply(B, ip("10.0.0.2"), A, ip("10.0.0.1")))
                .add(T0 + 7 * MS, Wire.arp(A, Wire.BROADCAST, 0x0806, 8, A, 1, B, 2))
                .add(T0 + 8 * MS, Wire.tcp(A, B, ip("10.0.0.1"), ip("10.0.0.2"), 10));
        Analyses a = Analyses.of(dir, t);
        FrameClass[] expected = {FrameClass.RARP_REQUEST, FrameClass.RARP_REPLY, FrameClass.GARP_REQUEST,
                FrameClass.GARP_REPLY, FrameClass.ARP_PROBE, FrameClass.ARP_REQUEST, FrameClass.ARP_REPLY,
                FrameClass.OTHER, FrameClass.NONE};
        for (int i = 0; i < expected.length; i++) {
            assertThat(a.result.classOf(i)).as("frame %d", i + 1).isEqualTo(expected[i]);
            assertThat(FrameClass.ofCode(a.indexClasses[i])).as("index byte of frame %d", i + 1)
                    .isEqualTo(expected[i]);
        }
        assertThat(a.result.arpFrameCount()).isEqualTo(8);
        assertThat(a.result.classCounts()).containsEntry(FrameClass.NONE, 1).containsEntry(FrameClass.ARP_PROBE, 1);
    }

    @Test
    void tagsOfAnyDepthAndArpOverSnapAreFound() throws IOException {
        byte[] untagged = Wire.garp(A, ip("10.0.0.1"));
        // ARP over IEEE 802.3 with LLC/SNAP: length instead of type, then AA AA 03 00 00 00 08 06
        byte[] snap = new byte[14 + 8 + 28];
        System.arraycopy(untagged, 0, snap, 0, 12);
        snap[12] = 0;
        snap[13] = 36;
        byte[] llc = {(byte) 0xaa, (byte) 0xaa, 3, 0, 0, 0, 8, 6};
        System.arraycopy(llc, 0, snap, 14, 8);
        System.arraycopy(untagged, 14, snap, 22, 28);
        Trace t = new Trace()
                .add(T0, Wire.garp(A, ip("10.0.0.1"), 100, 10))
                .add(T0 + MS, Wire.garp(A, ip("10.0.0.1"), 7))
                .add(T0 + 2 * MS, snap)
                .add(T0 + 3 * MS, java.util.Arrays.copyOf(Wire.rarp(A), 13));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.classOf(0)).isEqualTo(FrameClass.GARP_REQUEST);
        assertThat(a.result.classOf(1)).isEqualTo(FrameClass.GARP_REQUEST);
        assertThat(a.result.classOf(2)).isEqualTo(FrameClass.GARP_REQUEST);
        assertThat(a.result.classOf(3)).isEqualTo(FrameClass.NONE);
        assertThat(a.result.migrations()).singleElement().satisfies(m -> assertThat(m.vlans()).containsExactly(100, 10, 7));
    }

    @Test
    void classCodesRoundTrip() {
        for (FrameClass c : FrameClass.values()) {
            assertThat(FrameClass.ofCode(c.code())).isEqualTo(c);
        }
        assertThat(FrameClass.NONE.code()).isZero();
        assertThat(FrameClass.ofCode((byte) 0x7f)).isEqualTo(FrameClass.NONE);
    }
}
