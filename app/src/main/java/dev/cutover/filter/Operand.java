package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.filter.Ast.Range;

import java.util.List;

/**
 * What one side of a relation reads from each node of its field: the value as a number, as bytes, or as
 * text, whichever the type has. Slices and bitwise "and" are views over another operand, so reading them
 * allocates nothing.
 */
final class Operand {
    /** A node's value as a number (integers, booleans, MACs, IPv4 addresses, times in ns). */
    interface Numbers {
        long get(Dissection d, int node);
    }

    /** A node's value as bytes: its length, or -1 when it has none (a slice past the end). */
    interface Bytes {
        int length(Dissection d, int node);

        int at(Dissection d, int node, int index);
    }

    /** A node's value as text. */
    interface Text {
        String get(Dissection d, int node);
    }

    final Field field;
    /** The type comparisons follow: the field's, except that a slice is BYTES. */
    final FieldType type;
    /** How messages name it: the field name, or the slice as written. */
    final String label;
    final Numbers numbers;
    final Bytes bytes;
    final Text text;
    /** False when the values are not the field's own (len()), so its value names do not apply. */
    private final boolean named;

    private Operand(Field field, FieldType type, String label, Numbers numbers, Bytes bytes, Text text) {
        this(field, type, label, numbers, bytes, text, true);
    }

    private Operand(Field field, FieldType type, String label, Numbers numbers, Bytes bytes, Text text,
                    boolean named) {
        this.field = field;
        this.type = type;
        this.label = label;
        this.numbers = numbers;
        this.bytes = bytes;
        this.text = text;
        this.named = named;
    }

    static Operand of(Field f) {
        String label = f.abbrev();
        switch (f.type()) {
            case UINT8:
            case UINT16:
            case UINT32:
            case FRAMENUM:
            case RELATIVE_TIME:
            case ABSOLUTE_TIME:
            case DOUBLE:
                return new Operand(f, f.type(), label, Dissection::value, null, null);
            case BOOLEAN:
                return new Operand(f, f.type(), label, (d, i) -> d.value(i) != 0 ? 1 : 0, null, null);
            case ETHER:
                return new Operand(f, f.type(), label, Dissection::value, bigEndian(6), null);
            case IPV4:
                return new Operand(f, f.type(), label, Dissection::value, bigEndian(4), null);
            case BYTES:
            case IPV6:
            case PROTOCOL:
                return new Operand(f, f.type(), label, null, new Covered(), null);
            case STRING:
                Text t = (d, i) -> {
                    Object o = d.object(i);
                    return o == null ? "" : o.toString();
                };
                return new Operand(f, f.type(), label, null, new Utf8(t), t);
            case NONE:
            default:
                return new Operand(f, f.type(), label, null, null, null);
        }
    }

    /**
     * {@code len(f)}: each value's length in bytes, as Wireshark's fvalue_length: a string's UTF-8 bytes, the bytes
     * a byte field or protocol covers, the width of an integer type, 6 for a MAC, 4 for IPv4, 0 for booleans
     * and times.
     */
    static Operand length(Field f, String label) {
        Operand base = of(f);
        Numbers n;
        switch (f.type()) {
            case UINT8:
                n = (d, i) -> 1;
                break;
            case UINT16:
                n = (d, i) -> 2;
                break;
            case UINT32:
            case FRAMENUM:
            case IPV4:
                n = (d, i) -> 4;
                break;
            case ETHER:
                n = (d, i) -> 6;
                break;
            case BYTES:
            case IPV6:
            case PROTOCOL:
            case STRING:
                Bytes b = base.bytes;
                n = (d, i) -> Math.max(0, b.length(d, i));
                break;
            default:
                n = (d, i) -> 0;
        }
        return new Operand(f, FieldType.UINT32, label, n, null, null, false);
    }

    /** Value names a literal compared with this operand may use ("request" for arp.opcode); none for len(). */
    java.util.Map<Long, String> valueNames() {
        return named ? field.valueNames() : java.util.Map.of();
    }

    String describe() {
        return label + " (" + type.description() + ")";
    }

    /** Numbers are compared as numbers; a MAC compared with bytes is compared as its six bytes. */
    boolean isNumeric() {
        return numbers != null;
    }

    boolean isText() {
        return text != null;
    }

    /** False for a node whose slice falls outside its bytes: such a node takes part in no comparison. */
    boolean present(Dissection d, int node) {
        return numbers != null || text != null || bytes == null || bytes.length(d, node) >= 0;
    }

