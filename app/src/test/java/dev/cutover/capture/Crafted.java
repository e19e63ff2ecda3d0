package dev.cutover.capture;

import java.nio.ByteOrder;

/** Hand-made pcap and pcapng structures for tests that need a precise fault in a precise place. */
final class Crafted {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int PB = 2;
    static final int SPB = 3;
    static final int NRB = 4;
    static final int ISB = 5;
    static final int EPB = 6;
    static final int CB = 0x00000BAD;

    private Crafted() {
    }

    /** A pcap file header: magic written in the given order, version, snap length and link type field. */
    static Bytes pcapHeader(ByteOrder order, boolean nanos, int major, int minor, long snapLen, long network) {
        return Bytes.of(order).u32(nanos ? 0xA1B23C4DL : 0xA1B2C3D4L).u16(major).u16(minor)
                .u32(0).u32(0).u32(snapLen).u32(network);
    }

    static Bytes pcapHeader() {
        return pcapHeader(ByteOrder.LITTLE_ENDIAN, false, 2, 4, 65535, 1);
    }

    static Bytes pcapRecord(ByteOrder order, long seconds, long fraction, long captured, long original, byte[] data) {
        return Bytes.of(order).u32(seconds).u32(fraction).u32(captured).u32(original).raw(data);
    }

    static Bytes pcapRecord(long seconds, long fraction, byte[] data) {
        return pcapRecord(ByteOrder.LITTLE_ENDIAN, seconds, fraction, data.length, data.length, data);
    }

    /** A pcapng block with correct leading and trailing lengths around the body. */
    static Bytes block(ByteOrder order, int type, Bytes body) {
        byte[] b = body.toArray();
        int length = 12 + b.length;
        return Bytes.of(order).u32(type).u32(length).raw(b).u32(length);
    }

    static Bytes shb(ByteOrder order, int major, int minor, Bytes options) {
        return block(order, SHB, Bytes.of(order).u32(0x1A2B3C4D).u16(major).u16(minor).u64(-1).raw(options));
    }

    static Bytes shb(ByteOrder order) {
        return shb(order, 1, 0, Bytes.of(order));
    }

    static Bytes idb(ByteOrder order, int linkType, long snapLen, Bytes options) {
        return block(order, IDB, Bytes.of(order).u16(linkType).u16(0).u32(snapLen).raw(options));
    }

    static Bytes idb(ByteOrder order) {
        return idb(order, 1, 0, Bytes.of(order));
    }

    static Bytes epb(ByteOrder order, long interfaceId, long units, byte[] data, Bytes options) {
        Bytes body = Bytes.of(order).u32(interfaceId).u32(units >>> 32).u32(units & 0xFFFFFFFFL)
                .u32(data.length).u32(data.length).raw(data).pad4().raw(options);
        return block(order, EPB, body);
    }

    static Bytes epb(ByteOrder order, long interfaceId, long units, byte[] data) {
        return epb(order, interfaceId, units, data, Bytes.of(order));
    }

    /** One option, value padded to 4 bytes. */
    static Bytes option(ByteOrder order, int code, byte[] value) {
        return Bytes.of(order).u16(code).u16(value.length).raw(value).pad4();
    }

    static Bytes option(ByteOrder order, int code, String text) {
        return option(order, code, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Bytes endOfOptions(ByteOrder order) {
        return Bytes.of(order).u32(0);
    }
}
