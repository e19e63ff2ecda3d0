package dev.cutover.timeline;

/**
 * One frame on a lane.
 *
 * @param frame       0-based frame index
 * @param timeNanos   its time stamp, epoch nanoseconds
 * @param kind        RARP, GARP or other ARP
 * @param interfaceId the capture interface (uplink) it was seen on
 * @param subLane     the row of that interface inside the lane
 */
public record Mark(int frame, long timeNanos, MarkKind kind, int interfaceId, int subLane) {
}
