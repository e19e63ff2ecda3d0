package dev.cutover.bench;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LinkTypes;
import dev.cutover.capture.SourceInfo;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveStore;
import dev.cutover.samples.Wire;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the live view's once-a-second snapshot costs over a long capture: feeds SECONDS × RATE frames (RARP and
 * gratuitous ARP from 256 MACs, as the soak injector sends) into a {@link LiveStore} as fast as it takes them,
 * and after each simulated second takes the snapshot the window would show, as the view model takes it. Prints,
 * per simulated minute and in total, the bytes snapshots wrote to temporary files, the bytes they allocated on the
 * heap, and the time spent in them. Usage: {@code LiveSnapshotBench [SECONDS=600] [RATE=1000] [RING=0]}.
 */
public final class LiveSnapshotBench {
    private static final long START_NANOS = 1_763_700_000_000_000_000L;

    private LiveSnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int ring = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();

        List<LiveFrame> pool = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            long mac = 0x5254_0000_0000L + (i % 256);
            byte[] data = i % 2 == 0 ? Wire.rarp(mac) : Wire.garp(mac, 0x0a00_0000L + (i % 256));
            pool.add(new LiveFrame(0, data, data.length));
        }

        LiveStore store = new LiveStore("veth0", "arp or rarp", LinkTypes.ETHERNET, 65535, ring);
        long frameBytes = 0;
        long fileBytes = 0;
        long heapBytes = 0;
        long snapshotNanos = 0;
        long addNanos = 0;
        long lastSnapshotNanos = 0;
        int shownFrames = 0;
        long n = 0;
        System.out.printf("live snapshots: %d s at %,d frames/s, ring %s%n", seconds, rate,
                ring == 0 ? "none" : String.format("%,d frames", ring));
        System.out.println("minute  frames      snapshot-file-bytes  snapshot-heap-bytes  snapshot-ms  last-snapshot-ms");
        List<LiveFrame> batch = new ArrayList<>(rate);
        for (int s = 1; s <= seconds; s++) {
            batch.clear();
            for (int i = 0; i < rate; i++, n++) {
                LiveFrame f = pool.get((int) (n % pool.size()));
                batch.add(new LiveFrame(START_NANOS + n * (1_000_000_000L / rate), f.data(), f.originalLength()));
                frameBytes += f.data().length;
            }
            long t0 = System.nanoTime();
            store.addAll(batch);
            addNanos += System.nanoTime() - t0;

            long heap0 = threads.getThreadAllocatedBytes(self);
            long t1 = System.nanoTime();
            // as the view model does: the frames taken on the FX thread, the capture made on a background one
            Capture snapshot = store.snapshot();
            lastSnapshotNanos = System.nanoTime() - t1;
            snapshotNanos += lastSnapshotNanos;
            heapBytes += threads.getThreadAllocatedBytes(self) - heap0;
            SourceInfo source = snapshot.sources().get(0);
            if (source.file() != null && source.file().getFileName().toString().startsWith("cutover-live-")) {
                fileBytes += source.fileSize(); // the temporary pcapng the snapshot was read from
            }
            shownFrames = snapshot.frameCount();
            snapshot.close();
            if (s % 60 == 0 || s == seconds) {
                System.out.printf("%6d  %,10d  %,19d  %,19d  %,11d  %,16.3f%n", (s + 59) / 60, n, fileBytes,
                        heapBytes, snapshotNanos / 1_000_000, lastSnapshotNanos / 1e6);
            }
        }
        System.out.printf("total: %,d frames (%,d bytes of frames), %,d snapshots, the last showing %,d frames%n", n,
                frameBytes, seconds, shownFrames);
        System.out.printf("bytes rewritten by snapshots to temporary files: %,d%n", fileBytes);
        System.out.printf("bytes allocated by snapshots: %,d%n", heapBytes);
        System.out.printf("time in snapshots: %,d ms (the last one %,.3f ms); time adding frames: %,d ms%n",
                snapshotNanos / 1_000_000, lastSnapshotNanos / 1e6, addNanos / 1_000_000);
    }
}
