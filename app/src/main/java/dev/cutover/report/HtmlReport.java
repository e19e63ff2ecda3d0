package dev.cutover.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML file: inline CSS and SVG, no scripts, every text escaped. The markup is
 * also well-formed XML, so tests (and tools) can parse it with an XML parser.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
            h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
            table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}
            th{background:#f0f0f0}pre{background:#f7f7f7;padding:.5em;font-size:.8em;overflow-x:auto}
            .sev-error{color:#b00020}.outcome-bad b{color:#b00020}.outcome-warn b{color:#8a5300}.outcome-ok b{color:#1a6b2f}.outcome-unknown b{color:#0969da}.sev-warning{color:#a05a00}.tags span{background:#e6eefc;border-radius:3px;
            padding:0 4px;margin-right:4px}.frame{border-top:1px dashed #bbb;margin-top:1em}
            """;

    private HtmlReport() {
    }

    public static void write(ReportModel m, OutputStream out) throws IOException {
        out.write(render(m).getBytes(StandardCharsets.UTF_8));
    }

    public static String render(ReportModel m) {
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n<title>")
                .append(e(m.title())).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>").append(e(m.title())).append("</h1>\n<p>Generated ").append(e(m.generated()))
                .append(" by Cutover.</p>\n");

        ReportModel.Summary s = m.summary();
        sb.append("<h2 id=\"summary\">Capture summary</h2>\n<table>\n");
        row(sb, "Files", String.join(", ", s.files()));
        row(sb, "Frames", Integer.toString(s.frames()));
        row(sb, "ARP and RARP frames", Integer.toString(m.analysis().arpFrames()));
        row(sb, "First frame", s.firstTime());
        row(sb, "Last frame", s.lastTime());
        row(sb, "Duration", String.format(Locale.ROOT, "%.3f s", s.durationSeconds()));
        row(sb, "Migrations", Integer.toString(m.analysis().migrations().size()));
        row(sb, "Findings", Integer.toString(m.analysis().findings().size()));
        if (s.displayFilter() != null) {
            row(sb, "Display filter", s.displayFilter());
        }
        sb.append("</table>\n");

        sb.append("<h2 id=\"migrations\">Migrations</h2>\n");
        List<AnalysisJson.Migration> migrations = m.analysis().migrations();
        if (migrations.isEmpty()) {
            sb.append("<p>No migration found").append(s.noMigration() == null ? "" : ": " + e(s.noMigration()))
                    .append(".</p>\n");
        } else {
            sb.append("<table><tr><th>#</th><th>MAC</th><th>Vendor</th><th>VLANs</th><th>Interfaces</th>")
                    .append("<th>RARP</th><th>First RARP</th><th>GARP</th><th>IPs</th><th>RARP to GARP</th>")
                    .append("<th>NA</th><th>IPv6 addresses</th><th>RARP to NA</th><th>Outcome</th></tr>\n");
            for (AnalysisJson.Migration g : migrations) {
                sb.append("<tr>");
                cell(sb, Integer.toString(g.id()));
                cell(sb, g.mac());
                cell(sb, g.vendor());
                cell(sb, String.valueOf(g.vlans()));
                cell(sb, String.join(", ", g.interfaces()));
                cell(sb, g.rarp() == null ? "none" : g.rarp().count() + " (frame " + g.rarp().firstFrame() + ")");
                cell(sb, g.rarp() == null ? "" : g.rarp().firstTime());
                cell(sb, g.garp() == null ? "none" : g.garp().count() + " (frame " + g.garp().firstFrame() + ")");
                cell(sb, g.garp() == null ? "" : String.join(", ", g.garp().ips()));
                cell(sb, g.rarpToGarpMs() == null ? "" : dev.cutover.text.SignedMillis.ofMillis(g.rarpToGarpMs()));
                cell(sb, g.na() == null ? "none" : g.na().count() + " (frame " + g.na().firstFrame() + ")");
                cell(sb, g.na() == null ? "" : String.join(", ", g.na().ipv6s()));
                cell(sb, g.rarpToNaMs() == null ? "" : dev.cutover.text.SignedMillis.ofMillis(g.rarpToNaMs()));
                if (g.outcome() == null) {
                    cell(sb, "");
                } else {
                    sb.append("<td class=\"outcome-").append(e(g.outcome().verdict())).append("\"><b>")
                            .append(e(g.outcome().summary())).append("</b><br/><small>")
                            .append(e(OutcomeText.details(g.outcome()))).append("</small></td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }

        sb.append("<h2 id=\"timeline\">Timeline</h2>\n");
        if (m.chartSvg() == null || m.chartSvg().isEmpty()) {
            sb.append("<p>No RARP or gratuitous ARP to draw.</p>\n");
        } else {
            // The chart writer escapes its own text; it is our SVG, never user input.
            sb.append("<figure>").append(m.chartSvg())
                    .append("<figcaption>One lane per MAC that moved: RARP notifications as blue triangles under the "
                            + "bracket of their burst, gratuitous ARP as orange circles, the MAC's other ARP as grey "
                            + "squares, findings as diamonds; the violet span runs from the first RARP to the first "
                            + "gratuitous ARP. Under the lanes, ARP frames per interval.</figcaption></figure>\n");
        }

        sb.append("<h2 id=\"findings\">Findings</h2>\n");
        if (m.analysis().findings().isEmpty()) {
            sb.append("<p>Nothing looks wrong.</p>\n");
        } else {
            sb.append("<dl>\n");
            m.explanations().forEach((code, text) -> sb.append("<dt><b>").append(e(code)).append("</b></dt><dd>")
                    .append(e(text)).append("</dd>\n"));
            sb.append("</dl>\n<table><tr><th>Severity</th><th>Code</th><th>MAC</th><th>IP</th><th>Frames</th>")
                    .append("<th>Message</th></tr>\n");
            for (AnalysisJson.FindingJson f : m.analysis().findings()) {
                sb.append("<tr class=\"sev-").append(e(f.severity())).append("\">");
                cell(sb, f.severity());
                cell(sb, f.code());
                cell(sb, f.mac());
                cell(sb, f.ip());
                cell(sb, frames(f.frames()));
                cell(sb, f.message());
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
        }

        sb.append("<h2 id=\"frames\">Annotated frames</h2>\n");
        if (m.frames().isEmpty()) {
            sb.append("<p>No frame is annotated.</p>\n");
        }
        for (ReportModel.ReportFrame f : m.frames()) {
            sb.append("<section class=\"frame\" id=\"frame-").append(f.number()).append("\">\n<h3>Frame ")
                    .append(f.number()).append(": ").append(e(f.protocol())).append(' ').append(e(f.info()))
                    .append("</h3>\n<p>").append(e(f.time())).append(", ").append(e(f.source())).append(" &#8594; ")
                    .append(e(f.destination())).append(", ").append(f.length()).append(" bytes</p>\n");
            for (String c : f.comments()) {
                sb.append("<blockquote class=\"comment\">").append(e(c)).append("</blockquote>\n");
            }
            if (!f.tags().isEmpty()) {
                sb.append("<p class=\"tags\">");
                for (String t : f.tags()) {
                    sb.append("<span>").append(e(t)).append("</span>");
                }
                sb.append("</p>\n");
            }
            sb.append("<pre class=\"tree\">").append(e(String.join("\n", f.tree()))).append("</pre>\n");
            sb.append("<pre class=\"hex\">").append(e(f.hex())).append("</pre>\n</section>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    static String frames(List<Integer> frames) {
        if (frames.size() <= 20) {
            return frames.toString().replaceAll("[\\[\\]]", "");
        }
        return frames.subList(0, 20).toString().replaceAll("[\\[\\]]", "") + " and " + (frames.size() - 20)
                + " more";
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>\n");
    }

    private static void cell(StringBuilder sb, String value) {
        sb.append("<td>").append(e(value)).append("</td>");
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
