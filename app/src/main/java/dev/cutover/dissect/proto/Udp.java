package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;

/** UDP, and the tunnels Cutover follows through it to reach ARP: VXLAN, Geneve, CAPWAP data. */
public final class Udp {
    public static final int VXLAN_PORT = 4789;
    public static final int GENEVE_PORT = 6081;
    public static final int CAPWAP_DATA_PORT = 5247;

    public static final Field UDP = Field.payload("udp", "User Datagram Protocol", FieldType.PROTOCOL).build();
    public static final Field SRCPORT = Field.payload("udp.srcport", "Source Port", FieldType.UINT16).build();
    public static final Field DSTPORT = Field.payload("udp.dstport", "Destination Port", FieldType.UINT16).build();
    public static final Field PORT = Field.payload("udp.port", "Source or Destination Port", FieldType.UINT16).hidden()
            .build();
    public static final Field LENGTH = Field.payload("udp.length", "Length", FieldType.UINT16).build();
    public static final Field CHECKSUM = Field.payload("udp.checksum", "Checksum", FieldType.UINT16).hex().build();

    public static final Field VXLAN = Field.payload("vxlan", "Virtual eXtensible Local Area Network", FieldType.PROTOCOL)
            .build();
    public static final Field VXLAN_FLAGS = Field.payload("vxlan.flags", "Flags", FieldType.UINT8).hex().build();
    public static final Field VXLAN_VNI = Field.payload("vxlan.vni", "VXLAN Network Identifier (VNI)", FieldType.UINT32)
            .mask(0xffffff00L).build();

    public static final Field GENEVE = Field.payload("geneve", "Generic Network Virtualization Encapsulation",
            FieldType.PROTOCOL).build();
    public static final Field GENEVE_VERSION = Field.payload("geneve.version", "Version", FieldType.UINT8).mask(0xc0).build();
    public static final Field GENEVE_OPT_LEN = Field.payload("geneve.options_len", "Options Length", FieldType.UINT8)
            .mask(0x3f).blurb("Options length in 4-byte words").build();
    public static final Field GENEVE_PROTO = Field.payload("geneve.proto_type", "Protocol Type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field GENEVE_VNI = Field.payload("geneve.vni", "Virtual Network Identifier (VNI)",
            FieldType.UINT32).mask(0xffffff00L).build();
    public static final Field GENEVE_OPTIONS = Field.payload("geneve.options", "Options", FieldType.BYTES).build();

    public static final Field CAPWAP = Field.payload("capwap.data", "Control And Provisioning of Wireless Access Points - Data",
            FieldType.PROTOCOL).build();
    public static final Field CAPWAP_HLEN = Field.payload("capwap.header.length", "Header Length", FieldType.UINT32)
            .mask(0x00f80000L).blurb("Header length in 4-byte words").build();
    public static final Field CAPWAP_WBID = Field.payload("capwap.header.wbid", "Wireless Binding ID", FieldType.UINT32)
            .mask(0x00003e00L).build();
    public static final Field CAPWAP_FLAGS = Field.payload("capwap.header.flags", "Header Flags", FieldType.UINT32)
            .hex().mask(0x000001ffL).build();

    public static final List<Field> FIELDS = List.of(UDP, SRCPORT, DSTPORT, PORT, LENGTH, CHECKSUM, VXLAN,
            VXLAN_FLAGS, VXLAN_VNI, GENEVE, GENEVE_VERSION, GENEVE_OPT_LEN, GENEVE_PROTO, GENEVE_VNI, GENEVE_OPTIONS,
            CAPWAP, CAPWAP_HLEN, CAPWAP_WBID, CAPWAP_FLAGS);

    private Udp() {
    }
}
