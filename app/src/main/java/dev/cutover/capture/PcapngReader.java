package dev.cutover.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Indexes a pcapng file block by block. Each section header starts a section with its own byte order
 * and its own interface numbering. Faults in the first section header make the file unreadable; later
 * faults are damage, and the frames before them are kept.
 */
final class PcapngReader {
    static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int NRB = 4;
    private static final int ISB = 5;
    private static final int EPB = 6;
    private static final int DSB = 0x0A;
    private static final int CB = 0x00000BAD;
    private static final int DCB = 0x40000BAD;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final long MAX_BLOCK_LENGTH = 16L << 20;

    private static final int OPT_COMMENT = 1;
    private static final int OPT_SHB_HARDWARE = 2;
    private static final int OPT_SHB_OS = 3;
    private static final int OPT_SHB_USERAPPL = 4;
    private static final int OPT_IF_NAME = 2;
    private static final int OPT_IF_DESCRIPTION = 3;
    private static final int OPT_IF_TSRESOL = 9;
    private static final int OPT_IF_FCSLEN = 13;
    private static final int OPT_IF_TSOFFSET = 14;
    private static final int OPT_PACKET_FLAGS = 2;

    /** What a packet block needs to know about its interface. */
    private record Interface(int globalId, long snapLen, TimestampScale scale, long offsetNanos) {
    }

    private final ByteWindow window;
    private final SourceScan scan;
    private final long size;
    /** The largest packet block read into the window whole when a tap looks at the frames. */
    private static final long TAPPED_BLOCK_MAX = 1 << 20;
    private final OptionCursor options = new OptionCursor();
    private final List<Interface> interfaces = new ArrayList<>();
    private final List<String> packetComments = new ArrayList<>();
    private int section = -1;
    private boolean sawLittleEndian;
    private boolean sawBigEndian;

    private PcapngReader(ByteWindow window, SourceScan scan) {
        this.window = window;
        this.scan = scan;
        this.size = window.size();
    }

    static void read(ByteWindow window, SourceScan scan) throws IOException {
        new PcapngReader(window, scan).read();
    }

    private void read() throws IOException {
        scan.format = CaptureFormat.PCAPNG;
        long pos;
        try {
            pos = readSectionHeader(0);
        } catch (Malformed m) {
            throw new CaptureException(scan.file, m.offset(), m.reason());
        }
        try {
            while (pos < size) {
                pos = readBlock(pos);
            }
        } catch (Malformed m) {
            scan.damage(m.offset(), m.reason());
        }
    }

    private long readBlock(long pos) throws IOException, Malformed {
        long remain = size - pos;
        if (remain < 8) {
            throw new Malformed(pos, "cut short: " + remain + " stray bytes after the last block");
        }
        int h = window.at(pos, 8);
        ByteBuffer b = window.buffer();
        int type = b.getInt(h);
        if (type == SHB) {
            return readSectionHeader(pos);
        }
        long length = b.getInt(h + 4) & 0xFFFFFFFFL;
        checkLength(pos, type, length, minimumLength(type));
        switch (type) {
            case EPB:
                readEnhancedPacket(pos, length);
                break;
            case SPB:
                readSimplePacket(pos, length);
                break;
            case PB:
                readObsoletePacket(pos, length);
                break;
            case IDB:
                readInterface(pos, length);
                break;
            default:
                // NRB, ISB, DSB, custom and unknown blocks hold no frames. tshark shows custom blocks
                // as frames of protocol "PCAPNG"; like capinfos, we count only packet blocks.
                checkTrailer(pos, type, length);
                break;
        }
        return pos + length;
    }

