package dev.cutover.cli;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.Capture;
import dev.cutover.capture.FrameTap;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Needs;
import dev.cutover.dissect.Vendors;
import dev.cutover.frames.FramePipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A command's capture set: the files merged, their annotations, and the {@link FramePipeline} every command
 * reads frames through, with the migration analysis bound to be run the first time a filter or a column asks.
 */
final class OpenedCaptures implements AutoCloseable {
    final Capture capture;
    final AnnotationStore notes;
    final FramePipeline pipeline;

    private OpenedCaptures(Capture capture, AnnotationStore notes, AnalysisConfig config, Vendors vendors,
                           FrameTap tap) {
        this.capture = capture;
        this.notes = notes;
        this.pipeline = FramePipeline.of(capture).withAnnotations(notes).withVendors(vendors)
                .withAnalysis(() -> MigrationAnalyzer.analyzeTapped(capture, config, LoadMonitor.NONE, tap));
    }

    /**
     * Opens the files, or prints why not and returns null. MAC vendors are named from {@code vendors} (null: the
     * bundled table, taken once the files are open, so that loading it overlaps with indexing them). The
     * annotations are read when {@code readAnnotations} ({@code analyze} reads them only when its filter reads
     * frame.comment, so a sidecar made on other files is not warned about when nothing reads it); when they
     * cannot be read, {@code annotationsRequired} decides: refuse (a report or an export would lose them) or go
     * on without them, saying so. {@code shiftNanos[i]} is added to every time stamp of file i (null: none).
     */
    static OpenedCaptures open(List<Path> files, long[] shiftNanos, AnalysisConfig config, Vendors vendors,
                               boolean readAnnotations, boolean annotationsRequired, PrintWriter err) {
        return open(files, shiftNanos, config, vendors, readAnnotations, annotationsRequired, false, err);
    }

    /**
     * As {@link #open(List, long[], AnalysisConfig, Vendors, boolean, boolean, PrintWriter)}; when {@code
     * analyzeWhileIndexing}, the analysis looks for ARP while a single pcap or pcapng file is indexed rather than
     * reading it again (for a command that will run the analysis).
     */
    static OpenedCaptures open(List<Path> files, long[] shiftNanos, AnalysisConfig config, Vendors vendors,
                               boolean readAnnotations, boolean annotationsRequired, boolean analyzeWhileIndexing,
                               PrintWriter err) {
        FrameTap tap = analyzeWhileIndexing ? MigrationAnalyzer.tap() : null;
        return open(files, shiftNanos, config, vendors, readAnnotations, annotationsRequired, tap, tap, err);
    }

    /**
     * As {@link #open(List, long[], AnalysisConfig, Vendors, boolean, boolean, PrintWriter)}, showing each frame of
     * a single pcap or pcapng file to {@code shown} while it is indexed (a command that prints frames as they are
     * read); the analysis, when it is asked for, reads the capture itself.
     */
    static OpenedCaptures open(List<Path> files, long[] shiftNanos, AnalysisConfig config, Vendors vendors,
                               boolean readAnnotations, boolean annotationsRequired, FrameTap shown,
                               PrintWriter err) {
        return open(files, shiftNanos, config, vendors, readAnnotations, annotationsRequired, shown, null, err);
    }

    private static OpenedCaptures open(List<Path> files, long[] shiftNanos, AnalysisConfig config, Vendors vendors,
                                       boolean readAnnotations, boolean annotationsRequired, FrameTap indexTap,
                                       FrameTap analysisTap, PrintWriter err) {
        Capture capture = CaptureFiles.open(files, shiftNanos, err, indexTap);
        if (capture == null) {
            return null;
        }
        AnnotationStore notes = readAnnotations ? CaptureFiles.annotations(files, capture, err)
                : AnnotationStore.inMemory();
        if (notes == null) {
            if (annotationsRequired) {
                capture.close();
                return null;
            }
            err.println("cutover: annotations left out");
            notes = AnnotationStore.inMemory();
        }
        return new OpenedCaptures(capture, notes, config, vendors == null ? Vendors.bundled() : vendors,
                analysisTap);
    }

    /**
     * Runs the analysis now when {@code needs} reads it, so a capture the analysis cannot read is reported as
     * such (exit 1) before any output is begun, rather than as an output that could not be written. Returns
     * false after saying why.
     */
    boolean prepare(Needs needs, PrintWriter err) {
        if (!needs.wholeCapture()) {
            return true;
        }
        try {
            if (needs.traffic()) {
                pipeline.traffic(LoadMonitor.NONE);
            }
            if (needs.analysis()) {
                pipeline.analysis();
            }
            return true;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            err.println("cutover: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    @Override
    public void close() {
        capture.close();
    }
}
