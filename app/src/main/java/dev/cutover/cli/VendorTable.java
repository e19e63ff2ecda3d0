package dev.cutover.cli;

import dev.cutover.dissect.Vendors;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --vendors FILE}: the OUI registry to name MAC vendors from instead of the one Cutover ships. */
final class VendorTable {
    @Option(names = "--vendors", paramLabel = "FILE",
            description = "name MAC vendors from this registry instead of the IEEE listing Cutover ships: Wireshark's "
                    + "manuf (e.g. /usr/share/wireshark/manuf, whose short names then resolve MACs as Wireshark "
                    + "does) or the IEEE's oui.txt (e.g. /usr/share/ieee-data/oui.txt)")
    Path file;

    private Vendors named;

    /**
     * Reads the registry the user named, if any; true after saying on {@code err} why it cannot serve. With
     * none named, the bundled table is taken once the files are open ({@link #named()} is null), so loading it
     * overlaps with indexing them.
     */
    boolean refused(PrintWriter err) {
        if (file == null) {
            return false;
        }
        named = load(err);
        return named == null;
    }

    /** The registry the user named, or null for the bundled table. */
    Vendors named() {
        return named;
    }

    /** The table to use; null after saying on {@code err} why the named file cannot serve. */
    Vendors load(PrintWriter err) {
        if (file == null) {
            return Vendors.bundled();
        }
        try {
            return Vendors.load(file);
        } catch (IOException e) {
            err.println("cutover: --vendors: " + (e instanceof java.nio.file.NoSuchFileException
                    ? file + ": no such file" : e.getMessage()));
            err.flush();
            return null;
        }
    }
}
