package dev.cutover.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** The top-level {@code cutover} command. */
@Command(name = "cutover", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Packet analyzer for virtual-machine live migration: RARP bursts, gratuitous ARP, VLANs.",
                "Reads pcap, pcapng (also gzip-compressed) from pktcap-uw, tcpdump and Wireshark."},
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public final class CutoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Desktop desktop;

    CutoverCommand(Desktop desktop) {
        this.desktop = desktop;
    }

    /** The subcommands, in the order {@code cutover --help} lists them. */
    private static final java.util.List<String> SUBCOMMANDS = java.util.List.of("info", "dissect", "analyze", "fields",
            "capture", "interfaces", "annotate", "report", "export");

    /**
     * A new instance of subcommand {@code name}. A switch rather than a table of constructor references: a
     * reference loads its command's class and spins a lambda class at start-up, for all nine, where a short
     * command needs one.
     */
    private static Object subcommand(String name) {
        switch (name) {
            case "info": return new InfoCommand();
            case "dissect": return new DissectCommand();
            case "analyze": return new AnalyzeCommand();
            case "fields": return new FieldsCommand();
            case "capture": return new CaptureCommand();
            case "interfaces": return new InterfacesCommand();
            case "annotate": return new AnnotateCommand();
            case "report": return new ReportCommand();
            case "export": return new ExportCommand();
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /** The configured command line, text only: UTF-8 output, our exit codes, errors without stack traces. */
    public static CommandLine commandLine() {
        return commandLine(Desktop.NONE);
    }

    /** picocli's switch for its search for Groovy closures among the commands. */
    static final String NO_CLOSURES = "picocli.disable.closures";

    /** The command line that opens the desktop window for {@code cutover [FILE...]} when one can be shown. */
    public static CommandLine commandLine(Desktop desktop) {
        return commandLine(desktop, null);
    }

    /**
     * The command line for these arguments. When the first argument names a subcommand, only that one is
     * built: picocli reads every command's annotations when it is added, and building all nine costs a
     * short command (info, analyze) about a tenth of a second of its start.
     */
    public static CommandLine commandLine(Desktop desktop, String[] args) {
        // picocli looks for Groovy closures as commands unless told not to: Class.forName("groovy.lang.Closure"),
        // which opens every jar of the class path to find none (about 35 ms of every start)
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
        }
        CommandLine cl = new CommandLine(new CutoverCommand(desktop));
        String first = args == null || args.length == 0 ? null : args[0];
        if (first != null && SUBCOMMANDS.contains(first)) {
            cl.addSubcommand(first, subcommand(first));
        } else {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        // a capture's comments and names are the capture author's text: no control character reaches the terminal
        cl.setOut(new PrintWriter(new dev.cutover.text.TerminalWriter(
                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)), true));
        cl.setErr(new PrintWriter(new dev.cutover.text.TerminalWriter(
                new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8)), true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("cutover: " + failure(ex));
            return ExitCodes.UNREADABLE;
        });
        return cl;
    }

    /**
     * What to print for a command that failed: its message, or for a failure without one (a fault in Cutover,
     * not in the input) the kind of fault and where, one line to quote in a bug report instead of "null".
     */
    static String failure(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "out of memory (" + ex.getMessage() + "): give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx8g";
        }
        String message = ex.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        StackTraceElement[] at = ex.getStackTrace();
        return "internal error: " + ex.getClass().getSimpleName()
                + (at.length == 0 ? "" : " at " + at[0].getClassName() + "." + at[0].getMethodName()
                        + ":" + at[0].getLineNumber())
                + "; please report it with the command line";
    }

    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "FILE",
            description = "captures to open; with none, the bundled ESXi vMotion sample")
    java.util.List<java.nio.file.Path> files;

    /** Opens the window when a display is there; otherwise prints the decoded frames. */
    @Override
    public Integer call() throws java.io.IOException {
        java.util.List<java.nio.file.Path> open = files;
        java.nio.file.Path sample = null;
        boolean window = desktop.available();
        java.io.PrintWriter err = spec.commandLine().getErr();
        // Asked for a window (the real launcher) but there is no display: say so once, then print text.
        String noDisplay = desktop != Desktop.NONE && !window ? "no display, so no window: " : "";
        if (open == null || open.isEmpty()) {
            sample = BundledSample.extract();
            open = java.util.List.of(sample);
            if (!window) {
                err.println("cutover: " + noDisplay + "no file given: showing the bundled sample "
                        + BundledSample.NAME + " (run `cutover --help` for the commands)");
            }
        } else if (!noDisplay.isEmpty()) {
            err.println("cutover: " + noDisplay + "printing the frames as text (run `cutover --help` for the commands)");
        }
        try {
            if (window) {
                // the bundled sample opens under its own name (its temporary copy is not one to remember)
                return desktop.open(open, sample == null ? null : BundledSample.NAME);
            }
            // The same command as `cutover dissect FILE...`, options and defaults included.
            picocli.CommandLine dissect = new picocli.CommandLine(new DissectCommand());
            dissect.setOut(spec.commandLine().getOut());
            dissect.setErr(spec.commandLine().getErr());
            dissect.setExecutionExceptionHandler(spec.commandLine().getExecutionExceptionHandler());
            java.util.List<String> args = new java.util.ArrayList<>();
            args.add("--");
            open.forEach(p -> args.add(p.toString()));
            return dissect.execute(args.toArray(new String[0]));
        } finally {
            if (sample != null) {
                java.nio.file.Files.deleteIfExists(sample);
                java.nio.file.Files.deleteIfExists(sample.getParent());
            }
        }
    }
}
