package dev.cutover.timeline;

import java.util.Arrays;
import java.util.Objects;

/**
 * What became of one migration, measured from the traffic around it, as the timeline draws it: the VM's own frames
 * in a window around the move, the last one before its first announcement and the first one after (between them the
 * VM was dark), frames for the VM still arriving on an interface other than the one the announcement was seen on
 * (the network had not followed), echo requests to the VM nobody answered, and TCP retransmissions. The timeline only
 * draws it; whatever measures it fills one per migration.
 *
 * <p>Frame numbers are 0-based indexes into the capture's numbering. Arrays are copied in and out, and put in
 * ascending order when they are not.
 *
 * @param migrationId      the analysis' migration event this is the outcome of
 * @param ownFrames        the VM's own frames (Ethernet source = the VM's MAC) in the window, ascending
 * @param lastBefore       the VM's last frame before its first announcement, or -1
 * @param firstAfter       the VM's first frame after it, or -1 (none within the window)
 * @param windowStartNanos the start of the window the frames were looked for in, epoch nanoseconds
 * @param windowEndNanos   its end: a dark gap with no frame after it runs to here
 * @param staleFrames      frames for the VM arriving after the announcement on another interface, ascending
 * @param staleInterfaceId the capture interface the stale frames arrived on, or -1
 * @param lostPings        echo requests to the VM left unanswered, ascending
 * @param retransmissions  TCP retransmissions to or from the VM, ascending
 * @param summary          one line: "ok, dark 212 ms", "stale 1.4 s on vmnic5", "ping lost 3/60"
 * @param verdict          how it went
 */
public record OutcomeTrack(int migrationId, int[] ownFrames, int lastBefore, int firstAfter, long windowStartNanos,
                           long windowEndNanos, int[] staleFrames, int staleInterfaceId, int[] lostPings,
                           int[] retransmissions, String summary, Verdict verdict) {
    /** How a migration went for the VM's traffic. */
    public enum Verdict {
        /** The traffic followed the VM. */
        OK,
        /** Nothing to judge it by: the VM sent nothing in the window and nothing for it went astray. */
        UNKNOWN,
        /** It followed, late or with losses worth a look. */
        WARN,
        /** It did not follow: stale forwarding, pings lost, the VM dark. */
        BAD
    }

    public OutcomeTrack {
        ownFrames = ascending(ownFrames);
        staleFrames = ascending(staleFrames);
        lostPings = ascending(lostPings);
        retransmissions = ascending(retransmissions);
        lastBefore = Math.max(-1, lastBefore);
        firstAfter = Math.max(-1, firstAfter);
        staleInterfaceId = Math.max(-1, staleInterfaceId);
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(verdict, "verdict");
        if (windowEndNanos < windowStartNanos) {
            long t = windowStartNanos;
            windowStartNanos = windowEndNanos;
            windowEndNanos = t;
        }
    }

    private static int[] ascending(int[] frames) {
        if (frames == null) {
            return new int[0];
        }
        int[] out = frames.clone();
        for (int i = 1; i < out.length; i++) {
            if (out[i] < out[i - 1]) {
                Arrays.sort(out);
                break;
            }
        }
        return out;
    }

    @Override
    public int[] ownFrames() {
        return ownFrames.clone();
    }

    @Override
    public int[] staleFrames() {
        return staleFrames.clone();
    }

    @Override
    public int[] lostPings() {
        return lostPings.clone();
    }

    @Override
    public int[] retransmissions() {
        return retransmissions.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutcomeTrack t && migrationId == t.migrationId && lastBefore == t.lastBefore
                && firstAfter == t.firstAfter && windowStartNanos == t.windowStartNanos
                && windowEndNanos == t.windowEndNanos && staleInterfaceId == t.staleInterfaceId
                && Arrays.equals(ownFrames, t.ownFrames) && Arrays.equals(staleFrames, t.staleFrames)
                && Arrays.equals(lostPings, t.lostPings) && Arrays.equals(retransmissions, t.retransmissions)
                && summary.equals(t.summary) && verdict == t.verdict;
    }

    @Override
    public int hashCode() {
        return Objects.hash(migrationId, lastBefore, firstAfter, windowStartNanos, windowEndNanos, staleInterfaceId,
                Arrays.hashCode(ownFrames), Arrays.hashCode(staleFrames), Arrays.hashCode(lostPings),
                Arrays.hashCode(retransmissions), summary, verdict);
    }

    @Override
    public String toString() {
        return "OutcomeTrack[migration " + migrationId + ", " + ownFrames.length + " own frames, last before "
                + lastBefore + ", first after " + firstAfter + ", " + staleFrames.length + " stale, "
                + lostPings.length + " lost pings, " + retransmissions.length + " retransmissions, " + verdict + ": "
                + summary + "]";
    }
}
