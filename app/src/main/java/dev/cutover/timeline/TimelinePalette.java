package dev.cutover.timeline;

/**
 * The timeline's colours, as CSS hex: {@link #LIGHT} (the window's light theme, and every export, which goes into
 * reports) and {@link #DARK} (AtlantaFX Primer Dark's canvas and text colours). The mark colours differ between the
 * two so that each kind stays apart from the others and from the background on both.
 *
 * @param background  behind everything
 * @param laneEven    the fill of even rows
 * @param laneOdd     the fill of odd rows
 * @param text        titles and labels
 * @param muted       subtitles, tick labels, interface names
 * @param axis        the time axis and the rate chart's base line
 * @param grid        the tick lines across the rows
 * @param subLane     the centre line of each interface's sub-lane
 * @param rarp        RARP marks, burst brackets and the RARP rate
 * @param garp        GARP marks and the GARP rate
 * @param arp         other ARP marks and the all-ARP rate
 * @param delay       the RARP-to-GARP span
 * @param highlight   the halo behind selected marks
 * @param error       findings of severity error
 * @param warning     findings of severity warning
 * @param note        other findings
 * @param box         the rubber band of a box zoom
 * @param na          unsolicited Neighbor Advertisement marks
 * @param stale       frames for a VM still arriving by its old path
 * @param lost        echo requests to a VM nobody answered
 * @param retrans     TCP retransmissions
 * @param traffic     the density strip of a VM's own frames
 * @param gap         the span a VM was dark around its move, and its label
 * @param ok          the outcome summary of a migration that went well
 * @param warn        the outcome summary of one worth a look (readable as text, unlike {@code warning})
 * @param bad         the outcome summary of one after which the network did not follow
 */
public record TimelinePalette(String background, String laneEven, String laneOdd, String text, String muted,
                              String axis, String grid, String subLane, String rarp, String garp, String arp,
                              String delay, String highlight, String error, String warning, String note, String box,
                              String na, String stale, String lost, String retrans, String traffic, String gap,
                              String ok, String warn, String bad) {
    public static final TimelinePalette LIGHT = new TimelinePalette("#ffffff", "#f6f8fa", "#ffffff", "#24292f",
            "#57606a", "#57606a", "#d0d7de", "#eaeef2", MarkKind.RARP.colour(), MarkKind.GARP.colour(),
            MarkKind.ARP.colour(), "#8250df", "#fbca04", "#cf222e", "#bf8700", "#0969da", "#0969da",
            MarkKind.NA.colour(), MarkKind.STALE.colour(), MarkKind.LOST_PING.colour(), MarkKind.RETRANS.colour(),
            "#6e7781", "#424a53", "#1a7f37", "#9a6700", "#cf222e");
    public static final TimelinePalette DARK = new TimelinePalette("#0d1117", "#161b22", "#0d1117", "#e6edf3",
            "#8d96a0", "#8d96a0", "#30363d", "#21262d", "#58a6ff", "#f0883e", "#8d96a0", "#bc8cff", "#9e6a03",
            "#f85149", "#d29922", "#39c5cf", "#58a6ff", "#3fb950", "#db61a2", "#f85149", "#39c5cf", "#8d96a0",
            "#adbac7", "#3fb950", "#d29922", "#f85149");

    /** The fill of a mark kind. */
    public String mark(MarkKind kind) {
        switch (kind) {
            case RARP:
                return rarp;
            case GARP:
                return garp;
            case NA:
                return na;
            case STALE:
                return stale;
            case LOST_PING:
                return lost;
            case RETRANS:
                return retrans;
            default:
                return arp;
        }
    }

    /**
     * The colour of a migration's outcome summary by its verdict: as the migrations table and the HTML report have
     * it (ok green, worth a look amber, bad red, nothing to judge by the colour of a note).
     */
    public String verdict(OutcomeTrack.Verdict verdict) {
        if (verdict == null) {
            return muted;
        }
        switch (verdict) {
            case BAD:
                return bad;
            case WARN:
                return warn;
            case UNKNOWN:
                return note;
            default:
                return ok;
        }
    }

    /** The line of a rate series. */
    public String rate(RateSeries.Kind kind) {
        switch (kind) {
            case RARP:
                return rarp;
            case GARP:
                return garp;
            default:
                return arp;
        }
    }

    /** The colour of a finding's marker by severity ("error", "warning", anything else). */
    public String severity(String severity) {
        switch (severity) {
            case "error":
                return error;
            case "warning":
                return warning;
            default:
                return note;
        }
    }

    /** The fill of a row. */
    public String lane(int row) {
        return row % 2 == 0 ? laneEven : laneOdd;
    }
}
