package dev.cutover.filter;

import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;
import dev.cutover.filter.Ast.Op;
import dev.cutover.filter.Ast.Span;
import dev.cutover.filter.Ast.Value;
import dev.cutover.filter.Evaluators.Evaluator;
import dev.cutover.filter.Evaluators.NodeTest;
import dev.cutover.filter.Evaluators.PairTest;
import dev.cutover.filter.Literals.Num;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the syntax tree into evaluators: resolves every name through the field catalogue, reads every
 * literal as the type it is compared with, and rejects what cannot work (unknown names, type mismatches)
 * before any frame is seen.
 */
final class Compiler {
    private final String src;
    private final Function<String, Field> lookup;
    private final Collection<Field> catalogue;
    private final Literals literals;
    private final Set<Field> fields = new LinkedHashSet<>();

    Compiler(String src, Function<String, Field> lookup, Collection<Field> catalogue) {
        this.src = src;
        this.lookup = lookup;
        this.catalogue = catalogue;
        this.literals = new Literals(src, catalogue);
    }

    /** The fields the compiled filter reads, in the order they appear. */
    Set<Field> fields() {
        return fields;
    }

    Evaluator compile(Ast ast) throws FilterException {
        if (ast instanceof Ast.Or) {
            return Evaluators.any(compileAll(((Ast.Or) ast).terms()));
        }
        if (ast instanceof Ast.And) {
            return Evaluators.all(compileAll(((Ast.And) ast).terms()));
        }
        if (ast instanceof Ast.Not) {
            return Evaluators.not(compile(((Ast.Not) ast).operand()));
        }
        if (ast instanceof Ast.Test) {
            return test(((Ast.Test) ast).value());
        }
        if (ast instanceof Ast.Compare) {
            return compare((Ast.Compare) ast);
        }
        return membership((Ast.Membership) ast);
    }

    private List<Evaluator> compileAll(List<Ast> terms) throws FilterException {
        List<Evaluator> out = new ArrayList<>(terms.size());
        for (Ast t : terms) {
            out.add(compile(t));
        }
        return out;
    }

    /** A value alone: a field or protocol is present; a slice is there; a bitwise "and" is not zero. */
    private Evaluator test(Value v) throws FilterException {
        if (v instanceof Ast.Word) {
            return Evaluators.exists(field((Ast.Word) v));
        }
        if (v instanceof Ast.Call) {
            throw error(((Ast.Call) v).nameSpan(), "You cannot test whether a function is present.");
        }
        Operand o = operand(v);
        return Evaluators.anyNode(o, v instanceof Ast.BitAnd ? Predicates.nonZero(o) : (d, i) -> true);
    }

    private Evaluator compare(Ast.Compare c) throws FilterException {
        Operand left = operand(c.left());
        Op op = c.op();
        comparable(left, op, c.left().span());
        Operand right = rightOperand(c.right());
        if (right != null) {
            return pairwise(left, op, right, c.right().span());
        }
        Value lit = c.right();
        NodeTest t;
        if (op == Op.MATCHES) {
            Pattern p = literals.regex(lit, !left.isText());
            t = left.isText() ? Predicates.textMatches(left.text, p) : Predicates.bytesMatch(left.bytes, p);
        } else if (left.isText()) {
            t = Predicates.text(left.text, op, Literals.string(lit));
        } else if (left.isNumeric() && op != Op.CONTAINS) {
            t = Predicates.number(left.numbers, op, literals.number(lit, left));
        } else {
            Literals.Prefix prefix = op == Op.CONTAINS ? null : literals.ipv6Prefix(lit, left);
            t = prefix != null ? Predicates.bytesPrefix(left.bytes, op, prefix.address(), prefix.bits())
                    : Predicates.bytes(left.bytes, op, literals.bytes(lit, left));
        }
        return allMustHold(op) ? Evaluators.allNodes(left, t) : Evaluators.anyNode(left, t);
    }

    /** Wireshark 4.0: "!=" means no node equals ("all not equal"), "===" every node equals; the rest, any node. */
    private static boolean allMustHold(Op op) {
        return op == Op.NE || op == Op.ALL_EQ;
    }

