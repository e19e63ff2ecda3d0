package dev.cutover.ui.statistics;

import dev.cutover.statistics.ProtocolHierarchy;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Locale;
import java.util.function.ToLongFunction;

/** Statistics &gt; Protocol Hierarchy: Wireshark's tree of protocols with their share of frames and bytes. */
public final class ProtocolHierarchyView extends BorderPane {
    private final ProtocolHierarchyViewModel vm;
    private final TreeTableView<ProtocolHierarchy.Node> tree = new TreeTableView<>();

    public ProtocolHierarchyView(ProtocolHierarchyViewModel vm) {
        this.vm = vm;
        setId("protocolHierarchyView");
        tree.setId("hierarchyTree");
        tree.setFixedCellSize(26);
        tree.setShowRoot(true);
        tree.setPlaceholder(new Label("No capture is open"));
        TreeTableColumn<ProtocolHierarchy.Node, String> protocol = new TreeTableColumn<>("Protocol");
        protocol.setPrefWidth(310);
        protocol.setSortable(false);
        protocol.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().label()));
        tree.getColumns().add(protocol);
        tree.getColumns().add(percent("Percent Packets", n -> n.frames(), h -> h.root().frames()));
        tree.getColumns().add(number("Packets", n -> n.frames()));
        tree.getColumns().add(percent("Percent Bytes", n -> n.bytes(), h -> h.root().bytes()));
        tree.getColumns().add(number("Bytes", n -> n.bytes()));
        tree.getColumns().add(number("Bits/s", n -> vm.hierarchyProperty().get() == null ? 0
                : vm.hierarchyProperty().get().bitsPerSecond(n)));
        TreeTableColumn<ProtocolHierarchy.Node, Long> end = number("End Packets", n -> n.endFrames());
        Label endHeader = new Label("End Packets");
        endHeader.setTooltip(new Tooltip("Frames whose decode ends at this protocol: Cutover decodes the link layer, "
                + "ARP, IPv4, IPv6, UDP and the tunnels ARP travels in,\nso TCP, ICMP and other payloads count here, "
                + "at the last protocol it knows"));
        end.setText(null);
        end.setGraphic(endHeader);
        end.setPrefWidth(140);
        tree.getColumns().add(end);
        tree.getColumns().add(number("End Bytes", n -> n.endBytes()));
        tree.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.hierarchyProperty().addListener((o, was, now) -> show(now));
        show(vm.hierarchyProperty().get());

        MenuItem apply = new MenuItem("Apply as Filter");
        apply.setId("hierarchyApplyFilterItem");
        apply.setOnAction(e -> vm.applyAsFilter(selected()));
        MenuItem copy = new MenuItem("Copy as CSV");
        copy.setOnAction(e -> copyCsv());
        ContextMenu menu = new ContextMenu(apply, copy);
        menu.setOnShowing(e -> apply.setDisable(selected() == null));
        tree.setContextMenu(menu);

        CheckBox limit = new CheckBox("Limit to display filter");
        limit.setId("hierarchyLimit");
        limit.setTooltip(new Tooltip("Count only the frames the display filter shows, as Wireshark does"));
        limit.selectedProperty().bindBidirectional(vm.limitToDisplayFilterProperty());
        Button csv = new Button("Copy as CSV");
        csv.setId("hierarchyCopyCsv");
        csv.setOnAction(e -> copyCsv());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, limit, grow, csv);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        setCenter(tree);
        setBottom(new JobBar("hierarchy", vm.summaryProperty(), vm.stateProperty(), vm.runningProperty(),
                vm.progressProperty(), vm::cancel));
    }

    private ProtocolHierarchy.Node selected() {
        TreeItem<ProtocolHierarchy.Node> i = tree.getSelectionModel().getSelectedItem();
        return i == null ? null : i.getValue();
    }

    private void copyCsv() {
        ClipboardContent c = new ClipboardContent();
        c.putString(vm.csv());
        Clipboard.getSystemClipboard().setContent(c);
    }

    private void show(ProtocolHierarchy h) {
        tree.setRoot(h == null ? null : item(h.root()));
    }

    private static TreeItem<ProtocolHierarchy.Node> item(ProtocolHierarchy.Node n) {
        TreeItem<ProtocolHierarchy.Node> i = new TreeItem<>(n);
        i.setExpanded(true);
        for (ProtocolHierarchy.Node c : n.children()) {
            i.getChildren().add(item(c));
        }
        return i;
    }

    public TreeTableView<ProtocolHierarchy.Node> tree() {
        return tree;
    }

    private static TreeTableColumn<ProtocolHierarchy.Node, Long> number(String title,
                                                                      ToLongFunction<ProtocolHierarchy.Node> value) {
        TreeTableColumn<ProtocolHierarchy.Node, Long> c = new TreeTableColumn<>(title);
        c.setPrefWidth(Math.max(115, title.length() * 8.5 + 30));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue().getValue())));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%,d", v));
            }
        });
        c.getStyleClass().add("number");
        return c;
    }

    /** A percentage of the whole capture with a bar behind it, as Wireshark draws it. */
    private TreeTableColumn<ProtocolHierarchy.Node, Long> percent(String title,
                                                                ToLongFunction<ProtocolHierarchy.Node> part,
                                                                ToLongFunction<ProtocolHierarchy> whole) {
        TreeTableColumn<ProtocolHierarchy.Node, Long> c = new TreeTableColumn<>(title);
        c.setPrefWidth(145);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(part.applyAsLong(cell.getValue().getValue())));
        c.setCellFactory(col -> new TreeTableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final StackPane both = new StackPane(bar, text);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("percent-bar");
                text.getStyleClass().add("percent-text");
            }

            @Override
            protected void updateItem(Long v, boolean empty) {
                super.updateItem(v, empty);
                ProtocolHierarchy h = vm.hierarchyProperty().get();
                if (empty || v == null || h == null) {
                    setGraphic(null);
                    return;
                }
                long w = whole.applyAsLong(h);
                bar.setProgress(w == 0 ? 0 : (double) v / w);
                text.setText(ProtocolHierarchy.percent(v, w) + "%");
                setGraphic(both);
            }
        });
        return c;
    }
}
