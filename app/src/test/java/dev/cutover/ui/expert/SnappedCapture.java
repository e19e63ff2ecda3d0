package dev.cutover.ui.expert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A copy of a little-endian pcap whose frames were captured with a short snapshot length, as tcpdump -s does. */
final class SnappedCapture {
    private SnappedCapture() {
    }

    /** Writes {@code from} to {@code dir/snapped.pcap} with every frame cut to {@code snaplen} bytes. */
    static Path of(Path from, Path dir, int snaplen) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(from)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != 0xa1b2c3d4) {
            throw new IllegalArgumentException(from + " is not a little-endian microsecond pcap");
        }
        ByteBuffer out = ByteBuffer.allocate(in.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = new byte[24];
        in.get(header);
        out.put(header);
        out.putInt(16, snaplen);
        while (in.remaining() >= 16) {
            int sec = in.getInt();
            int usec = in.getInt();
            int incl = in.getInt();
            int orig = in.getInt();
            byte[] data = new byte[incl];
            in.get(data);
            int kept = Math.min(incl, snaplen);
            out.putInt(sec).putInt(usec).putInt(kept).putInt(orig).put(data, 0, kept);
        }
        Path f = dir.resolve("snapped.pcap");
        Files.write(f, java.util.Arrays.copyOf(out.array(), out.position()));
        return f;
    }
}
