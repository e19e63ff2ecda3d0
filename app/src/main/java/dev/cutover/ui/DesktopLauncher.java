package dev.cutover.ui;

import dev.cutover.ui.main.CutoverApp;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a window can be shown and starts JavaFX when it can. The launcher hands it to the command
 * line as its {@code Desktop}; the window knows nothing of the command line.
 */
public final class DesktopLauncher {
    private final Map<String, String> env;
    private final String osName;
    private final String setting;
    private final boolean headless;

    public DesktopLauncher() {
        this(System.getenv(), System.getProperty("os.name", ""), System.getProperty("cutover.desktop", ""),
                Boolean.getBoolean("java.awt.headless"));
    }

    /**
     * @param setting  the {@code cutover.desktop} system property: "off" never opens a window
     * @param headless the {@code java.awt.headless} system property: true never opens one either
     */
    DesktopLauncher(Map<String, String> env, String osName, String setting, boolean headless) {
        this.env = env;
        this.osName = osName;
        this.setting = setting;
        this.headless = headless;
    }

    /** Whether a window can be shown here (a display, the toolkit present). */
    public boolean available() {
        if ("off".equalsIgnoreCase(setting) || headless) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        // Linux and the BSDs: a window needs an X or Wayland display.
        return nonBlank(env.get("DISPLAY")) || nonBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Opens the window on the files; returns once it is closed. */
    public int open(List<Path> files, String title) {
        CutoverApp.launch(files, title);
        return 0;
    }
}
