package dev.cutover.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Indexes a classic pcap file: one interface, then 16-byte record headers each followed by its data. */
final class PcapReader {
    static final int FILE_HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    private static final int MAGIC_MICROS = 0xA1B2C3D4;
    private static final int MAGIC_NANOS = 0xA1B23C4D;
    private static final int LT_RESERVED = 0x03FF0000;
    private static final int LT_FCS_PRESENT = 0x04000000;

    /** Whether records store captured and original length the other way round (pcap before 2.3). */
    private enum LengthOrder { NORMAL, SWAPPED, SWAPPED_IF_IMPLAUSIBLE }

    private PcapReader() {
    }

    /** True for the four pcap magic numbers, read big-endian from the first four bytes. */
    static boolean isMagic(int firstFourBigEndian) {
        return firstFourBigEndian == MAGIC_MICROS || firstFourBigEndian == MAGIC_NANOS
                || firstFourBigEndian == Integer.reverseBytes(MAGIC_MICROS)
                || firstFourBigEndian == Integer.reverseBytes(MAGIC_NANOS);
    }

    static void read(ByteWindow window, SourceScan scan) throws IOException {
        long size = window.size();
        if (size < FILE_HEADER_LENGTH) {
            throw new CaptureException(scan.file, 0, "cut short: a pcap file header needs "
                    + FILE_HEADER_LENGTH + " bytes, only " + size + " present");
        }
        window.order(ByteOrder.BIG_ENDIAN);
        int h = window.at(0, FILE_HEADER_LENGTH);
        int magic = window.buffer().getInt(h);
        boolean bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        boolean nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        window.order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = window.buffer();
        int major = b.getShort(h + 4) & 0xFFFF;
        int minor = b.getShort(h + 6) & 0xFFFF;
        long snapLen = b.getInt(h + 16) & 0xFFFFFFFFL;
        int network = b.getInt(h + 20);

        if (major != 2) {
            throw new CaptureException(scan.file, 4, "pcap: major version " + major + " unsupported");
        }
        if ((network & LT_RESERVED) != 0) {
            throw new CaptureException(scan.file, 20, String.format(
                    "pcap: network type reserved field not zero (0x%08x)", network & LT_RESERVED));
        }
        // the FCS length is counted in 16-bit units
        int fcsLength = (network & LT_FCS_PRESENT) != 0 ? ((network >>> 28) & 0xF) * 2 : -1;

        scan.format = CaptureFormat.PCAP;
        scan.byteOrder = bigEndian ? "big-endian" : "little-endian";
        scan.version = Integer.toString(major).concat(".").concat(Integer.toString(minor));
        scan.sections = 1;
        InterfaceInfo iface;
        try {
            iface = scan.addInterface(0, 0, 0, null, null, network & 0xFFFF, snapLen,
                    nanos ? 9 : 6, fcsLength);
        } catch (Malformed m) {
            scan.damage(m.offset(), m.reason());
            return;
        }
        // As Wireshark does: before 2.3 the two lengths were the other way round, and some 2.3
        // writers kept the old order, which shows as a captured length above the original.
        LengthOrder order = minor < 3 ? LengthOrder.SWAPPED
                : minor == 3 ? LengthOrder.SWAPPED_IF_IMPLAUSIBLE : LengthOrder.NORMAL;
        readRecords(window, scan, iface.id(), nanos ? 1 : 1000, order);
    }

