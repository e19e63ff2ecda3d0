package dev.cutover.timeline;

import java.util.List;

/**
 * The outcomes of a lane's migrations: their tracks, their dark spans and the times of the VM's own frames, sorted,
 * for the density strip. The strip asks how many frames fall between two times, two binary searches, so drawing it
 * costs the same for a hundred frames as for a million.
 */
public final class LaneOutcome {
    public static final LaneOutcome NONE = new LaneOutcome(List.of(), List.of(), new long[0]);

    private final List<OutcomeTrack> tracks;
    private final List<DarkSpan> darkSpans;
    private final long[] trafficNanos;

    /** @param trafficNanos the times of the VM's own frames, ascending (kept, not copied) */
    LaneOutcome(List<OutcomeTrack> tracks, List<DarkSpan> darkSpans, long[] trafficNanos) {
        this.tracks = List.copyOf(tracks);
        this.darkSpans = List.copyOf(darkSpans);
        this.trafficNanos = trafficNanos;
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

    /** How many of the VM's own frames lie in [fromNanos, toNanos). */
    public int trafficBetween(long fromNanos, long toNanos) {
        return toNanos <= fromNanos ? 0 : firstAtOrAfter(toNanos) - firstAtOrAfter(fromNanos);
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
        OutcomeTrack.Verdict worst = null;
        for (OutcomeTrack t : tracks) {
            if (worst == null || t.verdict().compareTo(worst) > 0) {
                worst = t.verdict();
            }
        }
        return worst;
    }

    /** The summaries of the lane's migrations, the worst first, joined by " · "; empty without any. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (OutcomeTrack.Verdict v : new OutcomeTrack.Verdict[] {OutcomeTrack.Verdict.BAD,
                OutcomeTrack.Verdict.WARN, OutcomeTrack.Verdict.OK}) {
            for (OutcomeTrack t : tracks) {
                if (t.verdict() == v && !t.summary().isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " · ").append(t.summary());
                }
            }
        }
        return sb.toString();
    }
}
