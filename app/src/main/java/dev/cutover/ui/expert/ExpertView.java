package dev.cutover.ui.expert;

import dev.cutover.dissect.Severity;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Findings tab (Analyze > Expert Information): severity toggles and a search over a tree of groups and items,
 * each item's whole sentence wrapped in its row with the frames, MAC and IP it names under it. Narrower than
 * {@link #NARROW} (the side column of a small window), the Severity and Count columns give their room to the
 * sentences, which say both anyway.
 */
public final class ExpertView extends BorderPane {
    /** Items listed under one group; the group row still selects all of their frames. */
    static final int LISTED_ITEMS = 10_000;
    /** Groups with this many items or fewer start open, so their sentences are read at once. */
    private static final int OPEN_UP_TO = 20;
    /** Below this width the tree shows the summary column alone. */
    static final double NARROW = 520;

    private final ExpertViewModel vm;
    private final TreeTableView<Object> tree = new TreeTableView<>();
    private final TreeTableColumn<Object, Object> severity = new TreeTableColumn<>("Severity");
    private final TreeTableColumn<Object, Object> count = new TreeTableColumn<>("Count");
    private final Set<String> open = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private Runnable onOpenWindow = () -> { };
    private final Button windowButton;
    /** True while the tree is rebuilt: a selection put back then is not the user's, so it selects no frames. */
    private boolean restoring;

    public ExpertView(ExpertViewModel vm) {
        this.vm = vm;
        setId("expertView");

        HBox bar = new HBox(3);
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            bar.getChildren().add(toggle(Severity.values()[i]));
        }
        TextField search = new TextField();
        search.setId("findingSearch");
        search.setPromptText("Search");
        search.setTooltip(new Tooltip("Show the findings whose code, sentence, MAC, IP or frame number has this"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(14);
        search.setMinWidth(50);
        HBox.setHgrow(search, Priority.ALWAYS);
        Button window = new Button(null, new FontIcon(MaterialDesignO.OPEN_IN_NEW));
        window.setId("expertWindowButton");
        window.setTooltip(new Tooltip("Open the findings in a window of their own"));
        window.getStyleClass().addAll("small", "flat");
        window.setOnAction(e -> onOpenWindow.run());
        window.setVisible(false);
        window.managedProperty().bind(window.visibleProperty());
        this.windowButton = window;
        bar.getChildren().addAll(search, window);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        VBox top = new VBox(4, bar, scanRow());
        top.setPadding(new Insets(4, 6, 4, 6));

        tree.setId("findingsTree");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.getStyleClass().add("dense");
        Label none = new Label();
        none.textProperty().bind(vm.emptyTextProperty());
        none.setWrapText(true);
        tree.setPlaceholder(none);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY);
        severity.setId("severityColumn");
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        severity.setCellFactory(c -> new SeverityCell());
        severity.setMinWidth(140);
        severity.setMaxWidth(140);
        count.setId("countColumn");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        count.setCellFactory(c -> new CountCell());
        count.setMinWidth(64);
        count.setMaxWidth(64);
        TreeTableColumn<Object, Object> summary = new TreeTableColumn<>("Code / Summary");
        summary.setId("summaryColumn");
        summary.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        summary.setCellFactory(c -> new SummaryCell());
        summary.setMinWidth(120);
        summary.setPrefWidth(2000);
        tree.getColumns().add(severity);
        tree.getColumns().add(summary);
        tree.getColumns().add(count);
        tree.getColumns().forEach(c -> c.setSortable(false));
        tree.widthProperty().addListener((o, was, now) -> {
            boolean wide = now.doubleValue() >= NARROW;
            severity.setVisible(wide);
            count.setVisible(wide);
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> picked(now));
        tree.setContextMenu(copyMenu());

        setTop(top);
        setCenter(tree);
        // the side column may be narrow: the view must not push it wider than the window
        setMinWidth(0);
        top.setMinWidth(0);
        tree.setMinWidth(0);

        vm.groups().addListener((ListChangeListener<ExpertGroup>) c -> fill());
        fill();
    }

    private ToggleButton toggle(Severity s) {
        ToggleButton b = new ToggleButton();
        b.setId("show" + s.label() + "s");
        b.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d",
                vm.countProperty(s).get()), vm.countProperty(s)));
        b.setGraphic(icon(s));
        b.selectedProperty().bindBidirectional(vm.showProperty(s));
        b.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(String.format(Locale.ROOT,
                "%s: %,d (click to %s them)", s.label() + "s", vm.countProperty(s).get(),
                vm.showProperty(s).get() ? "hide" : "show")), vm.countProperty(s), vm.showProperty(s)));
        b.setFocusTraversable(false);
        b.setMinWidth(ToggleButton.USE_PREF_SIZE);
        b.getStyleClass().addAll("small", "severity-toggle");
        return b;
    }

    private HBox scanRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("expertProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(80);
        bar.setMinWidth(50);
        bar.visibleProperty().bind(vm.scanningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("expertScanStatus");
        status.textProperty().bind(vm.scanStatusProperty());
        status.setWrapText(true);
        HBox.setHgrow(status, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("expertCancel");
        cancel.setOnAction(e -> vm.cancelScan());
        cancel.visibleProperty().bind(vm.scanningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setMinWidth(Button.USE_PREF_SIZE);
        Button again = new Button("Check frames");
        again.setId("expertRescan");
        again.setOnAction(e -> vm.rescan());
        again.visibleProperty().bind(vm.scanningProperty().not().and(vm.scanStatusProperty().isNotEmpty()));
        again.managedProperty().bind(again.visibleProperty());
        again.setMinWidth(Button.USE_PREF_SIZE);
        HBox row = new HBox(6, bar, status, cancel, again);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(vm.scanStatusProperty().isNotEmpty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private ContextMenu copyMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setId("copyFindingMenuItem");
        copy.setOnAction(e -> {
            TreeItem<Object> row = tree.getSelectionModel().getSelectedItem();
            if (row != null) {
                ClipboardContent c = new ClipboardContent();
                c.putString(text(row.getValue()));
                Clipboard.getSystemClipboard().setContent(c);
            }
        });
        return new ContextMenu(copy);
    }

    /** A row as text, for the clipboard and the tooltip. */
    static String text(Object v) {
        if (v instanceof ExpertItem i) {
            return i.severity().label() + " [" + i.code() + "] " + i.message()
                    + (i.facts().isEmpty() ? "" : "\n" + i.facts());
        }
        if (v instanceof ExpertGroup g) {
            StringBuilder sb = new StringBuilder(g.title()).append(" — ").append(g.summary());
            g.items().stream().limit(LISTED_ITEMS).forEach(i -> sb.append("\n\n").append(text(i)));
            return sb.toString();
        }
        return String.valueOf(v);
    }

    /** Rebuilds the tree from the groups shown, keeping which groups the user opened or closed, and the selection. */
    private void fill() {
        ObservableList<TreeItem<Object>> rows = tree.getRoot().getChildren();
        for (TreeItem<Object> r : rows) {
            if (r.getValue() instanceof ExpertGroup g) {
                (r.isExpanded() ? open : closed).add(g.key());
                (r.isExpanded() ? closed : open).remove(g.key());
            }
        }
        TreeItem<Object> was = tree.getSelectionModel().getSelectedItem();
        Object selected = was == null ? null : was.getValue();
        List<TreeItem<Object>> made = new ArrayList<>();
        TreeItem<Object> again = null;
        for (ExpertGroup g : vm.groups()) {
            GroupItem item = new GroupItem(g);
            item.setExpanded(open.contains(g.key()) || (!closed.contains(g.key()) && g.count() <= OPEN_UP_TO));
            made.add(item);
            if (selected instanceof ExpertGroup s && s.key().equals(g.key())) {
                again = item;
            } else if (selected instanceof ExpertItem s && item.isExpanded()) {
                for (TreeItem<Object> child : item.getChildren()) {
                    if (child.getValue() instanceof ExpertItem i && same(i, s)) {
                        again = child;
                    }
                }
            }
        }
        restoring = true;
        try {
            rows.setAll(made);
            if (again != null) {
                tree.getSelectionModel().select(again);
            }
        } finally {
            restoring = false;
        }
    }

    private static boolean same(ExpertItem a, ExpertItem b) {
        return a.code().equals(b.code()) && a.message().equals(b.message()) && Arrays.equals(a.frames(), b.frames());
    }

    private void picked(TreeItem<Object> row) {
        if (row == null || restoring) {
            return;
        }
        if (row.getValue() instanceof ExpertItem item) {
            vm.select(item);
        } else if (row.getValue() instanceof ExpertGroup g) {
            vm.select(g);
        }
    }

    /** What the "open in a window" button does; without one the button is not shown. */
    public void setOnOpenWindow(Runnable action) {
        onOpenWindow = action == null ? () -> { } : action;
        windowButton.setVisible(action != null);
    }

    /** The tree, for tests and for focus. */
    public TreeTableView<Object> tree() {
        return tree;
    }

    static FontIcon icon(Severity s) {
        FontIcon icon = new FontIcon(s == Severity.ERROR ? MaterialDesignA.ALERT_OCTAGON
                : s == Severity.WARNING ? MaterialDesignA.ALERT
                : s == Severity.NOTE ? MaterialDesignI.INFORMATION_OUTLINE
                : MaterialDesignC.CHAT_OUTLINE);
        icon.getStyleClass().add("severity-" + s.name().toLowerCase(Locale.ROOT));
        return icon;
    }

    /** A group row whose item rows are made when it is first opened, and at most {@link #LISTED_ITEMS} of them. */
    private static final class GroupItem extends TreeItem<Object> {
        private boolean built;

        GroupItem(ExpertGroup g) {
            super(g);
        }

        @Override
        public boolean isLeaf() {
            return false;
        }

        @Override
        public ObservableList<TreeItem<Object>> getChildren() {
            if (!built) {
                built = true;
                ExpertGroup g = (ExpertGroup) getValue();
                List<TreeItem<Object>> items = new ArrayList<>();
                int n = Math.min(LISTED_ITEMS, g.count());
                for (int i = 0; i < n; i++) {
                    items.add(new TreeItem<>(g.items().get(i)));
                }
                if (g.count() > n) {
                    items.add(new TreeItem<>(String.format(Locale.ROOT, "… and %,d more: select the group to "
                            + "select all of their frames, or search to narrow them", g.count() - n)));
                }
                super.getChildren().setAll(items);
            }
            return super.getChildren();
        }
    }

    /** Severity: icon and word on a group row. */
    private static final class SeverityCell extends TreeTableCell<Object, Object> {
        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            if (!empty && v instanceof ExpertGroup g) {
                setText(g.severity().label());
                setGraphic(icon(g.severity()));
            } else {
                setText(null);
                setGraphic(null);
            }
        }
    }

    private static final class CountCell extends TreeTableCell<Object, Object> {
        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            setText(!empty && v instanceof ExpertGroup g ? String.format(Locale.ROOT, "%,d", g.count()) : null);
        }
    }

    /**
     * A group's title ("Warning · rarp-without-garp · 3") and what it is about, or an item's whole sentence with
     * its frames, MAC and IP under it: wrapped to the cell's width, never cut; the tooltip has it too.
     */
    private static final class SummaryCell extends TreeTableCell<Object, Object> {
        private static final double GAP = 6;
        /** The cell's padding (0.5 em each side in the theme) and a little room. */
        private static final double PADDING = 20;
        /** The disclosure arrow with its padding, and the indent of each level, in the theme; a little over. */
        private static final double ARROW = 30;
        private static final double INDENT = 20;

        private final Text main = new Text();
        private final Text facts = new Text();
        private final VBox words = new VBox(1, main, facts);
        private final HBox box = new HBox(GAP, words);
        private final Tooltip tip = new Tooltip();
        private FontIcon icon;

        SummaryCell() {
            main.getStyleClass().add("finding-text");
            facts.getStyleClass().addAll("finding-text", "finding-facts");
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            tip.setWrapText(true);
            tip.setMaxWidth(560);
            tip.setShowDuration(Duration.seconds(60));
            tableColumnProperty().addListener((o, was, now) -> {
                if (now != null) {
                    now.widthProperty().addListener((w, before, after) -> wrap());
                }
            });
        }

        /**
         * The text wraps at the column's width less the padding, the icon and, when this is the tree's column,
         * the disclosure arrow and the indent: known before the row is laid out, so the row is as tall as the
         * text from the first layout on (a width learnt during layout would leave the row at its first height).
         */
        private void wrap() {
            TreeTableColumn<Object, Object> c = getTableColumn();
            TreeTableView<Object> view = getTreeTableView();
            if (c == null || view == null) {
                return;
            }
            double w = c.getWidth() - PADDING - (icon != null ? icon.prefWidth(-1) + GAP : 0);
            if (c == firstVisible(view) && getTableRow() != null && getTableRow().getTreeItem() != null) {
                int level = view.getTreeItemLevel(getTableRow().getTreeItem()) - (view.isShowRoot() ? 0 : 1);
                w -= ARROW + level * INDENT;
            }
            w = Math.max(40, Math.floor(w));
            if (main.getWrappingWidth() != w) {
                main.setWrappingWidth(w);
                facts.setWrappingWidth(w);
            }
        }

        private static TreeTableColumn<Object, ?> firstVisible(TreeTableView<Object> view) {
            return view.getTreeColumn() != null ? view.getTreeColumn()
                    : view.getVisibleLeafColumns().isEmpty() ? null : view.getVisibleLeafColumns().get(0);
        }

        @Override
        protected void updateItem(Object v, boolean empty) {
            super.updateItem(v, empty);
            main.getStyleClass().remove("finding-group");
            if (empty || v == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String factsText;
            Severity s = null;
            if (v instanceof ExpertGroup g) {
                main.setText(g.title());
                main.getStyleClass().add("finding-group");
                factsText = g.summary() + (g.analysis() ? " (migration analysis)" : " (expert info of the frames)");
                s = g.severity();
            } else if (v instanceof ExpertItem i) {
                main.setText(i.message());
                factsText = i.facts();
                s = i.severity();
            } else {
                main.setText(String.valueOf(v));
                factsText = "";
            }
            tip.setText(text(v));
            facts.setText(factsText);
            facts.setVisible(!factsText.isEmpty());
            facts.setManaged(!factsText.isEmpty());
            icon = s == null ? null : icon(s);
            box.getChildren().setAll(icon == null ? List.of(words) : List.of(icon, words));
            setGraphic(box);
            setTooltip(tip);
            wrap();
        }
    }
}
