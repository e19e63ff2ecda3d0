package dev.cutover.filter;

import dev.cutover.dissect.Dissection;
import dev.cutover.filter.Ast.Op;
import dev.cutover.filter.Evaluators.NodeTest;
import dev.cutover.filter.Evaluators.PairTest;
import dev.cutover.filter.Literals.Num;
import dev.cutover.filter.Operand.Bytes;
import dev.cutover.filter.Operand.Numbers;
import dev.cutover.filter.Operand.Text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The per-node comparisons, built once per relation with their constants captured. "Not equal" here is the
 * plain relation; whether it must hold for any node or for all is the caller's quantifier.
 */
final class Predicates {
    private Predicates() {
    }

    static NodeTest number(Numbers v, Op op, Num c) {
        long m = c.mask();
        long k = c.value() & m;
        switch (op) {
            case EQ:
            case ALL_EQ:
                return (d, i) -> (v.get(d, i) & m) == k;
            case NE:
            case ANY_NE:
                return (d, i) -> (v.get(d, i) & m) != k;
            case LT:
                return (d, i) -> (v.get(d, i) & m) < k;
            case LE:
                return (d, i) -> (v.get(d, i) & m) <= k;
            case GT:
                return (d, i) -> (v.get(d, i) & m) > k;
            case GE:
                return (d, i) -> (v.get(d, i) & m) >= k;
            default:
                throw new IllegalArgumentException(op.symbol);
        }
    }

    /** Inclusive range of numbers, for set members {@code low..high}. */
    static NodeTest numberRange(Numbers v, Num low, Num high) {
        long lo = low.value();
        long hi = high.value();
        return (d, i) -> {
            long x = v.get(d, i);
            return x >= lo && x <= hi;
        };
    }

    static NodeTest bytes(Bytes v, Op op, byte[] c) {
        if (op == Op.CONTAINS) {
            return (d, i) -> contains(v, d, i, c);
        }
        return (d, i) -> holds(op, compare(v, d, i, c));
    }

    /**
     * An IPv6 address against a prefix, as Wireshark compares them: both sides masked to the prefix's first
     * {@code bits} bits, then compared in order ({@code ipv6.src == 2001:db8::/32} is "within 2001:db8::/32").
     */
    static NodeTest bytesPrefix(Bytes v, Op op, byte[] c, int bits) {
        return (d, i) -> holds(op, comparePrefix(v, d, i, c, bits));
    }

    private static int comparePrefix(Bytes v, Dissection d, int i, byte[] c, int bits) {
        int n = v.length(d, i);
        int common = Math.min(n, c.length);
        for (int k = 0; k < common && k * 8 < bits; k++) {
            int keep = bits - k * 8 >= 8 ? 0xff : (0xff << (8 - (bits - k * 8))) & 0xff;
            int diff = (v.at(d, i, k) & keep) - (c[k] & keep);
            if (diff != 0) {
                return diff;
            }
        }
        return common * 8 >= bits ? 0 : Integer.compare(n, c.length);
    }

    static NodeTest bytesRange(Bytes v, byte[] low, byte[] high) {
        return (d, i) -> compare(v, d, i, low) >= 0 && compare(v, d, i, high) <= 0;
    }

    static NodeTest text(Text v, Op op, String c) {
        if (op == Op.CONTAINS) {
            return (d, i) -> v.get(d, i).contains(c);
        }
        return (d, i) -> holds(op, v.get(d, i).compareTo(c));
    }

    static NodeTest textRange(Text v, String low, String high) {
        return (d, i) -> {
            String s = v.get(d, i);
            return s.compareTo(low) >= 0 && s.compareTo(high) <= 0;
        };
    }

    static NodeTest textMatches(Text v, Pattern p) {
        return (d, i) -> find(p, v.get(d, i));
    }

    /** Bytes are matched as ISO-8859-1 characters, one per byte, as Wireshark matches raw bytes. */
    static NodeTest bytesMatch(Bytes v, Pattern p) {
        return (d, i) -> find(p, new ByteChars(v, d, i));
    }

