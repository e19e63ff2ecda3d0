package dev.cutover.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.OutputStream;

/** The report as JSON: the analysis, the annotations and the decoded frames, with a schema version. */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(ReportModel m, OutputStream out) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, m);
    }
}
