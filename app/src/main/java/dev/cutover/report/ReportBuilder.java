package dev.cutover.report;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.capture.SourceInfo;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ReportModel} of a capture, its analysis and its annotations. */
public final class ReportBuilder {
    /** At most this many frames are decoded into a report; the JSON and summary say how many were shown. */
    public static final int MAX_FRAMES = 1000;

    private static final Map<String, String> EXPLANATIONS = Map.ofEntries(
            Map.entry("rarp-without-garp", "The host announced the MAC with RARP but no gratuitous ARP followed: "
                    + "switches learn the new port, but routers and peers keep stale ARP entries until they expire. "
                    + "Check that the guest (or the hypervisor for it) sends a gratuitous ARP after migration."),
            Map.entry("garp-without-rarp", "A gratuitous ARP came with no RARP burst from the host: the guest "
                    + "announced itself, but the hypervisor's notification (ESXi 'Notify Switches') may be off."),
            Map.entry("duplicate-ip", "Two MACs answer for the same IP address within the correlation window: a "
                    + "conflict, or a stale copy of the VM still running on the source host."),
            Map.entry("sender-mac-mismatch", "The ARP sender MAC differs from the Ethernet source: a proxy, a "
                    + "bridge rewriting frames, or spoofing."),
            Map.entry("rarp-not-broadcast", "A RARP announcement was not sent to the broadcast address, so not "
                    + "every switch on the path will learn the MAC's new port."),
            Map.entry("vlan-mismatch", "The announcements of one migration carry different VLAN tags: the "
                    + "port group on the destination host may be on the wrong VLAN."),
            Map.entry("mac-on-multiple-interfaces", "One MAC was seen on several uplinks or capture interfaces: "
                    + "expected during a migration, suspect when it persists (loop or teaming misconfiguration)."),
            Map.entry("arp-storm", "Many ARP requests in a short window: hosts re-resolving after a cut-over, "
                    + "or a loop."),
            Map.entry("malformed-frame", "A frame could not be decoded fully: it is shorter than its headers say."),
            Map.entry("truncated-capture", "The capture file ends in the middle of a record: the capture was cut "
                    + "off, frames after it are missing."),
            Map.entry("no-arp-frames", "The capture holds no ARP or RARP at all: the capture filter or the "
                    + "capture point may have missed the migration."),
            Map.entry("host-came-up", "A host announced itself after asking DHCP for an address or probing for "
                    + "it (RFC 5227): it booted or took a new address; a migrated VM does neither, so this is not "
                    + "counted as a migration."),
            Map.entry("mac-moved-interface", "A MAC announced on one uplink was announced again later on "
                    + "another: a second migration or a teaming failover moved it."),
            Map.entry("arp-request-flood", "One sender kept up many ARP requests a second for many seconds, too "
                    + "slowly for Wireshark's storm rule: a scan, a router ARPing for addresses not on its link, "
                    + "or a host retrying a neighbour that never answers."),
            Map.entry("arp-spoofing", "One MAC claims other hosts' addresses in ARP replies no request asked "
                    + "for, while the real owners still answer: ARP cache poisoning (a man in the middle)."),
            Map.entry("ip-moved", "An address went to another MAC after the old one fell silent: a migration, "
                    + "a failover or re-addressing, not a conflict."),
            Map.entry("ip-flip-flop", "An address went back to a MAC it had before: two machines holding it in "
                    + "turn (a failover pair flapping, a duplicate address, a VM and its stale copy)."));

    /** A builder whose chart is the migration timeline, as the window draws it. */
    public ReportBuilder() {
    }

    /** What a finding code means, or a general line for codes without a text of their own. */
    public static String explanation(String code) {
        return EXPLANATIONS.getOrDefault(code, "See the message for the frames involved.");
    }

    /**
     * Builds the model. The report's frames are those annotated or commented in the file, limited to
     * {@code filter}'s matches when one is given.
     */
    public ReportModel build(FramePipeline pipeline, CompiledFilter filter, String filterText) throws IOException {
        Capture capture = pipeline.capture();
        AnnotationSource notes = pipeline.annotations();
        AnalysisResult result = pipeline.analysis();
        if (result == null) {
            throw new IllegalArgumentException("a report needs the migration analysis bound to its frames");
        }
        AnalysisJson.Report analysis = AnalysisJson.model(capture, result);
        Map<String, String> explanations = new LinkedHashMap<>();
        for (AnalysisJson.FindingJson f : analysis.findings()) {
            explanations.putIfAbsent(f.code(), explanation(f.code()));
        }
        FramePipeline.Reader decoder = pipeline.fullReader();
        FramePipeline.Reader matcher = filter == null ? null : pipeline.reader(filter);
        Dissection d = new Dissection();
        List<ReportModel.ReportFrame> frames = new ArrayList<>();
        int n = capture.frameCount();
        for (int i = 0; i < n && frames.size() < MAX_FRAMES; i++) {
            if (notes.get(i + 1) == null && capture.comments(i).isEmpty()) {
                continue;
            }
            if (matcher != null && !matcher.matches(i, filter, d)) {
                continue;
            }
            frames.add(frame(capture, decoder, d, notes, i));
        }
        List<String> files = new ArrayList<>();
        for (SourceInfo s : capture.sources()) {
            files.add(String.valueOf(s.file().getFileName()));
        }
        String first = n == 0 ? null : AnalysisJson.time(capture, 0, capture.index().timestampNanos(0));
        String last = n == 0 ? null : AnalysisJson.time(capture, n - 1, capture.index().timestampNanos(n - 1));
        double duration = n == 0 ? 0
                : (capture.index().timestampNanos(n - 1) - capture.index().timestampNanos(0)) / 1e9;
        ReportModel.Summary summary = new ReportModel.Summary(files, n, first, last, duration,
                filterText == null || filterText.isBlank() ? null : filterText, frames.size());
        ReportModel.Chart chart = ChartMarks.model(capture, result);
        return new ReportModel(ReportModel.SCHEMA, "Cutover report: " + String.join(", ", files),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), summary, analysis, explanations,
                notes.all(), frames, chart, TimelineChart.svg(capture, result));
    }

    private static ReportModel.ReportFrame frame(Capture capture, FramePipeline.Reader decoder, Dissection d,
                                                 AnnotationSource notes, int i) throws IOException {
        FrameInfo info = decoder.decode(i, d, Layer.ALL);
        StringBuilder tree = new StringBuilder();
        DissectionText.appendTree(tree, d);
        StringBuilder hex = new StringBuilder();
        DissectionText.appendHex(hex, d.data(), d.capturedLength());
        Annotation a = notes.get(i + 1);
        List<String> comments = new ArrayList<>(capture.comments(i));
        if (a != null && !a.comment().isEmpty()) {
            comments.add(a.comment());
        }
        return new ReportModel.ReportFrame(info.number(), AnalysisJson.time(capture, i, info.timeNanos()),
                d.sourceColumn(), d.destinationColumn(), d.protocolColumn(), info.capturedLength(), d.infoColumn(),
                comments, a == null ? List.of() : a.tags(), Arrays.asList(tree.toString().split("\n")),
                hex.toString());
    }
}
