package dev.cutover.timeline;

import dev.cutover.text.SignedMillis;

/**
 * From a migration's first RARP to the guest's first announcement, its first GARP (or its first unsolicited NA when it
 * sent no GARP), drawn as a labelled span (to before from when the guest spoke first).
 *
 * @param naNanos from the first RARP to the first unsolicited NA when the span ends at a GARP and the guest also
 *                sent NAs, else null
 * @param toNa    true when the span ends at an unsolicited NA (the guest sent no GARP)
 */
public record DelaySpan(int migrationId, long fromNanos, long toNanos, Long naNanos, boolean toNa) {
    /** From the first RARP to the first GARP, with no NA. */
    public DelaySpan(int migrationId, long fromNanos, long toNanos) {
        this(migrationId, fromNanos, toNanos, null, false);
    }

    public long nanos() {
        return toNanos - fromNanos;
    }

    /**
     * "RARP→GARP +210 ms", "RARP→GARP +180 ms · NA +181 ms", "RARP→NA +95 ms", "RARP→GARP -9.450 ms" (the guest
     * spoke first): as the migrations table and {@code cutover analyze} word the delay.
     */
    public String label() {
        if (toNa) {
            return "RARP→NA " + SignedMillis.of(nanos());
        }
        return "RARP→GARP " + SignedMillis.of(nanos()) + (naNanos == null ? "" : " · NA " + SignedMillis.of(naNanos));
    }
}
