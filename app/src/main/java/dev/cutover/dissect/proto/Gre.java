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

    public static final Field GRE = Field.payload("gre", "Generic Routing Encapsulation", FieldType.PROTOCOL).build();
    public static final Field FLAGS = Field.payload("gre.flags_and_version", "Flags and Version", FieldType.UINT16).hex()
            .build();
    public static final Field PROTO = Field.payload("gre.proto", "Protocol Type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field CHECKSUM = Field.payload("gre.checksum", "Checksum", FieldType.UINT16).hex().build();
    public static final Field KEY = Field.payload("gre.key", "Key", FieldType.UINT32).hex().build();
    public static final Field SEQUENCE = Field.payload("gre.sequence_number", "Sequence Number", FieldType.UINT32).build();

    public static final Field ERSPAN_PROTO = Field.payload("erspan", "Encapsulated Remote Switch Packet ANalysis",
            FieldType.PROTOCOL).build();
    public static final Field ERSPAN_VERSION = Field.payload("erspan.version", "Version", FieldType.UINT16).mask(0xf000)
            .build();
    public static final Field ERSPAN_VLAN = Field.payload("erspan.vlan", "Vlan", FieldType.UINT16).mask(0x0fff).build();
    public static final Field ERSPAN_SPANID = Field.payload("erspan.spanid", "SpanID", FieldType.UINT16).mask(0x03ff)
            .build();

    public static final Field WLAN = Field.payload("wlan", "IEEE 802.11 Data", FieldType.PROTOCOL).build();
    public static final Field WLAN_FC = Field.payload("wlan.fc", "Frame Control Field", FieldType.UINT16).hex()
            .blurb("Frame control, in the byte order it was sent").build();
    public static final Field WLAN_RA = Field.payload("wlan.ra", "Receiver address", FieldType.ETHER).build();
    public static final Field WLAN_TA = Field.payload("wlan.ta", "Transmitter address", FieldType.ETHER).build();
    public static final Field WLAN_DA = Field.payload("wlan.da", "Destination address", FieldType.ETHER).build();
    public static final Field WLAN_SA = Field.payload("wlan.sa", "Source address", FieldType.ETHER).build();
    public static final Field WLAN_BSSID = Field.payload("wlan.bssid", "BSS Id", FieldType.ETHER).build();

    public static final Expert TOO_DEEP = Expert.of(Field.Source.PAYLOAD, "_ws.tunnels_too_deep", Severity.WARNING, "Malformed",
            "Tunnels nested more than 8 deep are not followed");

    public static final List<Field> FIELDS = List.of(GRE, FLAGS, PROTO, CHECKSUM, KEY, SEQUENCE, ERSPAN_PROTO,
            ERSPAN_VERSION, ERSPAN_VLAN, ERSPAN_SPANID, WLAN, WLAN_FC, WLAN_RA, WLAN_TA, WLAN_DA, WLAN_SA,
            WLAN_BSSID, TOO_DEEP.field());

    private Gre() {
    }
}
