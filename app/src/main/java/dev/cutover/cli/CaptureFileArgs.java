package dev.cutover.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** The capture files every command reads: one or more, merged by time into one numbering. */
final class CaptureFileArgs {
    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "pcap, pcapng (gzip-compressed too), pktcap-uw or tcpdump text, hex dumps; several "
                    + "files merge by time into one numbering (one file per uplink)")
    List<Path> files;
}