    Operand slice(List<Range> ranges, String sliceLabel) {
        Range[] r = ranges.toArray(new Range[0]);
        return new Operand(field, FieldType.BYTES, sliceLabel, null, new Sliced(bytes, r), null);
    }

    Operand masked(long mask, String maskedLabel) {
        Numbers base = numbers;
        return new Operand(field, type, maskedLabel, (d, i) -> base.get(d, i) & mask, null, null, named);
    }

    Operand masked(byte[] mask, String maskedLabel) {
        Bytes base = bytes;
        Bytes and = new Bytes() {
            @Override
            public int length(Dissection d, int node) {
                return base.length(d, node);
            }

            @Override
            public int at(Dissection d, int node, int index) {
                return index < mask.length ? base.at(d, node, index) & mask[index] & 0xff : 0;
            }
        };
        return new Operand(field, type, maskedLabel, null, and, null);
    }

    /** The bytes of a number: a MAC's six, an IPv4 address's four. */
    private static Bytes bigEndian(int n) {
        return new Bytes() {
            @Override
            public int length(Dissection d, int node) {
                return n;
            }

            @Override
            public int at(Dissection d, int node, int index) {
                return (int) (d.value(node) >>> (8 * (n - 1 - index))) & 0xff;
            }
        };
    }

    /** The frame bytes a node covers (BYTES fields and protocols). */
    private static final class Covered implements Bytes {
        @Override
        public int length(Dissection d, int node) {
            return Math.max(0, Math.min(d.length(node), d.capturedLength() - d.offset(node)));
        }

        @Override
        public int at(Dissection d, int node, int index) {
            return d.data()[d.offset(node) + index] & 0xff;
        }
    }

    /** Wireshark's drange: several ranges joined; a node lacking any of them has no value. */
    private static final class Sliced implements Bytes {
        private final Bytes base;
        private final Range[] ranges;

        Sliced(Bytes base, Range[] ranges) {
            this.base = base;
            this.ranges = ranges;
        }

        @Override
        public int length(Dissection d, int node) {
            int whole = base.length(d, node);
            if (whole < 0) {
                return -1;
            }
            int total = 0;
            for (Range r : ranges) {
                int start = start(r, whole);
                int n = length(r, start, whole);
                if (n <= 0) {
                    return -1;
                }
                total += n;
            }
            return total;
        }

        @Override
        public int at(Dissection d, int node, int index) {
            int whole = base.length(d, node);
            int k = index;
            for (Range r : ranges) {
                int start = start(r, whole);
                int n = length(r, start, whole);
                if (k < n) {
                    return base.at(d, node, start + k);
                }
                k -= n;
            }
            throw new IndexOutOfBoundsException(index);
        }

        private static int start(Range r, int whole) {
            return r.start() < 0 ? whole + r.start() : r.start();
        }

        /** The range's length within {@code whole} bytes, or -1 when it does not fit. */
        private static int length(Range r, int start, int whole) {
            if (start < 0 || start > whole) {
                return -1;
            }
            if (r.length() == Range.TO_END) {
                return whole - start;
            }
            return start + r.length() <= whole ? r.length() : -1;
        }
    }

    /** A string's UTF-8 bytes, read without encoding the string (strings here are short and mostly ASCII). */
    private static final class Utf8 implements Bytes {
        private final Text text;

        Utf8(Text text) {
            this.text = text;
        }

        @Override
        public int length(Dissection d, int node) {
            String s = text.get(d, node);
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                int cp = s.codePointAt(i);
                n += width(cp);
                if (cp > 0xffff) {
                    i++;
                }
            }
            return n;
        }

        @Override
        public int at(Dissection d, int node, int index) {
            String s = text.get(d, node);
            int k = index;
            for (int i = 0; i < s.length(); i++) {
                int cp = s.codePointAt(i);
                int w = width(cp);
                if (k < w) {
                    return encoded(cp, w, k);
                }
                k -= w;
                if (cp > 0xffff) {
                    i++;
                }
            }
            throw new IndexOutOfBoundsException(index);
        }

        private static int width(int cp) {
            return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        }

        private static int encoded(int cp, int width, int k) {
            if (width == 1) {
                return cp;
            }
            if (k == 0) {
                int lead = width == 2 ? 0xc0 : width == 3 ? 0xe0 : 0xf0;
                return lead | (cp >>> (6 * (width - 1)));
            }
            return 0x80 | ((cp >>> (6 * (width - 1 - k))) & 0x3f);
        }
    }
}
