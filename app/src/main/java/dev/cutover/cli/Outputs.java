package dev.cutover.cli;

import dev.cutover.capture.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Writing a command's output file: atomically, never over an input, one clear line when it fails. */
final class Outputs {
    private Outputs() {
    }

    /** Null when {@code out} may be written, else the reason it may not. */
    static String refuse(Path out, List<Path> inputs) {
        for (Path in : inputs) {
            try {
                if (Files.exists(out) && Files.isSameFile(out, in)) {
                    return out + " is one of the captures read; the capture is never modified";
                }
            } catch (IOException e) {
                return out + ": " + e.getMessage();
            }
        }
        if (Files.isDirectory(out)) {
            return out + " is a folder";
        }
        return null;
    }

    /** Writes {@code out} atomically; on failure prints why and returns false, leaving nothing behind. */
    static boolean write(Path out, AtomicFiles.IOConsumer<java.io.OutputStream> body, PrintWriter err) {
        try {
            AtomicFiles.write(out, body);
            return true;
        } catch (NoSuchFileException e) {
            err.println("cutover: cannot write " + out + ": no such folder " + out.toAbsolutePath().getParent());
        } catch (IOException | RuntimeException e) {
            err.println("cutover: cannot write " + out + ": " + e.getMessage());
        }
        err.flush();
        return false;
    }
}
