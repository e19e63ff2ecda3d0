package dev.cutover.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The sample capture and variants of it for the desktop tests. */
public final class UiFixtures {
    /** The ESXi vMotion sample, relative to the module. */
    public static final Path SAMPLE = Path.of("../sample-captures/esxi-vmotion-vlan10.pcap");
    /** Frames in the sample. */
    public static final int SAMPLE_FRAMES = 77;
    /** 0-based index of the sample's first RARP migration notification (frame 41). */
    public static final int FIRST_RARP = 40;

    /** A vMotion whose guest stays silent: the analysis finds rarp-without-garp. */
    public static final Path SILENT_VM = Path.of("../sample-captures/silent-vm-rarp-no-garp.pcap");
    /** 0-based index of the silent VM's first RARP (frame 42), the first frame its finding names. */
    public static final int SILENT_VM_FIRST_RARP = 41;

    private UiFixtures() {
    }

    /** The sample cut in the middle of a frame: a damaged capture. */
    public static Path damagedSample(Path dir) throws IOException {
        byte[] all = Files.readAllBytes(SAMPLE);
        Path f = dir.resolve("cut.pcap");
        Files.write(f, Arrays.copyOf(all, all.length - 30));
        return f;
    }

    /** A text file, which is no capture. */
    public static Path notACapture(Path dir) throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "these are notes about the migration, not packets\n");
        return f;
    }

    /** The sample's IPv4 frames only: a capture with no ARP of any kind, so nothing announces a migration. */
    public static void writeWithoutArp(Path target) throws IOException {
        byte[] all = Files.readAllBytes(SAMPLE);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(all, 0, 24);
        int p = 24;
        while (p + 16 <= all.length) {
            int captured = in.getInt(p + 8);
            int data = p + 16;
            int type = ((all[data + 12] & 0xff) << 8) | (all[data + 13] & 0xff);
            if (type == 0x8100) {
                type = ((all[data + 16] & 0xff) << 8) | (all[data + 17] & 0xff);
            }
            if (type == 0x0800) {
                out.write(all, p, 16 + captured);
            }
            p = data + captured;
        }
        Files.write(target, out.toByteArray());
    }
}
