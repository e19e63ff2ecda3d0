package dev.cutover.report;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Map;

/**
 * Everything a report shows, built once and read by every writer (HTML, PDF, JSON).
 *
 * @param schema       version of this layout in the JSON report
 * @param title        the report's title (the capture names)
 * @param generated    when the report was made, ISO-8601 UTC
 * @param summary      the captures at a glance
 * @param analysis     migrations and findings, as {@code cutover analyze --format json} prints them
 * @param explanations what each finding code present means and what to check
 * @param annotations  every annotation of the capture
 * @param frames       the annotated, commented or evidence frames, decoded
 * @param chart        RARP and GARP of each MAC on a time axis
 * @param chartSvg     the chart drawn as SVG for HTML
 */
public record ReportModel(int schema, String title, String generated, Summary summary, AnalysisJson.Report analysis,
                          Map<String, String> explanations, List<Annotation> annotations, List<ReportFrame> frames,
                          Chart chart, @JsonIgnore String chartSvg) {
    /** The JSON report's schema version. */
    public static final int SCHEMA = 1;

    /**
     * The captures at a glance; {@code noMigration} says why there is no migration, as every view says it (null
     * when there are migrations).
     */
    public record Summary(List<String> files, int frames, String firstTime, String lastTime, double durationSeconds,
                          String displayFilter, int framesShown, String noMigration) {
    }

    /** One frame in the report: its columns, its notes, its decoded tree and hex dump. */
    public record ReportFrame(int number, String time, String source, String destination, String protocol,
                              int length, String info, List<String> comments, List<String> tags, List<String> tree,
                              String hex) {
    }

    /** RARP and GARP marks per MAC, times relative to {@code startNanos}. */
    public record Chart(long startNanos, long endNanos, List<ChartRow> rows) {
        @JsonIgnore
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** The marks of one MAC. */
    public record ChartRow(String mac, List<ChartMark> marks) {
    }

    /** One RARP or GARP frame of a migration. */
    public record ChartMark(long offsetNanos, String kind, int frame) {
    }
}
