package dev.cutover.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop window, as the command line sees it: the CLI knows no JavaFX, so the launcher hands it one of
 * these when a window can be shown.
 */
public interface Desktop {
    /** No window: every command prints text. */
    Desktop NONE = new Desktop() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public int open(List<Path> files, String title) {
            throw new IllegalStateException("no desktop");
        }
    };

    /** Whether a window can be shown here (a display, the toolkit present). */
    boolean available();

    /**
     * Opens the window on the files and returns the exit code once it is closed.
     *
     * @param title what the title bar calls the bundled sample, rather than its temporary path; null for the
     *              user's own files, which Open Recent remembers
     */
    int open(List<Path> files, String title);
}
