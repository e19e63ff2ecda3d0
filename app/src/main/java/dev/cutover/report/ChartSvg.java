package dev.cutover.report;

/** Draws the report's timeline chart as one self-contained SVG element (no scripts, no external references). */
public interface ChartSvg {
    /** The SVG text for a chart; an empty chart gives an empty string. */
    String svg(ReportModel.Chart chart);
}
