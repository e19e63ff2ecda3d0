package dev.cutover.dissect.proto;

import dev.cutover.dissect.Expert;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.Severity;
import dev.cutover.dissect.FieldType;

import java.util.List;

/** GRE, ERSPAN (types I and II) and the 802.11 data header CAPWAP carries: the ways ARP travels tunnelled. */
public final class Gre {
    public static final int ERSPAN = 0x88be;
    public static final int TRANSPARENT_ETHERNET = 0x6558;

    public static final Field GRE = Field.of("gre", "Generic Routing Encapsulation", FieldType.PROTOCOL).build();
    public static final Field FLAGS = Field.of("gre.flags_and_version", "Flags and Version", FieldType.UINT16).hex()
            .build();
    public static final Field PROTO = Field.of("gre.proto", "Protocol Type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field CHECKSUM = Field.of("gre.checksum", "Checksum", FieldType.UINT16).hex().build();
    public static final Field KEY = Field.of("gre.key", "Key", FieldType.UINT32).hex().build();
    public static final Field SEQUENCE = Field.of("gre.sequence_number", "Sequence Number", FieldType.UINT32).build();

    public static final Field ERSPAN_PROTO = Field.of("erspan", "Encapsulated Remote Switch Packet ANalysis",
            FieldType.PROTOCOL).build();
    public static final Field ERSPAN_VERSION = Field.of("erspan.version", "Version", FieldType.UINT16).mask(0xf000)
            .build();
    public static final Field ERSPAN_VLAN = Field.of("erspan.vlan", "Vlan", FieldType.UINT16).mask(0x0fff).build();
    public static final Field ERSPAN_SPANID = Field.of("erspan.spanid", "SpanID", FieldType.UINT16).mask(0x03ff)
            .build();

    public static final Field WLAN = Field.of("wlan", "IEEE 802.11 Data", FieldType.PROTOCOL).build();
    public static final Field WLAN_FC = Field.of("wlan.fc", "Frame Control Field", FieldType.UINT16).hex()
            .blurb("Frame control, in the byte order it was sent").build();
    public static final Field WLAN_RA = Field.of("wlan.ra", "Receiver address", FieldType.ETHER).build();
    public static final Field WLAN_TA = Field.of("wlan.ta", "Transmitter address", FieldType.ETHER).build();
    public static final Field WLAN_DA = Field.of("wlan.da", "Destination address", FieldType.ETHER).build();
    public static final Field WLAN_SA = Field.of("wlan.sa", "Source address", FieldType.ETHER).build();
    public static final Field WLAN_BSSID = Field.of("wlan.bssid", "BSS Id", FieldType.ETHER).build();

    public static final Expert TOO_DEEP = Expert.of("_ws.tunnels_too_deep", Severity.WARNING, "Malformed",
            "Tunnels nested more than 8 deep are not followed");

    public static final List<Field> FIELDS = List.of(GRE, FLAGS, PROTO, CHECKSUM, KEY, SEQUENCE, ERSPAN_PROTO,
            ERSPAN_VERSION, ERSPAN_VLAN, ERSPAN_SPANID, WLAN, WLAN_FC, WLAN_RA, WLAN_TA, WLAN_DA, WLAN_SA,
            WLAN_BSSID, TOO_DEEP.field());

    private Gre() {
    }
}
