package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/** IEEE 802.1Q tags (TPID 0x8100, 0x9100) and IEEE 802.1ad service tags (TPID 0x88a8), any depth. */
public final class Vlan {
    /** An 802.1Q or 802.1ad tag: TCI and the next type/length. */
    public static final int TAG_LENGTH = 4;
    /** An 802.1ah I-tag with the customer's addresses after it and the next EtherType at its end. */
    public static final int I_TAG_LENGTH = 18;

    static final Map<Long, String> PCP = Map.of(
            0L, "Best Effort (default)", 1L, "Background", 2L, "Excellent Effort", 3L, "Critical Applications",
            4L, "Video, < 100ms latency and jitter", 5L, "Voice, < 10ms latency and jitter",
            6L, "Internetwork Control", 7L, "Network Control");
    private static final Map<Long, String> DEI = Map.of(0L, "Ineligible", 1L, "Eligible");

    public static final Field VLAN = Field.link("vlan", "802.1Q Virtual LAN", FieldType.PROTOCOL)
            .blurb("An IEEE 802.1Q (customer) VLAN tag").build();
    public static final Field PRIORITY = Field.link("vlan.priority", "Priority", FieldType.UINT16).mask(0xe000)
            .names(PCP).blurb("Priority code point (PCP)").build();
    public static final Field DEI_BIT = Field.link("vlan.dei", "DEI", FieldType.BOOLEAN).mask(0x1000).names(DEI)
            .blurb("Drop eligible indicator").build();
    public static final Field ID = Field.link("vlan.id", "ID", FieldType.UINT16).mask(0x0fff)
            .blurb("VLAN identifier (VID)").build();
    public static final Field ETYPE = Field.link("vlan.etype", "Type", FieldType.UINT16).hex().names(EtherTypes.NAMES)
            .build();
    public static final Field LEN = Field.link("vlan.len", "Length", FieldType.UINT16).build();
    public static final Field TRAILER = Field.trailer("vlan.trailer", "Trailer", FieldType.BYTES).build();

    public static final Field AD = Field.link("ieee8021ad", "IEEE 802.1ad", FieldType.PROTOCOL)
            .blurb("An IEEE 802.1ad (provider, Q-in-Q) service tag").build();
    public static final Field AD_PRIORITY = Field.link("ieee8021ad.priority", "Priority", FieldType.UINT16)
            .mask(0xe000).names(PCP).build();
    public static final Field AD_DEI = Field.link("ieee8021ad.dei", "DEI", FieldType.UINT16).mask(0x1000).build();
    public static final Field AD_ID = Field.link("ieee8021ad.id", "ID", FieldType.UINT16).mask(0x0fff).build();
    public static final Field AD_ETYPE = Field.link("ieee8021ah.etype", "Type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field AD_TRAILER = Field.trailer("ieee8021ah.trailer", "Trailer", FieldType.BYTES).build();

    public static final Field AH = Field.link("ieee8021ah", "IEEE 802.1ah", FieldType.PROTOCOL)
            .blurb("An IEEE 802.1ah provider backbone (mac-in-mac) I-tag").build();
    public static final Field AH_PRIORITY = Field.link("ieee8021ah.priority", "Priority", FieldType.UINT32)
            .mask(0xe0000000L).names(PCP).build();
    public static final Field AH_DROP = Field.link("ieee8021ah.drop", "DROP", FieldType.UINT32).mask(0x10000000L).build();
    public static final Field AH_NCA = Field.link("ieee8021ah.nca", "NCA", FieldType.UINT32).mask(0x08000000L).build();
    public static final Field AH_ISID = Field.link("ieee8021ah.isid", "I-SID", FieldType.UINT32).mask(0x00ffffffL)
            .build();
    public static final Field AH_CDST = Field.link("ieee8021ah.cdst", "C-Destination", FieldType.ETHER).build();
    public static final Field AH_CSRC = Field.link("ieee8021ah.csrc", "C-Source", FieldType.ETHER).build();

    public static final List<Field> FIELDS = List.of(VLAN, PRIORITY, DEI_BIT, ID, ETYPE, LEN, TRAILER,
            AD, AD_PRIORITY, AD_DEI, AD_ID, AD_ETYPE, AD_TRAILER, AH, AH_PRIORITY, AH_DROP, AH_NCA, AH_ISID,
            AH_CDST, AH_CSRC);

    private Vlan() {
    }
}
