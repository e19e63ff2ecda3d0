package dev.cutover.report;

import java.util.Locale;
import java.util.StringJoiner;

/** A migration's outcome in words for a report, from its JSON form: the figures behind the few-word summary. */
final class OutcomeText {
    private OutcomeText() {
    }

    /**
     * "VM's last frame before: 350 on vmnic1 at ...; first after: 355 on vmnic1 at ... (dark 212.000 ms); stale: 15
     * frames on vmnic5 (601 to 633), the last 1400.500 ms after the first announcement; ping: 200 sent, 197
     * answered, 3 lost, longest gap 400.000 ms; TCP: 4 retransmissions, longest stall 1200.000 ms".
     */
    static String details(AnalysisJson.Outcome o) {
        StringJoiner sj = new StringJoiner("; ");
        if (o.lastBefore() != null) {
            sj.add("VM's last frame before: " + seen(o.lastBefore()));
        }
        if (o.firstAfter() != null) {
            sj.add("first after: " + seen(o.firstAfter())
                    + (o.darkMs() == null ? "" : " (dark " + ms(o.darkMs()) + ")"));
        } else if (o.darkMs() != null) {
            sj.add("nothing from the VM after it" + (o.darkToWindowEnd() ? " within the window" : "")
                    + " (dark at least " + ms(o.darkMs()) + ")");
        } else {
            sj.add("no frame from the VM around the move");
        }
        if (!o.staleJudged()) {
            sj.add("stale forwarding not judged (one interface)");
        } else if (o.staleFrames() > 0) {
            sj.add("stale: " + o.staleFrames() + " frame" + (o.staleFrames() == 1 ? "" : "s")
                    + (o.staleInterface() == null ? "" : " on " + o.staleInterface())
                    + (o.staleFirst() == null ? "" : " (" + o.staleFirst()
                    + (o.staleLast() == null || o.staleLast().equals(o.staleFirst()) ? "" : " to " + o.staleLast())
                    + ")")
                    + (o.convergenceMs() == null ? "" : ", the last " + ms(o.convergenceMs())
                    + " after the first announcement"));
        } else {
            sj.add("no stale forwarding");
        }
        if (o.flooding()) {
            sj.add("flooded: " + o.floodedFrames() + " frame" + (o.floodedFrames() == 1 ? "" : "s"));
        }
        if (o.echo() != null) {
            sj.add("ping: " + o.echo().sent() + " sent, " + o.echo().answered() + " answered, " + o.echo().lost()
                    + " lost" + (o.echo().lost() > 0 ? ", longest gap " + ms(o.echo().longestGapMs()) : ""));
        }
        if (o.tcp() != null) {
            sj.add("TCP: " + o.tcp().retransmissions() + " retransmission" + (o.tcp().retransmissions() == 1 ? ""
                    : "s") + ", longest stall " + ms(o.tcp().longestStallMs()));
        }
        return sj.toString();
    }

    private static String seen(AnalysisJson.Seen s) {
        return s.frame() + (s.interface_() == null ? "" : " on " + s.interface_()) + " at " + s.time();
    }

    private static String ms(double ms) {
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
