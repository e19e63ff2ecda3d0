package dev.cutover.testsupport;

import java.util.HexFormat;

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
}
