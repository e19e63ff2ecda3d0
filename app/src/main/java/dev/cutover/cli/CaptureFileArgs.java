package dev.cutover.cli;

import dev.cutover.capture.TimeShifts;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The capture files every command reads: one or more, merged by time into one numbering. */
final class CaptureFileArgs {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "pcap, pcapng (gzip-compressed too), pktcap-uw or tcpdump text, hex dumps; several "
                    + "files merge by time into one numbering (one file per uplink)")
    List<Path> files;

    @Option(names = "--time-shift", paramLabel = "FILE=SECONDS",
            description = "add SECONDS (negative allowed, decimals to the nanosecond) to every time stamp of FILE "
                    + "(its path or file name) before the files merge, to put captures from hosts with different "
                    + "clocks on one clock, as editcap -t does; the file is not changed. Repeatable, one per file")
    List<String> timeShifts = new ArrayList<>();

    /**
     * The time shift of each file, in nanoseconds, in the order of {@link #files}; null after printing why when a
     * --time-shift is malformed or names no file given (a usage error).
     */
    long[] shiftNanos(PrintWriter err) {
        long[] shifts = new long[files.size()];
        boolean[] given = new boolean[files.size()];
        for (String arg : timeShifts) {
            int eq = arg.lastIndexOf('=');
            if (eq <= 0) {
                err.println("cutover: --time-shift " + arg + ": expected FILE=SECONDS, e.g. --time-shift "
                        + "vusb2.pcap=-2.913");
                return null;
            }
            String name = arg.substring(0, eq);
            String value = arg.substring(eq + 1);
            Long nanos = TimeShifts.nanos(value);
            if (nanos == null) {
                err.println("cutover: --time-shift " + arg + ": \"" + value + "\" is not " + TimeShifts.EXPECTED);
                return null;
            }
            int file = match(name);
            if (file == -2) {
                err.println("cutover: --time-shift " + arg + ": " + name + " is the file name of more than one "
                        + "file given; give its path");
                return null;
            }
            if (file < 0) {
                err.println("cutover: --time-shift " + arg + ": " + name + " is not one of the files given ("
                        + String.join(", ", files.stream().map(Path::toString).toList()) + ")");
                return null;
            }
            if (given[file]) {
                err.println("cutover: --time-shift " + arg + ": " + files.get(file)
                        + " already has a time shift; give one per file");
                return null;
            }
            given[file] = true;
            shifts[file] = nanos;
        }
        return shifts;
    }

    /** The file FILE names: by path first, then by file name; -1 for none, -2 for a name several files have. */
    private int match(String name) {
        Path wanted;
        try {
            wanted = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            return -1;
        }
        for (int i = 0; i < files.size(); i++) {
            if (same(files.get(i), wanted)) {
                return i;
            }
        }
        int found = -1;
        for (int i = 0; i < files.size(); i++) {
            Path fileName = files.get(i).getFileName();
            if (fileName != null && fileName.toString().equals(name)) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean same(Path a, Path b) {
        return a.equals(b) || a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
