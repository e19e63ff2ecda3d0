package dev.cutover.ui.migrations;

import dev.cutover.dissect.Severity;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Migrations tab: one row per VM, its verdict first; picking a row selects its frames. Columns are as wide as
 * their text in the cells' font, so a MAC or an address is never cut; a longer list gets a tooltip.
 */
public final class MigrationsView extends BorderPane {
    /** Widest a column grows by itself; a longer text shows whole in its tooltip. */
    private static final double MAX_FIT = 340;
    /** Rows measured when the rows change; the cells measure the rest as they show. */
    private static final int MEASURED_ROWS = 300;
    /** A MAC as wide as any: every column that shows MACs fits this. */
    static final String WIDEST_MAC = "00:50:56:9d:b0:51";

    private final TableView<MigrationRow> table = new TableView<>();
    private final TableColumn<MigrationRow, MigrationRow> verdict;
    private final TableColumn<MigrationRow, MigrationRow> mac;
    private final Hyperlink findingsLink = new Hyperlink("Show all findings");
    private Runnable onShowFindings = () -> { };

    public MigrationsView(MigrationsViewModel vm) {
        table.setId("migrationTable");
        SortedList<MigrationRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label empty = new Label();
        empty.setId("migrationPlaceholder");
        empty.setWrapText(true);
        empty.textProperty().bind(vm.emptyTextProperty());
        empty.maxWidthProperty().bind(table.widthProperty().subtract(24)); // wrap inside the column, not past it
        table.setPlaceholder(empty);
        verdict = column("verdictColumn", "Verdict", MigrationRow::verdict, MigrationsView::verdictWord, false,
                Comparator.comparing((MigrationRow r) -> r.verdict().ok() ? -1 : r.verdict().severity().ordinal())
                        .reversed());
        verdict.setCellFactory(c -> new VerdictCell());
        mac = column("macColumn", "MAC", MigrationRow::mac, MigrationRow::mac, true,
                Comparator.comparing(MigrationRow::mac));
        table.getColumns().add(verdict);
        TableColumn<MigrationRow, MigrationRow> outcome = column("outcomeColumn", "Outcome", MigrationRow::outcome,
                MigrationRow::outcome, false, Comparator.comparingInt(MigrationsView::outcomeRank)
                        .thenComparing(MigrationRow::outcome));
        outcome.setCellFactory(c -> new OutcomeCell());
        table.getColumns().add(outcome);
        table.getColumns().add(mac);
        table.getColumns().add(column("vendorColumn", "Vendor", MigrationRow::vendor, MigrationRow::vendor, false,
                Comparator.comparing(MigrationRow::vendor)));
        table.getColumns().add(column("vlansColumn", "VLANs", MigrationsView::vlans, MigrationsView::vlans, false,
                Comparator.comparing(MigrationsView::vlans)));
        table.getColumns().add(column("interfacesColumn", "Interfaces", r -> String.join(", ", r.interfaces()),
                r -> String.join(", ", r.interfaces()), false, Comparator.comparing(r -> String.join(", ",
                        r.interfaces()))));
        table.getColumns().add(column("rarpsColumn", "RARPs", r -> Integer.toString(r.rarpCount()),
                r -> Integer.toString(r.rarpCount()), false, Comparator.comparingInt(MigrationRow::rarpCount)));
        table.getColumns().add(column("spanColumn", "RARP span", MigrationsView::span, MigrationsView::span, false,
                Comparator.comparingLong(MigrationRow::spanNanos)));
        table.getColumns().add(column("garpIpsColumn", "GARP IPs", r -> String.join(", ", r.garpIps()),
                r -> String.join(", ", r.garpIps()), true, Comparator.comparing(r -> String.join(", ",
                        r.garpIps()))));
        table.getColumns().add(column("delayColumn", "RARP→GARP delay", MigrationsView::delay, MigrationsView::delay,
                false, Comparator.comparingLong(r -> r.delay().orElse(Long.MIN_VALUE))));
        table.getColumns().add(column("ipv6sColumn", "NA IPv6", r -> String.join(", ", r.ipv6s()),
                r -> String.join(", ", r.ipv6s()), true, Comparator.comparing(r -> String.join(", ", r.ipv6s()))));
        table.getColumns().add(column("naDelayColumn", "RARP→NA delay", MigrationsView::naDelay,
                MigrationsView::naDelay, false, Comparator.comparingLong(r -> r.naDelay().orElse(Long.MIN_VALUE))));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));
        vm.rows().addListener((ListChangeListener<MigrationRow>) c -> fitColumns());
        fitColumns();

        findingsLink.setId("findingsLink");
        findingsLink.setOnAction(e -> onShowFindings.run());
        findingsLink.setTooltip(new Tooltip("Every finding of the analysis and every expert info of the frames, "
                + "grouped by severity (Analyze > Expert Information, Ctrl+Alt+E)"));
        Label summary = new Label();
        summary.setId("migrationFindingSummary");
        // the analysis's count, in the words the status bar begins with (it adds the frames' expert infos apart)
        summary.textProperty().bind(vm.findingSummaryProperty());
        summary.setMinWidth(Label.USE_PREF_SIZE);
        HBox bottom = new HBox(6, summary, findingsLink);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(2, 6, 2, 6));
        setCenter(table);
        setBottom(bottom);
    }

    /** What the link under the table does: shows the Findings view. */
    public void setOnShowFindings(Runnable action) {
        onShowFindings = action == null ? () -> { } : action;
    }

    private static String vlans(MigrationRow r) {
        return r.vlans().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String span(MigrationRow r) {
        return r.rarpCount() == 0 ? "" : String.format(Locale.ROOT, "%.3f s", r.spanNanos() / 1e9);
    }

    static String delay(MigrationRow r) {
        return r.delay().isEmpty() ? "" : dev.cutover.text.SignedMillis.of(r.delay().getAsLong());
    }

    private static String naDelay(MigrationRow r) {
        return r.naDelay().isEmpty() ? "" : dev.cutover.text.SignedMillis.of(r.naDelay().getAsLong());
    }

    /**
     * A column whose cells show {@code text} of the row; {@code whole} columns (addresses) never shrink below
     * their widest text.
     */
    private TableColumn<MigrationRow, MigrationRow> column(String id, String title, Function<MigrationRow, ?> key,
                                                           Function<MigrationRow, String> text, boolean whole,
                                                           Comparator<MigrationRow> order) {
        TableColumn<MigrationRow, MigrationRow> c = new TableColumn<>(title);
        c.setId(id);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(col -> new TextCell(text, whole));
        c.setComparator(order);
        c.getProperties().put(TextCell.class, text);
        c.setPrefWidth(textWidth(title, Font.getDefault()) + 30);
        return c;
    }

    /** Widens each column to its header and its widest text among the first rows (up to a limit). */
    private void fitColumns() {
        for (TableColumn<MigrationRow, ?> c : table.getColumns()) {
            Font font = cellFont(c);
            @SuppressWarnings("unchecked")
            Function<MigrationRow, String> text = (Function<MigrationRow, String>) c.getProperties().get(TextCell.class);
            double w = textWidth(c.getText(), font) + 30;
            if (c == mac) {
                c.setMinWidth(textWidth(WIDEST_MAC, font) + CELL_SLACK);
            }
            int n = Math.min(MEASURED_ROWS, table.getItems().size());
            for (int i = 0; i < n; i++) {
                w = Math.max(w, textWidth(text.apply(table.getItems().get(i)), font) + CELL_SLACK
                        + (c == verdict ? ICON_WIDTH : 0));
            }
            c.setPrefWidth(Math.max(c.getMinWidth(), Math.min(MAX_FIT, w)));
        }
    }

    /**
     * The font a column's cells are drawn in once styled; before any is, the theme's 14 px in monospace (which the
     * style sheet gives the table), and the cells widen their column if they turn out wider.
     */
    private Font cellFont(TableColumn<MigrationRow, ?> column) {
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> cell && cell.getTableColumn() == column && cell.getFont() != null) {
                return cell.getFont();
            }
        }
        return Font.font(column == verdict ? Font.getDefault().getFamily() : "monospace", 14);
    }

    /** Cell padding (0.5 em each side in the theme) and a little room so the text is never ellipsized. */
    private static final double CELL_SLACK = 22;
    private static final double ICON_WIDTH = 22;

    static double textWidth(String s, Font font) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    public TableView<MigrationRow> table() {
        return table;
    }

    /**
     * A cell with its row's text, which makes its column wide enough for it: up to {@link #MAX_FIT}, or always
     * for a whole column; a text wider than the cell has it whole in a tooltip.
     */
    private static class TextCell extends TableCell<MigrationRow, MigrationRow> {
        private final Function<MigrationRow, String> text;
        private final boolean whole;
        final Tooltip tip = new Tooltip();

        TextCell(Function<MigrationRow, String> text, boolean whole) {
            this.text = text;
            this.whole = whole;
            tip.setWrapText(true);
            tip.setMaxWidth(560);
            tip.setShowDuration(Duration.seconds(30));
        }

        @Override
        protected void updateItem(MigrationRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : text.apply(row));
            tip.setText(getText());
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            String t = getText();
            if (t == null || t.isEmpty() || getTableColumn() == null) {
                setTooltip(null);
                return;
            }
            double need = textWidth(t, getFont()) + snappedLeftInset() + snappedRightInset() + 4
                    + (getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap());
            TableColumn<MigrationRow, MigrationRow> c = getTableColumn();
            if (whole && c.getMinWidth() < need) {
                c.setMinWidth(need);
            }
            if (c.getWidth() < need && c.getPrefWidth() < Math.min(MAX_FIT, need)) {
                c.setPrefWidth(Math.min(MAX_FIT, need));
            }
            setTooltip(getWidth() < need || tipAlways() ? tip : null);
        }

        boolean tipAlways() {
            return false;
        }
    }

    /** Worst first when sorted descending: bad, warn, unknown, ok, not measured. */
    private static int outcomeRank(MigrationRow r) {
        return switch (r.outcomeLevel()) {
            case "bad" -> 4;
            case "warn" -> 3;
            case "unknown" -> 2;
            case "ok" -> 1;
            default -> 0;
        };
    }

    /** The outcome's few words, green, amber or red by its verdict. */
    private static final class OutcomeCell extends TextCell {
        OutcomeCell() {
            super(MigrationRow::outcome, false);
        }

        @Override
        protected void updateItem(MigrationRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("verdict-ok", "verdict-error", "verdict-warning", "verdict-note");
            if (empty || row == null || row.outcomeLevel().isEmpty()) {
                return;
            }
            getStyleClass().add(switch (row.outcomeLevel()) {
                case "bad" -> "verdict-error";
                case "warn" -> "verdict-warning";
                case "ok" -> "verdict-ok";
                default -> "verdict-note";
            });
        }
    }

    /**
     * True when no finding is about the migration but its outcome was not measured good either (the VM sent
     * nothing in the window, or no outcome was measured): no green tick then, only "No finding".
     */
    static boolean unjudged(MigrationRow r) {
        return r.verdict().ok() && !"ok".equals(r.outcomeLevel());
    }

    /** The verdict's word as the cell shows it and a copy of the row carries it. */
    static String verdictWord(MigrationRow r) {
        return unjudged(r) ? "No finding" : r.verdict().word();
    }

    /** The verdict: a severity icon and a word, coloured by severity; its tooltip has the findings' sentences. */
    private static final class VerdictCell extends TextCell {
        VerdictCell() {
            super(MigrationsView::verdictWord, false);
        }

        @Override
        protected void updateItem(MigrationRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("verdict-ok", "verdict-error", "verdict-warning", "verdict-note",
                    "verdict-chat", "verdict-none");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Verdict v = row.verdict();
            if (unjudged(row)) {
                getStyleClass().add("verdict-none");
                FontIcon icon = new FontIcon(MaterialDesignM.MINUS_CIRCLE_OUTLINE);
                icon.getStyleClass().add("verdict-icon");
                setGraphic(icon);
                tip.setText(v.explanation() + " Whether the network followed it could not be measured: "
                        + (row.outcome().isEmpty() ? "no outcome was measured." : "the outcome says \u201c"
                        + row.outcome() + "\u201d."));
                return;
            }
            String level = v.ok() ? "ok" : v.severity().name().toLowerCase(Locale.ROOT);
            getStyleClass().add("verdict-" + level);
            FontIcon icon = new FontIcon(v.ok() ? MaterialDesignC.CHECK_CIRCLE_OUTLINE
                    : v.severity() == Severity.ERROR ? MaterialDesignA.ALERT_OCTAGON
                    : v.severity() == Severity.WARNING ? MaterialDesignA.ALERT
                    : v.severity() == Severity.NOTE ? MaterialDesignI.INFORMATION_OUTLINE
                    : MaterialDesignC.CHAT_OUTLINE);
            icon.getStyleClass().add("verdict-icon");
            setGraphic(icon);
            tip.setText(v.explanation());
        }

        @Override
        boolean tipAlways() {
            return true;
        }
    }
}
