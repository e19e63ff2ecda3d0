package dev.cutover.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library versions this build was made with (written into the jar by the build). */
final class Versions {
    private Versions() {
    }

    static String text() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the About box then just leaves them out
        }
        return "ControlsFX " + p.getProperty("controlsfx", "?") + ", AtlantaFX " + p.getProperty("atlantafx", "?")
                + ", Ikonli " + p.getProperty("ikonli", "?") + "\n"
                + "Jackson " + p.getProperty("jackson", "?") + ", picocli " + p.getProperty("picocli", "?");
    }
}
