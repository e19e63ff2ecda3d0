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
        scan.version = major + "." + minor;
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

    private static void readRecords(ByteWindow window, SourceScan scan, int interfaceId, long nanosPerUnit,
                                    LengthOrder order) throws IOException {
        long size = window.size();
        long pos = FILE_HEADER_LENGTH;
        while (true) {
            long remain = size - pos;
            if (remain < RECORD_HEADER_LENGTH) {
                if (remain > 0) {
                    scan.damage(pos, "cut short: " + remain + " stray bytes after the last record");
                }
                return;
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
                return;
            }
            long data = pos + RECORD_HEADER_LENGTH;
            if (captured > size - data) {
                scan.damage(pos, "cut short: record needs " + captured + " bytes, only " + (size - data) + " remain");
                return;
            }
            if (data > FrameIndex.MAX_OFFSET) {
                scan.damage(pos, "frames more than 1 TiB into a file are not supported");
                return;
            }
            // seconds are unsigned (2038 is not 1901); a nanosecond fraction of 1e9 or more is kept as written
            scan.frame(data, seconds * TimestampScale.NANOS_PER_SECOND + fraction * nanosPerUnit,
                    (int) captured, original, interfaceId);
            scan.tap(window, data, (int) captured);
            pos = data + captured;
        }
    }
}