    private Evaluator pairwise(Operand left, Op op, Operand right, Span rightSpan) throws FilterException {
        if (op == Op.MATCHES) {
            throw error(rightSpan, "The right side of \"matches\" must be a quoted regular expression, not a field.");
        }
        comparable(right, op == Op.CONTAINS ? Op.EQ : op, rightSpan);
        PairTest t;
        if (left.isNumeric() && right.isNumeric() && op != Op.CONTAINS && family(left.type) == family(right.type)) {
            t = Predicates.numbers(left.numbers, op, right.numbers);
        } else if (left.isText() && right.isText()) {
            t = Predicates.texts(left.text, op, right.text);
        } else if (left.bytes != null && right.bytes != null
                && (op == Op.CONTAINS || isByteString(left) || isByteString(right))) {
            t = Predicates.bytes(left.bytes, op, right.bytes);
        } else {
            throw error(rightSpan, left.label + " and " + right.label + " are not of compatible types.");
        }
        return allMustHold(op) ? Evaluators.allPairs(left, right, t) : Evaluators.anyPair(left, right, t);
    }

    private static boolean isByteString(Operand o) {
        return o.type == FieldType.BYTES || o.type == FieldType.PROTOCOL || o.type == FieldType.IPV6;
    }

    /** Integer types compare with one another (vlan.id with arp.opcode); other types only with their own. */
    private static Object family(FieldType t) {
        return t.isUnsigned() || t == FieldType.BOOLEAN ? FieldType.UINT32 : t;
    }

    private Evaluator membership(Ast.Membership m) throws FilterException {
        if (m.value() instanceof Ast.Call) {
            throw error(((Ast.Call) m.value()).nameSpan(), "Only a field may be tested for membership in a set.");
        }
        Operand o = operand(m.value());
        comparable(o, Op.EQ, m.value().span());
        List<NodeTest> tests = new ArrayList<>();
        for (Ast.Element e : m.elements()) {
            for (Value v : e.high() == null ? List.of(e.low()) : List.of(e.low(), e.high())) {
                if (v instanceof Ast.Call) {
                    throw error(((Ast.Call) v).nameSpan(), "\"" + ((Ast.Call) v).name()
                            + "\" was unexpected in this context.");
                }
            }
            tests.add(e.high() == null ? member(o, e.low()) : range(o, e.low(), e.high()));
        }
        Evaluator any = Evaluators.anyNode(o, Predicates.anyOf(tests));
        return m.negated() ? Evaluators.not(any) : any;
    }

    private NodeTest member(Operand o, Value v) throws FilterException {
        if (o.isText()) {
            return Predicates.text(o.text, Op.EQ, Literals.string(v));
        }
        if (o.isNumeric()) {
            return Predicates.number(o.numbers, Op.EQ, literals.number(v, o));
        }
        Literals.Prefix prefix = literals.ipv6Prefix(v, o);
        if (prefix != null) {
            return Predicates.bytesPrefix(o.bytes, Op.EQ, prefix.address(), prefix.bits());
        }
        return Predicates.bytes(o.bytes, Op.EQ, literals.bytes(v, o));
    }

    private NodeTest range(Operand o, Value low, Value high) throws FilterException {
        if (o.isText()) {
            return Predicates.textRange(o.text, Literals.string(low), Literals.string(high));
        }
        if (o.isNumeric()) {
            Num lo = literals.number(low, o);
            Num hi = literals.number(high, o);
            // A CIDR upper bound means the last address of its network.
            long hostBits = hi.mask() == -1L ? 0 : ~hi.mask() & 0xffff_ffffL;
            return Predicates.numberRange(o.numbers, lo, Num.exact(hi.value() | hostBits));
        }
        return Predicates.bytesRange(o.bytes, literals.bytes(low, o), literals.bytes(high, o));
    }

    /** Rejects a relation the operand's type cannot take part in. */
    private void comparable(Operand o, Op op, Span span) throws FilterException {
        FieldType t = o.type;
        if (t == FieldType.NONE) {
            throw error(span, o.label + " has no value to compare; test for it on its own, as \"" + o.label + "\".");
        }
        boolean byteLike = o.bytes != null && (t == FieldType.BYTES || t == FieldType.PROTOCOL
                || t == FieldType.ETHER || t == FieldType.STRING);
        if ((op == Op.CONTAINS || op == Op.MATCHES) && !byteLike) {
            throw error(span, o.describe() + " cannot participate in a \"" + op.symbol + "\" comparison.");
        }
    }

