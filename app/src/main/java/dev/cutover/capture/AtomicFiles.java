package dev.cutover.capture;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees half of one: the body writes a temporary file in the same
 * folder, which then replaces the target in one move. If anything fails, the target is untouched.
 */
public final class AtomicFiles {

    /** Writes to an output stream and may fail with an IOException. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        void accept(T t) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Runs body on a stream to a temporary file, then moves that file to target. */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream file = new FileOutputStream(temp.toFile());
                 OutputStream buffered = new BufferedOutputStream(file, 1 << 16)) {
                body.accept(new KeepOpen(buffered));
                buffered.flush();
                // on disk before the rename, or a crash could leave an empty file under the real name
                file.getFD().sync();
            }
            keepPermissions(temp, absolute);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
    }

    /**
     * A temporary file is created owner-only; the written file should read like any other the user makes
     * (or keep the permissions of the file it replaces).
     */
    private static void keepPermissions(Path temp, Path target) {
        try {
            if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
                return;
            }
            Set<PosixFilePermission> perms = Files.exists(target)
                    ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temp, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // Permissions are a courtesy; the content is what must land.
        }
    }

    // Writers close the stream they are given; the sync and the move must still come after that.
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
