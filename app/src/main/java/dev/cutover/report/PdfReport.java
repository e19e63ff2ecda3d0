package dev.cutover.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as a paginated PDF, the chart drawn with vector operations from the same model. */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";
    private static final int REPLACEMENT = 0xFFFD;

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final PDFont mono;
    /** Per font, the code points it has a glyph for, as found; most reports use a few dozen. */
    private final java.util.Map<PDFont, java.util.Map<Integer, Boolean>> glyphs = new java.util.HashMap<>();
    private PDPageContentStream cs;
    private float y;

    private PdfReport(PDDocument doc) throws IOException {
        this.doc = doc;
        // embedded as subsets: only the glyphs the report uses go into the file
        this.regular = font(doc, "DejaVuSans.ttf");
        this.bold = font(doc, "DejaVuSans-Bold.ttf");
        this.mono = font(doc, "DejaVuSansMono.ttf");
    }

    private static PDFont font(PDDocument doc, String name) throws IOException {
        try (java.io.InputStream in = PdfReport.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IOException("the report font " + name + " is missing from the class path");
            }
            return org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, in, true);
        }
    }

    public static void write(ReportModel m, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(m.title() == null ? "" : m.title());
            info.setCreator("Cutover");
            PdfReport w = new PdfReport(doc);
            w.render(m);
            w.cs.close();
            doc.save(out);
        }
    }

    private void render(ReportModel m) throws IOException {
        newPage();
        text(bold, 16, m.title());
        text(regular, 9, "Generated " + m.generated() + " by Cutover.");
        heading("Capture summary");
        ReportModel.Summary s = m.summary();
        text(regular, 10, "Files: " + String.join(", ", s.files()));
        text(regular, 10, "Frames: " + s.frames() + ", ARP and RARP frames: " + m.analysis().arpFrames());
        text(regular, 10, "First frame: " + s.firstTime() + "   Last frame: " + s.lastTime()
                + String.format(Locale.ROOT, "   Duration: %.3f s", s.durationSeconds()));
        text(regular, 10, "Migrations: " + m.analysis().migrations().size() + ", findings: "
                + m.analysis().findings().size());
        if (s.displayFilter() != null) {
            text(regular, 10, "Display filter: " + s.displayFilter());
        }

        heading("Migrations");
        if (m.analysis().migrations().isEmpty()) {
            text(regular, 10, "No migration found.");
        }
        for (AnalysisJson.Migration g : m.analysis().migrations()) {
            text(bold, 10, "#" + g.id() + "  " + g.mac() + (g.vendor() == null ? "" : " (" + g.vendor() + ")")
                    + "  VLANs " + g.vlans() + "  on " + String.join(", ", g.interfaces()));
            text(regular, 9, "    RARP: " + (g.rarp() == null ? "none" : g.rarp().count() + " from frame "
                    + g.rarp().firstFrame() + " at " + g.rarp().firstTime()) + "    GARP: "
                    + (g.garp() == null ? "none" : g.garp().count() + " from frame " + g.garp().firstFrame() + " "
                    + String.join(", ", g.garp().ips()))
                    + (g.rarpToGarpMs() == null ? "" : String.format(Locale.ROOT, "    RARP to GARP %.3f ms",
                    g.rarpToGarpMs())));
        }

        heading("Timeline");
        if (m.chart().isEmpty()) {
            text(regular, 10, "No RARP or gratuitous ARP to draw.");
        } else {
            chart(m.chart());
        }

        heading("Findings");
        if (m.analysis().findings().isEmpty()) {
            text(regular, 10, "Nothing looks wrong.");
        }
        for (var e : m.explanations().entrySet()) {
            text(bold, 10, e.getKey());
            text(regular, 9, e.getValue());
        }
        for (AnalysisJson.FindingJson f : m.analysis().findings()) {
            text(regular, 9, "[" + f.severity() + "] " + f.code() + ": " + f.message() + " (frames "
                    + HtmlReport.frames(f.frames()) + ")");
        }

        heading("Annotated frames");
        if (m.frames().isEmpty()) {
            text(regular, 10, "No frame is annotated.");
        }
        for (ReportModel.ReportFrame f : m.frames()) {
            space(24);
            text(bold, 11, "Frame " + f.number() + ": " + f.protocol() + " " + f.info());
            text(regular, 9, f.time() + ", " + f.source() + " -> " + f.destination() + ", " + f.length() + " bytes");
            for (String c : f.comments()) {
                text(bold, 9, "Comment: " + c);
            }
            if (!f.tags().isEmpty()) {
                text(regular, 9, "Tags: " + String.join(", ", f.tags()));
            }
            for (String line : f.tree()) {
                text(mono, 7.5f, line);
            }
            for (String line : f.hex().split("\n")) {
                text(mono, 7.5f, line);
            }
        }
    }

    private void chart(ReportModel.Chart chart) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN;
        float label = 100;
        float plot = width - label - 10;
        float row = 14;
        for (ReportModel.ChartRow r : chart.rows()) {
            space(row);
            float mid = y - row / 2;
            cs.beginText();
            cs.setFont(mono, 7.5f);
            cs.newLineAtOffset(MARGIN, mid - 3);
            cs.showText(safe(mono, r.mac()));
            cs.endText();
            cs.setStrokingColor(new Color(0xDD, 0xDD, 0xDD));
            cs.moveTo(MARGIN + label, mid);
            cs.lineTo(MARGIN + label + plot, mid);
            cs.stroke();
            for (ReportModel.ChartMark mark : r.marks()) {
                float x = MARGIN + label + (float) ChartMarks.position(chart, mark.offsetNanos()) * plot;
                if ("RARP".equals(mark.kind())) {
                    cs.setNonStrokingColor(new Color(0x1F, 0x6F, 0xD1));
                    cs.addRect(x - 1, mid - 5, 2, 10);
                } else {
                    cs.setNonStrokingColor(new Color(0xE0, 0x7B, 0x00));
                    cs.moveTo(x, mid + 4);
                    cs.lineTo(x + 4, mid);
                    cs.lineTo(x, mid - 4);
                    cs.lineTo(x - 4, mid);
                    cs.closePath();
                }
                cs.fill();
            }
            y -= row;
        }
        space(24);
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.moveTo(MARGIN + label, y - 2);
        cs.lineTo(MARGIN + label + plot, y - 2);
        cs.stroke();
        cs.setNonStrokingColor(Color.BLACK);
        double seconds = (chart.endNanos() - chart.startNanos()) / 1e9;
        for (int i = 0; i <= 4; i++) {
            String t = ChartMarks.tick(seconds * i / 4);
            float tw = regular.getStringWidth(t) / 1000 * 7;
            cs.beginText();
            cs.setFont(regular, 7);
            cs.newLineAtOffset(MARGIN + label + plot * i / 4 - tw / 2, y - 12);
            cs.showText(t);
            cs.endText();
        }
        y -= 20;
        text(regular, 8, "Blue bars: RARP. Orange diamonds: gratuitous ARP.");
    }

    private void heading(String title) throws IOException {
        space(40);
        y -= 8;
        text(bold, 13, title);
    }

    private void text(PDFont font, float size, String s) throws IOException {
        float width = PAGE.getWidth() - 2 * MARGIN;
        List<String> lines = new ArrayList<>();
        // a comment of several lines keeps its lines
        for (String part : (s == null ? "" : s).split("\r?\n", -1)) {
            lines.addAll(wrap(font, size, safe(font, part), width));
        }
        for (String line : lines) {
            space(size * 1.3f);
            y -= size * 1.3f;
            cs.setNonStrokingColor(Color.BLACK);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(MARGIN, y);
            cs.showText(line);
            cs.endText();
        }
    }

    private static List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (font.getStringWidth(rest) / 1000 * size > width) {
            int cut = rest.length() - 1;
            while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                cut = Math.max(1, cut - Math.max(1, cut / 10));
            }
            int space = rest.lastIndexOf(' ', cut);
            int at = space > cut / 2 ? space : cut;
            lines.add(rest.substring(0, at));
            rest = rest.substring(at).stripLeading();
        }
        lines.add(rest);
        return lines;
    }

    /** Starts a new page when fewer than {@code needed} points are left. */
    private void space(float needed) throws IOException {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /**
     * The text as the font can show it: a tab as spaces, a control character as {@code \x1b} (as the terminal
     * shows it), and a character the font has no glyph for (Chinese, say) as U+FFFD rather than lost.
     */
    String safe(PDFont font, String s) {
        if (s == null) {
            return "";
        }
        java.util.Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new java.util.HashMap<>());
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\t') {
                sb.append("    ");
            } else if (c == '\n') {
                sb.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                sb.append(dev.cutover.text.Untrusted.forTerminal(new String(Character.toChars(c)), ""));
            } else if (known.computeIfAbsent(c, k -> shows(font, k))) {
                sb.appendCodePoint(c);
            } else {
                sb.appendCodePoint(REPLACEMENT);
            }
        });
        return sb.toString();
    }

    private static boolean shows(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
