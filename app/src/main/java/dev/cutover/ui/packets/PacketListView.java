package dev.cutover.ui.packets;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The packet list: a virtualized table over frame indices, coloured by rule, marked rows black, with a legend
 * below; columns sized to their content, sortable by a click on a header (ascending, descending, frame order).
 */
public final class PacketListView extends BorderPane {
    /** The default column order of earlier versions, saved in preferences: Comment then sat after Info. */
    private static final List<String> OLD_DEFAULT_ORDER = List.of("no", "time", "interface", "source",
            "destination", "vlan", "protocol", "length", "info", "comment");

    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIRST = new KeyCodeCombination(KeyCode.HOME, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination LAST = new KeyCodeCombination(KeyCode.END, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final PacketListViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final ColumnSizer sizer;
    private boolean following = true;
    private int followedSize = -1;
    /** While this view selects rows itself, the selection model's steps are not the user's. */
    private boolean selecting;
    private boolean syncingSort;
    /**
     * Columns Wireshark does not show by default come when they have something to say: Comment when a frame
     * has a comment, Interface when the frames come from more than one interface (two uplinks' captures),
     * until the user shows or hides one in the column menu.
     */
    private final Map<PacketColumn, TableColumn<Integer, ?>> autoColumns = new EnumMap<>(PacketColumn.class);
    private final Set<PacketColumn> userChosen = EnumSet.noneOf(PacketColumn.class);
    private boolean autoVisibility;

    public PacketListView(PacketListViewModel vm) {
        this.vm = vm;
        table.setId("packetTable");
        sizer = new ColumnSizer(table, vm);
        // Live frames: the list follows the newest until the user scrolls back; End follows again.
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following = false;
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.setItems(vm.frames());
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(placeholder());
        table.setFixedCellSize(24);
        for (PacketColumn c : PacketColumn.values()) {
            table.getColumns().add(column(c));
        }
        table.setRowFactory(t -> new PacketRowCell());
        table.setSortPolicy(t -> {
            sortRequested();
            return true;
        });

        vm.timeFormatProperty().addListener((o, was, now) -> table.refresh());
        vm.revisionProperty().addListener((o, was, now) -> table.refresh());
        vm.layoutRevisionProperty().addListener((o, was, now) -> {
            showCommentsIfAny();
            sizer.fitAll();
        });
        vm.sortProperty().addListener((o, was, now) -> showSort(now));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<Integer, ?>>) c -> sizer.fitAll());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!selecting) {
                vm.setCurrentFrame(now == null ? -1 : now);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Integer>) c -> {
            if (!selecting) {
                forwardSelection();
            }
        });
        vm.selectionRequestProperty().addListener((o, was, now) -> {
            if (now != null) {
                select(now.rows());
            }
        });
        setCenter(table);
        setBottom(legend());
        showCommentsIfAny();
        sizer.fitAll();
    }

    private Label placeholder() {
        Label l = new Label();
        l.setId("packetPlaceholder");
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.totalProperty().get() == 0) {
                return "Open a capture: File > Open (Ctrl+O), or drop files here";
            }
            return vm.filteringProperty().get() ? "Filtering…" : "No frame matches the display filter";
        }, vm.totalProperty(), vm.filteringProperty()));
        return l;
    }

    private void keyPressed(KeyEvent e) {
        // the table's own Ctrl+arrows only move the focus; Wireshark's move the selection (Go menu)
        if (NEXT.match(e)) {
            vm.goNext();
        } else if (PREVIOUS.match(e)) {
            vm.goPrevious();
        } else if (FIRST.match(e)) {
            vm.goFirst();
        } else if (LAST.match(e)) {
            following = true;
            vm.goLast();
        } else if (COPY.match(e)) {
            copySummary();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.sortingProperty().get()) {
            vm.cancelSort();
        } else {
            switch (e.getCode()) {
                case END -> following = true;
                case UP, PAGE_UP, HOME -> following = false;
                default -> { }
            }
            return;
        }
        e.consume();
    }

    private void forwardSelection() {
        vm.setSelectedFrames(table.getSelectionModel().getSelectedItems().stream()
                .filter(Objects::nonNull).mapToInt(Integer::intValue).toArray());
    }

    private void select(int[] rows) {
        var sm = table.getSelectionModel();
        selecting = true;
        try {
            sm.clearSelection();
            if (rows.length > 0) {
                // the first row last, so it is the focused (current) one and its details show
                if (rows.length > 1) {
                    int[] rest = Arrays.copyOfRange(rows, 1, rows.length);
                    sm.selectIndices(rest[0], Arrays.copyOfRange(rest, 1, rest.length));
                }
                sm.select(rows[0]);
                table.getFocusModel().focus(rows[0]);
            }
        } finally {
            selecting = false;
        }
        Integer current = sm.getSelectedItem();
        vm.setCurrentFrame(current == null ? -1 : current);
        forwardSelection();
        if (rows.length > 0) {
            reveal(rows[0]);
            table.requestFocus();
        }
    }

    /** Scrolls only when the row is not already in view, so Next Packet does not make the list jump. */
    private void reveal(int row) {
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow != null) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && row > first.getIndex() && row < last.getIndex()) {
                return;
            }
        }
        table.scrollTo(Math.max(0, row - 3));
    }

    // ---- sorting ----

    private void sortRequested() {
        if (syncingSort) {
            return;
        }
        TableColumn<Integer, ?> c = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        PacketColumn column = c == null ? null : PacketColumn.ofId(c.getId());
        boolean ascending = c == null || c.getSortType() == TableColumn.SortType.ASCENDING;
        PacketListViewModel.Sort now = vm.sortProperty().get();
        PacketListViewModel.Sort wanted = column == null ? null : new PacketListViewModel.Sort(column, ascending);
        if (!Objects.equals(now, wanted)) {
            vm.sortBy(column, ascending);
        }
    }

    /** The header shows the view model's sort (a new capture goes back to frame order, a cancel to the last). */
    private void showSort(PacketListViewModel.Sort sort) {
        syncingSort = true;
        try {
            if (sort == null) {
                table.getSortOrder().clear();
                return;
            }
            for (TableColumn<Integer, ?> c : table.getColumns()) {
                if (sort.column().id().equals(c.getId())) {
                    c.setSortType(sort.ascending() ? TableColumn.SortType.ASCENDING
                            : TableColumn.SortType.DESCENDING);
                    if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != c) {
                        table.getSortOrder().setAll(List.of(c));
                    }
                }
            }
        } finally {
            syncingSort = false;
        }
    }

    // ---- columns ----

    private TableColumn<Integer, String> column(PacketColumn what) {
        TableColumn<Integer, String> c = new TableColumn<>(what.title());
        c.setId(what.id());
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(vm.text(what, cell.getValue())));
        boolean tips = what == PacketColumn.INFO || what == PacketColumn.COMMENT || what == PacketColumn.SOURCE
                || what == PacketColumn.DESTINATION || what == PacketColumn.INTERFACE;
        c.setCellFactory(col -> new PacketCell(tips));
        sizer.add(c, what);
        if (what == PacketColumn.COMMENT || what == PacketColumn.INTERFACE) {
            autoColumns.put(what, c);
            c.visibleProperty().addListener((o, was, now) -> {
                if (!autoVisibility) {
                    userChosen.add(what);
                }
            });
        }
        return c;
    }

    private Region legend() {
        // wraps onto a second line where the list is narrow rather than cutting the names short
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(12, 3);
        box.setId("colourLegend");
        box.setPadding(new Insets(3, 6, 3, 6));
        box.getStyleClass().add("colour-legend");
        Label title = new Label("Colours:");
        title.setMinWidth(Region.USE_PREF_SIZE);
        box.getChildren().add(title);
        for (ColourRule r : ColourRule.values()) {
            Label l = new Label(r.legend());
            l.getStyleClass().addAll("legend-item", r.styleClass());
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        Label marked = new Label("Marked");
        marked.getStyleClass().addAll("legend-item", "marked");
        marked.setMinWidth(Region.USE_PREF_SIZE);
        box.getChildren().add(marked);
        return new VBox(box);
    }

    public TableView<Integer> table() {
        return table;
    }

    /** The column ids in their current order (for preferences). */
    public List<String> columnOrder() {
        List<String> ids = new ArrayList<>();
        table.getColumns().forEach(c -> ids.add(c.getId()));
        return ids;
    }

    public List<String> hiddenColumns() {
        List<String> ids = new ArrayList<>();
        table.getColumns().forEach(c -> {
            if (!c.isVisible() && !isAuto(c)) {
                ids.add(c.getId());
            }
        });
        return ids;
    }

    /** Restores a saved column order and visibility; unknown ids are ignored. */
    public void restoreColumns(List<String> order, List<String> hidden) {
        List<TableColumn<Integer, ?>> cols = new ArrayList<>(table.getColumns());
        List<TableColumn<Integer, ?>> sorted = new ArrayList<>();
        // the order saved before Comment moved in front of Info is that old default, not a choice
        List<String> wanted = OLD_DEFAULT_ORDER.equals(order) ? columnIdsInDefaultOrder() : order;
        for (String id : wanted) {
            cols.stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(c -> {
                sorted.add(c);
                cols.remove(c);
            });
        }
        sorted.addAll(cols);
        table.getColumns().setAll(sorted);
        autoVisibility = true;
        try {
            table.getColumns().forEach(c -> c.setVisible(!hidden.contains(c.getId())));
        } finally {
            autoVisibility = false;
        }
        userChosen.clear();
        autoColumns.keySet().stream().filter(p -> hidden.contains(p.id())).forEach(userChosen::add);
        showCommentsIfAny();
        sizer.fitInfo();
    }

    private boolean isAuto(TableColumn<Integer, ?> c) {
        return autoColumns.entrySet().stream().anyMatch(e -> e.getValue() == c && !userChosen.contains(e.getKey()));
    }

    /**
     * Wireshark shows neither a comment nor an interface column; here Comment comes when a frame has a comment
     * (in the file or annotated) and Interface when more than one interface's frames are open.
     */
    private void showCommentsIfAny() {
        autoVisibility = true;
        try {
            autoColumns.forEach((what, c) -> {
                if (!userChosen.contains(what)) {
                    c.setVisible(what == PacketColumn.COMMENT ? !vm.widthSamples(what).isEmpty()
                            : vm.widthSamples(what).stream().distinct().count() > 1);
                }
            });
        } finally {
            autoVisibility = false;
        }
    }

    private static List<String> columnIdsInDefaultOrder() {
        return Arrays.stream(PacketColumn.values()).map(PacketColumn::id).toList();
    }

    /** The visible columns, in the order shown. */
    /** The columns on show, in the user's order: what a CSV export of the list writes. */
    public List<PacketColumn> visibleColumns() {
        List<PacketColumn> out = new ArrayList<>();
        for (TableColumn<Integer, ?> c : table.getVisibleLeafColumns()) {
            PacketColumn p = PacketColumn.ofId(c.getId());
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- commands ----

    /** Copy > Summary as Text: the selected rows' visible cells, tab-separated, one line per row. */
    public void copySummary() {
        int[] rows = table.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue)
                .filter(r -> r >= 0).sorted().distinct().toArray();
        if (rows.length == 0) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.summary(rows, visibleColumns()));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    /** The packet list's own entries for its context menu: mark, time reference, copy. */
    public List<MenuItem> contextMenuItems() {
        MenuItem mark = new MenuItem("Mark/Unmark Packet");
        mark.setId("markContextItem");
        mark.setOnAction(e -> vm.toggleMark());
        MenuItem reference = new MenuItem("Set/Unset Time Reference");
        reference.setId("timeReferenceContextItem");
        reference.setOnAction(e -> vm.toggleTimeReference());
        MenuItem summary = new MenuItem("Summary as Text");
        summary.setId("copySummaryContextItem");
        summary.setOnAction(e -> copySummary());
        Menu copy = new Menu("Copy", null, summary);
        copy.setId("copyContextMenu");
        return List.of(mark, reference, new SeparatorMenuItem(), copy);
    }

    /** Edit menu entries: marks and time references, with Wireshark's keys where they are free here. */
    public List<MenuItem> editMenuItems() {
        MenuItem mark = item("_Mark/Unmark Packet", "markMenuItem",
                new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), vm::toggleMark);
        MenuItem markAll = item("Mark All _Displayed", "markAllMenuItem", null, () -> vm.markAllDisplayed(true));
        MenuItem unmarkAll = item("U_nmark All Displayed", "unmarkAllMenuItem", null,
                () -> vm.markAllDisplayed(false));
        MenuItem nextMark = item("Next Mark", "nextMarkMenuItem", new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> vm.goToMark(true));
        MenuItem previousMark = item("Previous Mark", "previousMarkMenuItem", new KeyCodeCombination(KeyCode.B,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> vm.goToMark(false));
        MenuItem reference = item("Set/Unset _Time Reference", "timeReferenceMenuItem",
                new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), vm::toggleTimeReference);
        return List.of(mark, markAll, unmarkAll, nextMark, previousMark, new SeparatorMenuItem(), reference);
    }

    /** Go menu entries, with Wireshark's keys. */
    public List<MenuItem> goMenuItems() {
        return List.of(
                item("_Next Packet", "nextPacketMenuItem", NEXT, vm::goNext),
                item("_Previous Packet", "previousPacketMenuItem", PREVIOUS, vm::goPrevious),
                item("Next Packet in _Migration", "nextInMigrationMenuItem", new KeyCodeCombination(KeyCode.PERIOD,
                        KeyCombination.SHORTCUT_DOWN), () -> vm.goInMigration(true)),
                item("Previous Packet in Mi_gration", "previousInMigrationMenuItem",
                        new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                        () -> vm.goInMigration(false)),
                item("_First Packet", "firstPacketMenuItem", FIRST, vm::goFirst),
                item("_Last Packet", "lastPacketMenuItem", LAST, () -> {
                    following = true;
                    vm.goLast();
                }));
    }

    private static MenuItem item(String text, String id, KeyCombination key, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        if (key != null) {
            i.setAccelerator(key);
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** A row styled by the colour rule of its frame, black when marked (as Wireshark draws marked packets). */
    private final class PacketRowCell extends TableRow<Integer> {
        @Override
        protected void updateItem(Integer frame, boolean empty) {
            super.updateItem(frame, empty);
            for (ColourRule r : ColourRule.values()) {
                getStyleClass().remove(r.styleClass());
            }
            getStyleClass().remove("marked");
            if (!empty && frame != null) {
                if (vm.isMarked(frame)) {
                    getStyleClass().add("marked");
                }
                ColourRule rule = vm.row(frame).colour();
                if (rule != null) {
                    getStyleClass().add(rule.styleClass());
                }
            }
        }
    }

    /** A cell that tells the sizer its font and shows its whole text as a tooltip when it is cut short. */
    private final class PacketCell extends TableCell<Integer, String> {
        private final boolean tips;
        private Tooltip tip;

        PacketCell(boolean tips) {
            this.tips = tips;
            fontProperty().addListener((o, was, now) -> report());
            paddingProperty().addListener((o, was, now) -> report());
        }

        private void report() {
            if (getTableRow() != null && getScene() != null) {
                // after this pulse's CSS pass, so a style that sets both font and padding is seen whole
                Platform.runLater(() -> sizer.cellStyled(getFont(), getPadding()));
            }
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            String full = getText();
            Text drawn = null;
            for (Node n : getChildrenUnmodifiable()) {
                if (n instanceof Text t) {
                    drawn = t;
                }
            }
            boolean truncated = full != null && !full.isEmpty() && drawn != null && !full.equals(drawn.getText());
            if (truncated) {
                // the sizer widens the columns whose content no pass can foresee (VLAN stacks, IPv6 addresses)
                TableColumn<Integer, String> column = getTableColumn();
                Platform.runLater(() -> sizer.seen(column, full)); // not while the table lays out
            }
            if (!tips) {
                return;
            }
            if (truncated) {
                if (tip == null) {
                    tip = new Tooltip();
                    tip.setWrapText(true);
                    tip.setMaxWidth(640);
                    tip.setShowDelay(Duration.millis(400));
                }
                tip.setText(full);
                if (getTooltip() != tip) {
                    setTooltip(tip);
                }
            } else if (getTooltip() != null) {
                setTooltip(null);
            }
        }
    }

    /** Scrolls to the last row unless the user scrolled away from it (live capture calls this as frames come). */
    public void followNewest() {
        int size = table.getItems().size();
        if (following && size > 0 && size != followedSize) {
            followedSize = size;
            table.scrollTo(size - 1);
        }
    }
}
