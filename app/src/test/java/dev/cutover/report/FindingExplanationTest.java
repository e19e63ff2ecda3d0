package dev.cutover.report;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.testsupport.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports explain each finding in the words its kind declares ({@link FindingCode#explanation()}). */
class FindingExplanationTest {
    @TempDir
    Path dir;

    @Test
    void theSilentVmsReportsExplainRarpWithoutGarpAsDeclared() throws Exception {
        Path file = Samples.copy("silent-vm-rarp-no-garp.pcap", dir);
        try (Capture capture = Capture.open(file)) {
            AnalysisResult result = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            assertThat(result.findings()).extracting(f -> f.code()).containsExactly(FindingCode.RARP_WITHOUT_GARP);
            ReportModel model = new ReportBuilder().build(dev.cutover.frames.FramePipeline.of(capture)
                    .withAnnotations(AnnotationStore.load(file)).withAnalysis(result), null, null);
            assertThat(model.explanations()).containsExactly(java.util.Map.entry("rarp-without-garp",
                    FindingCode.RARP_WITHOUT_GARP.explanation()));

            String html = HtmlReport.render(model);
            assertThat(html).contains("<dt><b>rarp-without-garp</b></dt><dd>"
                    + FindingCode.RARP_WITHOUT_GARP.explanation() + "</dd>");

            ByteArrayOutputStream json = new ByteArrayOutputStream();
            JsonReport.write(model, json);
            assertThat(json.toString(StandardCharsets.UTF_8)).contains(FindingCode.RARP_WITHOUT_GARP.explanation());
        }
    }
}
