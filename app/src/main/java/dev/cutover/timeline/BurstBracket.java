package dev.cutover.timeline;

import java.util.List;

/**
 * A RARP burst drawn as a bracket over its marks, labelled with its count and span.
 *
 * @param burstId    position in the analysis' bursts
 * @param startNanos the first RARP
 * @param endNanos   the last RARP
 * @param count      RARP frames in the burst
 * @param pattern    the recognised sender ("QEMU announce-self")
 * @param intervals  nanoseconds from each RARP to the next
 */
public record BurstBracket(int burstId, long startNanos, long endNanos, int count, String pattern,
                           List<Long> intervals) {
    public BurstBracket {
        intervals = List.copyOf(intervals);
    }

    public long spanNanos() {
        return endNanos - startNanos;
    }

    /** "5 RARP in 800 ms"; a single RARP has no span: "1 RARP". */
    public String label() {
        return count == 1 ? "1 RARP" : count + " RARP in " + Durations.format(spanNanos());
    }
}
