package dev.cutover.ui.migrations;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;

import java.io.IOException;

/** Where the Migrations view gets its rows and findings. The desktop uses {@link AnalysisMigrations}, the migration analysis. */
public interface MigrationSource {
    /** No analysis: no rows, no findings. */
    MigrationSource NONE = (capture, monitor) -> MigrationReport.EMPTY;

    /**
     * Analyses an open capture; runs off the FX thread and may be cancelled through the monitor.
     *
     * @throws IOException when the capture cannot be read (a CaptureException names the file and the frame)
     */
    MigrationReport analyse(Capture capture, LoadMonitor monitor) throws IOException;
}