    static NodeTest nonZero(Operand o) {
        if (o.numbers != null) {
            Numbers v = o.numbers;
            return (d, i) -> v.get(d, i) != 0;
        }
        Bytes v = o.bytes;
        return (d, i) -> {
            int n = v.length(d, i);
            for (int k = 0; k < n; k++) {
                if (v.at(d, i, k) != 0) {
                    return true;
                }
            }
            return false;
        };
    }

    static NodeTest anyOf(List<NodeTest> tests) {
        NodeTest[] t = tests.toArray(new NodeTest[0]);
        return (d, i) -> {
            for (NodeTest x : t) {
                if (x.test(d, i)) {
                    return true;
                }
            }
            return false;
        };
    }

    static PairTest numbers(Numbers l, Op op, Numbers r) {
        return (d, i, j) -> holds(op, Long.compare(l.get(d, i), r.get(d, j)));
    }

    static PairTest bytes(Bytes l, Op op, Bytes r) {
        if (op == Op.CONTAINS) {
            return (d, i, j) -> contains(l, d, i, r, j);
        }
        return (d, i, j) -> holds(op, compare(l, d, i, r, j));
    }

    static PairTest texts(Text l, Op op, Text r) {
        if (op == Op.CONTAINS) {
            return (d, i, j) -> l.get(d, i).contains(r.get(d, j));
        }
        return (d, i, j) -> holds(op, l.get(d, i).compareTo(r.get(d, j)));
    }

    private static boolean holds(Op op, int cmp) {
        switch (op) {
            case EQ:
            case ALL_EQ:
                return cmp == 0;
            case NE:
            case ANY_NE:
                return cmp != 0;
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            default:
                throw new IllegalArgumentException(op.symbol);
        }
    }

    /** Unsigned lexicographic order; a prefix sorts first. */
    private static int compare(Bytes v, Dissection d, int i, byte[] c) {
        int n = v.length(d, i);
        int common = Math.min(n, c.length);
        for (int k = 0; k < common; k++) {
            int diff = v.at(d, i, k) - (c[k] & 0xff);
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(n, c.length);
    }

    private static int compare(Bytes l, Dissection d, int i, Bytes r, int j) {
        int n = l.length(d, i);
        int m = r.length(d, j);
        int common = Math.min(n, m);
        for (int k = 0; k < common; k++) {
            int diff = l.at(d, i, k) - r.at(d, j, k);
            if (diff != 0) {
                return diff;
            }
        }
        return Integer.compare(n, m);
    }

    private static boolean contains(Bytes v, Dissection d, int i, byte[] c) {
        int n = v.length(d, i);
        outer:
        for (int s = 0; s + c.length <= n; s++) {
            for (int k = 0; k < c.length; k++) {
                if (v.at(d, i, s + k) != (c[k] & 0xff)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean contains(Bytes l, Dissection d, int i, Bytes r, int j) {
        int n = l.length(d, i);
        int m = r.length(d, j);
        outer:
        for (int s = 0; s + m <= n; s++) {
            for (int k = 0; k < m; k++) {
                if (l.at(d, i, s + k) != r.at(d, j, k)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean find(Pattern p, CharSequence s) {
        try {
            return p.matcher(s).find();
        } catch (StackOverflowError e) {
            // java.util.regex backtracks recursively: a pattern like (a|b)* over a long frame can exhaust the
            // stack. One frame not matching is better than the scan dying.
            return false;
        }
    }

    /** A node's bytes seen as characters, without copying them. */
    private static final class ByteChars implements CharSequence {
        private final Bytes v;
        private final Dissection d;
        private final int node;
        private final int offset;
        private final int length;

        ByteChars(Bytes v, Dissection d, int node) {
            this(v, d, node, 0, Math.max(0, v.length(d, node)));
        }

        private ByteChars(Bytes v, Dissection d, int node, int offset, int length) {
            this.v = v;
            this.d = d;
            this.node = node;
            this.offset = offset;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return (char) v.at(d, node, offset + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new ByteChars(v, d, node, offset + start, end - start);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(length);
            for (int k = 0; k < length; k++) {
                sb.append(charAt(k));
            }
            return sb.toString();
        }
    }
}
