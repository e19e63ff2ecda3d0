package dev.cutover.capture.live;

/** One frame as the capture thread read it: time stamp, the captured bytes and the length on the wire. */
public record LiveFrame(long timestampNanos, byte[] data, int originalLength) {
}
