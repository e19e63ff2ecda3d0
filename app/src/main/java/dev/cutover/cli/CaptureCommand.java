package dev.cutover.cli;

import dev.cutover.capture.live.LiveCaptureException;
import dev.cutover.capture.live.LiveFiles;
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
import java.nio.file.Files;
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
                "For long watches, --ring N keeps the last N frames, --ring-mb MB writes a ring of files.",
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
            description = "keep only the last N frames, written when the capture stops (0: all)")
    int ring;

    @Option(names = "--ring-mb", paramLabel = "MB", defaultValue = "0",
            description = {"write a ring of files of at most MB megabytes (10^6 bytes; decimals allowed) each as "
                    + "frames arrive, named after -w as FILE_00001_YYYYMMDDhhmmss.pcapng (0: one file)"})
    double ringMb;

    @Option(names = "--ring-files", paramLabel = "K", defaultValue = "10",
            description = "with --ring-mb, keep the newest K files and delete older ones (0: keep all; "
                    + "default: ${DEFAULT-VALUE})")
    int ringFiles;

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
        if (ring < 0 || ringMb < 0 || ringFiles < 0 || snapLen <= 0 || bufferMiB <= 0) {
            throw new ParameterException(spec.commandLine(),
                    "--ring, --ring-mb, --ring-files, --snaplen and --buffer-size must be positive");
        }
        if (ringMb > 0 && output == null) {
            throw new ParameterException(spec.commandLine(), "--ring-mb writes files: give their name with -w");
        }
        if (ringMb > 0 && ring > 0) {
            throw new ParameterException(spec.commandLine(),
                    "--ring keeps frames in memory, --ring-mb in files: choose one");
        }
        long ringBytes = (long) Math.ceil(ringMb * 1_000_000d);
        if (ringMb > 0 && ringBytes < 4096 || ringMb > 1e12 || Double.isNaN(ringMb)) {
            throw new ParameterException(spec.commandLine(),
                    "--ring-mb must be between 0.005 (5 kB) and 10^12 MB: " + ringMb);
        }
        if (output != null) {
            Path folder = output.toAbsolutePath().getParent();
            if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
                err.println("cutover: cannot write " + output + ": "
                        + (folder != null && Files.isDirectory(folder) ? "the folder is not writable"
                        : "no such folder " + folder));
                err.flush();
                return ExitCodes.NOT_WRITTEN;
            }
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
        // A frame ring needs the frames in memory until the end; everything else goes to disk as it arrives.
        LiveStore store = ring > 0 ? LiveStore.of(session, ring) : null;
        LiveFiles files = output != null && store == null
                ? LiveFiles.of(session, output, comment, ringBytes, ringFiles) : null;
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
        long received = 0;
        IOException writeFailure = null;
        try {
            long deadline = limit != null && limit.seconds > 0 ? System.nanoTime() + (long) (limit.seconds * 1e9)
                    : Long.MAX_VALUE;
            long count = limit != null && limit.count > 0 ? limit.count : Long.MAX_VALUE;
            List<LiveFrame> batch = new ArrayList<>();
            boolean more = true;
            while (more) {
                batch.clear();
                if (interrupted || received >= count || System.nanoTime() >= deadline
                        || !session.running()) {
                    session.stop(); // then take what the queue still holds
                    session.drain(batch, Integer.MAX_VALUE);
                    more = false;
                } else {
                    try {
                        session.await(batch, 4096, 50, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (batch.size() > count - received) {
                    batch.subList((int) (count - received), batch.size()).clear();
                }
                for (LiveFrame f : batch) {
                    received++;
                    if (store != null) {
                        store.add(f);
                    } else if (files != null) {
                        files.write(f);
                    } else {
                        out.printf("%d %s %d bytes%n", received, Instant.ofEpochSecond(0, f.timestampNanos()),
                                f.originalLength());
                    }
                }
            }
            out.flush();
        } catch (IOException e) {
            writeFailure = e;
            session.stop();
        } finally {
            try {
                if (writeFailure == null && store != null && output != null) {
                    store.writePcapng(output, comment);
                }
                if (files != null) {
                    files.close();
                }
            } catch (IOException e) {
                if (writeFailure == null) {
                    writeFailure = e;
                }
            }
            if (writeFailure == null) {
                String kept = store != null && store.evicted() > 0 ? " (" + store.size() + " kept by the ring)" : "";
                String where = output == null ? "" : "; written to " + (files != null ? files.describe() : output);
                err.printf("%d frames captured%s, %d dropped by the kernel, %d dropped by the queue%s%n",
                        received, kept, session.kernelDrops(), session.queueDrops(), where);
            }
            err.flush();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has just been released.
            }
        }
        if (writeFailure != null) {
            err.println("cutover: " + (files != null ? "" : "cannot write " + output + ": ") + writeFailure.getMessage()
                    + (files != null && !files.files().isEmpty() ? "; complete files kept: " + files.describe() : ""));
            err.flush();
            return ExitCodes.NOT_WRITTEN;
        }
        if (session.failure() != null) {
            err.println("cutover: " + session.failure().getMessage() + "; the frames before it were kept");
            err.flush();
            return CAPTURE_FAILED;
        }
        return ExitCodes.OK;
    }
}
