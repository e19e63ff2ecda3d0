package dev.cutover.ui.migrations;

import dev.cutover.dissect.Severity;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Migrations tab: one row per VM, the findings below; picking either selects its frames. */
public final class MigrationsView extends BorderPane {
    private final TableView<MigrationRow> table = new TableView<>();
    private final ListView<Finding> list = new ListView<>();

    public MigrationsView(MigrationsViewModel vm) {
        table.setId("migrationTable");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No migration seen: no RARP notification and no gratuitous ARP"));
        table.getColumns().add(column("MAC", 140, MigrationRow::mac));
        table.getColumns().add(column("Vendor", 90, MigrationRow::vendor));
        table.getColumns().add(column("VLANs", 70, r -> r.vlans().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))));
        table.getColumns().add(column("Interfaces", 150, r -> String.join(", ", r.interfaces())));
        table.getColumns().add(column("RARPs", 60, r -> Integer.toString(r.rarpCount())));
        table.getColumns().add(column("RARP span", 90, r -> r.rarpCount() == 0 ? ""
                : String.format(Locale.ROOT, "%.3f s", r.spanNanos() / 1e9)));
        table.getColumns().add(column("GARP IPs", 150, r -> String.join(", ", r.garpIps())));
        table.getColumns().add(column("RARP→GARP delay", 120, r -> r.delayNanos() < 0 ? ""
                : String.format(Locale.ROOT, "%.3f s", r.delayNanos() / 1e9)));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));

        list.setId("findingList");
        list.setItems(vm.findings());
        list.setPlaceholder(new Label("No findings"));
        list.setCellFactory(l -> new FindingCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.select(now));

        SplitPane split = new SplitPane(table, list);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    private static TableColumn<MigrationRow, String> column(String title, double width,
                                                            Function<MigrationRow, String> text) {
        TableColumn<MigrationRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    public TableView<MigrationRow> table() {
        return table;
    }

    public ListView<Finding> findings() {
        return list;
    }

    private static final class FindingCell extends ListCell<Finding> {
        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(f.severity().label() + " [" + f.code() + "] " + f.sentence());
            FontIcon icon = new FontIcon(f.severity() == Severity.ERROR ? MaterialDesignA.ALERT_OCTAGON
                    : f.severity() == Severity.WARNING ? MaterialDesignA.ALERT
                    : f.severity() == Severity.NOTE ? MaterialDesignI.INFORMATION_OUTLINE
                    : MaterialDesignC.CHAT_OUTLINE);
            icon.getStyleClass().add("severity-" + f.severity().name().toLowerCase(Locale.ROOT));
            setGraphic(icon);
        }
    }
}
