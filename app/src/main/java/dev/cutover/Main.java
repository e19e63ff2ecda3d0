package dev.cutover;

import dev.cutover.cli.CutoverCommand;
import picocli.CommandLine;

/**
 * The launcher. Deliberately not a JavaFX Application, so a plain {@code java -jar} or an installer's
 * launcher starts on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return CutoverCommand.commandLine().execute(args);
    }
}
