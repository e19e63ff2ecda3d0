package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.capture.PcapWriter;
import dev.cutover.capture.SequentialFrames;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FrameDecoder;
import dev.cutover.dissect.Layer;
import dev.cutover.dissect.proto.Arp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The peek's answers on frames built byte by byte, each checked against the dissector's. */
class LinkPeekTest {
    @TempDir
    Path dir;

    private static byte[] ethernetArp(int etherType, int hardwareType, int opcode) {
        ByteBuffer b = ByteBuffer.allocate(60);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1, 0, 0x1f, 0x29, (byte) 0xda, 0x2d, 0x79});
        b.putShort((short) etherType);
        b.putShort((short) hardwareType).putShort((short) 0x0800).put((byte) 6).put((byte) 4);
        b.putShort((short) opcode);
        b.put(new byte[] {0, 0x1f, 0x29, (byte) 0xda, 0x2d, 0x79, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2});
        return b.array();
    }

    private int[] peekAndDecode(byte[]... frames) throws Exception {
        Path file = dir.resolve("frames.pcap");
        try (OutputStream out = Files.newOutputStream(file);
             PcapWriter w = new PcapWriter(out, LinkTypes.ETHERNET, 65535, false)) {
            for (byte[] f : frames) {
                w.write(1_700_000_000_000_000_000L, f, 0, f.length, f.length);
            }
        }
        int[] answers = new int[frames.length];
        try (Capture c = Capture.open(file)) {
            SequentialFrames sf = new SequentialFrames(c, LoadMonitor.NONE);
            FrameDecoder decoder = new FrameDecoder(c);
            Dissection d = new Dissection();
            for (int i = 0; i < frames.length; i++) {
                int peek = LinkPeek.peek(sf, LinkTypes.ETHERNET, sf.moveTo(i));
                decoder.decode(i, d, Layer.ALL);
                assertThat(peek == LinkPeek.ARP).as("frame %d: peek %d, dissector %s", i + 1, peek,
                        d.protocolPath()).isEqualTo(d.has(Arp.ARP));
                answers[i] = peek;
            }
        }
        return answers;
    }

    @Test
    void arpAndRarpAreArpButAtmArpIsNotAsInWireshark() throws Exception {
        assertThat(peekAndDecode(
                ethernetArp(0x0806, Arp.HW_ETHERNET, Arp.REQUEST),
                ethernetArp(0x8035, Arp.HW_ETHERNET, Arp.REVERSE_REQUEST),
                // Wireshark hands hardware type 19 to its ATMARP dissector: the frame does not match "arp"
                ethernetArp(0x0806, Arp.HW_ATM_RFC2225, Arp.REQUEST),
                ethernetArp(0x0800, Arp.HW_ETHERNET, Arp.REQUEST)))
                .containsExactly(LinkPeek.ARP, LinkPeek.ARP, LinkPeek.NOT_ARP, LinkPeek.NOT_ARP);
    }
}
