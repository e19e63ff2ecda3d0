package dev.cutover.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared capture corpus, or skips the calling test when this checkout has none. */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The {@code captures} folder of the shared corpus; skips the test when it is missing. */
    public static Path captures() {
        Path found = locate();
        if (found == null) {
            Assumptions.assumeTrue(false, "../shared/captures not found: corpus tests skipped");
        }
        return found;
    }

    private static Path locate() {
        String property = System.getProperty("cutover.shared");
        if (property != null && !property.isBlank()) {
            Path p = Path.of(property, "captures");
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        for (String relative : new String[] {"../shared", "../../shared"}) {
            Path p = Path.of(relative, "captures");
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }
}
