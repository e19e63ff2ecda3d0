package dev.cutover.dissect.proto;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;
import java.util.Map;

/** IEEE 802.1Q tags (TPID 0x8100, 0x9100) and IEEE 802.1ad service tags (TPID 0x88a8), any depth. */
public final class Vlan {
    static final Map<Long, String> PCP = Map.of(
            0L, "Best Effort (default)", 1L, "Background", 2L, "Excellent Effort", 3L, "Critical Applications",
            4L, "Video, < 100ms latency and jitter", 5L, "Voice, < 10ms latency and jitter",
            6L, "Internetwork Control", 7L, "Network Control");
    private static final Map<Long, String> DEI = Map.of(0L, "Ineligible", 1L, "Eligible");

    public static final Field VLAN = Field.of("vlan", "802.1Q Virtual LAN", FieldType.PROTOCOL)
            .blurb("An IEEE 802.1Q (customer) VLAN tag").build();
    public static final Field PRIORITY = Field.of("vlan.priority", "Priority", FieldType.UINT16).mask(0xe000)
            .names(PCP).blurb("Priority code point (PCP)").build();
    public static final Field DEI_BIT = Field.of("vlan.dei", "DEI", FieldType.BOOLEAN).mask(0x1000).names(DEI)
            .blurb("Drop eligible indicator").build();
    public static final Field ID = Field.of("vlan.id", "ID", FieldType.UINT16).mask(0x0fff)
            .blurb("VLAN identifier (VID)").build();
    public static final Field ETYPE = Field.of("vlan.etype", "Type", FieldType.UINT16).hex().names(EtherTypes.NAMES)
            .build();
    public static final Field LEN = Field.of("vlan.len", "Length", FieldType.UINT16).build();
    public static final Field TRAILER = Field.of("vlan.trailer", "Trailer", FieldType.BYTES).build();

    public static final Field AD = Field.of("ieee8021ad", "IEEE 802.1ad", FieldType.PROTOCOL)
            .blurb("An IEEE 802.1ad (provider, Q-in-Q) service tag").build();
    public static final Field AD_PRIORITY = Field.of("ieee8021ad.priority", "Priority", FieldType.UINT16)
            .mask(0xe000).names(PCP).build();
    public static final Field AD_DEI = Field.of("ieee8021ad.dei", "DEI", FieldType.UINT16).mask(0x1000).build();
    public static final Field AD_ID = Field.of("ieee8021ad.id", "ID", FieldType.UINT16).mask(0x0fff).build();
    public static final Field AD_ETYPE = Field.of("ieee8021ah.etype", "Type", FieldType.UINT16).hex()
            .names(EtherTypes.NAMES).build();
    public static final Field AD_TRAILER = Field.of("ieee8021ah.trailer", "Trailer", FieldType.BYTES).build();

    public static final List<Field> FIELDS = List.of(VLAN, PRIORITY, DEI_BIT, ID, ETYPE, LEN, TRAILER,
            AD, AD_PRIORITY, AD_DEI, AD_ID, AD_ETYPE, AD_TRAILER);

    private Vlan() {
    }
}
