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

    /**
     * Fonts for the characters DejaVu has no glyph for (Chinese, Japanese, Korean), looked for on the machine
     * in this order: Noto Sans CJK and WenQuanYi ship as collections, Droid Sans Fallback as one font (Debian's
     * fonts-droid-fallback); Windows and macOS have their own. None is bundled: a CJK font is 10-20 MB.
     */
    static final List<String> FALLBACK_FONTS = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc",
            "C:\\Windows\\Fonts\\simsun.ttc",
            "/System/Library/Fonts/PingFang.ttc",
            "/System/Library/Fonts/Hiragino Sans GB.ttc",
            "/Library/Fonts/Arial Unicode.ttf");

    /** The fallback font, loaded the first time a character needs it; null when none is installed. */
    private PDFont fallback;
    private boolean fallbackTried;
    /** Font files read for the fallback, closed once the document is saved. */
    private final List<java.io.Closeable> opened = new java.util.ArrayList<>();

    private final List<String> fallbackFonts;

    private PdfReport(PDDocument doc, List<String> fallbackFonts) throws IOException {
        this.doc = doc;
        this.fallbackFonts = fallbackFonts;
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

    /** The first fallback font of {@link #FALLBACK_FONTS} on this machine that loads, embedded as a subset. */
    private PDFont fallback() {
        if (!fallbackTried) {
            fallbackTried = true;
            for (String name : fallbackFonts) {
                java.io.File file = new java.io.File(name);
                if (!file.isFile()) {
                    continue;
                }
                try {
                    fallback = loadFallback(file);
                    return fallback;
                } catch (IOException | RuntimeException e) {
                    // an unreadable or odd font file: try the next one
                }
            }
        }
        return fallback;
    }

    /**
     * The font of {@code file}, or of its first face with TrueType outlines when it is a collection. A font with
     * only CFF outlines (Noto Sans CJK, Hiragino) is refused: the PDF library cannot subset it and would fail
     * when the report is saved, so the next font on the list is tried instead.
     */
    private PDFont loadFallback(java.io.File file) throws IOException {
        org.apache.fontbox.ttf.TrueTypeFont chosen = null;
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            org.apache.fontbox.ttf.TrueTypeCollection ttc = new org.apache.fontbox.ttf.TrueTypeCollection(file);
            opened.add(ttc);
            org.apache.fontbox.ttf.TrueTypeFont[] first = new org.apache.fontbox.ttf.TrueTypeFont[1];
            ttc.processAllFonts(f -> {
                if (first[0] == null && hasTrueTypeOutlines(f)) {
                    first[0] = f;
                }
            });
            chosen = first[0];
        } else {
            org.apache.fontbox.ttf.TrueTypeFont f = new org.apache.fontbox.ttf.TTFParser().parse(
                    new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
            opened.add(f);
            chosen = hasTrueTypeOutlines(f) ? f : null;
        }
        if (chosen == null) {
            throw new IOException(file + ": no font with TrueType outlines");
        }
        return org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, chosen, true);
    }

    private static boolean hasTrueTypeOutlines(org.apache.fontbox.ttf.TrueTypeFont f) throws IOException {
        return f.getTableMap().containsKey("glyf") && f.getTableMap().containsKey("loca");
    }

    public static void write(ReportModel m, OutputStream out) throws IOException {
        write(m, out, FALLBACK_FONTS);
    }

    /** The report with the fallback fonts looked for in {@code fallbackFonts}, in that order. */
    static void write(ReportModel m, OutputStream out, List<String> fallbackFonts) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(m.title() == null ? "" : m.title());
            info.setCreator("Cutover");
            PdfReport w = new PdfReport(doc, fallbackFonts);
            try {
                w.render(m);
                w.cs.close();
                // the fallback font's file stays open until here: its glyphs are read when the subset is made
                doc.save(out);
            } finally {
                for (java.io.Closeable c : w.opened) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // a font file that does not close cleanly changes nothing in the report
                    }
                }
            }
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
            text(regular, 10, "No migration found" + (s.noMigration() == null ? "" : ": " + s.noMigration()) + ".");
        }
        for (AnalysisJson.Migration g : m.analysis().migrations()) {
            text(bold, 10, "#" + g.id() + "  " + g.mac() + (g.vendor() == null ? "" : " (" + g.vendor() + ")")
                    + "  VLANs " + g.vlans() + "  on " + String.join(", ", g.interfaces()));
            text(regular, 9, "    RARP: " + (g.rarp() == null ? "none" : g.rarp().count() + " from frame "
                    + g.rarp().firstFrame() + " at " + g.rarp().firstTime()) + "    GARP: "
                    + (g.garp() == null ? "none" : g.garp().count() + " from frame " + g.garp().firstFrame() + " "
                    + String.join(", ", g.garp().ips()))
                    + (g.rarpToGarpMs() == null ? "" : "    RARP to GARP "
                    + dev.cutover.text.SignedMillis.ofMillis(g.rarpToGarpMs())));
            if (g.na() != null) {
                text(regular, 9, "    NA: " + g.na().count() + " from frame " + g.na().firstFrame() + " "
                        + String.join(", ", g.na().ipv6s())
                        + (g.rarpToNaMs() == null ? "" : "    RARP to NA "
                        + dev.cutover.text.SignedMillis.ofMillis(g.rarpToNaMs())));
            }
            if (g.outcome() != null) {
                text(bold, 9, "    Outcome: " + g.outcome().summary() + " (" + g.outcome().verdict() + ")");
                text(regular, 9, "    " + OutcomeText.details(g.outcome()));
            }
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
                paragraph(bold, 9, "Comment: " + clipped(c));
            }
            if (!f.tags().isEmpty()) {
                text(regular, 9, "Tags: " + String.join(", ", f.tags()));
            }
            for (String line : f.tree()) {
                text(mono, 7.5f, clipped(line));
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
            cs.newLineAtOffset(MARGIN, mid - 3);
            show(mono, 7.5f, safe(mono, r.mac()));
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
                } else if ("NA".equals(mark.kind())) {
                    // a triangle pointing down, green: the guest's IPv6 announcement
                    cs.setNonStrokingColor(new Color(0x1A, 0x7F, 0x37));
                    cs.moveTo(x - 4, mid + 4);
                    cs.lineTo(x + 4, mid + 4);
                    cs.lineTo(x, mid - 4);
                    cs.closePath();
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
        text(regular, 8, "Blue bars: RARP. Orange diamonds: gratuitous ARP. Green triangles: unsolicited NA.");
    }

    private void heading(String title) throws IOException {
        space(40);
        y -= 8;
        text(bold, 13, title);
    }

    /**
     * One line of the report, wrapped to the page: a newline in it (an interface name is the capture author's
     * text) is shown escaped, never taken as the start of a line of the report.
     */
    private void text(PDFont font, float size, String s) throws IOException {
        draw(font, size, wrap(font, size, safe(font, dev.cutover.text.Untrusted.oneLine(s == null ? "" : s)),
                PAGE.getWidth() - 2 * MARGIN));
    }

    /** A comment: its own lines kept, each wrapped to the page. */
    private void paragraph(PDFont font, float size, String s) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String part : (s == null ? "" : s).split("\r?\n", -1)) {
            lines.addAll(wrap(font, size, safe(font, part), PAGE.getWidth() - 2 * MARGIN));
        }
        draw(font, size, lines);
    }

    private void draw(PDFont font, float size, List<String> lines) throws IOException {
        for (String line : lines) {
            space(size * 1.3f);
            y -= size * 1.3f;
            cs.setNonStrokingColor(Color.BLACK);
            cs.beginText();
            cs.newLineAtOffset(MARGIN, y);
            show(font, size, line);
            cs.endText();
        }
    }

    /** Shows {@code s} (already {@link #safe}) in {@code font}, its runs the font lacks in the fallback font. */
    private void show(PDFont font, float size, String s) throws IOException {
        for (Run r : runs(font, s)) {
            cs.setFont(r.font, size);
            cs.showText(r.text);
        }
    }

    /** Width in points of {@code s} (already {@link #safe}) at {@code size}, fallback runs included. */
    private float width(PDFont font, float size, String s) throws IOException {
        float w = 0;
        for (Run r : runs(font, s)) {
            w += r.font.getStringWidth(r.text) / 1000 * size;
        }
        return w;
    }

    private record Run(PDFont font, String text) {
    }

    /** {@code s} cut where it changes between {@code font} and the fallback font. */
    private List<Run> runs(PDFont font, String s) {
        List<Run> runs = new ArrayList<>(1);
        java.util.Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new java.util.HashMap<>());
        int start = 0;
        PDFont current = font;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            PDFont f = known.computeIfAbsent(c, k -> shows(font, k)) || fallback == null ? font : fallback;
            if (f != current) {
                if (i > start) {
                    runs.add(new Run(current, s.substring(start, i)));
                }
                start = i;
                current = f;
            }
            i += Character.charCount(c);
        }
        if (start < s.length() || runs.isEmpty()) {
            runs.add(new Run(current, s.substring(start)));
        }
        return runs;
    }

    /**
     * {@code s} cut into lines at most {@code width} points wide, at a space where one falls in the second half
     * of the line. One pass over the text, glyph widths cached: a megabyte-long comment wraps in linear time.
     */
    private List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int space = -1;
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            float cw = glyphWidth(font, c) * size;
            if (w + cw > width && i > start) {
                int at = space > start + (i - start) / 2 ? space : i;
                lines.add(s.substring(start, at));
                start = at;
                while (start < s.length() && s.charAt(start) == ' ') {
                    start++;
                }
                // the characters already passed that start the next line
                w = 0;
                space = -1;
                for (int k = start; k < i; ) {
                    int ck = s.codePointAt(k);
                    if (ck == ' ') {
                        space = k;
                    }
                    w += glyphWidth(font, ck) * size;
                    k += Character.charCount(ck);
                }
                if (start > i) {
                    i = start;
                    continue;
                }
            }
            if (c == ' ') {
                space = i;
            }
            w += cw;
            i += Character.charCount(c);
        }
        lines.add(s.substring(Math.min(start, s.length())));
        return lines;
    }

    /** Per font, glyph widths in points at size 1, as found. */
    private final java.util.Map<PDFont, java.util.Map<Integer, Float>> widths = new java.util.HashMap<>();

    /** The width at size 1 of code point {@code c} (already {@link #safe}) as {@link #show} draws it. */
    private float glyphWidth(PDFont font, int c) throws IOException {
        java.util.Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new java.util.HashMap<>());
        Float w = known.get(c);
        if (w == null) {
            w = width(font, 1, new String(Character.toChars(c)));
            known.put(c, w);
        }
        return w;
    }

    /** How much of one comment the PDF prints; the HTML, JSON and CSV reports carry all of it. */
    static final int COMMENT_LIMIT = 4000;

    /** A comment cut at {@link #COMMENT_LIMIT} characters, saying how long it is: a ticket is read, not scrolled. */
    static String clipped(String comment) {
        if (comment.length() <= COMMENT_LIMIT) {
            return comment;
        }
        int cut = Character.isLowSurrogate(comment.charAt(COMMENT_LIMIT)) ? COMMENT_LIMIT - 1 : COMMENT_LIMIT;
        return comment.substring(0, cut) + String.format(java.util.Locale.ROOT,
                " … (%,d characters in all: the HTML, JSON and CSV reports hold the whole comment)", comment.length());
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
     * shows it), a character the font has no glyph for (Chinese, say) kept when the fallback font has one, and
     * otherwise shown as U+FFFD rather than lost.
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
            } else if (fallback() != null && glyphs.computeIfAbsent(fallback, f -> new java.util.HashMap<>())
                    .computeIfAbsent(c, k -> shows(fallback, k))) {
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
