package dev.cutover.testsupport;

import dev.cutover.capture.PcapngWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** The two frames of a vMotion's announcement, as bytes on the wire. */
public final class MigrationFrames {
    /** ESXi's RARP for 00:50:56:9d:b0:51 in an 802.1Q tag for VLAN 10, padded to 64 bytes. */
    public static final byte[] RARP_VLAN10 = HexFormat.of().parseHex(
            "ffffffffffff0050569db05181000" + "00a8035" + "000108000604000300" + "50569db05100000000"
                    + "0050569db05100000000" + "0000000000000000000000000000");
    /** The guest's gratuitous ARP request for 10.0.0.152, untagged, padded to 60 bytes. */
    public static final byte[] GARP = HexFormat.of().parseHex(
            "ffffffffffff0050569db0510806" + "0001080006040001" + "0050569db0510a000098" + "0000000000000a000098"
                    + "000000000000000000000000000000000000");

    private MigrationFrames() {
    }

    /** Writes a pcapng of one {@link #RARP_VLAN10} on an interface of that name, with that packet comment. */
    public static Path rarpPcapng(Path file, String interfaceName, String comment) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); PcapngWriter w = new PcapngWriter(os, "test")) {
            int iface = w.addInterface(1, 65535, interfaceName, null, 9);
            w.write(iface, 1_700_000_000_000_000_000L, RARP_VLAN10, 0, RARP_VLAN10.length, RARP_VLAN10.length,
                    List.of(comment), 0);
        }
        return file;
    }
}
