package dev.cutover.timeline;

/**
 * A finding placed on the lane of the MAC it is about, at the first frame it names.
 *
 * @param severity "error", "warning", "note"
 * @param code     the finding's identifier
 */
public record FindingMark(int frame, long timeNanos, String severity, String code, String message) {
}
