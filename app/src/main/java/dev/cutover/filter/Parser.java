package dev.cutover.filter;

import dev.cutover.filter.Ast.Element;
import dev.cutover.filter.Ast.Op;
import dev.cutover.filter.Ast.Range;
import dev.cutover.filter.Ast.Span;
import dev.cutover.filter.Ast.Value;
import dev.cutover.filter.Token.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over Wireshark 4.0's grammar: "not" binds tighter than "and", which binds tighter than
 * "or". Nesting is counted so that a deep {@code ((((...} or {@code !!!!...} fails cleanly instead of
 * overflowing the stack; chains of "and"/"or" are collected in lists and do not nest at all.
 */
final class Parser {
    static final int MAX_DEPTH = 200;

    private final String src;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(String src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
    }

    static Ast parse(String src) throws FilterException {
        Parser p = new Parser(src, Lexer.tokens(src));
        Ast ast = p.or();
        Token t = p.peek();
        if (t.kind() != Kind.EOF) {
            throw p.unexpected(t);
        }
        return ast;
    }

    private Ast or() throws FilterException {
        Ast first = and();
        if (peek().kind() != Kind.OR) {
            return first;
        }
        List<Ast> terms = new ArrayList<>();
        terms.add(first);
        while (accept(Kind.OR)) {
            terms.add(and());
        }
        return new Ast.Or(terms, first.span().to(terms.get(terms.size() - 1).span()));
    }

    private Ast and() throws FilterException {
        Ast first = unary();
        if (peek().kind() != Kind.AND) {
            return first;
        }
        List<Ast> terms = new ArrayList<>();
        terms.add(first);
        while (accept(Kind.AND)) {
            terms.add(unary());
        }
        return new Ast.And(terms, first.span().to(terms.get(terms.size() - 1).span()));
    }

    private Ast unary() throws FilterException {
        Token t = peek();
        if (t.kind() == Kind.NOT) {
            next();
            enter(t);
            Ast operand = unary();
            depth--;
            return new Ast.Not(operand, span(t).to(operand.span()));
        }
        if (t.kind() == Kind.LPAREN) {
            next();
            enter(t);
            Ast inner = or();
            Token close = peek();
            if (close.kind() != Kind.RPAREN) {
                throw unexpected(close);
            }
            next();
            depth--;
            return inner;
        }
        return relation();
    }

    private void enter(Token t) throws FilterException {
        if (++depth > MAX_DEPTH) {
            throw new FilterException(src, t.start(), t.length(),
                    "This filter nests too deeply (more than " + MAX_DEPTH + " levels of parentheses or \"not\").");
        }
    }

    private Ast relation() throws FilterException {
        Value left = value();
        Token t = peek();
        Op op = comparison(t.kind());
        if (op != null) {
            next();
            Value right = value();
            return new Ast.Compare(left, op, span(t), right, left.span().to(right.span()));
        }
        if (t.kind() == Kind.IN) {
            next();
            return membership(left, false);
        }
        if (t.kind() == Kind.NOT && peek(1).kind() == Kind.IN) {
            next();
            next();
            return membership(left, true);
        }
        return new Ast.Test(left, left.span());
    }

    private static Op comparison(Kind kind) {
        switch (kind) {
            case EQ: return Op.EQ;
            case NE: return Op.NE;
            case ALL_EQ: return Op.ALL_EQ;
            case ANY_NE: return Op.ANY_NE;
            case LT: return Op.LT;
            case LE: return Op.LE;
            case GT: return Op.GT;
            case GE: return Op.GE;
            case CONTAINS: return Op.CONTAINS;
            case MATCHES: return Op.MATCHES;
            default: return null;
        }
    }

    /** {@code {a, b..c, d}}; elements may also be separated by spaces alone, as before Wireshark 4.0. */
    private Ast membership(Value value, boolean negated) throws FilterException {
        Token open = peek();
        if (open.kind() != Kind.LBRACE) {
            throw unexpected(open);
        }
        next();
        List<Element> elements = new ArrayList<>();
        while (true) {
            Value low = atom();
            Value high = accept(Kind.DOTDOT) ? atom() : null;
            elements.add(new Element(low, high));
            Token t = peek();
            if (t.kind() == Kind.RBRACE) {
                next();
                return new Ast.Membership(value, negated, elements, value.span().to(span(t)));
            }
            if (t.kind() == Kind.COMMA) {
                next();
            } else if (t.kind() != Kind.WORD && t.kind() != Kind.STRING) {
                throw unexpected(t);
            }
        }
    }

    private Value value() throws FilterException {
        Value base = term();
        if (peek().kind() != Kind.BITAND) {
            return base;
        }
        List<Value> masks = new ArrayList<>();
        while (accept(Kind.BITAND)) {
            masks.add(term());
        }
        return new Ast.BitAnd(base, masks, base.span().to(masks.get(masks.size() - 1).span()));
    }

    private Value term() throws FilterException {
        Value v = atom();
        if (v instanceof Ast.Word && peek().kind() == Kind.SLICE) {
            Token s = next();
            return new Ast.Slice((Ast.Word) v, ranges(s), v.span().to(span(s)));
        }
        return v;
    }

    private Value atom() throws FilterException {
        Token t = peek();
        if (t.kind() == Kind.WORD) {
            next();
            if (peek().kind() == Kind.LPAREN) {
                return call(t);
            }
            return new Ast.Word(t.text(), span(t));
        }
        if (t.kind() == Kind.STRING) {
            next();
            return new Ast.Quoted(t.text(), t.bytes(), span(t));
        }
        throw unexpected(t);
    }

    /** {@code name(arg, ...)}: Wireshark 4.0's function call; the compiler knows which functions exist. */
    private Value call(Token name) throws FilterException {
        Token open = next();
        enter(open);
        List<Value> args = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            args.add(value());
            while (accept(Kind.COMMA)) {
                args.add(value());
            }
        }
        Token close = peek();
        if (close.kind() != Kind.RPAREN) {
            throw unexpected(close);
        }
        next();
        depth--;
        return new Ast.Call(name.text(), span(name), args, span(name).to(span(close)));
    }

    /** The ranges of a slice, comma-separated: {@code i:j} (length j), {@code i-j} (inclusive), {@code i}, {@code :j}, {@code i:}. */
    private List<Range> ranges(Token slice) throws FilterException {
        String text = slice.text();
        int base = slice.start() + 1;
        List<Range> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 ? text.length() : comma;
            int s = from;
            int e = to;
            while (s < e && Lexer.isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && Lexer.isSpace(text.charAt(e - 1))) {
                e--;
            }
            out.add(range(text.substring(s, e), base + s));
            if (comma < 0) {
                return out;
            }
            from = comma + 1;
        }
    }

    private Range range(String r, int pos) throws FilterException {
        if (r.isEmpty()) {
            throw new FilterException(src, pos, 1, "A slice needs a range, such as [0:3].");
        }
        int[] cursor = {0};
        if (r.charAt(0) == ':') {
            cursor[0] = 1;
            int length = number(r, cursor, pos);
            return new Range(0, positiveLength(r, length, pos));
        }
        int start = number(r, cursor, pos);
        int i = cursor[0];
        if (i == r.length()) {
            return new Range(start, 1);
        }
        char sep = r.charAt(i);
        cursor[0] = i + 1;
        if (sep == ':') {
            if (cursor[0] == r.length()) {
                return new Range(start, Range.TO_END);
            }
            int length = number(r, cursor, pos);
            return new Range(start, positiveLength(r, length, pos));
        }
        if (sep == '-') {
            int end = number(r, cursor, pos);
            if ((start < 0) != (end < 0)) {
                throw new FilterException(src, pos, r.length(), "Range " + r + " isn't valid because " + start
                        + " and " + end + " have different signs.");
            }
            if (end < start) {
                throw new FilterException(src, pos, r.length(), "Range " + r + " isn't valid because " + end
                        + " is before " + start + ".");
            }
            return new Range(start, end - start + 1);
        }
        throw notNumber(r, i, pos);
    }

    private int positiveLength(String r, int length, int pos) throws FilterException {
        if (length <= 0) {
            throw new FilterException(src, pos, r.length(), "Range " + r + " isn't valid because length " + length
                    + " isn't positive.");
        }
        return length;
    }

    /** A decimal integer, optionally negative, ending at a ':' or '-' or the end of the range. */
    private int number(String r, int[] cursor, int pos) throws FilterException {
        int i = cursor[0];
        int begin = i;
        boolean negative = i < r.length() && r.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        int digits = 0;
        while (i < r.length() && r.charAt(i) >= '0' && r.charAt(i) <= '9') {
            v = v * 10 + (r.charAt(i) - '0');
            i++;
            if (++digits > 9) {
                break;
            }
        }
        boolean ends = i == r.length() || (digits <= 9 && (r.charAt(i) == ':' || r.charAt(i) == '-'));
        if (digits == 0 || digits > 9 || !ends) {
            throw notNumber(r, begin, pos);
        }
        cursor[0] = i;
        return (int) (negative ? -v : v);
    }

    private FilterException notNumber(String r, int i, int pos) {
        if (i >= r.length()) {
            return new FilterException(src, pos, r.length(), "Range " + r + " is missing a number.");
        }
        int end = i + 1;
        while (end < r.length() && r.charAt(end) != ':' && r.charAt(end) != '-') {
            end++;
        }
        return new FilterException(src, pos + i, end - i, "\"" + r.substring(i, end) + "\" is not a valid number.");
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.EOF) {
            at++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private static Span span(Token t) {
        return new Span(t.start(), t.end());
    }

    private FilterException unexpected(Token t) {
        if (t.kind() == Kind.EOF) {
            return new FilterException(src, src.length(), 0, "Unexpected end of filter expression.");
        }
        String text = src.substring(t.start(), t.end());
        String shown = t.kind() == Kind.STRING ? text : "\"" + text + "\"";
        return new FilterException(src, t.start(), t.length(), shown + " was unexpected in this context.");
    }
}
