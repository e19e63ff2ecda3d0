package dev.cutover.samples;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.PcapWriter;
import dev.cutover.capture.PcapngWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Frames with times and interfaces, written as pcap (one interface) or pcapng (several), in time order. */
public final class Trace {
    /** One frame to write. */
    public record Frame(long timeNanos, int iface, byte[] bytes) {
    }

    private final List<Frame> frames = new ArrayList<>();

    /** Adds a frame on interface 0. */
    public Trace add(long timeNanos, byte[] bytes) {
        return add(timeNanos, 0, bytes);
    }

    public Trace add(long timeNanos, int iface, byte[] bytes) {
        frames.add(new Frame(timeNanos, iface, bytes));
        return this;
    }

    /** The frames sorted by time (stable: frames added first stay first on ties). */
    public List<Frame> frames() {
        List<Frame> l = new ArrayList<>(frames);
        l.sort(Comparator.comparingLong(Frame::timeNanos));
        return l;
    }

    /** A microsecond pcap with every frame, whatever its interface. */
    public Path pcap(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            try (PcapWriter w = new PcapWriter(out, 1, 262144, false)) {
                for (Frame f : frames()) {
                    w.write(f.timeNanos(), f.bytes(), 0, f.bytes().length, f.bytes().length);
                }
            }
        });
        return file;
    }

    /** A pcapng with one interface per name, in the given time resolution (6 or 9 digits). */
    public Path pcapng(Path file, int digits, String... interfaceNames) throws IOException {
        AtomicFiles.write(file, out -> {
            try (PcapngWriter w = new PcapngWriter(out, "Cutover sample generator")) {
                for (String name : interfaceNames) {
                    w.addInterface(1, 262144, name, null, digits);
                }
                for (Frame f : frames()) {
                    w.write(f.iface(), f.timeNanos(), f.bytes(), 0, f.bytes().length, f.bytes().length, List.of(), 0);
                }
            }
        });
        return file;
    }
}