    private long readSectionHeader(long pos) throws IOException, Malformed {
        long remain = size - pos;
        if (remain < 12) {
            throw new Malformed(pos, "cut short: a pcapng section header needs at least 28 bytes, only "
                    + remain + " remain");
        }
        window.order(ByteOrder.BIG_ENDIAN);
        int h = window.at(pos, 12);
        int magic = window.buffer().getInt(h + 8);
        ByteOrder order;
        if (magic == BYTE_ORDER_MAGIC) {
            order = ByteOrder.BIG_ENDIAN;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else {
            throw new Malformed(pos + 8, String.format("pcapng: unknown byte-order magic 0x%08x", magic));
        }
        window.order(order);
        long length = window.buffer().getInt(h + 4) & 0xFFFFFFFFL;
        checkLength(pos, SHB, length, 28);
        int s = window.at(pos, (int) length);
        ByteBuffer b = window.buffer();
        int major = b.getShort(s + 12) & 0xFFFF;
        int minor = b.getShort(s + 14) & 0xFFFF;
        if (major != 1 || (minor != 0 && minor != 2)) {
            throw new Malformed(pos + 12, "pcapng: unknown SHB version " + major + "." + minor);
        }
        String hardware = null;
        String os = null;
        String application = null;
        List<String> comments = new ArrayList<>();
        options.reset(b, s + 24, s + (int) length - 4, pos + 24);
        while (options.next()) {
            FieldReader v = options.value();
            switch (options.code()) {
                case OPT_COMMENT:
                    comments.add(v.utf8(options.length()));
                    break;
                case OPT_SHB_HARDWARE:
                    hardware = v.utf8(options.length());
                    break;
                case OPT_SHB_OS:
                    os = v.utf8(options.length());
                    break;
                case OPT_SHB_USERAPPL:
                    application = v.utf8(options.length());
                    break;
                default:
                    break;
            }
        }
        checkTrailer(pos, SHB, length);

        section++;
        interfaces.clear();
        if (order == ByteOrder.BIG_ENDIAN) {
            sawBigEndian = true;
        } else {
            sawLittleEndian = true;
        }
        // known as each section starts, so a load stopped part way still says it
        scan.byteOrder = sawLittleEndian && sawBigEndian ? "mixed" : sawBigEndian ? "big-endian" : "little-endian";
        if (section == 0) {
            scan.version = Integer.toString(major).concat(".").concat(Integer.toString(minor));
            scan.hardware = hardware;
            scan.os = os;
            scan.application = application;
        }
        scan.comments.addAll(comments);
        scan.sections = section + 1;
        return pos + length;
    }

    private void readInterface(long pos, long length) throws IOException, Malformed {
        int h = window.at(pos, (int) length);
        ByteBuffer b = window.buffer();
        int linkType = b.getShort(h + 8) & 0xFFFF;
        long snapLen = b.getInt(h + 12) & 0xFFFFFFFFL;
        String name = null;
        String description = null;
        TimestampScale scale = TimestampScale.MICROSECONDS;
        long offsetSeconds = 0;
        int fcsLength = -1;
        options.reset(b, h + 16, h + (int) length - 4, pos + 16);
        while (options.next()) {
            FieldReader v = options.value();
            int len = options.length();
            switch (options.code()) {
                case OPT_IF_NAME:
                    name = v.utf8(len);
                    break;
                case OPT_IF_DESCRIPTION:
                    description = v.utf8(len);
                    break;
                case OPT_IF_TSRESOL:
                    if (len >= 1) {
                        scale = TimestampScale.fromTsresol(v.u8());
                    }
                    break;
                case OPT_IF_FCSLEN:
                    if (len >= 1) {
                        fcsLength = v.u8() / 8; // pcapng counts it in bits
                    }
                    break;
                case OPT_IF_TSOFFSET:
                    if (len >= 8) {
                        offsetSeconds = v.s64();
                    }
                    break;
                default:
                    break;
            }
        }
        checkTrailer(pos, IDB, length);
        InterfaceInfo info = scan.addInterface(pos, section, interfaces.size(), name, description, linkType,
                snapLen, scale.precisionDigits(), fcsLength);
        interfaces.add(new Interface(info.id(), snapLen, scale, TimestampScale.secondsToNanos(offsetSeconds)));
    }

    private void readEnhancedPacket(long pos, long length) throws IOException, Malformed {
        int h = window.at(pos, 28);
        ByteBuffer b = window.buffer();
        long interfaceId = b.getInt(h + 8) & 0xFFFFFFFFL;
        long units = ((long) b.getInt(h + 12) << 32) | (b.getInt(h + 16) & 0xFFFFFFFFL);
        long captured = b.getInt(h + 20) & 0xFFFFFFFFL;
        long original = b.getInt(h + 24) & 0xFFFFFFFFL;
        readPacket(pos, length, EPB, interfaceId, units, captured, original, 28);
    }

    private void readObsoletePacket(long pos, long length) throws IOException, Malformed {
        int h = window.at(pos, 28);
        ByteBuffer b = window.buffer();
        long interfaceId = b.getShort(h + 8) & 0xFFFF; // then a 16-bit drops count
        long units = ((long) b.getInt(h + 12) << 32) | (b.getInt(h + 16) & 0xFFFFFFFFL);
        long captured = b.getInt(h + 20) & 0xFFFFFFFFL;
        long original = b.getInt(h + 24) & 0xFFFFFFFFL;
        readPacket(pos, length, PB, interfaceId, units, captured, original, 28);
    }

    private void readPacket(long pos, long length, int type, long localId, long units, long captured,
                            long original, int headerLength) throws IOException, Malformed {
        Interface iface = interfaceFor(pos, type, localId);
        if (scan.tap != null && length <= TAPPED_BLOCK_MAX && pos + length <= size) {
            // the whole block in the window at once: reading its options and trailer first and then its data for
            // the tap would otherwise move the window forward and back, reading most windows twice
            window.at(pos, (int) length);
        }
        long room = length - headerLength - 4;
        if (captured > room) {
            throw new Malformed(pos, name(type) + " captured length " + captured + " is more than the "
                    + room + " bytes the block holds");
        }
        checkCapturedLength(pos, type, captured);
        long optionsStart = pos + headerLength + ((captured + 3) & ~3L);
        long optionsEnd = pos + length - 4;
        int flags = 0;
        packetComments.clear();
        if (optionsEnd > optionsStart) {
            int o = window.at(optionsStart, (int) (optionsEnd - optionsStart));
            options.reset(window.buffer(), o, o + (int) (optionsEnd - optionsStart), optionsStart);
            while (options.next()) {
                FieldReader v = options.value();
                if (options.code() == OPT_COMMENT) {
                    packetComments.add(v.utf8(options.length()));
                } else if (options.code() == OPT_PACKET_FLAGS && options.length() >= 4) {
                    flags = (int) v.u32();
                }
            }
        }
        checkTrailer(pos, type, length);
        long timestamp = TimestampScale.saturatedAdd(iface.scale().toNanos(units), iface.offsetNanos());
        addFrame(pos, pos + headerLength, timestamp, captured, original, iface);
        scan.notes.add(scan.index.size() - 1, flags, packetComments);
        scan.tap(window, pos + headerLength, (int) captured);
    }

    private void readSimplePacket(long pos, long length) throws IOException, Malformed {
        int h = window.at(pos, 12);
        long original = window.buffer().getInt(h + 8) & 0xFFFFFFFFL;
        Interface iface = interfaceFor(pos, SPB, 0);
        // an SPB does not store its captured length: the block, the snapshot length and the packet bound it
        long captured = Math.min(original, length - 16);
        if (iface.snapLen() > 0) {
            captured = Math.min(captured, iface.snapLen());
        }
        checkCapturedLength(pos, SPB, captured);
        checkTrailer(pos, SPB, length);
        // an SPB has no time stamp
        addFrame(pos, pos + 12, 0, captured, original, iface);
        scan.tap(window, pos + 12, (int) captured);
    }

    private void addFrame(long blockPos, long data, long timestamp, long captured, long original, Interface iface)
            throws IOException, Malformed {
        if (data > FrameIndex.MAX_OFFSET) {
            throw new Malformed(blockPos, "frames more than 1 TiB into a file are not supported");
        }
        scan.frame(data, timestamp, (int) captured, original, iface.globalId());
    }

    private Interface interfaceFor(long pos, int type, long localId) throws Malformed {
        if (interfaces.isEmpty()) {
            throw new Malformed(pos, name(type) + " before any interface description block in section "
                    + (section + 1));
        }
        if (localId >= interfaces.size()) {
            throw new Malformed(pos, name(type) + " names interface " + localId + ", but section "
                    + (section + 1) + " has only " + interfaces.size());
        }
        return interfaces.get((int) localId);
    }

    private static void checkCapturedLength(long pos, int type, long captured) throws Malformed {
        if (captured > SourceScan.MAX_CAPTURED_LENGTH) {
            throw new Malformed(pos, name(type) + " claims " + captured + " captured bytes, more than the "
                    + SourceScan.MAX_CAPTURED_LENGTH + " maximum");
        }
    }

    private void checkLength(long pos, int type, long length, int minimum) throws Malformed {
        String block = "pcapng " + name(type) + " block";
        if (length < 12) {
            throw new Malformed(pos, block + " length " + length + " is below 12");
        }
        if (length < minimum) {
            throw new Malformed(pos, block + " length " + length + " is below the " + minimum + " it needs");
        }
        if (length % 4 != 0) {
            throw new Malformed(pos, block + " length " + length + " is not a multiple of 4");
        }
        // checked before anything is sized by it
        if (length > MAX_BLOCK_LENGTH) {
            throw new Malformed(pos, block + " length " + length + " is over the 16 MiB limit");
        }
        if (length > size - pos) {
            throw new Malformed(pos, "cut short: " + block + " needs " + length + " bytes, only "
                    + (size - pos) + " remain");
        }
    }

    private void checkTrailer(long pos, int type, long length) throws IOException, Malformed {
        int t = window.at(pos + length - 4, 4);
        long trailer = window.buffer().getInt(t) & 0xFFFFFFFFL;
        if (trailer != length) {
            throw new Malformed(pos, "pcapng " + name(type) + " block trailing length " + trailer
                    + " does not match its leading length " + length);
        }
    }

    private static int minimumLength(int type) {
        switch (type) {
            case IDB:
                return 20;
            case EPB:
            case PB:
                return 32;
            case SPB:
                return 16;
            default:
                return 12;
        }
    }

    private static String name(int type) {
        switch (type) {
            case SHB: return "SHB";
            case IDB: return "IDB";
            case PB: return "PB";
            case SPB: return "SPB";
            case NRB: return "NRB";
            case ISB: return "ISB";
            case EPB: return "EPB";
            case DSB: return "DSB";
            case CB: return "CB";
            case DCB: return "DCB";
            default: return String.format("type 0x%08x", type);
        }
    }
}
