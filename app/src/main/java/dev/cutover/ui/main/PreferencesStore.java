package dev.cutover.ui.main;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cutover.capture.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@link Preferences} as JSON in the user's configuration folder. */
public final class PreferencesStore {
    private static final String FILE = "preferences.json";
    private final Path folder;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PreferencesStore(Path folder) {
        this.folder = folder;
    }

    /** The store in this user's configuration folder. */
    public static PreferencesStore forUser() {
        return new PreferencesStore(configFolder(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home", "."))));
    }

    /**
     * Where the preferences live: {@code $XDG_CONFIG_HOME/cutover} or {@code ~/.config/cutover} on Linux,
     * {@code %APPDATA%\Cutover} on Windows, {@code ~/Library/Application Support/Cutover} on macOS.
     */
    public static Path configFolder(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming")
                    : Path.of(appData)).resolve("Cutover");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Cutover");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec ignores a relative XDG_CONFIG_HOME.
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("cutover");
        }
        return home.resolve(".config").resolve("cutover");
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /** The saved preferences, or the defaults when there are none or the file cannot be read. */
    public Preferences load() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return Preferences.defaults();
        }
        try {
            Preferences p = json.readValue(f.toFile(), Preferences.class);
            return p == null ? Preferences.defaults() : p;
        } catch (IOException | RuntimeException e) {
            return Preferences.defaults();
        }
    }

    /** Writes the preferences (atomically: a crash leaves the old file or the new one). */
    public void save(Preferences p) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(file(), out -> json.writeValue(out, p));
    }
}
