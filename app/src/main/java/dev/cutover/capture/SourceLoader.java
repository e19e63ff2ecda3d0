package dev.cutover.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens one capture file: detects its format from its first bytes (pcap, pcapng, else text), expands gzip,
 * and indexes it.
 */
final class SourceLoader {
    private SourceLoader() {
    }

    /**
     * Reads one file into a scan that holds its byte source open; the caller closes the scan.
     *
     * @param progress told how far into this file reading has got, in bytes of the file on disk
     */
    static SourceScan load(Path file, int sourceIndex, int firstInterfaceId, ByteWindow.RefillListener progress)
            throws IOException {
        return load(file, sourceIndex, firstInterfaceId, progress, null, scan -> { }, 0);
    }

    /**
     * As above, showing each pcap or pcapng frame to {@code tap} (null for none); {@code started} gets the scan
     * before reading begins, so the progress listener can look at the frames read so far. A listener that throws
     * {@link Capture.LoadStopped} ends reading: the scan keeps what was read. {@code timeShiftNanos} is added to
     * every time stamp of the file as it is indexed.
     */
    static SourceScan load(Path file, int sourceIndex, int firstInterfaceId, ByteWindow.RefillListener progress,
                           FrameTap tap, java.util.function.Consumer<SourceScan> started, long timeShiftNanos)
            throws IOException {
        long fileSize = Files.size(file);
        SourceScan scan = new SourceScan(file, sourceIndex, firstInterfaceId, fileSize);
        scan.tap = tap;
        scan.timeShiftNanos = timeShiftNanos;
        started.accept(scan);
        try {
            if (fileSize == 0) {
                throw new CaptureException(file, 0, "empty file: not a pcap or pcapng capture");
            }
            GzipExpander.Expanded expanded = null;
            ByteSource source = new FileByteSource(file);
            scan.opened.readFrom(source);
            byte[] head = head(source);
            if (head.length >= 2 && head[0] == 0x1F && head[1] == (byte) 0x8B) {
                scan.gzipped = true;
                expanded = GzipExpander.expand(file, progress);
                scan.opened.deleteOnClose(expanded.file());
                source = new FileByteSource(expanded.file());
                scan.opened.readFrom(source);
                head = head(source);
                if (head.length == 0) {
                    throw new CaptureException(file, expanded.faultOffset() < 0 ? 0 : expanded.faultOffset(),
                            expanded.fault() != null ? expanded.fault() : "the gzip data expands to nothing");
                }
            }
            long size = source.size();
            // the expanded file was already counted while it was being expanded
            ByteWindow.RefillListener windowProgress = scan.gzipped ? pos -> progress.refilled(fileSize) : progress;
            ByteWindow window = new ByteWindow(source, size, ByteWindow.DEFAULT_CAPACITY, windowProgress);
            int magic = head.length >= 4 ? ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16)
                    | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF) : 0;
            if (head.length >= 4 && PcapReader.isMagic(magic)) {
                PcapReader.read(window, scan);
            } else if (head.length >= 4 && magic == PcapngReader.SHB) {
                PcapngReader.read(window, scan);
            } else if (TextSourceReader.looksLikeText(source, size)) {
                TextSourceReader.read(source, size, scan, windowProgress,
                        "not a pcap or pcapng capture (starts with " + hex(head) + ")");
            } else {
                throw new CaptureException(file, 0, "not a pcap or pcapng capture (starts with " + hex(head) + ")");
            }
            if (expanded != null && expanded.fault() != null) {
                blameGzip(scan, expanded);
            }
            return scan;
        } catch (Capture.LoadStopped stop) {
            return scan;
        } catch (IOException | RuntimeException | Error e) {
            scan.close();
            throw e;
        }
    }

    // A broken gzip stream cuts the expanded data short; name the real cause, and keep what the
    // reader saw in case it stopped for another reason first.
    private static void blameGzip(SourceScan scan, GzipExpander.Expanded expanded) {
        CaptureDamage seen = scan.damage;
        String reason = expanded.fault();
        if (seen != null) {
            reason += "; reading stopped at byte " + seen.byteOffset() + " of the uncompressed data: " + seen.reason();
        }
        scan.damage = new CaptureDamage(scan.file, scan.index.size() + 1L, expanded.faultOffset(), reason);
    }

    private static byte[] head(ByteSource source) throws IOException {
        byte[] head = new byte[4];
        int n = source.read(0, head, 0, head.length);
        return n == head.length ? head : Arrays.copyOf(head, Math.max(n, 0));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }
}
