package dev.cutover.ui.statistics;

import dev.cutover.statistics.BindingEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Statistics &gt; MAC-IP Bindings: arpwatch's history in frame order, one row per change of the MAC behind an
 * IPv4 address; selecting a row selects its frame in the packet list.
 */
public final class BindingsView extends BorderPane {
    static final String EVENT_TIP = "arpwatch's words:\n"
            + "new station: the first MAC seen claiming the IP\n"
            + "changed ethernet address: the IP is now claimed by a MAC it never had\n"
            + "flip flop: the IP went back to the MAC it had before the last change\n"
            + "reused old ethernet address: the IP went back to a MAC it had two or more changes ago\n"
            + "new activity: the same pair again after six months or more\n"
            + "ethernet mismatch: the ARP sender MAC is not the frame's source MAC (ignored)\n"
            + "ethernet broadcast: a broadcast or zero sender MAC (ignored)\n\n"
            + "Read from ARP requests and replies and RARP replies (sender MAC and sender IP);\n"
            + "RARP requests and probes from 0.0.0.0 claim nothing.";

    private final BindingsViewModel vm;
    private final TableView<BindingEvent> table = new TableView<>();

    public BindingsView(BindingsViewModel vm) {
        this.vm = vm;
        setId("bindingsView");
        table.setId("bindingsTable");
        table.setFixedCellSize(26);
        SortedList<BindingEvent> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.when(vm.searchProperty().isEmpty()
                .and(vm.changesOnlyProperty().not())).then("No ARP message claims an IPv4 address")
                .otherwise("No row matches the filter"));
        table.setPlaceholder(none);
        TableColumn<BindingEvent, Integer> time = new TableColumn<>("Time");
        time.setPrefWidth(130);
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().frame()));
        time.setComparator(Comparator.naturalOrder());
        time.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : vm.time(f));
            }
        });
        table.getColumns().add(time);
        TableColumn<BindingEvent, Long> ip = new TableColumn<>("IP");
        ip.setPrefWidth(130);
        ip.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ip()));
        ip.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : dev.cutover.dissect.Addresses.ipv4(v));
            }
        });
        table.getColumns().add(ip);
        table.getColumns().add(mono(text("MAC", 165, BindingEvent::macText)));
        table.getColumns().add(mono(text("Previous MAC", 165, BindingEvent::previousMacText)));
        TableColumn<BindingEvent, String> event = text(null, 220, e -> e.kind().words());
        Label eventHeader = new Label("Event");
        eventHeader.setTooltip(new Tooltip(EVENT_TIP));
        event.setGraphic(eventHeader);
        table.getColumns().add(event);
        table.getColumns().add(text("VLAN", 85, vm::vlan));
        table.getColumns().add(text("Interface", 110, vm::interfaceName));
        TableColumn<BindingEvent, Integer> frame = new TableColumn<>("Frame");
        frame.setPrefWidth(70);
        frame.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().frame() + 1));
        frame.getStyleClass().add("number");
        table.getColumns().add(frame);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BindingEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("binding-change", "binding-ignored");
                setTooltip(null);
                if (!empty && e != null) {
                    if (e.kind().isChange()) {
                        getStyleClass().add("binding-change");
                    } else if (e.kind() == BindingEvent.Kind.ETHERNET_MISMATCH
                            || e.kind() == BindingEvent.Kind.ETHERNET_BROADCAST) {
                        getStyleClass().add("binding-ignored");
                    }
                    setTooltip(new Tooltip(e.arpwatchLine() + "\n" + e.kind().meaning()));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));
        vm.timeFormat().addListener((o, was, now) -> table.refresh());
        MenuItem copyCsv = new MenuItem("Copy as CSV");
        copyCsv.setOnAction(e -> copyCsv());
        table.setContextMenu(new ContextMenu(copyCsv));

        TextField search = new TextField();
        search.setId("bindingsSearch");
        search.setPromptText("Filter rows: IP, MAC, event");
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        CheckBox changes = new CheckBox("Changes only");
        changes.setId("bindingsChangesOnly");
        changes.setTooltip(new Tooltip("Only changed ethernet address, flip flop and reused old ethernet address"));
        changes.selectedProperty().bindBidirectional(vm.changesOnlyProperty());
        Button csv = new Button("Copy as CSV");
        csv.setId("bindingsCopyCsv");
        csv.setOnAction(e -> copyCsv());
        HBox top = new HBox(8, search, changes, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        Label message = new Label();
        message.setId("bindingsMessage");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("filter-message");
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        message.setPadding(new Insets(0, 8, 4, 8));
        setTop(new VBox(top, message));
        setCenter(table);
        setBottom(new JobBar("bindings", vm.summaryProperty(), vm.stateProperty(), vm.runningProperty(),
                vm.progressProperty(), vm::cancel));
    }

    private void copyCsv() {
        ClipboardContent c = new ClipboardContent();
        c.putString(vm.csv(List.copyOf(table.getItems())));
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static <T> TableColumn<BindingEvent, T> mono(TableColumn<BindingEvent, T> c) {
        c.getStyleClass().add("mono");
        return c;
    }

    public TableView<BindingEvent> table() {
        return table;
    }

    private static TableColumn<BindingEvent, String> text(String title, double width,
                                                          Function<BindingEvent, String> value) {
        TableColumn<BindingEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }
}
