package dev.cutover.ui.statistics;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A statistics window's bottom line: what it counted, or what it is counting with a progress bar and Cancel. */
final class JobBar extends HBox {
    JobBar(String idPrefix, ReadOnlyStringProperty summary, ReadOnlyStringProperty state,
           ReadOnlyBooleanProperty running, ReadOnlyDoubleProperty progress, Runnable cancel) {
        super(8);
        Label summaryLabel = new Label();
        summaryLabel.setId(idPrefix + "Summary");
        summaryLabel.textProperty().bind(summary);
        summaryLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label stateLabel = new Label();
        stateLabel.setId(idPrefix + "State");
        stateLabel.textProperty().bind(state);
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "Progress");
        bar.progressProperty().bind(progress);
        bar.setPrefWidth(220);
        bar.visibleProperty().bind(running);
        bar.managedProperty().bind(running);
        Button stop = new Button("Cancel");
        stop.setId(idPrefix + "Cancel");
        stop.setOnAction(e -> cancel.run());
        stop.visibleProperty().bind(running);
        stop.managedProperty().bind(running);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(summaryLabel, grow, stateLabel, bar, stop);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("status-bar");
    }
}
