package dev.cutover.ui.capture;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Edit > Time Shift: a seconds field for each open file, a Suggest button that fills in the shifts aligning the files'
 * clocks, and OK, which is off while a field holds no valid shift (the reason shows under the fields).
 */
public final class TimeShiftDialog {
    private TimeShiftDialog() {
    }

    /** Shows the dialog (not waiting); {@code apply} gets the shifts on OK when they differ from those open. */
    public static Dialog<long[]> show(Window owner, TimeShiftViewModel vm, Consumer<long[]> apply) {
        Dialog<long[]> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Time Shift");
        d.setHeaderText("Seconds to add to each file's time stamps before the files merge (negative to move a file "
                + "earlier).\nThe files are not changed; they are opened again with the shifts.");
        d.getDialogPane().setId("timeShiftDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int i = 0; i < vm.files().size(); i++) {
            Label name = new Label(String.valueOf(vm.files().get(i).getFileName()));
            name.setTooltip(new javafx.scene.control.Tooltip(vm.files().get(i).toString()));
            TextField field = new TextField();
            field.setId("timeShiftField" + i);
            field.setPrefColumnCount(14);
            field.textProperty().bindBidirectional(vm.field(i));
            name.setLabelFor(field);
            grid.addRow(i, name, field, new Label("s"));
        }
        Button suggest = new Button("_Suggest");
        suggest.setId("timeShiftSuggest");
        suggest.setMnemonicParsing(true);
        suggest.setOnAction(e -> vm.suggest());
        suggest.disableProperty().bind(vm.suggestingProperty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> vm.files().size() < 2)));
        Label suggestion = new Label();
        suggestion.setId("timeShiftSuggestion");
        suggestion.setWrapText(true);
        suggestion.textProperty().bind(vm.suggestionProperty());
        Label error = new Label();
        error.setId("timeShiftError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Label hint = new Label("Suggest compares the broadcast frames (RARPs, gratuitous ARPs) the files have in "
                + "common with the first file's.");
        hint.setWrapText(true);
        VBox box = new VBox(10, grid, error, hint, suggest, suggestion);
        box.setPadding(new Insets(8, 12, 4, 12));
        box.setPrefWidth(560);
        d.getDialogPane().setContent(box);

        Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("timeShiftOk");
        ok.disableProperty().bind(vm.validProperty().not().or(vm.suggestingProperty()));
        d.setResultConverter(b -> b != null && b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? vm.shifts() : null);
        d.setOnHidden(e -> {
            long[] shifts = d.getResult();
            if (shifts != null && vm.changed()) {
                apply.accept(shifts);
            }
        });
        d.show();
        return d;
    }
}
