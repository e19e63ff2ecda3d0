package dev.cutover.filter;

/**
 * One lexical unit of a filter.
 *
 * @param kind  what it is
 * @param text  a word as written; a quoted string's decoded value; a slice's text between the brackets
 * @param bytes a quoted string's value as bytes (escapes such as {@code \xff} are raw bytes), else null
 * @param start index of its first character in the filter
 * @param end   index after its last character
 */
record Token(Kind kind, String text, byte[] bytes, int start, int end) {

    /** Token kinds; operators carry the spelling used in messages. */
    enum Kind {
        WORD, STRING, SLICE, LPAREN, RPAREN, LBRACE, RBRACE, COMMA, DOTDOT,
        EQ, NE, ALL_EQ, ANY_NE, LT, LE, GT, GE, CONTAINS, MATCHES, IN, BITAND,
        AND, OR, NOT, EOF
    }

    int length() {
        return end - start;
    }
}
