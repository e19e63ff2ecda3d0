package dev.cutover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.testsupport.CliRun;
import org.junit.jupiter.api.Test;

/** The capture command refuses ring options that cannot work before it opens any interface. */
class CaptureOptionsTest {
    @Test
    void aRingOfFilesNeedsTheirName() {
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "--ring-mb", "10");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--ring-mb writes files: give their name with -w");
    }

    @Test
    void aFrameRingAndAFileRingAreOneOrTheOther() {
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "-w", "x.pcapng", "--ring", "5", "--ring-mb", "1");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("choose one");
    }

    @Test
    void aFileRingSizeTooSmallToHoldAFrameIsRefused() {
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "-w", "x.pcapng", "--ring-mb", "0.001");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--ring-mb must be between 0.005");
    }

    @Test
    void aMissingFolderIsNamedBeforeAnythingIsCaptured(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path out = dir.resolve("no/such/folder/x.pcapng");
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "-w", out.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.NOT_WRITTEN);
        assertThat(run.err()).contains("cannot write " + out + ": no such folder " + out.getParent());
    }

    @Test
    void negativeCountsAreRefused() {
        CliRun run = CliRun.of("capture", "-i", "no-such-if0", "-w", "x.pcapng", "--ring-files", "-1");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("must be positive");
    }
}
