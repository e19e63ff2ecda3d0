package dev.cutover.timeline;

import java.util.List;

/**
 * The outcomes of a lane's migrations: their tracks, their dark spans and the times of the VM's own frames, sorted,
 * for the density strip. The strip finds the frames of a stretch of time by binary search, so drawing it costs the
 * same for a hundred frames as for a million. The worst verdict and the summary, drawn with each paint, are worked
 * out once.
 */
public final class LaneOutcome {
    public static final LaneOutcome NONE = new LaneOutcome(List.of(), List.of(), new long[0]);

    private final List<OutcomeTrack> tracks;
    private final List<DarkSpan> darkSpans;
    private final long[] trafficNanos;
    private final OutcomeTrack.Verdict verdict;
    private final String summary;

    /** @param trafficNanos the times of the VM's own frames, ascending (kept, not copied) */
    LaneOutcome(List<OutcomeTrack> tracks, List<DarkSpan> darkSpans, long[] trafficNanos) {
        this.tracks = List.copyOf(tracks);
        this.darkSpans = List.copyOf(darkSpans);
        this.trafficNanos = trafficNanos;
        OutcomeTrack.Verdict worst = null;
        for (OutcomeTrack t : this.tracks) {
            if (worst == null || t.verdict().compareTo(worst) > 0) {
                worst = t.verdict();
            }
        }
        this.verdict = worst;
        StringBuilder sb = new StringBuilder();
        for (OutcomeTrack.Verdict v : new OutcomeTrack.Verdict[] {OutcomeTrack.Verdict.BAD,
                OutcomeTrack.Verdict.WARN, OutcomeTrack.Verdict.UNKNOWN, OutcomeTrack.Verdict.OK}) {
            for (OutcomeTrack t : this.tracks) {
                if (t.verdict() == v && !t.summary().isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " · ").append(t.summary());
                }
            }
        }
        this.summary = sb.toString();
    }

    public boolean isEmpty() {
        return tracks.isEmpty();
    }

    public List<OutcomeTrack> tracks() {
        return tracks;
    }

    public List<DarkSpan> darkSpans() {
        return darkSpans;
    }

    /** The VM's own frames in its windows. */
    public int trafficFrames() {
        return trafficNanos.length;
    }

    /** The index of the first of the VM's frames at or after a time. */
    int firstAtOrAfter(long nanos) {
        int lo = 0;
        int hi = trafficNanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trafficNanos[mid] < nanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The worst verdict of the lane's migrations, or null without any. */
    public OutcomeTrack.Verdict verdict() {
        return verdict;
    }

    /** The summaries of the lane's migrations, the worst first, joined by " · "; empty without any. */
    public String summary() {
        return summary;
    }
}
