package dev.cutover.dissect;


/** Turns recorded values into text: tshark's {@code -T json -e} form, and the details tree's labels. */
public final class FieldFormat {
    private FieldFormat() {
    }

    /** The value as {@code tshark -T json -e} prints it (MACs colon-separated, IPv4 dotted, hex types 0x8035). */
    public static String value(Dissection d, int node) {
        StringBuilder sb = new StringBuilder(24);
        appendValue(sb, d, node);
        return sb.toString();
    }

    public static void appendValue(StringBuilder sb, Dissection d, int node) {
        Field f = d.field(node);
        long v = d.value(node);
        switch (f.type()) {
            case UINT8:
            case UINT16:
            case UINT32:
            case FRAMENUM:
                if (f.hex() && f.mask() == 0) {
                    appendHex(sb, v, f.type() == FieldType.UINT8 ? 2 : f.type() == FieldType.UINT16 ? 4 : 8, f);
                } else if (f.hex() && f.type() == FieldType.UINT32) {
                    // tshark writes a masked hexadecimal field as wide as the bytes it lies in: ipv6.tclass
                    // 0x000000b8 (four bytes), ipv6.flow 0x012345 (three)
                    int width = d.length(node);
                    appendHex(sb, v, width > 0 && width < 4 ? width * 2 : 8, f);
                } else {
                    sb.append(v);
                }
                break;
            case BOOLEAN:
                sb.append(v != 0 ? '1' : '0');
                break;
            case ETHER:
                Addresses.appendMac(sb, v);
                break;
            case IPV4:
                Addresses.appendIpv4(sb, v);
                break;
            case IPV6:
                if (d.length(node) == 16) {
                    sb.append(Addresses.ipv6(d.data(), d.offset(node)));
                }
                break;
            case BYTES:
                Addresses.appendHex(sb, d.data(), d.offset(node), d.length(node));
                break;
            case ABSOLUTE_TIME:
                sb.append(absoluteTime(v, 9));
                break;
            case RELATIVE_TIME:
                appendSeconds(sb, v);
                break;
            case DOUBLE:
                sb.append(fifteenDigits(FieldType.fromDoubleKey(v)));
                break;
            case NONE:
                // the cross-frame facts with no value (icmp.no_resp, tcp.analysis.retransmission): tshark -T fields
                // and -T json -e print "1" where they are present
                if (f.source() == Field.Source.TRAFFIC) {
                    sb.append('1');
                    break;
                }
                // other fields with no value (expert infos) print their text, as a string does
                // fall through
            case STRING:
                Object o = d.object(node);
                sb.append(o == null ? "" : o.toString());
                break;
            case PROTOCOL:
            default:
                break;
        }
    }

