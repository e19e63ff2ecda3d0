package dev.cutover.ui.capture;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/** While a capture loads: a progress bar and a cancel button. After a damaged load: the damage banner. */
public final class LoadBar extends VBox {
    public LoadBar(CaptureViewModel vm) {
        ProgressBar progress = new ProgressBar();
        progress.setId("loadProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label what = new Label();
        what.textProperty().bind(vm.stateProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelLoadButton");
        cancel.setOnAction(e -> vm.cancel());
        HBox loading = new HBox(8, what, progress, cancel);
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.setPadding(new Insets(4, 6, 4, 6));
        loading.managedProperty().bind(vm.loadingProperty());
        loading.visibleProperty().bind(vm.loadingProperty());

        Label banner = new Label();
        banner.setId("damageBanner");
        banner.setGraphic(new FontIcon(MaterialDesignA.ALERT));
        banner.getStyleClass().add("damage-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.damageProperty());
        banner.managedProperty().bind(vm.damageProperty().isNotNull());
        banner.visibleProperty().bind(banner.managedProperty());
        getChildren().addAll(loading, banner);
    }
}
