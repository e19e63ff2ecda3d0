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
    /**
     * A floating-point number (Wireshark's FT_DOUBLE), held in a node's long value as {@link #doubleKey}'s
     * order-keeping form, so that filters compare the numbers with the integer comparisons.
     */
    DOUBLE("floating point (double-precision)"),
    FRAMENUM("frame number");

    private final String description;

    FieldType(String description) {
        this.description = description;
    }

    /** The words `cutover fields` prints, as `tshark -G fields` prints FT_ names. */
    public String description() {
        return description;
    }

    /** {@code value} as a long that orders as the numbers do (and is equal only for equal numbers, -0 aside). */
    public static long doubleKey(double value) {
        long bits = Double.doubleToLongBits(value == 0 ? 0.0 : value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The number {@link #doubleKey} turned into {@code key}. */
    public static double fromDoubleKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == FRAMENUM;
    }
}
