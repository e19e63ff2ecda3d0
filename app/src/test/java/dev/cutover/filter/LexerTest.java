package dev.cutover.filter;

import dev.cutover.filter.Token.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexerTest {

    private static List<Kind> kinds(String text) throws FilterException {
        return Lexer.tokens(text).stream().map(Token::kind).collect(Collectors.toList());
    }

    private static List<String> texts(String text) throws FilterException {
        return Lexer.tokens(text).stream().map(Token::text).collect(Collectors.toList());
    }

    @Test
    void symbolsNeedNoSpaces() throws FilterException {
        assertThat(kinds("arp.opcode==3")).containsExactly(Kind.WORD, Kind.EQ, Kind.WORD, Kind.EOF);
        assertThat(kinds("a===b~=c~d!=e!f&&g||h&i<=j>=k<l>m")).containsExactly(
                Kind.WORD, Kind.ALL_EQ, Kind.WORD, Kind.ANY_NE, Kind.WORD, Kind.MATCHES, Kind.WORD, Kind.NE,
                Kind.WORD, Kind.NOT, Kind.WORD, Kind.AND, Kind.WORD, Kind.OR, Kind.WORD, Kind.BITAND, Kind.WORD,
                Kind.LE, Kind.WORD, Kind.GE, Kind.WORD, Kind.LT, Kind.WORD, Kind.GT, Kind.WORD, Kind.EOF);
    }

    @Test
    void keywordsAreLowerCaseWords() throws FilterException {
        assertThat(kinds("and or not eq ne gt ge lt le contains matches in all_eq any_ne any_eq all_ne"))
                .containsExactly(Kind.AND, Kind.OR, Kind.NOT, Kind.EQ, Kind.NE, Kind.GT, Kind.GE, Kind.LT, Kind.LE,
                        Kind.CONTAINS, Kind.MATCHES, Kind.IN, Kind.ALL_EQ, Kind.ANY_NE, Kind.EQ, Kind.NE, Kind.EOF);
        assertThat(kinds("AND")).containsExactly(Kind.WORD, Kind.EOF);
    }

    @Test
    void literalsAreSingleWords() throws FilterException {
        assertThat(texts("00:50:56:9d:b0:51 00-50-56-9d-b0-51 0050.569d.b051 192.168.0.0/16 -1 1386259199.43"))
                .containsExactly("00:50:56:9d:b0:51", "00-50-56-9d-b0-51", "0050.569d.b051", "192.168.0.0/16", "-1",
                        "1386259199.43", "");
    }

    @Test
    void aRangeSplitsAtTwoDots() throws FilterException {
        assertThat(kinds("{3..4}")).containsExactly(Kind.LBRACE, Kind.WORD, Kind.DOTDOT, Kind.WORD, Kind.RBRACE,
                Kind.EOF);
        assertThat(texts("{3 .. 4}")).containsExactly("{", "3", "..", "4", "}", "");
    }

    @Test
    void sliceIsOneTokenWithItsRanges() throws FilterException {
        List<Token> t = Lexer.tokens("eth.src[0:3] == 00:50:56");
        assertThat(t.get(1).kind()).isEqualTo(Kind.SLICE);
        assertThat(t.get(1).text()).isEqualTo("0:3");
        assertThat(t.get(1).start()).isEqualTo(7);
        assertThat(t.get(1).end()).isEqualTo(12);
    }

    @Test
    void stringEscapes() throws FilterException {
        Token t = Lexer.tokens("\"a\\\"b\\\\c\\x41\\101\\n\\t\"").get(0);
        assertThat(t.kind()).isEqualTo(Kind.STRING);
        assertThat(t.text()).isEqualTo("a\"b\\cAA\n\t");
        assertThat(t.start()).isZero();
        assertThat(t.end()).isEqualTo(21);
    }

    @Test
    void hexAndOctalEscapesAreRawBytes() throws FilterException {
        assertThat(Lexer.tokens("\"\\xff\\0é\"").get(0).bytes())
                .containsExactly(0xff, 0, 0xc3, 0xa9);
        assertThat(Lexer.tokens("\"é\"").get(0).bytes()).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rawStringsKeepBackslashes() throws FilterException {
        Token t = Lexer.tokens("r\"a\\d+\\\"x\"").get(0);
        assertThat(t.kind()).isEqualTo(Kind.STRING);
        assertThat(t.text()).isEqualTo("a\\d+\\\"x");
        assertThat(Lexer.tokens("R\"\\x41\"").get(0).text()).isEqualTo("\\x41");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
            "frame.comment == \"abc        => 17 => 4 => The final quote was missing from a quoted string.",
            "frame.comment == \"abc\\       => 21 => 1 => The final quote was missing from a quoted string.",
            "frame.comment == \"a\\qb\"     => 19 => 2 => \\q is not a valid character escape sequence.",
            "frame.comment == \"\\x\"       => 18 => 2 => \\x is not a valid character escape sequence.",
            "frame.comment == \"\\777\"     => 18 => 4 => \\777 is not a valid character escape sequence.",
            "arp # x                       => 4  => 1 => \"#\" was unexpected in this context.",
            "arp.opcode = 1                => 11 => 1 => \"=\" was unexpected in this context.",
            "arp | vlan                    => 4  => 1 => \"|\" was unexpected in this context.",
            "frame.len > 2@                => 13 => 1 => \"@\" was unexpected in this context.",
            "eth.src[0:3 == 00:50:56       => 7  => 1 => The right bracket was missing from a slice.",
    })
    void errors(String filter, int position, int length, String message) {
        assertThatThrownBy(() -> Lexer.tokens(filter.strip()))
                .isInstanceOfSatisfying(FilterException.class, e -> {
                    assertThat(e.message()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.length()).isEqualTo(length);
                });
    }
}
