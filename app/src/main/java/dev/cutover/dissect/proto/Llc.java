package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;

/** IEEE 802.2 LLC with SNAP, enough to reach ARP carried in 802.3 frames. */
public final class Llc {
    /** DSAP and SSAP of SNAP. */
    public static final int SAP_SNAP = 0xaa;
    /** Unnumbered information, the control field SNAP is sent with. */
    public static final int CONTROL_UI = 0x03;
    /** LLC (3 bytes) and SNAP (OUI, protocol id). */
    public static final int SNAP_HEADER_LENGTH = 8;
    /** The OUI under which SNAP's protocol id is an EtherType. */
    public static final int OUI_ENCAPSULATED_ETHERNET = 0;

    public static final Field LLC = Field.link("llc", "Logical-Link Control", FieldType.PROTOCOL).build();
    public static final Field DSAP = Field.link("llc.dsap", "DSAP", FieldType.UINT8).hex().build();
    public static final Field SSAP = Field.link("llc.ssap", "SSAP", FieldType.UINT8).hex().build();
    public static final Field CONTROL = Field.link("llc.control", "Control field", FieldType.UINT16).hex().build();
    public static final Field OUI = Field.link("llc.oui", "Organization Code", FieldType.UINT32).hex().build();
    public static final Field TYPE = Field.link("llc.type", "Type", FieldType.UINT16).hex().names(EtherTypes.NAMES)
            .build();
    public static final Field PID = Field.link("llc.pid", "Protocol ID", FieldType.UINT16).hex().build();

    public static final List<Field> FIELDS = List.of(LLC, DSAP, SSAP, CONTROL, OUI, TYPE, PID);

    private Llc() {
    }
}