    private static void appendHex(StringBuilder sb, long v, int digits, Field f) {
        String hex = Long.toHexString(v);
        sb.append("0x");
        for (int i = hex.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(hex);
    }

    /** Nanoseconds as seconds with nine decimals, the way tshark prints time fields ("1386259199.430926000"). */
    public static void appendSeconds(StringBuilder sb, long nanos) {
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        long ns = Math.floorMod(nanos, 1_000_000_000L);
        if (s < 0 && ns != 0) {
            // -0.5 s is "-0.500000000", not "-1.500000000".
            sb.append('-');
            s = -(s + 1);
            ns = 1_000_000_000L - ns;
        }
        sb.append(s).append('.');
        String frac = Long.toString(ns);
        for (int i = frac.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(frac);
    }

    public static String seconds(long nanos) {
        StringBuilder sb = new StringBuilder(20);
        appendSeconds(sb, nanos);
        return sb.toString();
    }

    /** "Dec  5, 2013 16:59:59.430926000 UTC", with {@code digits} decimals (Wireshark's absolute time). */
    public static String absoluteTime(long nanos, int digits) {
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        long ns = Math.floorMod(nanos, 1_000_000_000L);
        StringBuilder sb = new StringBuilder(40);
        dev.cutover.text.IsoTime.appendWireshark(sb, s);
        appendFraction(sb, ns, digits);
        return sb.append(" UTC").toString();
    }

    /**
     * A number as C's {@code printf("%.15g")} writes it, which tshark 4.0 uses for a double field's value
     * ({@code icmp.resptime} "0.4", "102.642"): 15 significant digits, correctly rounded, trailing zeros dropped,
     * the exponent form below 1e-4 and from 1e15.
     */
    public static String fifteenDigits(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        java.math.BigDecimal b = new java.math.BigDecimal(v)
                .round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
        int exponent = b.precision() - b.scale() - 1;
        if (exponent >= -4 && exponent < 15) {
            return b.toPlainString();
        }
        String digits = b.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder(24);
        if (b.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append(exponent < 0 ? "e-" : "e+");
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    /** ".430926" for 6 digits, nothing for 0. */
    public static void appendFraction(StringBuilder sb, long ns, int digits) {
        if (digits <= 0) {
            return;
        }
        String frac = Long.toString(ns);
        StringBuilder nine = new StringBuilder(9);
        for (int i = frac.length(); i < 9; i++) {
            nine.append('0');
        }
        nine.append(frac);
        sb.append('.').append(nine, 0, Math.min(9, digits));
    }

    /** The details-tree line: "Opcode: reverse request (3)", "[Is gratuitous: True]", "Source: 00:50:56:9d:b0:51". */
    public static String label(Dissection d, int node) {
        Field f = d.field(node);
        StringBuilder sb = new StringBuilder(64);
        if (f.type() == FieldType.PROTOCOL) {
            return ProtocolSummary.of(d, node);
        }
        String special = ProtocolSummary.valueLabel(d, node);
        if (special != null) {
            return special;
        }
        if (f.type() == FieldType.NONE) {
            Object msg = d.object(node);
            if (!f.generated()) {
                // A heading of the tree ("Queries"), Wireshark's text item: shown as it is.
                return msg == null ? f.label() : msg.toString();
            }
            Severity sev = d.severity(node);
            sb.append('[').append(msg == null ? f.label() : msg.toString());
            if (sev != null) {
                sb.append(" (").append(sev.label()).append(')');
            }
            return sb.append(']').toString();
        }
        if (f.generated()) {
            sb.append('[');
        }
        if (f.mask() != 0) {
            appendBitPattern(sb, f, d.value(node), d.length(node));
            sb.append(" = ");
        }
        sb.append(f.label()).append(": ");
        long v = d.value(node);
        String name = f.valueNames().isEmpty() ? null : f.valueName(v);
        switch (f.type()) {
            case BOOLEAN:
                sb.append(name != null ? name : v != 0 ? "True" : "False");
                break;
            case ETHER:
                String vendor = d.vendors().of(v);
                if (vendor != null && f.type() == FieldType.ETHER && !f.generated()) {
                    // Wireshark's resolved form takes the registry's short name: VMware_9d:b0:51, IntelCor_00:01:02
                    String prefix = d.vendors().shortName(v);
                    sb.append(prefix != null ? prefix : vendor).append('_').append(Addresses.mac(v).substring(9))
                            .append(" (");
                    Addresses.appendMac(sb, v);
                    sb.append(')');
                } else {
                    Addresses.appendMac(sb, v);
                }
                break;
            case ABSOLUTE_TIME:
                sb.append(absoluteTime(v, 9));
                break;
            case RELATIVE_TIME:
                appendSeconds(sb, v);
                sb.append(" seconds");
                break;
            case BYTES:
                Addresses.appendHex(sb, d.data(), d.offset(node), Math.min(d.length(node), 64));
                if (d.length(node) > 64) {
                    sb.append('…');
                }
                break;
            default:
                if (name != null) {
                    sb.append(name).append(" (");
                    appendValue(sb, d, node);
                    sb.append(')');
                } else {
                    appendValue(sb, d, node);
                }
        }
        if (f.generated()) {
            sb.append(']');
        }
        return sb.toString();
    }

    /** Wireshark's "000. .... .... .... " picture of a bit field within its bytes. */
    static void appendBitPattern(StringBuilder sb, Field f, long value, int bytes) {
        long mask = f.mask();
        int bits = Math.max(1, bytes) * 8;
        int shift = Long.numberOfTrailingZeros(mask);
        long placed = (value << shift) & mask;
        for (int i = bits - 1; i >= 0; i--) {
            long bit = 1L << i;
            sb.append((mask & bit) == 0 ? '.' : (placed & bit) != 0 ? '1' : '0');
            if (i % 4 == 0 && i > 0) {
                sb.append(' ');
            }
        }
    }
}
