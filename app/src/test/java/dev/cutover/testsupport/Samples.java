package dev.cutover.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the sample captures in a temporary folder, so sidecars never land in the source tree. */
public final class Samples {
    public static final String HOSTILE = "<script>alert(1)</script> & \"x\"";

    private Samples() {
    }

    public static Path copy(String name, Path folder) throws IOException {
        for (String dir : new String[] {"../sample-captures/", "sample-captures/"}) {
            Path p = Path.of(dir + name);
            if (Files.exists(p)) {
                return Files.copy(p, folder.resolve(name));
            }
        }
        throw new AssertionError(name + " not found");
    }
}
