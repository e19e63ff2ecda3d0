package dev.cutover.frames;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.DuplicateAddress;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.FrameClass;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.Migration;

import java.util.List;

/**
 * Writes what the analysis knows of a frame into its decode, as generated fields under a "migration" node
 * (the fields whose declared source is the analysis), so filters, columns, the tree and exports read them as
 * any other field; and Wireshark's duplicate address reports where Wireshark shows them, after the ARP node, with
 * Info's "(duplicate use of IP detected!)". Only {@link FramePipeline} calls it.
 */
final class AnalysisFacts {
    private AnalysisFacts() {
    }

    /** Appends the facts for {@code frame} (0-based) to {@code d}; adds nothing for a frame with none. */
    static void append(AnalysisResult result, int frame, Dissection d) {
        FrameClass cls = result.classOf(frame);
        int burst = result.burstOf(frame);
        int event = result.migrationOf(frame);
        List<FindingCode> codes = result.findingCodesOf(frame);
        int copyOf = result.copyOf(frame);
        List<AnalysisResult.OutcomeMark> marks = result.outcomeMarksOf(frame);
        List<DuplicateAddress> duplicates = result.duplicateAddressesOf(frame);
        if (!duplicates.isEmpty()) {
            while (d.depthOpen() > 0) {
                d.close();
            }
            duplicates(duplicates, d);
        }
        if (cls == FrameClass.NONE && burst < 0 && event < 0 && codes.isEmpty() && copyOf < 0 && marks.isEmpty()) {
            return;
        }
        while (d.depthOpen() > 0) {
            d.close();
        }
        int node = d.add(Migration.ANALYSIS, 0, 0, 0);
        d.open(node);
        if (cls != FrameClass.NONE) {
            d.addObject(Migration.CLASS, 0, 0, cls.label());
        }
        if (burst >= 0) {
            d.add(Migration.BURST, 0, 0, burst + 1L);
            d.addObject(Migration.PATTERN, 0, 0, result.bursts().get(burst).pattern().id());
        }
        if (event >= 0) {
            d.add(Migration.EVENT, 0, 0, event + 1L);
        }
        for (FindingCode code : codes) {
            d.addObject(Migration.FINDING, 0, 0, code.id());
        }
        for (AnalysisResult.OutcomeMark m : marks) {
            d.add(switch (m.role()) {
                case STALE -> Migration.OUTCOME_STALE;
                case FLOODED -> Migration.OUTCOME_FLOODED;
                case DARK_BEFORE -> Migration.OUTCOME_DARK_BEFORE;
                case DARK_AFTER -> Migration.OUTCOME_DARK_AFTER;
                case LOST_PING -> Migration.OUTCOME_LOST_PING;
                case RETRANSMISSION -> Migration.OUTCOME_RETRANSMISSION;
            }, 0, 0, m.event() + 1L);
        }
        if (copyOf >= 0) {
            d.add(Migration.COPY_OF, 0, 0, copyOf + 1L);
        }
        d.close();
    }

    /**
     * Each report as packet-arp.c adds it: a heading naming the address, this frame's MAC for it, the other MAC
     * and its frame, holding the earlier frame (with the warning) and the seconds since it; beside the ARP node,
     * just after it (at the end of the tree when the frame was not decoded that deep). Info gains its tail
     * only when it was decoded, from the report Info names.
     */
    private static void duplicates(List<DuplicateAddress> duplicates, Dissection d) {
        int arp = d.find(Arp.ARP);
        int at = arp < 0 ? d.size() : d.subtreeEnd(arp);
        int parent = arp < 0 ? -1 : d.parent(arp);
        for (DuplicateAddress a : duplicates) {
            String ip = Addresses.ipv4(a.ip());
            int heading = d.insert(at++, parent, Arp.DUPLICATE_ADDRESS_TEXT, 0,
                    "[Duplicate IP address detected for " + ip + " (" + Addresses.mac(a.mac()) + ") - also in use by "
                            + Addresses.mac(a.earlierMac()) + " (frame " + (a.earlierFrame() + 1) + ")]");
            int earlier = d.insert(at++, heading, Arp.DUPLICATE_ADDRESS_FRAME, a.earlierFrame() + 1L, null);
            // counted as the frame's warning, so the list colours it as Wireshark's expert colours it
            d.insertExpert(at++, earlier, Arp.DUPLICATE_ADDRESS, String.format(Arp.DUPLICATE_ADDRESS.text(), ip));
            d.insert(at++, heading, Arp.DUPLICATE_ADDRESS_SECONDS, a.seconds(), null);
            if (a.named() && arp >= 0) {
                info(d.info(), " (duplicate use of " + ip + " detected!)");
            }
        }
    }

    /**
     * Appends {@code tail} to Info where packet-arp.c does, before the "[Malformed Packet]" or "[Packet size limited
     * during capture]" that a later exception appends.
     */
    private static void info(StringBuilder info, String tail) {
        int at = info.length();
        for (String mark : new String[] {"[Malformed Packet]", "[Packet size limited during capture]"}) {
            if (info.length() >= mark.length() && info.lastIndexOf(mark) == info.length() - mark.length()) {
                at = info.length() - mark.length();
            }
        }
        info.insert(at, tail);
    }
}
