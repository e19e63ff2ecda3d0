package dev.cutover.report;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.timeline.TimelineFrames;
import dev.cutover.timeline.TimelineModel;
import dev.cutover.timeline.TimelineSvg;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The report's chart drawn by the migration timeline itself: the same lanes, marks and spans as the window. */
public final class TimelineChart {
    private TimelineChart() {
    }

    /** The timeline of the capture's migrations as one SVG element; empty when nothing moved. */
    public static String svg(Capture capture, AnalysisResult result) {
        if (result.migrations().isEmpty() || capture.frameCount() == 0) {
            return "";
        }
        TimelineModel model = TimelineModel.of(result, TimelineFrames.of(capture), capture.index().timestampNanos(0),
                dev.cutover.timeline.OutcomeTracks.of(result));
        StringWriter out = new StringWriter();
        try {
            TimelineSvg.write(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Inline in a page, an XML declaration is not allowed: the svg element alone.
        String svg = out.toString();
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start);
    }
}
