package dev.cutover.cli;

import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveFrame;
import dev.cutover.capture.live.LiveOptions;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.capture.live.LiveSession;
import dev.cutover.capture.live.LiveStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code cutover capture}: capture live into pcapng until a count, a duration or Ctrl+C. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Capture live from an interface and write pcapng.",
                "Stops after -c frames, --duration seconds, or Ctrl+C; the file is complete either way.",
                "Needs libpcap and root (or cap_net_raw,cap_net_admin on the launcher)."})
public final class CaptureCommand implements Callable<Integer> {
    /** Exit code when capture could not start or stopped early (after writing what it had). */
    static final int CAPTURE_FAILED = ExitCodes.CAPTURE_FAILED;

    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--interface"}, required = true, paramLabel = "IFACE",
            description = "the interface (`cutover interfaces` lists them)")
    String iface;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", defaultValue = LiveOptions.MIGRATION_FILTER,
            description = "capture filter (default: ${DEFAULT-VALUE}); '' for every frame")
    String filter;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE",
            description = "write pcapng here; without it, one line per frame is printed")
    Path output;

    @ArgGroup(exclusive = true)
    Limit limit;

    static final class Limit {
        @Option(names = "--duration", paramLabel = "S", description = "stop after S seconds")
        double seconds;

        @Option(names = {"-c", "--count"}, paramLabel = "COUNT", description = "stop after COUNT frames")
        long count;
    }

    @Option(names = "--ring", paramLabel = "N", defaultValue = "0",
            description = "keep only the last N frames (0: all)")
    int ring;

    @Option(names = "--ring-mb", paramLabel = "MB", defaultValue = "0",
            description = "keep only the newest frames within MB megabytes of frame bytes (0: no limit)")
    long ringMb;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "BYTES", defaultValue = "65535",
            description = "bytes kept of each frame (default: ${DEFAULT-VALUE})")
    int snapLen;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "MIB", defaultValue = "16",
            description = "kernel buffer in MiB (default: ${DEFAULT-VALUE})")
    int bufferMiB;

    @Option(names = {"-p", "--no-promiscuous"}, description = "do not put the interface in promiscuous mode")
    boolean noPromiscuous;

    @Option(names = "--comment", paramLabel = "TEXT", description = "a comment kept in the pcapng file")
    String comment;

    private volatile boolean interrupted;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (ring < 0 || ringMb < 0 || snapLen <= 0 || bufferMiB <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--ring, --ring-mb, --snaplen and --buffer-size must be positive");
        }
        LiveOptions options = new LiveOptions(iface, filter, snapLen, !noPromiscuous, bufferMiB << 20, 1 << 16);
        LiveSession session;
        try {
            LivePcap.checkFilter(options.filter());
            session = LivePcap.open(options);
        } catch (LiveCaptureException e) {
            err.println("cutover: " + e.getMessage());
            return e.kind() == LiveCaptureException.Kind.BAD_FILTER ? ExitCodes.USAGE : CAPTURE_FAILED;
        }
        LiveStore store = LiveStore.of(session, ring, ringMb * 1_000_000L);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted = true;
            try {
                done.await(10, TimeUnit.SECONDS); // let the file be written before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cutover capture shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("Capturing on " + iface + (options.filter().isEmpty() ? "" : " (" + options.filter() + ")")
                + "; Ctrl+C stops");
        err.flush();
        try {
            long deadline = limit != null && limit.seconds > 0 ? System.nanoTime() + (long) (limit.seconds * 1e9)
                    : Long.MAX_VALUE;
            long count = limit != null && limit.count > 0 ? limit.count : Long.MAX_VALUE;
            List<LiveFrame> batch = new ArrayList<>();
            while (!interrupted && store.received() < count && System.nanoTime() < deadline) {
                batch.clear();
                try {
                    session.await(batch, 4096, 50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (batch.size() > count - store.received()) {
                    batch.subList((int) (count - store.received()), batch.size()).clear();
                }
                for (LiveFrame f : batch) {
                    store.add(f);
                    if (output == null) {
                        out.printf("%d %s %d bytes%n", store.received(),
                                Instant.ofEpochSecond(0, f.timestampNanos()), f.originalLength());
                    }
                }
                if (!session.running() && session.failure() != null) {
                    break;
                }
            }
            session.stop();
            if (store.received() < count) {
                batch.clear();
                session.drain(batch, Integer.MAX_VALUE);
                for (LiveFrame f : batch) {
                    if (store.received() < count) {
                        store.add(f);
                    }
                }
            }
            out.flush();
            if (output != null) {
                store.writePcapng(output, comment);
            }
            err.printf("%d frames captured%s, %d dropped by the kernel, %d dropped by the queue%s%n",
                    store.received(), store.evicted() > 0 ? " (" + store.size() + " kept by the ring)" : "",
                    session.kernelDrops(), session.queueDrops(), output == null ? "" : "; written to " + output);
            if (session.failure() != null) {
                err.println("cutover: " + session.failure().getMessage() + "; the frames before it were kept");
                return CAPTURE_FAILED;
            }
            return ExitCodes.OK;
        } finally {
            err.flush();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has just been released.
            }
        }
    }
}
