package dev.cutover.timeline;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Writes the timeline as a standalone SVG document: the same picture as the desktop canvas, for the HTML report.
 * Always in the light palette, whatever the window's theme: the picture goes into reports.
 */
public final class TimelineSvg {
    private static final TimelinePalette P = TimelinePalette.LIGHT;

    private TimelineSvg() {
    }

    /** The whole model, fitted, 1200 pixels wide, relative time. */
    public static void write(TimelineModel model, Writer out) throws IOException {
        TimeScale scale = model.isEmpty() ? new TimeScale(0, 1_000_000_000L)
                : TimeScale.fit(model.startNanos(), model.endNanos());
        write(new TimelineLayout(model, scale, 1200), f -> true, true, ZoneId.of("UTC"), out);
    }

    /**
     * The visible part of the timeline.
     *
     * @param shown    the frames the display filter keeps
     * @param relative relative time or time of day in {@code zone}
     */
    public static void write(TimelineLayout layout, IntPredicate shown, boolean relative, ZoneId zone, Writer out)
            throws IOException {
        TimelineModel model = layout.model();
        double w = layout.width();
        double h = layout.height();
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(w)).append("\" height=\"")
                .append(n(h)).append("\" viewBox=\"0 0 ").append(n(w)).append(' ').append(n(h))
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.append("<title>Migration timeline</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(P.background()).append("\"/>\n");
        legend(sb, model, w);
        axis(sb, layout, relative, zone);
        int first = layout.firstRow();
        for (int i = first; i >= 0 && i <= layout.lastRow(); i++) {
            lane(sb, layout, i, shown);
        }
        if (layout.showsRate()) {
            rate(sb, layout);
        }
        sb.append("</svg>\n");
        out.write(sb.toString());
        out.flush();
    }

    private static void legend(StringBuilder sb, TimelineModel model, double width) {
        sb.append("<g class=\"legend\">\n");
        for (TimelineLayout.LegendEntry e : TimelineLayout.legend(model, width)) {
            double x = e.x();
            switch (e.key()) {
                case "finding":
                    sb.append("<rect x=\"").append(n(x)).append("\" y=\"6\" width=\"9\" height=\"9\" fill=\"")
                            .append(P.error()).append("\" ").append("transform=\"rotate(45 ").append(n(x + 4.5))
                            .append(" 10.5)\"/>\n");
                    text(sb, x + 14, 15, "start", P.text(), e.label());
                    break;
                case "traffic":
                    sb.append("<path class=\"legend-traffic\" d=\"M").append(n(x + 1.5)).append(" 15V10M")
                            .append(n(x + 4.5)).append(" 15V6M").append(n(x + 7.5)).append(" 15V12\" stroke=\"")
                            .append(P.traffic()).append("\" stroke-width=\"2\"/>\n");
                    text(sb, x + 14, 15, "start", P.text(), e.label());
                    break;
                case "dark":
                    line(sb, x, 11, x + 16, 11, P.gap(), 1.6, "legend-dark");
                    line(sb, x, 8, x, 14, P.gap(), 1.6, null);
                    line(sb, x + 16, 8, x + 16, 14, P.gap(), 1.6, null);
                    text(sb, x + 20, 15, "start", P.text(), e.label());
                    break;
                default:
                    shape(sb, MarkKind.valueOf(e.key()), x + 5, 11, null);
                    text(sb, x + 14, 15, "start", P.text(), e.label());
                    break;
            }
        }
        sb.append("</g>\n");
    }

    private static void axis(StringBuilder sb, TimelineLayout layout, boolean relative, ZoneId zone) {
        double y = TimelineLayout.LEGEND_HEIGHT + TimelineLayout.AXIS_HEIGHT - 4;
        sb.append("<g class=\"axis\">\n");
        line(sb, layout.plotX0(), y, layout.plotX0() + layout.plotWidth(), y, P.muted(), 1, null);
        for (TimeAxis.Tick t : TimeAxis.ticks(layout.scale(), layout.plotWidth(), layout.model().originNanos(),
                relative, zone)) {
            double x = layout.x(t.nanos());
            line(sb, x, y - 4, x, layout.height(), P.grid(), 0.5, null);
            text(sb, x, y - 6, "middle", P.muted(), t.label());
        }
        sb.append("</g>\n");
    }

    private static void lane(StringBuilder sb, TimelineLayout layout, int i, IntPredicate shown) {
        Lane lane = layout.lane(i);
        double top = layout.laneTop(i);
        double hgt = layout.laneHeight(i);
        sb.append("<g class=\"lane\" data-mac=\"").append(esc(lane.mac())).append("\">\n");
        sb.append("<rect x=\"0\" y=\"").append(n(top)).append("\" width=\"").append(n(layout.width()))
                .append("\" height=\"").append(n(hgt)).append("\" fill=\"").append(P.lane(i))
                .append("\"/>\n");
        text(sb, 8, top + 14, "start", P.text(), lane.title());
        text(sb, 8, top + 27, "start", P.muted(), lane.subtitle());
        for (int s = 0; s < lane.interfaces().size(); s++) {
            double y = layout.subLaneY(i, s);
            text(sb, layout.plotX0() - 6, y + 4, "end", P.muted(), lane.interfaces().get(s));
            line(sb, layout.plotX0(), y, layout.plotX0() + layout.plotWidth(), y, P.subLane(), 1, null);
        }
        for (BurstBracket b : lane.brackets()) {
            double x1 = layout.x(b.startNanos());
            double x2 = layout.x(b.endNanos());
            double y = layout.bracketY(i);
            sb.append("<path class=\"burst\" d=\"M").append(n(x1)).append(' ').append(n(y + 5)).append(" V")
                    .append(n(y)).append(" H").append(n(x2)).append(" V").append(n(y + 5))
                    .append("\" fill=\"none\" stroke=\"").append(P.rarp())
                    .append("\" stroke-width=\"1.2\"/>\n");
            text(sb, (x1 + x2) / 2, y - 3, "middle", P.rarp(), b.label() + " · " + b.pattern());
        }
        for (DelaySpan d : lane.delays()) {
            double x1 = layout.x(d.fromNanos());
            double x2 = layout.x(d.toNanos());
            double y = layout.delayY(i);
            line(sb, x1, y, x2, y, P.delay(), 1.2, "delay");
            line(sb, x1, y - 3, x1, y + 3, P.delay(), 1.2, null);
            line(sb, x2, y - 3, x2, y + 3, P.delay(), 1.2, null);
            text(sb, Math.max(x1, x2) + 4, y + 4, "start", P.delay(), d.label());
        }
        if (lane.hasOutcome()) {
            outcome(sb, layout, i);
        }
        for (Mark m : layout.drawnMarks(i, shown)) {
            shape(sb, m.kind(), layout.x(m.timeNanos()), layout.markY(i, m), "frame " + (m.frame() + 1)
                    + (m.kind().isOutcome() ? ": " + m.kind().label() : ""));
        }
        for (FindingMark f : lane.findings()) {
            double x = layout.x(f.timeNanos());
            double y = top + 6;
            sb.append("<rect class=\"finding\" x=\"").append(n(x - 4)).append("\" y=\"").append(n(y - 4))
                    .append("\" width=\"8\" height=\"8\" fill=\"").append(P.severity(f.severity()))
                    .append("\" transform=\"rotate(45 ").append(n(x)).append(' ').append(n(y)).append(")\"><title>")
                    .append(esc(f.code() + ": " + f.message())).append("</title></rect>\n");
        }
        sb.append("</g>\n");
    }

    /** The traffic strip, the dark spans and the summary of a lane with an outcome. */
    private static void outcome(StringBuilder sb, TimelineLayout layout, int i) {
        Lane lane = layout.lane(i);
        double[] runs = layout.trafficRuns(i);
        if (runs.length > 0) {
            double bottom = layout.trafficBottom(i);
            StringBuilder d = new StringBuilder();
            for (int r = 0; r < runs.length; r += 3) {
                d.append('M').append(brief(runs[r])).append(' ').append(brief(bottom)).append("v-")
                        .append(brief(runs[r + 2])).append('h').append(brief(runs[r + 1])).append('v')
                        .append(brief(runs[r + 2])).append('z');
            }
            sb.append("<path class=\"traffic\" d=\"").append(d).append("\" fill=\"").append(P.traffic())
                    .append("\"/>\n");
        }
        double y = layout.darkY(i);
        for (DarkSpan d : lane.outcome().darkSpans()) {
            double x1 = layout.x(d.fromNanos());
            double x2 = layout.x(d.toNanos());
            sb.append("<g class=\"dark\" data-last-before=\"").append(d.lastBefore() + 1)
                    .append("\" data-first-after=\"").append(d.firstAfter() + 1).append("\">\n");
            line(sb, x1, y, x2, y, P.gap(), 1.6, null);
            line(sb, x1, y - 3, x1, y + 3, P.gap(), 1.6, null);
            if (d.atLeast()) {
                // no frame closes it within the window: an arrow, not a tick
                sb.append("<path d=\"M").append(n(x2 - 5)).append(' ').append(n(y - 3)).append(" L").append(n(x2))
                        .append(' ').append(n(y)).append(" L").append(n(x2 - 5)).append(' ').append(n(y + 3))
                        .append("\" fill=\"none\" stroke=\"").append(P.gap()).append("\" stroke-width=\"1.6\"/>\n");
            } else {
                line(sb, x2, y - 3, x2, y + 3, P.gap(), 1.6, null);
            }
            if (layout.darkLabelInside(d)) {
                sb.append("<rect x=\"").append(n(layout.darkLabelX(d) - 3)).append("\" y=\"").append(n(y - 6))
                        .append("\" width=\"").append(n(TimelineLayout.darkLabelWidth(d) + 6))
                        .append("\" height=\"12\" fill=\"")
                        .append(P.lane(i)).append("\"/>\n");
            }
            text(sb, layout.darkLabelX(d), y + 4, "start", P.gap(), d.label());
            sb.append("</g>\n");
        }
        String summary = lane.outcome().summary();
        // the whole summary as the group's tooltip; the text itself holds only what fits the names column
        sb.append("<g><title>").append(esc(summary)).append("</title>\n");
        sb.append("<text class=\"outcome-summary\" x=\"8\" y=\"").append(n(y + 4))
                .append("\" text-anchor=\"start\" fill=\"").append(P.verdict(lane.outcome().verdict())).append("\">")
                .append(esc(TimelineLayout.fit(summary, layout.plotX0() - 14))).append("</text>\n</g>\n");
    }

    private static void rate(StringBuilder sb, TimelineLayout layout) {
        RateSeries.Bins bins = layout.rateBins();
        double top = layout.rateTop();
        sb.append("<g class=\"rate-chart\">\n");
        text(sb, 8, top + 14, "start", P.text(), layout.rateTitle(bins));
        double ly = top + 30;
        for (RateSeries.Kind k : RateSeries.Kind.values()) {
            line(sb, 8, ly - 4, 24, ly - 4, P.rate(k), 2, null);
            text(sb, 28, ly, "start", P.muted(), k.label());
            ly += 14;
        }
        double bottom = top + TimelineLayout.RATE_HEIGHT - 14;
        line(sb, layout.plotX0(), bottom, layout.plotX0() + layout.plotWidth(), bottom, P.muted(), 1, null);
        for (int k = RateSeries.Kind.values().length - 1; k >= 0; k--) {
            RateSeries.Kind kind = RateSeries.Kind.values()[k];
            double[] p = layout.ratePoints(bins, kind);
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < p.length; i += 2) {
                pts.append(i == 0 ? "" : " ").append(n(p[i])).append(',').append(n(p[i + 1]));
            }
            sb.append("<polyline class=\"rate ").append(kind.name().toLowerCase(Locale.ROOT))
                    .append("\" fill=\"none\" stroke=\"").append(P.rate(kind))
                    .append("\" stroke-width=\"1.5\" points=\"").append(pts).append("\"/>\n");
        }
        sb.append("</g>\n");
    }

    /** The colour of a finding's marker by severity, in the light palette. */
    public static String severityColour(String severity) {
        return P.severity(severity);
    }

    private static void shape(StringBuilder sb, MarkKind k, double x, double y, String title) {
        String cls = title == null ? "legend-mark " : "mark ";
        String close = title == null ? "/>\n" : "><title>" + esc(title) + "</title></" + tag(k) + ">\n";
        switch (k) {
            case RARP:
                sb.append("<polygon class=\"" + cls + "rarp\" points=\"").append(n(x)).append(',').append(n(y - 5))
                        .append(' ').append(n(x + 5)).append(',').append(n(y + 4)).append(' ').append(n(x - 5))
                        .append(',').append(n(y + 4)).append("\" fill=\"").append(P.mark(k)).append('"').append(close);
                break;
            case GARP:
                sb.append("<circle class=\"" + cls + "garp\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                        .append("\" r=\"4.5\" fill=\"").append(P.mark(k)).append('"').append(close);
                break;
            case NA:
                sb.append("<polygon class=\"" + cls + "na\" points=\"").append(n(x - 5)).append(',').append(n(y - 4))
                        .append(' ').append(n(x + 5)).append(',').append(n(y - 4)).append(' ').append(n(x))
                        .append(',').append(n(y + 5)).append("\" fill=\"").append(P.mark(k)).append('"').append(close);
                break;
            case STALE:
                // hollow: the frame went where the VM no longer is
                sb.append("<rect class=\"" + cls + "stale\" x=\"").append(n(x - 4)).append("\" y=\"").append(n(y - 4))
                        .append("\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"").append(P.mark(k))
                        .append("\" stroke-width=\"1.8\"").append(close);
                break;
            case LOST_PING:
                sb.append("<path class=\"" + cls + "lost-ping\" d=\"M").append(n(x - 4)).append(' ').append(n(y - 4))
                        .append(" L").append(n(x + 4)).append(' ').append(n(y + 4)).append(" M").append(n(x + 4))
                        .append(' ').append(n(y - 4)).append(" L").append(n(x - 4)).append(' ').append(n(y + 4))
                        .append("\" fill=\"none\" stroke=\"").append(P.mark(k)).append("\" stroke-width=\"2\"")
                        .append(close);
                break;
            case RETRANS:
                sb.append("<circle class=\"" + cls + "retrans\" cx=\"").append(n(x)).append("\" cy=\"").append(n(y))
                        .append("\" r=\"2.5\" fill=\"").append(P.mark(k)).append('"').append(close);
                break;
            default:
                sb.append("<rect class=\"" + cls + "arp\" x=\"").append(n(x - 3)).append("\" y=\"").append(n(y - 3))
                        .append("\" width=\"6\" height=\"6\" fill=\"").append(P.mark(k))
                        .append("\" fill-opacity=\"0.5\"").append(close);
                break;
        }
    }

    private static String tag(MarkKind k) {
        return k == MarkKind.RARP || k == MarkKind.NA ? "polygon" : k == MarkKind.GARP || k == MarkKind.RETRANS
                ? "circle" : k == MarkKind.LOST_PING ? "path" : "rect";
    }

    private static void line(StringBuilder sb, double x1, double y1, double x2, double y2, String colour, double width,
                             String cls) {
        sb.append("<line");
        if (cls != null) {
            sb.append(" class=\"").append(cls).append('"');
        }
        sb.append(" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(n(width)).append("\"/>\n");
    }

    private static void text(StringBuilder sb, double x, double y, String anchor, String colour, String s) {
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(colour).append("\">").append(esc(s)).append("</text>\n");
    }

    private static String n(double v) {
        if (!Double.isFinite(v)) {
            v = 0;
        }
        v = Math.max(-1e6, Math.min(1e6, v));
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A number with one decimal at most and none when it is whole: "230", "135.5". */
    private static String brief(double v) {
        String s = n(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    static String esc(String s) {
        return dev.cutover.text.Untrusted.forMarkup(s);
    }
}
