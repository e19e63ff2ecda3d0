package dev.cutover.cli;

import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureDamage;
import dev.cutover.capture.CaptureException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opening captures for a command: one clear line on stderr per problem, never a stack trace. */
final class CaptureFiles {
    private CaptureFiles() {
    }

    /**
     * Opens the files merged, adding {@code shiftNanos[i]} to every time stamp of file i (null: none) and showing each
     * frame of a single pcap or pcapng file to {@code tap} (null: none); or prints why not and returns null.
     */
    static Capture open(List<Path> files, long[] shiftNanos, PrintWriter err, dev.cutover.capture.FrameTap tap) {
        for (Path f : files) {
            if (!Files.exists(f)) {
                err.println("cutover: " + f + ": no such file");
                return null;
            }
            if (Files.isDirectory(f)) {
                err.println("cutover: " + f + ": is a folder, not a capture file");
                return null;
            }
        }
        try {
            return Capture.open(files, shiftNanos, dev.cutover.capture.LoadMonitor.NONE, tap, null);
        } catch (CaptureException e) {
            err.println("cutover: " + e.getMessage());
            return null;
        }
    }

    /** Prints each damage ("FILE: frame N at byte B: reason") and returns the exit code it implies. */
    static int reportDamage(Capture capture, PrintWriter err) {
        List<CaptureDamage> damages = capture.damages();
        for (CaptureDamage d : damages) {
            err.println("cutover: " + d.message());
        }
        err.flush();
        return damages.isEmpty() ? ExitCodes.OK : ExitCodes.DAMAGED;
    }

    /**
     * The annotations kept beside the files, with a warning when they were made on other files; null (after
     * saying why) when the sidecar cannot be read.
     */
    /** The time shift each file of {@code capture} was opened with, in file order. */
    static long[] shifts(Capture capture) {
        long[] shifts = new long[capture.sources().size()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = capture.timeShiftNanos(i);
        }
        return shifts;
    }

    static dev.cutover.annotations.AnnotationStore annotations(List<Path> files, Capture capture, PrintWriter err) {
        try {
            dev.cutover.annotations.AnnotationStore notes =
                    dev.cutover.annotations.AnnotationStore.load(files, capture.frameCount(), shifts(capture));
            if (notes.mismatch() != null) {
                err.println("cutover: warning: " + notes.mismatch());
            }
            return notes;
        } catch (java.io.IOException e) {
            err.println("cutover: " + e.getMessage());
            return null;
        }
    }
}
