package dev.cutover.ui.packets;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** The display filter bar: green when the text is a filter, red with the reason when it is not. */
public final class FilterBar extends VBox {
    static final String VALID = "filter-valid";
    static final String INVALID = "filter-invalid";

    private final CustomTextField field = new CustomTextField();

    public FilterBar(FilterViewModel vm) {
        field.setId("filterField");
        field.setPromptText("Apply a display filter … (arp.opcode == 3, migration.notification, vlan.id == 10)");
        field.textProperty().bindBidirectional(vm.textProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.apply();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.escape();
                e.consume();
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        FontIcon bookmark = new FontIcon(MaterialDesignF.FILTER_OUTLINE);
        bookmark.getStyleClass().add("filter-field-icon");
        field.setLeft(bookmark);

        Button apply = new Button(null, new FontIcon(MaterialDesignF.FILTER));
        apply.setId("applyFilterButton");
        apply.setTooltip(new Tooltip("Apply the display filter (Enter)"));
        apply.setOnAction(e -> vm.apply());
        apply.disableProperty().bind(vm.validityProperty().isEqualTo(FilterViewModel.Validity.INVALID));

        Button clear = new Button(null, new FontIcon(MaterialDesignF.FILTER_REMOVE));
        clear.setId("clearFilterButton");
        clear.setTooltip(new Tooltip("Clear the filter (Esc when no filter runs)"));
        clear.setOnAction(e -> vm.clear());

        MenuButton history = new MenuButton(null, new FontIcon(MaterialDesignH.HISTORY));
        history.setId("filterHistory");
        history.setTooltip(new Tooltip("Filters applied before"));
        history.setOnShowing(e -> {
            history.getItems().clear();
            for (String h : vm.history()) {
                MenuItem item = new MenuItem(h);
                item.setMnemonicParsing(false);
                item.setOnAction(a -> {
                    vm.textProperty().set(h);
                    vm.apply();
                });
                history.getItems().add(item);
            }
            if (history.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No filters applied yet");
                none.setDisable(true);
                history.getItems().add(none);
            }
        });

        Label message = new Label();
        message.setId("filterMessage");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("filter-message");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        vm.validityProperty().addListener((o, was, now) -> style(now));
        style(vm.validityProperty().get());

        // while a filter runs: how far it got and a way to stop it; after a cancel, how far it had got
        ProgressBar progress = new ProgressBar();
        progress.setId("filterProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setMinWidth(60);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label status = new Label();
        status.setId("filterStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Button stop = new Button("Cancel");
        stop.setId("cancelFilterButton");
        stop.setTooltip(new Tooltip("Stop the filter; the matches so far stay (Esc in the filter field)"));
        stop.setOnAction(e -> vm.stop());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        progress.managedProperty().bind(vm.runningProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        stop.managedProperty().bind(vm.runningProperty());
        stop.visibleProperty().bind(vm.runningProperty());
        // as the load bar: what it does, how far it got, Cancel
        HBox running = new HBox(8, status, progress, stop);
        running.setId("filterRunning");
        running.setAlignment(Pos.CENTER_LEFT);
        running.managedProperty().bind(vm.runningProperty().or(vm.statusProperty().isNotEmpty()));
        running.visibleProperty().bind(running.managedProperty());

        HBox row = new HBox(4, field, apply, clear, history);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, running, message);
        setPadding(new Insets(4, 6, 4, 6));
        setSpacing(2);
    }

    private void style(FilterViewModel.Validity v) {
        field.getStyleClass().removeAll(VALID, INVALID);
        if (v == FilterViewModel.Validity.VALID) {
            field.getStyleClass().add(VALID);
        } else if (v == FilterViewModel.Validity.INVALID) {
            field.getStyleClass().add(INVALID);
        }
    }

    public TextField field() {
        return field;
    }
}
