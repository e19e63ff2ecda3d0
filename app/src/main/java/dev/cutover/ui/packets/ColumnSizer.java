package dev.cutover.ui.packets;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sizes the packet list's columns to what they hold, measured in the fonts the cells and headers are drawn
 * with: No. from the frame count's digits, Time from the time format's widest value, Interface from the
 * interface names, and so on; Comment and Info share the rest of the width. A column the user resized keeps
 * that width.
 */
final class ColumnSizer {
    /** Room for the sort arrow, given to the sorted column only, so its header does not end in "…". */
    private static final double ARROW = 18;
    /** Rounding between measuring and drawing; without it a text of exactly the width can end in "…". */
    private static final double SLACK = 1;
    private static final double MAX_COMMENT = 320;

    private final TableView<Integer> table;
    private final PacketListViewModel vm;
    private final Map<TableColumn<Integer, ?>, PacketColumn> columns = new HashMap<>();
    private final Set<TableColumn<Integer, ?>> userSized = new HashSet<>();
    /** The widest text drawn in a column whose content no pass knows beforehand. */
    private final Map<PacketColumn, String> seen = new HashMap<>();
    private Font cellFont;
    private double cellPadding = 14;
    private boolean adjusting;

    ColumnSizer(TableView<Integer> table, PacketListViewModel vm) {
        this.table = table;
        this.vm = vm;
        table.widthProperty().addListener((o, was, now) -> fitInfo());
    }

    void add(TableColumn<Integer, ?> column, PacketColumn what) {
        columns.put(column, what);
        column.widthProperty().addListener((o, was, now) -> {
            if (!adjusting) {
                userSized.add(column); // only the user's drag changes a width we did not set
                fitInfo();
            }
        });
        column.visibleProperty().addListener((o, was, now) -> fitInfo());
    }

    /** A cell was styled: its font and padding are what the content is measured in. */
    void cellStyled(Font font, Insets padding) {
        double pad = padding.getLeft() + padding.getRight();
        if (font != null && (!font.equals(cellFont) || pad != cellPadding)) {
            cellFont = font;
            cellPadding = pad;
            fitAll();
        }
    }

    /** Whether the user set this column's width. */
    boolean isUserSized(TableColumn<Integer, ?> column) {
        return userSized.contains(column);
    }

    /** Sizes every column the user has not resized to its content, then shares the rest (Comment, Info). */
    void fitAll() {
        for (Map.Entry<TableColumn<Integer, ?>, PacketColumn> e : columns.entrySet()) {
            PacketColumn what = e.getValue();
            if (what == PacketColumn.INFO || what == PacketColumn.COMMENT || userSized.contains(e.getKey())) {
                continue;
            }
            List<String> samples = new ArrayList<>(vm.widthSamples(what));
            String wider = seen.get(what);
            if (wider != null) {
                samples.add(wider);
            }
            set(e.getKey(), Math.ceil(Math.max(headerWidth(e.getKey()), contentWidth(samples))));
        }
        fitInfo();
    }

    /** The longest address the Source and Destination columns widen to: an IPv6 address written in full. */
    private static final int LONGEST_ADDRESS = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff".length();

    /**
     * A cell drew a text wider than its column (a stacked VLAN tag, or an IPv6 address, which no pass over the
     * index can know of): the column widens to it unless the user sized it.
     */
    void seen(TableColumn<Integer, ?> column, String text) {
        PacketColumn what = columns.get(column);
        boolean address = what == PacketColumn.SOURCE || what == PacketColumn.DESTINATION;
        if ((what != PacketColumn.VLAN && !address) || userSized.contains(column) || text == null
                || (address && text.length() > LONGEST_ADDRESS)) {
            return;
        }
        String before = seen.get(what);
        if (before == null || text.length() > before.length()) {
            double w = Math.ceil(contentWidth(List.of(text)));
            if (w > column.getWidth()) {
                seen.put(what, text);
                set(column, w);
                fitInfo();
            }
        }
    }

    /**
     * Comment and Info share what the other visible columns leave of the table's width: Comment its longest
     * text, up to a third of that rest (its header when no frame has a comment), Info the remainder. Each keeps
     * at least its header; narrower than that, the table scrolls sideways.
     */
    void fitInfo() {
        TableColumn<Integer, ?> info = null;
        TableColumn<Integer, ?> comment = null;
        double others = 0;
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            PacketColumn what = columns.get(c);
            if (what == PacketColumn.INFO) {
                info = c;
            } else if (what == PacketColumn.COMMENT && c.isVisible() && !userSized.contains(c)) {
                comment = c;
            } else if (c.isVisible()) {
                others += c.getWidth();
            }
        }
        if (table.getWidth() <= 0) {
            return;
        }
        double rest = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBarWidth()
                - 2 - others;
        if (comment != null) {
            double header = headerWidth(comment);
            double content = contentWidth(vm.widthSamples(PacketColumn.COMMENT));
            double w = content == 0 ? header : Math.max(header, Math.min(content, Math.min(MAX_COMMENT, rest / 3)));
            set(comment, Math.ceil(w));
            rest -= comment.getWidth();
        }
        if (info != null && !userSized.contains(info)) {
            set(info, Math.floor(Math.max(headerWidth(info), rest)));
        }
    }

    private double verticalBarWidth() {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL
                    && bar.isVisible()) {
                return bar.getWidth();
            }
        }
        return 0;
    }

    private void set(TableColumn<Integer, ?> column, double width) {
        if (Math.abs(column.getWidth() - width) < 0.5) {
            return;
        }
        adjusting = true;
        try {
            column.setPrefWidth(width);
        } finally {
            adjusting = false;
        }
    }

    private double contentWidth(List<String> samples) {
        Font font = cellFont != null ? cellFont : Font.font("monospace", Font.getDefault().getSize());
        double w = 0;
        for (String s : samples) {
            w = Math.max(w, width(s, font));
        }
        return w == 0 ? 0 : w + cellPadding + SLACK;
    }

    private double headerWidth(TableColumn<Integer, ?> column) {
        Label label = headerLabel(column);
        Font font = label != null ? label.getFont()
                : Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize());
        double pad = label != null ? label.getPadding().getLeft() + label.getPadding().getRight() : 14;
        boolean sorted = !table.getSortOrder().isEmpty() && table.getSortOrder().get(0) == column;
        return width(column.getText(), font) + pad + (sorted ? ARROW : 0) + SLACK;
    }

    private Label headerLabel(TableColumn<Integer, ?> column) {
        for (Node n : table.lookupAll(".column-header .label")) {
            if (n instanceof Label l && column.getText().equals(l.getText())) {
                return l;
            }
        }
        return null;
    }

    static double width(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
