package dev.cutover.ui.report;

import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;

/** File > Export Report: a preview of the report, the format, and Save. */
public final class ReportDialog extends Dialog<Void> {
    private static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.OTHER);

    public ReportDialog(ReportViewModel vm, Window owner) {
        initOwner(owner);
        setTitle("Export Report");
        setResizable(true);
        getDialogPane().setId("exportReportDialog");
        ChoiceBox<ReportViewModel.Format> format = new ChoiceBox<>(
                FXCollections.observableArrayList(ReportViewModel.Format.values()));
        format.setId("reportFormat");
        format.setValue(ReportViewModel.Format.HTML);
        TextArea preview = new TextArea();
        preview.setId("reportPreview");
        preview.setEditable(false);
        preview.setPrefSize(640, 420);
        preview.textProperty().bind(vm.previewProperty());
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);
        getDialogPane().setContent(new VBox(8, new HBox(8, new Label("Format:"), format), preview, message));
        getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CLOSE);
        Node save = getDialogPane().lookupButton(SAVE);
        save.setId("reportSave");
        save.disableProperty().bind(vm.readyProperty().not());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stay open to show where the report went
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save Report");
            ReportViewModel.Format f = format.getValue();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name(), "*." + f.extension()));
            chooser.setInitialFileName("report." + f.extension());
            File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                vm.export(file.toPath(), f);
            }
        });
        ((Button) getDialogPane().lookupButton(ButtonType.CLOSE)).setId("reportClose");
        setResultConverter(b -> null);
        vm.prepare();
    }
}
