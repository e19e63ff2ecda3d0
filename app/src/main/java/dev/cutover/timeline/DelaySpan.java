package dev.cutover.timeline;

/** From a migration's first RARP to its first GARP, drawn as a labelled span (to before from when the guest spoke first). */
public record DelaySpan(int migrationId, long fromNanos, long toNanos) {
    public long nanos() {
        return toNanos - fromNanos;
    }

    /** "RARP→GARP 210 ms". */
    public String label() {
        return "RARP→GARP " + Durations.format(nanos());
    }
}
