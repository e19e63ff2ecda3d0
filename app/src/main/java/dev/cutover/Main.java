package dev.cutover;

import dev.cutover.cli.CutoverCommand;
import dev.cutover.cli.Desktop;
import dev.cutover.ui.DesktopLauncher;

/**
 * The launcher. Deliberately not a JavaFX Application, so a plain {@code java -jar} or an installer's
 * launcher starts on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DesktopLauncher window = new DesktopLauncher();
        Desktop desktop = new Desktop() {
            @Override
            public boolean available() {
                return window.available();
            }

            @Override
            public int open(java.util.List<java.nio.file.Path> files, String title) {
                return window.open(files, title);
            }
        };
        System.exit(CutoverCommand.commandLine(desktop, args).execute(args));
    }

    /** Runs the command line without ever opening a window, and returns its exit code (tests call this). */
    public static int run(String... args) {
        return CutoverCommand.commandLine(Desktop.NONE, args).execute(args);
    }
}
