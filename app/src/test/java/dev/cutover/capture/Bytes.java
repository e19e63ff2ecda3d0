package dev.cutover.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A small builder of binary test input in either byte order. */
final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;

    private Bytes(ByteOrder order) {
        this.order = order;
    }

    static Bytes le() {
        return new Bytes(ByteOrder.LITTLE_ENDIAN);
    }

    static Bytes be() {
        return new Bytes(ByteOrder.BIG_ENDIAN);
    }

    static Bytes of(ByteOrder order) {
        return new Bytes(order);
    }

    ByteOrder order() {
        return order;
    }

    int size() {
        return out.size();
    }

    Bytes u8(int v) {
        out.write(v);
        return this;
    }

    Bytes u16(int v) {
        return raw(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    }

    Bytes u32(long v) {
        return raw(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    }

    Bytes u64(long v) {
        return raw(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    Bytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Bytes raw(Bytes other) {
        return raw(other.toArray());
    }

    Bytes hex(String hex) {
        String h = hex.replace(" ", "");
        for (int i = 0; i < h.length(); i += 2) {
            out.write(Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return this;
    }

    Bytes zeros(int n) {
        return raw(new byte[n]);
    }

    Bytes pad4() {
        return zeros((4 - out.size() % 4) % 4);
    }

    Bytes utf8(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** Bytes 0, 1, 2, ... n-1 (mod 256), a recognisable frame body. */
    static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i + seed);
        }
        return b;
    }
}
