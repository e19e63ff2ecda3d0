package dev.cutover.ui.packets;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The packet list: a virtualized table over frame indices, coloured by rule, with a legend below. */
public final class PacketListView extends BorderPane {
    private final PacketListViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private boolean following = true;
    private int followedSize = -1;

    public PacketListView(PacketListViewModel vm) {
        this.vm = vm;
        table.setId("packetTable");
        // Live frames: the list follows the newest until the user scrolls back; End follows again.
        table.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following = false;
            }
        });
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case END -> following = true;
                case UP, PAGE_UP, HOME -> following = false;
                default -> { }
            }
        });
        table.setItems(vm.frames());
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Open a capture: File > Open (Ctrl+O), or drop files here"));
        table.setFixedCellSize(24);
        table.getColumns().add(column("no", "No.", 60, vm::number));
        table.getColumns().add(column("time", "Time", 105, vm::time));
        table.getColumns().add(column("interface", "Interface", 110, vm::interfaceName));
        table.getColumns().add(column("source", "Source", 170, f -> vm.row(f).source()));
        table.getColumns().add(column("destination", "Destination", 170, f -> vm.row(f).destination()));
        table.getColumns().add(column("vlan", "VLAN", 62, f -> vm.row(f).vlan()));
        table.getColumns().add(column("protocol", "Protocol", 86, f -> vm.row(f).protocol()));
        table.getColumns().add(column("length", "Length", 72, f -> Integer.toString(vm.length(f))));
        TableColumn<Integer, String> info = column("info", "Info", 420, f -> vm.row(f).info());
        table.getColumns().add(info);
        table.getColumns().add(column("comment", "Comment", 220, vm::comment));
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> new ColouredRow());

        vm.timeFormatProperty().addListener((o, was, now) -> table.refresh());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                vm.setCurrentFrame(now == null ? -1 : now));
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<Integer>) c ->
                vm.setSelectedFrames(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).toArray()));
        vm.selectionRequestProperty().addListener((o, was, now) -> {
            if (now != null) {
                select(now.rows());
            }
        });
        setCenter(table);
        setBottom(legend());
    }

    private void select(int[] rows) {
        if (rows.length == 0) {
            return;
        }
        var sm = table.getSelectionModel();
        sm.clearSelection();
        // the first row last, so it is the focused (current) one and its details show
        if (rows.length > 1) {
            int[] rest = new int[rows.length - 1];
            System.arraycopy(rows, 1, rest, 0, rest.length);
            sm.selectIndices(rest[0], java.util.Arrays.copyOfRange(rest, 1, rest.length));
        }
        sm.select(rows[0]);
        table.getFocusModel().focus(rows[0]);
        table.scrollTo(Math.max(0, rows[0] - 3));
        table.requestFocus();
    }

    private static TableColumn<Integer, String> column(String id, String title, double width,
                                                        Function<Integer, String> text) {
        TableColumn<Integer, String> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    private Region legend() {
        HBox box = new HBox(12);
        box.setId("colourLegend");
        box.setPadding(new Insets(3, 6, 3, 6));
        box.getStyleClass().add("colour-legend");
        box.getChildren().add(new Label("Colours:"));
        for (ColourRule r : ColourRule.values()) {
            Label l = new Label(r.legend());
            l.getStyleClass().addAll("legend-item", r.styleClass());
            box.getChildren().add(l);
        }
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
            if (!c.isVisible()) {
                ids.add(c.getId());
            }
        });
        return ids;
    }

    /** Restores a saved column order and visibility; unknown ids are ignored. */
    public void restoreColumns(List<String> order, List<String> hidden) {
        List<TableColumn<Integer, ?>> cols = new ArrayList<>(table.getColumns());
        List<TableColumn<Integer, ?>> sorted = new ArrayList<>();
        for (String id : order) {
            cols.stream().filter(c -> id.equals(c.getId())).findFirst().ifPresent(c -> {
                sorted.add(c);
                cols.remove(c);
            });
        }
        sorted.addAll(cols);
        table.getColumns().setAll(sorted);
        table.getColumns().forEach(c -> c.setVisible(!hidden.contains(c.getId())));
    }

    /** A row styled by the colour rule of its frame. */
    private final class ColouredRow extends TableRow<Integer> {
        @Override
        protected void updateItem(Integer frame, boolean empty) {
            super.updateItem(frame, empty);
            for (ColourRule r : ColourRule.values()) {
                getStyleClass().remove(r.styleClass());
            }
            if (!empty && frame != null) {
                ColourRule rule = vm.row(frame).colour();
                if (rule != null) {
                    getStyleClass().add(rule.styleClass());
                }
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
