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
        try (Pending pending = create(target)) {
            body.accept(pending.stream());
            pending.commit();
        }
    }

    /**
     * Starts a file that is written over time (a capture that runs until stopped): the stream goes to a
     * temporary file beside target, which {@link Pending#commit()} syncs and moves into place. Closing a
     * pending file that was not committed deletes the temporary file and leaves target untouched.
     */
    public static Pending create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            return new Pending(absolute, temp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** A file being written: its stream, then one commit that puts it in place, or a close that drops it. */
    public static final class Pending implements java.io.Closeable {
        private final Path target;
        private final Path temp;
        private final FileOutputStream file;
        private final OutputStream buffered;
        private boolean done;

        private Pending(Path target, Path temp) throws IOException {
            this.target = target;
            this.temp = temp;
            this.file = new FileOutputStream(temp.toFile());
            this.buffered = new BufferedOutputStream(file, 1 << 16);
        }

        /** The stream to write; closing it only flushes, so writers that close their stream are welcome. */
        public OutputStream stream() {
            return new KeepOpen(buffered);
        }

        /** The file it becomes. */
        public Path target() {
            return target;
        }

        /** Flushes, syncs to disk and moves the file to its target; after this, close does nothing. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException(target + " was already committed or dropped");
            }
            done = true;
            try {
                buffered.flush();
                // on disk before the rename, or a crash could leave an empty file under the real name
                file.getFD().sync();
                file.close();
                keepPermissions(temp, target);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                drop(e);
                throw e;
            }
        }

        /** Drops the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                drop(null);
            }
        }

        private void drop(Exception cause) throws IOException {
            try {
                file.close();
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                if (cause == null) {
                    throw e;
                }
                cause.addSuppressed(e);
            }
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

    /**
     * A view of out whose close only flushes: writers close the stream they are given, and the stream's owner
     * (here, the sync and the move) must still come after that.
     */
    public static OutputStream keepOpen(OutputStream out) {
        return new KeepOpen(out);
    }

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
