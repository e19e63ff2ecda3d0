package dev.cutover.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The sample capture that ships inside the application, for a first look without a capture of one's own. */
final class BundledSample {
    static final String NAME = "esxi-vmotion-vlan10.pcap";

    private BundledSample() {
    }

    /** Copies the sample into a new temporary folder (the caller deletes both) and returns its path. */
    static Path extract() throws IOException {
        try (InputStream in = BundledSample.class.getResourceAsStream("/samples/" + NAME)) {
            if (in == null) {
                throw new IOException("the bundled sample " + NAME + " is missing from this build");
            }
            // Under its own name, so the interface column reads as the sample's name.
            Path tmp = Files.createTempDirectory("cutover-sample-").resolve(NAME);
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }
}
