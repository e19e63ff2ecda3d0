package dev.cutover.report;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Addresses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The built-in timeline chart: one row per MAC, RARP as blue ticks and GARP as orange diamonds over time. */
public final class SimpleChart implements ChartSvg {
    static final int WIDTH = 760;
    static final int LABEL = 140;
    static final int ROW = 22;
    static final int AXIS = 30;
    static final int MAX_ROWS = 40;

    /** The marks of every migration, at most {@value #MAX_ROWS} MACs. */
    public static ReportModel.Chart model(Capture capture, AnalysisResult result) {
        Map<String, List<ReportModel.ChartMark>> rows = new LinkedHashMap<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        var index = capture.index();
        for (MigrationEvent e : result.migrations()) {
            for (int f : e.frames()) {
                long t = index.timestampNanos(f);
                start = Math.min(start, t);
                end = Math.max(end, t);
            }
        }
        for (MigrationEvent e : result.migrations()) {
            String mac = Addresses.mac(e.mac());
            if (!rows.containsKey(mac) && rows.size() >= MAX_ROWS) {
                continue;
            }
            List<ReportModel.ChartMark> marks = rows.computeIfAbsent(mac, k -> new ArrayList<>());
            if (e.rarp() != null) {
                for (int f : e.rarp().frames()) {
                    marks.add(new ReportModel.ChartMark(index.timestampNanos(f) - start, "RARP", f + 1));
                }
            }
            for (int f : e.garpFrames()) {
                marks.add(new ReportModel.ChartMark(index.timestampNanos(f) - start, "GARP", f + 1));
            }
        }
        List<ReportModel.ChartRow> list = new ArrayList<>();
        rows.forEach((mac, marks) -> list.add(new ReportModel.ChartRow(mac, List.copyOf(marks))));
        return list.isEmpty() ? new ReportModel.Chart(0, 0, List.of()) : new ReportModel.Chart(start, end, list);
    }

    /** Where a mark sits across the plot, 0..1. */
    static double position(ReportModel.Chart chart, long offsetNanos) {
        long span = chart.endNanos() - chart.startNanos();
        return span <= 0 ? 0.5 : (double) offsetNanos / span;
    }

    @Override
    public String svg(ReportModel.Chart chart) {
        if (chart.isEmpty()) {
            return "";
        }
        int plot = WIDTH - LABEL - 20;
        int height = chart.rows().size() * ROW + AXIS + 10;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.append("<title>RARP and gratuitous ARP per MAC over time</title>\n");
        for (int r = 0; r < chart.rows().size(); r++) {
            ReportModel.ChartRow row = chart.rows().get(r);
            int y = 10 + r * ROW + ROW / 2;
            sb.append("<text x=\"4\" y=\"").append(y + 4).append("\">").append(Html.escape(row.mac()))
                    .append("</text>\n");
            sb.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(LABEL + plot).append("\" y2=\"").append(y).append("\" stroke=\"#ddd\"/>\n");
            for (ReportModel.ChartMark m : row.marks()) {
                double x = LABEL + position(chart, m.offsetNanos()) * plot;
                String xs = String.format(Locale.ROOT, "%.1f", x);
                if ("RARP".equals(m.kind())) {
                    sb.append("<rect x=\"").append(String.format(Locale.ROOT, "%.1f", x - 1.5)).append("\" y=\"")
                            .append(y - 7).append("\" width=\"3\" height=\"14\" fill=\"#1f6fd1\"><title>RARP frame ")
                            .append(m.frame()).append("</title></rect>\n");
                } else {
                    sb.append("<path d=\"M").append(xs).append(' ').append(y - 6).append(" l5 6 l-5 6 l-5 -6 z\" ")
                            .append("fill=\"#e07b00\"><title>GARP frame ").append(m.frame())
                            .append("</title></path>\n");
                }
            }
        }
        int axisY = 10 + chart.rows().size() * ROW + 6;
        sb.append("<line x1=\"").append(LABEL).append("\" y1=\"").append(axisY).append("\" x2=\"").append(LABEL + plot)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#333\"/>\n");
        double seconds = (chart.endNanos() - chart.startNanos()) / 1e9;
        for (int i = 0; i <= 4; i++) {
            double x = LABEL + plot * i / 4.0;
            sb.append("<text x=\"").append(String.format(Locale.ROOT, "%.1f", x)).append("\" y=\"").append(axisY + 16)
                    .append("\" text-anchor=\"middle\">").append(tick(seconds * i / 4)).append("</text>\n");
        }
        sb.append("</svg>");
        return sb.toString();
    }

    /** An axis label in seconds since the first mark. */
    static String tick(double seconds) {
        return String.format(Locale.ROOT, "+%.3f s", seconds);
    }
}
