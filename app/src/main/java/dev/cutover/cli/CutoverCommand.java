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
        subcommands = {InfoCommand.class, DissectCommand.class, FieldsCommand.class},
        exitCodeOnInvalidInput = ExitCodes.USAGE)
public final class CutoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The configured command line: UTF-8 output, our exit codes, errors without stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CutoverCommand());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("cutover: " + ex.getMessage());
            return ExitCodes.UNREADABLE;
        });
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
