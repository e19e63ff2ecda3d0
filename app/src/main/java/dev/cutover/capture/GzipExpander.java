package dev.cutover.capture;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Expands a gzip-compressed capture into a temporary file, so the readers get the random access
 * they need. A stream that turns corrupt part-way keeps what came out before the fault.
 */
final class GzipExpander {
    private static final int REPORT_EVERY = 4 << 20;

    /**
     * The expanded file and, when the stream broke, where and why.
     *
     * @param faultOffset compressed bytes read when the fault showed, or -1 when there was none
     */
    record Expanded(Path file, long size, long faultOffset, String fault) {
    }

    private GzipExpander() {
    }

    static Expanded expand(Path gzip, ByteWindow.RefillListener progress) throws IOException {
        Path temp = Files.createTempFile("cutover-", ".capture");
        temp.toFile().deleteOnExit();
        try (CountingInputStream compressed = new CountingInputStream(Files.newInputStream(gzip));
             OutputStream out = Files.newOutputStream(temp)) {
            long written = 0;
            long nextReport = REPORT_EVERY;
            byte[] buffer = new byte[1 << 20];
            try (GZIPInputStream in = new GZIPInputStream(compressed, 1 << 16)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    if (compressed.count >= nextReport) {
                        progress.refilled(compressed.count);
                        nextReport = compressed.count + REPORT_EVERY;
                    }
                }
            } catch (ZipException | EOFException e) {
                // only format faults are damage; any other IOException is a real I/O failure
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                return new Expanded(temp, written, compressed.count,
                        "gzip data corrupt after " + written + " uncompressed bytes (" + why + ")");
            }
            return new Expanded(temp, written, -1, null);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
