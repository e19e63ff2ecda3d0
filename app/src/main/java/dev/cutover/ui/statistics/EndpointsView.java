package dev.cutover.ui.statistics;

import dev.cutover.statistics.Endpoint;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Statistics &gt; Endpoints: one row per MAC, sortable; a box that filters the rows; Apply as Filter (button,
 * context menu, or Enter) puts the MAC's display filter in the bar and applies it; Copy as CSV.
 */
public final class EndpointsView extends BorderPane {
    static final String IPS_TIP = "IPv4 addresses this MAC claimed as the sender of ARP, RARP or gratuitous ARP "
            + "(the message's sender MAC and sender IP).\nNot the addresses of routed IPv4 traffic: a router's MAC "
            + "carries every remote IP.";

    private final EndpointsViewModel vm;
    private final TableView<Endpoint> table = new TableView<>();

    public EndpointsView(EndpointsViewModel vm) {
        this.vm = vm;
        setId("endpointsView");
        table.setId("endpointsTable");
        table.setFixedCellSize(26);
        SortedList<Endpoint> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label();
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(vm.searchProperty().isEmpty())
                .then("No MAC address: no Ethernet frame, nor ARP").otherwise("No row matches the filter"));
        table.setPlaceholder(placeholder);
        table.getColumns().add(text("MAC", 165, Endpoint::macText, "mono"));
        table.getColumns().add(text("Vendor", 130, Endpoint::vendor, null));
        TableColumn<Endpoint, String> ips = text(null, 165, Endpoint::ipsText, null);
        Label ipsHeader = new Label("IPs claimed (ARP)");
        ipsHeader.setTooltip(new Tooltip(IPS_TIP));
        ipsHeader.setId("endpointsIpsHeader");
        ips.setGraphic(ipsHeader);
        table.getColumns().add(ips);
        table.getColumns().add(text("VLANs", 95, Endpoint::vlansText, null));
        table.getColumns().add(text("Interfaces", 110, Endpoint::interfacesText, null));
        table.getColumns().add(time("First seen", Endpoint::firstFrame));
        table.getColumns().add(time("Last seen", Endpoint::lastFrame));
        table.getColumns().add(number("Frames sent", Endpoint::framesSent));
        table.getColumns().add(number("Frames received", Endpoint::framesReceived));
        table.getColumns().add(number("Bytes", Endpoint::bytes));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.timeFormat().addListener((o, was, now) -> table.refresh());

        MenuItem apply = new MenuItem("Apply as Filter");
        apply.setId("endpointsApplyFilterItem");
        apply.setOnAction(e -> vm.applyAsFilter(selected()));
        MenuItem prepare = new MenuItem("Prepare as Filter");
        prepare.setId("endpointsPrepareFilterItem");
        prepare.setOnAction(e -> vm.prepareAsFilter(selected()));
        MenuItem first = new MenuItem("Go to First Frame");
        first.setId("endpointsGoToFirstItem");
        first.setOnAction(e -> vm.goToFirstFrame(selected()));
        MenuItem copyMac = new MenuItem("Copy MAC");
        copyMac.setOnAction(e -> copy(selected() == null ? "" : selected().macText()));
        MenuItem copyCsv = new MenuItem("Copy as CSV");
        copyCsv.setOnAction(e -> copyCsv());
        ContextMenu menu = new ContextMenu(apply, prepare, first, new SeparatorMenuItem(), copyMac, copyCsv);
        menu.setOnShowing(e -> {
            boolean none = selected() == null;
            apply.setDisable(none);
            prepare.setDisable(none);
            first.setDisable(none);
            copyMac.setDisable(none);
        });
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                vm.applyAsFilter(selected());
            }
        });

        TextField search = new TextField();
        search.setId("endpointsSearch");
        search.setPromptText("Filter rows: MAC, vendor, IP, VLAN, interface");
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        CheckBox limit = new CheckBox("Limit to display filter");
        limit.setId("endpointsLimit");
        limit.selectedProperty().bindBidirectional(vm.limitToDisplayFilterProperty());
        Button applyButton = new Button("Apply as Filter");
        applyButton.setId("endpointsApplyFilter");
        applyButton.setTooltip(new Tooltip("Show the selected MAC's frames in the packet list (eth.addr == MAC)"));
        applyButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        applyButton.setOnAction(e -> vm.applyAsFilter(selected()));
        Button csv = new Button("Copy as CSV");
        csv.setId("endpointsCopyCsv");
        csv.setOnAction(e -> copyCsv());
        HBox top = new HBox(8, search, limit, applyButton, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        setCenter(table);
        setBottom(new JobBar("endpoints", vm.summaryProperty(), vm.stateProperty(), vm.runningProperty(),
                vm.progressProperty(), vm::cancel));
    }

    private Endpoint selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void copyCsv() {
        copy(vm.csv(List.copyOf(table.getItems())));
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    public TableView<Endpoint> table() {
        return table;
    }

    private static TableColumn<Endpoint, String> text(String title, double width, Function<Endpoint, String> value,
                                                      String style) {
        TableColumn<Endpoint, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        if (style != null) {
            c.getStyleClass().add(style);
        }
        return c;
    }

    private static TableColumn<Endpoint, Long> number(String title, Function<Endpoint, Long> value) {
        TableColumn<Endpoint, Long> c = new TableColumn<>(title);
        c.setPrefWidth(Math.max(115, title.length() * 8.5 + 30));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%,d", v));
            }
        });
        c.getStyleClass().add("number");
        c.setSortType(TableColumn.SortType.DESCENDING);
        return c;
    }

    /** A time column: sorted by frame (the capture's order), shown in the packet list's format. */
    private TableColumn<Endpoint, Integer> time(String title, Function<Endpoint, Integer> frame) {
        TableColumn<Endpoint, Integer> c = new TableColumn<>(title);
        c.setPrefWidth(110);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(frame.apply(cell.getValue())));
        c.setComparator(Comparator.naturalOrder());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Integer f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : vm.time(f));
            }
        });
        return c;
    }
}
