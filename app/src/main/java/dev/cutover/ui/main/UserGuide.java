package dev.cutover.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The user guide shown by Help > User Guide: the README that ships inside the jar, cut into its sections and
 * each section into blocks (paragraphs, bullets, tables, code), so the window can show it without a browser.
 */
public final class UserGuide {
    /** Where the build puts the README in the jar. */
    static final String RESOURCE = "/dev/cutover/ui/help/README.md";

    /** One heading and what follows it up to the next heading. */
    public record Section(int level, String title, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A paragraph, a bullet (with its nesting depth), a table row (cells), a line of code, or a picture. */
    public record Block(Kind kind, int depth, List<String> cells) {
        public Block {
            cells = List.copyOf(cells);
        }

        /** The text of a one-cell block. */
        public String text() {
            return cells.isEmpty() ? "" : cells.get(0);
        }
    }

    /** What a block is. */
    public enum Kind { PARAGRAPH, BULLET, TABLE_ROW, CODE, PICTURE }

    private UserGuide() {
    }

    /** The guide from the jar; an empty list when the build left it out. */
    public static List<Section> load() {
        try (InputStream in = UserGuide.class.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Cuts Markdown into sections; the text before the first heading belongs to a section of level 0. */
    public static List<Section> parse(String markdown) {
        List<Section> sections = new ArrayList<>();
        int level = 0;
        String title = "Cutover";
        List<Block> blocks = new ArrayList<>();
        Pending paragraph = new Pending();
        boolean code = false;
        for (String raw : markdown.split("\r?\n", -1)) {
            String line = raw.stripTrailing();
            if (line.startsWith("```")) {
                flush(paragraph, blocks);
                code = !code;
                continue;
            }
            if (code) {
                blocks.add(new Block(Kind.CODE, 0, List.of(line)));
                continue;
            }
            if (line.startsWith("#")) {
                flush(paragraph, blocks);
                if (!blocks.isEmpty() || level > 0) {
                    sections.add(new Section(level, title, blocks));
                }
                int hashes = 0;
                while (hashes < line.length() && line.charAt(hashes) == '#') {
                    hashes++;
                }
                level = hashes;
                title = inline(line.substring(hashes).strip());
                blocks = new ArrayList<>();
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                flush(paragraph, blocks);
            } else if (trimmed.startsWith("![")) {
                flush(paragraph, blocks);
                int close = trimmed.indexOf(']');
                blocks.add(new Block(Kind.PICTURE, 0, List.of(close > 2 ? trimmed.substring(2, close) : "")));
            } else if (trimmed.startsWith("|")) {
                flush(paragraph, blocks);
                if (!trimmed.matches("\\|[\\s:|-]+\\|?")) { // the |---|---| line under a header
                    blocks.add(new Block(Kind.TABLE_ROW, 0, cells(trimmed)));
                }
            } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                flush(paragraph, blocks);
                int indent = line.length() - line.stripLeading().length();
                paragraph.bulletDepth = indent / 2;
                paragraph.text.append(trimmed.substring(2));
            } else {
                if (paragraph.text.length() > 0) {
                    paragraph.text.append(' ');
                }
                paragraph.text.append(trimmed);
            }
        }
        flush(paragraph, blocks);
        sections.add(new Section(level, title, blocks));
        return sections;
    }

    /** The lines of a paragraph or a bullet read so far; a bullet's continuation lines join it. */
    private static final class Pending {
        final StringBuilder text = new StringBuilder();
        int bulletDepth = -1;
    }

    private static void flush(Pending p, List<Block> blocks) {
        if (p.text.length() > 0) {
            String text = inline(p.text.toString());
            blocks.add(p.bulletDepth >= 0 ? new Block(Kind.BULLET, p.bulletDepth, List.of(text))
                    : new Block(Kind.PARAGRAPH, 0, List.of(text)));
        }
        p.text.setLength(0);
        p.bulletDepth = -1;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '\\' && i + 1 < inner.length() && inner.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|' && !inCode) {
                out.add(inline(cell.toString().strip()));
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(inline(cell.toString().strip()));
        return out;
    }

    /** Markdown's inline marks as plain text: links keep their words, emphasis and code marks go. */
    static String inline(String s) {
        String t = s.replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replace("**", "")
                .replace("`", "");
        return t.replace("\\|", "|");
    }
}
