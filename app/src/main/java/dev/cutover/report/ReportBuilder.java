package dev.cutover.report;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.capture.Capture;
import dev.cutover.capture.SourceInfo;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.DissectionText;
import dev.cutover.frames.Column;
import dev.cutover.frames.FramePipeline;
import dev.cutover.dissect.FrameInfo;
import dev.cutover.dissect.Layer;
import dev.cutover.filter.CompiledFilter;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ReportModel} of a capture, its analysis and its annotations. */
public final class ReportBuilder {
    /** At most this many frames are decoded into a report; the JSON and summary say how many were shown. */
    public static final int MAX_FRAMES = 1000;


    /** A builder whose chart is the migration timeline, as the window draws it. */
    public ReportBuilder() {
    }

    /**
     * Builds the model. The report's frames are those annotated or commented in the file, limited to
     * {@code filter}'s matches when one is given.
     */
    public ReportModel build(FramePipeline pipeline, CompiledFilter filter, String filterText) throws IOException {
        Capture capture = pipeline.capture();
        AnnotationSource notes = pipeline.annotations();
        AnalysisResult result = pipeline.analysis();
        if (result == null) {
            throw new IllegalArgumentException("a report needs the migration analysis bound to its frames");
        }
        AnalysisJson.Report analysis = AnalysisJson.model(capture, result);
        Map<String, String> explanations = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            explanations.putIfAbsent(f.code().id(), f.code().explanation());
        }
        FramePipeline.Reader decoder = pipeline.fullReader();
        FramePipeline.Reader matcher = filter == null ? null : pipeline.reader(filter);
        Dissection d = new Dissection();
        List<ReportModel.ReportFrame> frames = new ArrayList<>();
        int n = capture.frameCount();
        for (int i = 0; i < n && frames.size() < MAX_FRAMES; i++) {
            if (notes.get(i + 1) == null && capture.comments(i).isEmpty()) {
                continue;
            }
            if (matcher != null && !matcher.matches(i, filter, d)) {
                continue;
            }
            frames.add(frame(capture, decoder, d, notes, i));
        }
        List<String> files = new ArrayList<>();
        for (SourceInfo s : capture.sources()) {
            files.add(String.valueOf(s.file().getFileName()));
        }
        String first = n == 0 ? null : AnalysisJson.time(capture, 0, capture.index().timestampNanos(0));
        String last = n == 0 ? null : AnalysisJson.time(capture, n - 1, capture.index().timestampNanos(n - 1));
        double duration = n == 0 ? 0
                : (capture.index().timestampNanos(n - 1) - capture.index().timestampNanos(0)) / 1e9;
        ReportModel.Summary summary = new ReportModel.Summary(files, n, first, last, duration,
                filterText == null || filterText.isBlank() ? null : filterText, frames.size(),
                result.migrations().isEmpty() ? result.noMigrationReason() : null);
        ReportModel.Chart chart = ChartMarks.model(capture, result);
        return new ReportModel(ReportModel.SCHEMA, "Cutover report: " + String.join(", ", files),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), summary, analysis, explanations,
                notes.all(), frames, chart, TimelineChart.svg(capture, result));
    }

    private static ReportModel.ReportFrame frame(Capture capture, FramePipeline.Reader decoder, Dissection d,
                                                 AnnotationSource notes, int i) throws IOException {
        FrameInfo info = decoder.decode(i, d, Layer.ALL);
        StringBuilder tree = new StringBuilder();
        DissectionText.appendTree(tree, d);
        StringBuilder hex = new StringBuilder();
        DissectionText.appendHex(hex, d.data(), d.capturedLength());
        Annotation a = notes.get(i + 1);
        List<String> comments = new ArrayList<>(capture.comments(i));
        if (a != null && !a.comment().isEmpty()) {
            comments.add(a.comment());
        }
        return new ReportModel.ReportFrame(info.number(), AnalysisJson.time(capture, i, info.timeNanos()),
                // the packet list's columns, as the list and the CSV show them (GARP; the length on the wire)
                Column.SOURCE.of(info, d, null), Column.DESTINATION.of(info, d, null),
                Column.PROTOCOL.of(info, d, null), info.originalLength(), Column.INFO.of(info, d, null),
                comments, a == null ? List.of() : a.tags(), Arrays.asList(tree.toString().split("\n")),
                hex.toString());
    }
}
