/**
 * Display filters in Wireshark 4.0 syntax: {@link dev.cutover.filter.CompiledFilter#compile(String)} turns
 * text into a matcher over decoded frames, or a {@link dev.cutover.filter.FilterException} saying where the
 * text goes wrong. Lexer, parser, a sealed syntax tree, and a compiler that resolves names only through the
 * field catalogue.
 */
package dev.cutover.filter;
