package dev.cutover.cli;

import dev.cutover.filter.CompiledFilter;
import dev.cutover.export.PacketExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code cutover export}: frames to a new pcapng (annotations as packet comments) or pcap. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write frames to a new capture: all of them, those -Y matches, or with --annotated those "
                + "annotated or commented.",
                "pcapng keeps one interface per source and carries the annotations as packet comments "
                + "(Wireshark and tshark show them as frame.comment); pcap has no comments."})
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaptureFileArgs input;

    @Option(names = "--format", defaultValue = "pcapng", description = "pcapng or pcap (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "the file to write")
    Path output;

    @Mixin
    DisplayFilterOption displayFilter;

    @Mixin
    AnalysisOptions analysisOptions;

    @Mixin
    VendorTable vendorTable;

    @Option(names = "--annotated", description = "only frames with an annotation or a comment in the file")
    boolean annotated;

    enum Format { pcapng, pcap }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        CompiledFilter filter = displayFilter.compile(err);
        if (filter == null) {
            return ExitCodes.USAGE;
        }
        long[] shifts = input.shiftNanos(err);
        if (shifts == null) {
            return ExitCodes.USAGE;
        }
        String refused = Outputs.refuse(output, input.files);
        if (refused != null) {
            err.println("cutover: export: " + refused);
            return ExitCodes.USAGE;
        }
        CompiledFilter f = displayFilter.given() ? filter : null;
        PacketExport.Selection selection = annotated ? PacketExport.Selection.ANNOTATED : PacketExport.Selection.ALL;
        if (vendorTable.refused(err)) {
            return ExitCodes.USAGE;
        }
        dev.cutover.dissect.Vendors vendors = vendorTable.named();
        try (OpenedCaptures opened = OpenedCaptures.open(input.files, shifts, analysisOptions.config(), vendors,
                true, true, err)) {
            if (opened == null) {
                return ExitCodes.UNREADABLE;
            }
            if (f != null && !opened.prepare(f.needs(), err)) {
                return ExitCodes.UNREADABLE;
            }
            int[] written = new int[1];
            boolean ok = Outputs.write(output, o -> written[0] = format == Format.pcap
                    ? PacketExport.pcap(opened.pipeline, f, selection, o)
                    : PacketExport.pcapng(opened.pipeline, f, selection, o), err);
            if (!ok) {
                return ExitCodes.NOT_WRITTEN;
            }
            out.println("cutover: wrote " + written[0] + " frames to " + output);
            out.flush();
            return CaptureFiles.reportDamage(opened.capture, err);
        }
    }
}