    /** The right side as a field, or null when it is a literal (a word that names no field, or a quoted string). */
    private Operand rightOperand(Value v) throws FilterException {
        if (v instanceof Ast.Word) {
            Field f = lookup.apply(((Ast.Word) v).text());
            if (f == null) {
                return null;
            }
            fields.add(f);
            return Operand.of(f);
        }
        return v instanceof Ast.Quoted ? null : operand(v);
    }

    /** A value that must be read from the frame: a field, its slice, or its bitwise "and" with literals. */
    private Operand operand(Value v) throws FilterException {
        if (v instanceof Ast.Word) {
            return Operand.of(field((Ast.Word) v));
        }
        if (v instanceof Ast.Quoted) {
            throw unknown(((Ast.Quoted) v).text(), v.span());
        }
        if (v instanceof Ast.Call) {
            return call((Ast.Call) v);
        }
        if (v instanceof Ast.Slice) {
            Ast.Slice s = (Ast.Slice) v;
            Operand base = Operand.of(field(s.base()));
            if (base.bytes == null || base.type == FieldType.NONE) {
                throw error(s.base().span(), base.describe() + " cannot be sliced into a sequence of bytes.");
            }
            return base.slice(s.ranges(), text(s.span()));
        }
        Ast.BitAnd b = (Ast.BitAnd) v;
        Operand base = operand(b.base());
        String label = text(b.span());
        if (base.isNumeric() && base.type != FieldType.RELATIVE_TIME && base.type != FieldType.ABSOLUTE_TIME
                && base.type != FieldType.DOUBLE) {
            long mask = -1L;
            for (Value m : b.masks()) {
                mask &= literals.number(literal(m), base).value();
            }
            return base.masked(mask, label);
        }
        if (base.type == FieldType.BYTES) {
            byte[] mask = null;
            for (Value m : b.masks()) {
                mask = and(mask, literals.bytes(literal(m), base));
            }
            return base.masked(mask, label);
        }
        throw error(b.base().span(), base.describe() + " cannot be used with \"&\".");
    }

    /** Wireshark 4.0's functions: {@code len(field)}, the length in bytes of each of the field's values. */
    private Operand call(Ast.Call c) throws FilterException {
        if (!c.name().equals("len")) {
            throw error(c.nameSpan(), "Function '" + c.name() + "' does not exist");
        }
        if (c.args().isEmpty()) {
            throw error(c.nameSpan(), "Function len needs at least 1 arguments.");
        }
        if (c.args().size() > 1) {
            throw error(c.nameSpan(), "Function len can only accept 1 arguments.");
        }
        Value arg = c.args().get(0);
        if (!(arg instanceof Ast.Word) || lookup.apply(((Ast.Word) arg).text()) == null) {
            throw error(arg.span(), "Only fields can be used as parameter for len()");
        }
        return Operand.length(field((Ast.Word) arg), text(c.span()));
    }

    private static byte[] and(byte[] a, byte[] b) {
        if (a == null) {
            return b;
        }
        byte[] out = new byte[Math.min(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (a[i] & b[i]);
        }
        return out;
    }

    private Value literal(Value v) throws FilterException {
        if (v instanceof Ast.Word || v instanceof Ast.Quoted) {
            return v;
        }
        throw error(v.span(), "The right side of \"&\" must be a number or byte string, not " + text(v.span()) + ".");
    }

    private Field field(Ast.Word w) throws FilterException {
        Field f = lookup.apply(w.text());
        if (f == null) {
            throw unknown(w.text(), w.span());
        }
        fields.add(f);
        return f;
    }

    private FilterException unknown(String name, Span span) {
        StringBuilder msg = new StringBuilder().append('"').append(name)
                .append("\" is neither a field nor a protocol name.");
        String near = Names.closest(name, catalogue);
        if (near != null) {
            msg.append(" Did you mean ").append(near).append('?');
        }
        return error(span, msg.toString());
    }

    private String text(Span span) {
        return src.substring(span.start(), span.end());
    }

    private FilterException error(Span span, String message) {
        return new FilterException(src, span.start(), span.length(), message);
    }
}