    /** Files from this size are indexed in two halves at once when the caller allows it (tests lower it). */
    static volatile long splitFrom = 64L << 20;
    /** How far past the middle a record boundary is looked for before the file is read in one pass. */
    private static final int BOUNDARY_SEARCH = 4 << 20;
    /** Consecutive plausible record headers that make a boundary. */
    private static final int CHAIN = 32;
    private static final long YEAR_SECONDS = 366L * 24 * 3600;
    /** How many files were indexed in two halves joined (for tests and diagnostics). */
    static final java.util.concurrent.atomic.AtomicLong HALVES_JOINED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.ExecutorService SECOND_HALF =
            java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "cutover-index");
                t.setDaemon(true);
                return t;
            });

    /**
     * Indexes the records. A large file whose caller asked for no progress (the command line) is indexed in two
     * halves at once: a record boundary near the middle is found by a chain of plausible record headers, a
     * second thread indexes from there while this one reads up to it, and the second half's frames are joined
     * on only when this thread's last record ends exactly at that boundary with no damage before it. Otherwise
     * (a boundary guessed wrong, damage in the first half, a fault in the second) the file is read on in one
     * pass from where this thread got to, so the result is always what one pass gives.
     */
    private static void readRecords(ByteWindow window, SourceScan scan, int interfaceId, long nanosPerUnit,
                                    LengthOrder order) throws IOException {
        long size = window.size();
        long mid = -1;
        // not with a tap, which sees the frames in order on one thread (and the analysis keeps its memory low)
        if (scan.splitAllowed && scan.tap == null && order == LengthOrder.NORMAL && size >= splitFrom) {
            mid = boundaryNear(window, FILE_HEADER_LENGTH + (size - FILE_HEADER_LENGTH) / 2, nanosPerUnit);
        }
        SourceScan half = mid < 0 ? null : scan.part();
        if (half == null) {
            records(window, scan, interfaceId, nanosPerUnit, order, FILE_HEADER_LENGTH, Long.MAX_VALUE);
            return;
        }
        SourceScan second = half;
        long from = mid;
        ByteWindow other = window.another(pos -> {
            if (second.abandoned) {
                throw new java.util.concurrent.CancellationException("the second half is not needed");
            }
        });
        java.util.concurrent.Future<SourceScan> later = SECOND_HALF.submit(() -> {
            records(other, second, interfaceId, nanosPerUnit, order, from, Long.MAX_VALUE);
            return second;
        });
        long reached = -1;
        try {
            reached = records(window, scan, interfaceId, nanosPerUnit, order, FILE_HEADER_LENGTH, mid);
            if (reached == mid) {
                scan.join(later.get());
                HALVES_JOINED.incrementAndGet();
                return;
            }
        } catch (java.util.concurrent.ExecutionException e) {
            // the second half failed: read on from the middle in one pass, which reports any fault as usual
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("indexing " + scan.file + " was interrupted");
        } finally {
            second.abandoned = true;
        }
        if (reached >= 0) {
            records(window, scan, interfaceId, nanosPerUnit, order, reached, Long.MAX_VALUE);
        }
    }

    /**
     * A record boundary at or after {@code from}: the first position where {@link #CHAIN} record headers follow
     * one another with plausible lengths and times (or end exactly at the end of the file); -1 when none is found
     * within {@link #BOUNDARY_SEARCH} bytes.
     */
    private static long boundaryNear(ByteWindow window, long from, long nanosPerUnit) throws IOException {
        long size = window.size();
        ByteWindow w = window.another(pos -> { });
        int h = w.at(FILE_HEADER_LENGTH, RECORD_HEADER_LENGTH);
        long firstSeconds = w.buffer().getInt(h) & 0xFFFFFFFFL;
        long fractionLimit = nanosPerUnit == 1 ? 1_000_000_000L : 1_000_000L;
        long end = Math.min(size - RECORD_HEADER_LENGTH, from + BOUNDARY_SEARCH);
        for (long p = from; p < end; p++) {
            if (chainAt(w, p, size, firstSeconds, fractionLimit)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean chainAt(ByteWindow w, long p, long size, long firstSeconds, long fractionLimit)
            throws IOException {
        long q = p;
        for (int k = 0; k < CHAIN; k++) {
            if (q == size) {
                return k > 0;
            }
            if (size - q < RECORD_HEADER_LENGTH) {
                return false;
            }
            int h = w.at(q, RECORD_HEADER_LENGTH);
            ByteBuffer b = w.buffer();
            long seconds = b.getInt(h) & 0xFFFFFFFFL;
            long fraction = b.getInt(h + 4) & 0xFFFFFFFFL;
            long captured = b.getInt(h + 8) & 0xFFFFFFFFL;
            long original = b.getInt(h + 12) & 0xFFFFFFFFL;
            if (Math.abs(seconds - firstSeconds) > YEAR_SECONDS || fraction >= fractionLimit
                    || captured > SourceScan.MAX_CAPTURED_LENGTH || original < captured || original > 1 << 24
                    || captured > size - q - RECORD_HEADER_LENGTH) {
                return false;
            }
            q += RECORD_HEADER_LENGTH + captured;
        }
        return true;
    }

    /**
     * Indexes the records from {@code pos}; returns the position of the first record at or after {@code stopAt}
     * when it gets there, or -1 when the file ended (at its end, or at damage).
     */
    private static long records(ByteWindow window, SourceScan scan, int interfaceId, long nanosPerUnit,
                                LengthOrder order, long pos, long stopAt) throws IOException {
        long size = window.size();
        while (true) {
            if (pos >= stopAt) {
                return pos;
            }
            long remain = size - pos;
            if (remain < RECORD_HEADER_LENGTH) {
                if (remain > 0) {
                    scan.damage(pos, "cut short: " + remain + " stray bytes after the last record");
                }
                return -1;
            }
            int h = window.at(pos, RECORD_HEADER_LENGTH);
            ByteBuffer b = window.buffer();
            long seconds = b.getInt(h) & 0xFFFFFFFFL;
            long fraction = b.getInt(h + 4) & 0xFFFFFFFFL;
            long captured = b.getInt(h + 8) & 0xFFFFFFFFL;
            long original = b.getInt(h + 12) & 0xFFFFFFFFL;
            if (order == LengthOrder.SWAPPED
                    || (order == LengthOrder.SWAPPED_IF_IMPLAUSIBLE && captured > original)) {
                long t = captured;
                captured = original;
                original = t;
            }
            if (captured > SourceScan.MAX_CAPTURED_LENGTH) {
                scan.damage(pos, "record claims " + captured + " captured bytes, more than the "
                        + SourceScan.MAX_CAPTURED_LENGTH + " maximum");
                return -1;
            }
            long data = pos + RECORD_HEADER_LENGTH;
            if (captured > size - data) {
                scan.damage(pos, "cut short: record needs " + captured + " bytes, only " + (size - data) + " remain");
                return -1;
            }
            if (data > FrameIndex.MAX_OFFSET) {
                scan.damage(pos, "frames more than 1 TiB into a file are not supported");
                return -1;
            }
            // seconds are unsigned (2038 is not 1901); a nanosecond fraction of 1e9 or more is kept as written
            scan.frame(data, seconds * TimestampScale.NANOS_PER_SECOND + fraction * nanosPerUnit,
                    (int) captured, original, interfaceId);
            scan.tap(window, data, (int) captured);
            pos = data + captured;
        }
    }
}
