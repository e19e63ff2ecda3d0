package dev.cutover.timeline;

/**
 * The time a VM was dark around its move: from its last frame before the first announcement to its first frame
 * after, drawn as a labelled span under the lane. With no frame after it (within the window) the span runs to the
 * window's end; with no frame before it, from the window's start: then the gap is at least what is drawn.
 *
 * @param lastBefore the VM's last frame before the move, or -1
 * @param firstAfter its first frame after, or -1
 * @param fromNanos  the time of lastBefore, or the window's start
 * @param toNanos    the time of firstAfter, or the window's end
 * @param verdict    the migration's verdict
 * @param label      "dark 212 ms", "dark > 30 s", "dark ≥ 1.2 s (capture ends)": as the migration's outcome summary
 *                   words its dark time ({@link dev.cutover.text.BriefDuration#dark})
 */
public record DarkSpan(int migrationId, int lastBefore, int firstAfter, long fromNanos, long toNanos,
                       OutcomeTrack.Verdict verdict, String label) {
    public long nanos() {
        return toNanos - fromNanos;
    }

    /** True when the gap runs past what the window shows: no frame on one side of it. */
    public boolean atLeast() {
        return lastBefore < 0 || firstAfter < 0;
    }

    /** The frame a click selects: the last one before the move, or the first after when there is none before. */
    public int selectedFrame() {
        return lastBefore >= 0 ? lastBefore : firstAfter;
    }
}
