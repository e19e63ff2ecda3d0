package dev.cutover;

import dev.cutover.cli.CutoverCommand;
import dev.cutover.ui.DesktopLauncher;

/**
 * The launcher. Deliberately not a JavaFX Application, so a plain {@code java -jar} or an installer's
 * launcher starts on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CutoverCommand.commandLine(new DesktopLauncher()).execute(args));
    }

    /** Runs the command line without ever opening a window, and returns its exit code (tests call this). */
    public static int run(String... args) {
        return CutoverCommand.commandLine().execute(args);
    }
}
