package dev.cutover.ui.timeline;

/** What the timeline pane has to show: lanes, or why there are none. */
public enum TimelineState {
    /** No capture is open. */
    NO_CAPTURE,
    /** The capture is being analysed, or its lanes laid out. */
    ANALYSING,
    /** The analysis or the layout failed; the message says why. */
    FAILED,
    /** The capture holds no migration: no RARP notification and no gratuitous ARP formed one. */
    NO_MIGRATIONS,
    /** There are lanes, but the search keeps none. */
    NO_MATCH,
    /** Lanes are on show. */
    LANES
}
