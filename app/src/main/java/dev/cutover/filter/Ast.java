package dev.cutover.filter;

import java.util.List;

/**
 * The parsed filter before any name is resolved: words stay words until the compiler knows whether each is a
 * field or a literal of the other side's type. Every node keeps its span for error messages.
 */
sealed interface Ast {

    Span span();

    /** Characters {@code [start, end)} of the filter. */
    record Span(int start, int end) {
        int length() {
            return end - start;
        }

        Span to(Span other) {
            return new Span(start, other.end);
        }
    }

    /** Comparison operators, with the spelling used in messages. */
    enum Op {
        EQ("=="), NE("!="), ALL_EQ("==="), ANY_NE("~="), LT("<"), LE("<="), GT(">"), GE(">="),
        CONTAINS("contains"), MATCHES("matches");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Terms joined by "or", flattened so a long chain does not nest. */
    record Or(List<Ast> terms, Span span) implements Ast {
    }

    /** Terms joined by "and", flattened likewise. */
    record And(List<Ast> terms, Span span) implements Ast {
    }

    record Not(Ast operand, Span span) implements Ast {
    }

    /** A value on its own: a field or protocol is present, a slice exists, a bitwise and is non-zero. */
    record Test(Value value, Span span) implements Ast {
    }

    record Compare(Value left, Op op, Span opSpan, Value right, Span span) implements Ast {
    }

    /** {@code value in {...}}, or {@code not in} when negated. */
    record Membership(Value value, boolean negated, List<Element> elements, Span span) implements Ast {
    }

    /** One member of a set: a value, or an inclusive range {@code low..high} when high is not null. */
    record Element(Value low, Value high) {
    }

    /** One side of a relation. */
    sealed interface Value {
        Span span();
    }

    /** An unquoted word: a field name or a literal, decided by the compiler. */
    record Word(String text, Span span) implements Value {
    }

    /** A quoted string; {@code bytes} is its exact value (escapes may make it invalid UTF-8). */
    record Quoted(String text, byte[] bytes, Span span) implements Value {
    }

    /** {@code base[ranges]}: bytes of a field. */
    record Slice(Word base, List<Range> ranges, Span span) implements Value {
    }

    /** A function applied to values, {@code len(eth.src)}; {@code nameSpan} is the function's name alone. */
    record Call(String name, Span nameSpan, List<Value> args, Span span) implements Value {
    }

    /** {@code base & mask & ...}. */
    record BitAnd(Value base, List<Value> masks, Span span) implements Value {
    }

    /**
     * One byte range of a slice, Wireshark's drange: {@code start} counts from the end when negative;
     * {@code length} is positive, or {@link #TO_END}.
     */
    record Range(int start, int length) {
        static final int TO_END = -1;
    }
}
