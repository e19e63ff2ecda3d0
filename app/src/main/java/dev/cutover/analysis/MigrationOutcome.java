package dev.cutover.analysis;

/**
 * What the traffic around one migration says about it: how long the VM was dark as the wire saw it, and whether
 * traffic for it kept reaching its old place. Measured from the frames within the outcome window around the
 * event's first announcement (see {@link AnalysisConfig#outcomeWindow()}); frame numbers are 0-based, -1 when
 * absent; times are the capture's (time shifts applied).
 *
 * @param event               the migration's id ({@link MigrationEvent#id()})
 * @param verdict             what to read first
 * @param summary             a few words for a table cell: "ok, dark 212 ms", "stale 1.4 s on vmnic5", "dark > 30 s"
 * @param lastBefore          the VM's last frame before its first announcement (announcements excluded), or -1
 * @param lastBeforeTime      its time stamp
 * @param lastBeforeInterface its interface id, or -1
 * @param firstAfter          the VM's first frame after its first announcement (announcements excluded), or -1
 * @param firstAfterTime      its time stamp
 * @param firstAfterInterface its interface id, or -1
 * @param darkNanos           from {@code lastBefore} to {@code firstAfter}; when no frame came after, from
 *                            {@code lastBefore} (or the announcement) to the end of the window or of the capture,
 *                            whichever is first; -1 when the VM sent nothing in the window
 * @param darkToWindowEnd     no frame of the VM after its announcement within the window
 * @param windowCut           the capture ends before the window does (a dark time to the end is then a lower bound
 *                            shorter than the window)
 * @param quietestBeforeNanos the VM's longest silence between its own frames before the announcement, within the
 *                            window; -1 with fewer than two such frames
 * @param staleJudged         false when the capture has one interface: with nothing to compare, stale forwarding
 *                            cannot be seen
 * @param staleFrames         frames for the VM (to its MAC) after the announcement on an interface other than the
 *                            one(s) where the VM now was, not also seen there
 * @param staleFirst          the first of them, or -1
 * @param staleLast           the last of them, or -1
 * @param convergenceNanos    from the first announcement to the last stale frame; -1 when none
 * @param staleInterface      the interface id of the first stale frame, or -1
 * @param floodedFrames       frames to the VM's MAC after the move seen on several interfaces at once (the same
 *                            bytes), counted on the interface(s) where the VM was not
 * @param echo                the continuous ping around the move; null when no echo request went to or from the
 *                            VM's addresses in the window
 * @param tcp                 the VM's TCP flows around the move; null when none of them had a segment there
 */
public record MigrationOutcome(int event, Verdict verdict, String summary,
                               int lastBefore, long lastBeforeTime, int lastBeforeInterface,
                               int firstAfter, long firstAfterTime, int firstAfterInterface,
                               long darkNanos, boolean darkToWindowEnd, boolean windowCut, long quietestBeforeNanos,
                               boolean staleJudged, int staleFrames, int staleFirst, int staleLast,
                               long convergenceNanos, int staleInterface, int floodedFrames,
                               Echo echo, Tcp tcp) {

    /** What a migration's outcome amounts to. */
    public enum Verdict {
        /** The VM's traffic followed it: it spoke again on time, and nothing for it went astray. */
        OK("ok"),
        /** Something to look at (dark longer than the threshold, flooding). */
        WARN("warn"),
        /** Traffic did not follow (stale forwarding past the threshold, a VM dark to the end of the window). */
        BAD("bad"),
        /** The VM sent nothing in the window and nothing for it went astray: nothing to judge it by. */
        UNKNOWN("unknown");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        /** "ok", "warn", "bad", "unknown": for JSON. */
        public String id() {
            return id;
        }
    }

    /**
     * Echo requests to and from the VM's IPv4 addresses around the move.
     *
     * @param sent            requests in the window
     * @param answered        of them, those a reply answered ({@code icmp.resp_in})
     * @param lost            those none did ({@code icmp.no_resp})
     * @param longestGapNanos the longest time between two answered requests: how long the ping stopped
     * @param longestLostRun  the most unanswered requests in a row
     */
    public record Echo(int sent, int answered, int lost, long longestGapNanos, int longestLostRun) {
    }

    /**
     * The VM's TCP flows around the move.
     *
     * @param retransmissions   segments of them sent again ({@code tcp.analysis.retransmission})
     * @param longestStallNanos the longest time one of them went without a segment
     */
    public record Tcp(int retransmissions, long longestStallNanos) {
    }

    /** True when some frames were seen on several interfaces at once after the move. */
    public boolean flooding() {
        return floodedFrames > 0;
    }
}
