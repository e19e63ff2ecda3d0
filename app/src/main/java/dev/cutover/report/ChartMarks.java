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

/**
 * The report's chart as data: one row per MAC, its RARP, GARP and unsolicited NA marks over time, for the JSON report and the
 * PDF (which draws them); the HTML report draws the migration timeline itself ({@link TimelineChart}).
 */
public final class ChartMarks {
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
            for (int f : e.naFrames()) {
                marks.add(new ReportModel.ChartMark(index.timestampNanos(f) - start, "NA", f + 1));
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

    /** An axis label in seconds since the first mark. */
    static String tick(double seconds) {
        return String.format(Locale.ROOT, "+%.3f s", seconds);
    }
}
