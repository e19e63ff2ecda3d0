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
import javafx.scene.layout.Region;
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
        Label hint = new Label("Suggest compares the frames the files have in common with the first file's: the "
                + "broadcast frames (RARPs, gratuitous ARPs), or when there are none, the same unicast packets seen "
                + "in both.");
        hint.setId("timeShiftHint");
        for (Label l : new Label[] {suggestion, error, hint}) {
            wrap(l);
        }
        VBox box = new VBox(10, grid, error, hint, suggest, suggestion);
        box.setPadding(new Insets(8, 12, 4, 12));
        box.setPrefWidth(560);
        box.setMinHeight(Region.USE_PREF_SIZE);
        d.getDialogPane().setContent(box);
        d.setResizable(true);
        // a longer reason or error makes the window taller (at the width it has, up to the screen's height) rather
        // than cut the text short
        javafx.beans.InvalidationListener refit = o -> javafx.application.Platform.runLater(() -> {
            javafx.scene.Scene scene = d.getDialogPane().getScene();
            Window w = scene == null ? null : scene.getWindow();
            if (w == null || !w.isShowing()) {
                return;
            }
            double frame = w.getHeight() - scene.getHeight();
            double needed = d.getDialogPane().prefHeight(scene.getWidth()) + frame;
            double screen = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(),
                    w.getHeight()).stream().findFirst().orElse(javafx.stage.Screen.getPrimary())
                    .getVisualBounds().getHeight();
            if (needed > w.getHeight()) {
                w.setHeight(Math.min(needed, screen));
            }
        });
        suggestion.textProperty().addListener(refit);
        error.textProperty().addListener(refit);

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

    /** Lets a label take as many lines as its text needs at the width it is given, never cutting it short. */
    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
