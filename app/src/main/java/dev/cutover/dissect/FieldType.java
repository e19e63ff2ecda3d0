package dev.cutover.dissect;

/** The value type of a declared field, as Wireshark's FT_* types. */
public enum FieldType {
    /** A protocol: its node spans the bytes the protocol covers. */
    PROTOCOL("protocol"),
    /** A label without a value (expert infos, text items). */
    NONE("label"),
    UINT8("unsigned integer, 1 byte"),
    UINT16("unsigned integer, 2 bytes"),
    UINT32("unsigned integer, 4 bytes"),
    BOOLEAN("boolean"),
    ETHER("Ethernet or other MAC address"),
    IPV4("IPv4 address"),
    /** Sixteen bytes, shown in RFC 5952's short form (fe80::1). */
    IPV6("IPv6 address"),
    BYTES("byte sequence"),
    STRING("character string"),
    ABSOLUTE_TIME("date and time"),
    RELATIVE_TIME("time offset"),
    FRAMENUM("frame number");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    /** The words `cutover fields` prints, as `tshark -G fields` prints FT_ names. */
    public String description() {
        return description;
    }

    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == FRAMENUM;
    }
}
