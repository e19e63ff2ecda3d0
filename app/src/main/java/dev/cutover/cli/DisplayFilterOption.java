package dev.cutover.cli;

import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code -Y FILTER}: the same display filter, with the same fields, in every command that takes one. */
final class DisplayFilterOption {
    @Option(names = {"-Y", "--display-filter"}, paramLabel = "FILTER",
            description = "only frames matching this display filter (Wireshark syntax, e.g. 'arp.opcode == 3'; "
                    + "the analysis's fields too, e.g. 'migration.finding == \"rarp-without-garp\"', and "
                    + "annotations as frame.comment)")
    String text;

    /** Whether a filter was given. */
    boolean given() {
        return text != null && !text.isBlank();
    }

    /** The compiled filter (blank: every frame), or null after printing why it is not a filter, as Wireshark shows it. */
    CompiledFilter compile(PrintWriter err) {
        try {
            return CompiledFilter.compile(text);
        } catch (FilterException e) {
            err.println("cutover: invalid display filter:");
            err.println(e.render());
            err.flush();
            return null;
        }
    }
}
