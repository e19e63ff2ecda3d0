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

    /** Copies the sample to a temporary file (the caller deletes it) and returns its path. */
    static Path extract() throws IOException {
        try (InputStream in = BundledSample.class.getResourceAsStream("/samples/" + NAME)) {
            if (in == null) {
                throw new IOException("the bundled sample " + NAME + " is missing from this build");
            }
            Path tmp = Files.createTempFile("cutover-sample-", ".pcap");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }
}
