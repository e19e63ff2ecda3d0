package dev.cutover.filter;

import dev.cutover.filter.Ast.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserTest {

    /** The tree as an s-expression, so a test states its shape in one line. */
    static String show(Ast a) {
        if (a instanceof Ast.Or) {
            return "(or " + ((Ast.Or) a).terms().stream().map(ParserTest::show).collect(Collectors.joining(" ")) + ")";
        }
        if (a instanceof Ast.And) {
            return "(and " + ((Ast.And) a).terms().stream().map(ParserTest::show).collect(Collectors.joining(" "))
                    + ")";
        }
        if (a instanceof Ast.Not) {
            return "(not " + show(((Ast.Not) a).operand()) + ")";
        }
        if (a instanceof Ast.Test) {
            return show(((Ast.Test) a).value());
        }
        if (a instanceof Ast.Compare) {
            Ast.Compare c = (Ast.Compare) a;
            return "(" + c.op().symbol + " " + show(c.left()) + " " + show(c.right()) + ")";
        }
        Ast.Membership m = (Ast.Membership) a;
        return "(" + (m.negated() ? "not in " : "in ") + show(m.value()) + " {" + m.elements().stream()
                .map(e -> e.high() == null ? show(e.low()) : show(e.low()) + ".." + show(e.high()))
                .collect(Collectors.joining(" ")) + "})";
    }

    static String show(Ast.Value v) {
        if (v instanceof Ast.Word) {
            return ((Ast.Word) v).text();
        }
        if (v instanceof Ast.Quoted) {
            return "'" + ((Ast.Quoted) v).text() + "'";
        }
        if (v instanceof Ast.Slice) {
            Ast.Slice s = (Ast.Slice) v;
            return s.base().text() + s.ranges().stream().map(ParserTest::show).collect(Collectors.joining(",", "[", "]"));
        }
        Ast.BitAnd b = (Ast.BitAnd) v;
        return "(& " + show(b.base()) + " " + b.masks().stream().map(ParserTest::show).collect(Collectors.joining(" "))
                + ")";
    }

    static String show(Range r) {
        return r.start() + ":" + (r.length() == Range.TO_END ? "end" : String.valueOf(r.length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "arp                                  => arp",
            "arp.opcode == 3                      => (== arp.opcode 3)",
            "arp.opcode eq 3                      => (== arp.opcode 3)",
            "a or b and c                         => (or a (and b c))",
            "a || b && c                          => (or a (and b c))",
            "a and b or c                         => (or (and a b) c)",
            "not a and b                          => (and (not a) b)",
            "!a || !!b                            => (or (not a) (not (not b)))",
            "!(a or b)                            => (not (or a b))",
            "a and b and c and d                  => (and a b c d)",
            "((a))                                => a",
            "x != 1 && y === 2 || z ~= 3          => (or (and (!= x 1) (=== y 2)) (~= z 3))",
            "x < 1 or x le 2 or x gt 3 or x >= 4  => (or (< x 1) (<= x 2) (> x 3) (>= x 4))",
            "s contains \"a b\"                   => (contains s 'a b')",
            "s matches \"^a\" or s ~ b            => (or (matches s '^a') (matches s b))",
            "x in {1, 2..3 4}                     => (in x {1 2..3 4})",
            "x in {1 .. 3}                        => (in x {1..3})",
            "x not in {\"a\"}                     => (not in x {'a'})",
            "not x in {1}                         => (not (in x {1}))",
            "eth.src[0:3] == 00:50:56             => (== eth.src[0:3] 00:50:56)",
            "e[5] == 1                            => (== e[5:1] 1)",
            "e[3-5] == 1                          => (== e[3:3] 1)",
            "e[-3--1] == 1                        => (== e[-3:3] 1)",
            "e[:2] == 1                           => (== e[0:2] 1)",
            "e[2:] == 1                           => (== e[2:end] 1)",
            "e[-3:] == 1                          => (== e[-3:end] 1)",
            "e[0:2, 4:2] == 1                     => (== e[0:2,4:2] 1)",
            "e[1] == f[2]                         => (== e[1:1] f[2:1])",
            "x & 1                                => (& x 1)",
            "x & 0xf0 & 0x30 == 0x10              => (== (& x 0xf0 0x30) 0x10)",
            "e[0] & 1 == 1 and y                  => (and (== (& e[0:1] 1) 1) y)",
    })
    void shapes(String filter, String tree) throws FilterException {
        assertThat(show(Parser.parse(filter))).isEqualTo(tree);
    }

    @Test
    void spansPointIntoTheText() throws FilterException {
        Ast.Compare c = (Ast.Compare) Parser.parse("  vlan.id  ==  10 ");
        assertThat(c.left().span()).isEqualTo(new Ast.Span(2, 9));
        assertThat(c.opSpan()).isEqualTo(new Ast.Span(11, 13));
        assertThat(c.right().span()).isEqualTo(new Ast.Span(15, 17));
        assertThat(c.span()).isEqualTo(new Ast.Span(2, 17));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "arp.opcode ==               => 13 => 0 => Unexpected end of filter expression.",
            "(arp                        => 4  => 0 => Unexpected end of filter expression.",
            "arp.opcode in {1            => 16 => 0 => Unexpected end of filter expression.",
            "vlan.id == 10 and           => 17 => 0 => Unexpected end of filter expression.",
            "arp)                        => 3  => 1 => \")\" was unexpected in this context.",
            "()                          => 1  => 1 => \")\" was unexpected in this context.",
            "arp arp                     => 4  => 3 => \"arp\" was unexpected in this context.",
            "arp.opcode == ==            => 14 => 2 => \"==\" was unexpected in this context.",
            "arp.opcode == 1 == 1        => 16 => 2 => \"==\" was unexpected in this context.",
            "arp.opcode in 1             => 14 => 1 => \"1\" was unexpected in this context.",
            "arp.opcode in {1,}          => 17 => 1 => \"}\" was unexpected in this context.",
            "arp.opcode in {}            => 15 => 1 => \"}\" was unexpected in this context.",
            "frame.len == 42 or or arp   => 19 => 2 => \"or\" was unexpected in this context.",
            "arp \"x\"                   => 4  => 3 => \"x\" was unexpected in this context.",
            "arp[0] [1]                  => 7  => 3 => \"[1]\" was unexpected in this context.",
            "eth.src[0:0] == 1           => 8  => 3 => Range 0:0 isn't valid because length 0 isn't positive.",
            "eth.src[:0] == 1            => 8  => 2 => Range :0 isn't valid because length 0 isn't positive.",
            "eth.src[-2-1] == 1          => 8  => 4 => Range -2-1 isn't valid because -2 and 1 have different signs.",
            "eth.src[3-1] == 1           => 8  => 3 => Range 3-1 isn't valid because 1 is before 3.",
            "eth.src[a] == 1             => 8  => 1 => \"a\" is not a valid number.",
            "eth.src[1:x] == 1           => 10 => 1 => \"x\" is not a valid number.",
            "eth.src[1-] == 1            => 8  => 2 => Range 1- is missing a number.",
            "eth.src[1,] == 1            => 10 => 1 => A slice needs a range, such as [0:3].",
            "eth.src[99999999999] == 1   => 8  => 11 => \"99999999999\" is not a valid number.",
    })
    void syntaxErrors(String filter, int position, int length, String message) {
        assertThatThrownBy(() -> Parser.parse(filter.strip()))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.message()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.length()).isEqualTo(length);
                });
    }

    @Test
    void twoHundredLevelsAreFine() throws FilterException {
        String f = "(".repeat(Parser.MAX_DEPTH) + "arp" + ")".repeat(Parser.MAX_DEPTH);
        assertThat(show(Parser.parse(f))).isEqualTo("arp");
        assertThat(show(Parser.parse("!".repeat(Parser.MAX_DEPTH) + "arp"))).endsWith("arp" + ")".repeat(200));
    }

    @Test
    void deeperNestingFailsCleanly() {
        String f = "(".repeat(Parser.MAX_DEPTH + 1) + "arp" + ")".repeat(Parser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Parser.parse(f)).isInstanceOfSatisfying(FilterException.class, e -> {
            assertThat(e.message()).isEqualTo(
                    "This filter nests too deeply (more than 200 levels of parentheses or \"not\").");
            assertThat(e.position()).isEqualTo(200);
            assertThat(e.length()).isEqualTo(1);
        });
        assertThatThrownBy(() -> Parser.parse("(".repeat(1_000_000))).isInstanceOf(FilterException.class)
                .hasMessageContaining("filter nests too deeply");
        assertThatThrownBy(() -> Parser.parse("not ".repeat(100_000) + "arp")).isInstanceOf(FilterException.class)
                .hasMessageContaining("filter nests too deeply");
        assertThatThrownBy(() -> Parser.parse("!(".repeat(150) + "arp" + ")".repeat(150)))
                .isInstanceOf(FilterException.class).hasMessageContaining("filter nests too deeply");
    }

    @Test
    void longChainsDoNotNest() throws FilterException {
        String f = "arp and vlan or ".repeat(50_000) + "arp";
        Ast a = Parser.parse(f);
        assertThat(((Ast.Or) a).terms()).hasSize(50_001);
        assertThat(CompiledFilter.compile(f).matches(TestFrames.dissect(1, TestFrames.rarpAnnounce()))).isTrue();
    }
}
