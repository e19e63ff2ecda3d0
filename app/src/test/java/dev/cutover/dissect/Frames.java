package dev.cutover.dissect;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Frames written out byte by byte, as they appear on the wire, for dissector tests. */
final class Frames {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Frames of() {
        return new Frames();
    }

    Frames hex(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", "").replace(":", ""));
        out.writeBytes(b);
        return this;
    }

    Frames pad(int totalLength) {
        while (out.size() < totalLength) {
            out.write(0);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The RARP an ESXi host sends for VM 00:50:56:9d:b0:51 after vMotion, 802.1Q VLAN 10, padded to 60. */
    static byte[] esxiRarpVlan10() {
        return of().hex("ffffffffffff 0050569db051 8100 000a 8035")
                .hex("0001 0800 06 04 0003 0050569db051 00000000 0050569db051 00000000")
                .pad(64).bytes();
    }

    static FrameInfo info(byte[] frame) {
        return info(frame, frame.length, 1);
    }

    static FrameInfo info(byte[] frame, int originalLength, int linkType) {
        return new FrameInfo(1, 1_700_000_000_123_456_000L, 0, 0, frame.length, originalLength, 0, "vmnic1",
                linkType, -1, 0, java.util.List.of());
    }
}
