package dev.cutover.ui.find;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * The find bar under the display filter bar (Edit > Find Packet, Ctrl+F): where to look and how to read the text,
 * the text (red with the reason when it is not a filter or hex value), Find (Enter) and Cancel (Esc), and what the
 * search found.
 */
public final class FindBar extends VBox {
    static final String VALID = "filter-valid";
    static final String INVALID = "filter-invalid";

    private final FindViewModel vm;
    private final TextField field = new TextField();
    private boolean refocus;

    public FindBar(FindViewModel vm) {
        this.vm = vm;
        setId("findBar");
        visibleProperty().bind(vm.openProperty());
        managedProperty().bind(vm.openProperty());

        ComboBox<PacketSearch.Scope> scope = choice("findScope", PacketSearch.Scope.values(), PacketSearch.Scope::label);
        scope.valueProperty().bindBidirectional(vm.scopeProperty());
        scope.setTooltip(new Tooltip("Search the packet list's columns, the packet details' lines or the packet "
                + "bytes (as text)"));
        CheckBox caseSensitive = new CheckBox("Case sensitive");
        caseSensitive.setId("findCaseSensitive");
        caseSensitive.selectedProperty().bindBidirectional(vm.caseSensitiveProperty());
        // only a string is looked for somewhere and in some case; as Wireshark, the other modes grey them out
        scope.disableProperty().bind(vm.modeProperty().isNotEqualTo(PacketSearch.Mode.STRING));
        caseSensitive.disableProperty().bind(scope.disableProperty());
        ComboBox<PacketSearch.Mode> mode = choice("findMode", PacketSearch.Mode.values(), PacketSearch.Mode::label);
        mode.valueProperty().bindBidirectional(vm.modeProperty());

        field.setId("findField");
        field.textProperty().bindBidirectional(vm.textProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMinWidth(160);
        vm.modeProperty().addListener((o, was, now) -> prompt());
        prompt();
        // the packet list takes the focus when it selects the match; Enter in the bar keeps it for the next Enter
        vm.searchingProperty().addListener((o, was, now) -> {
            if (!now && refocus) {
                refocus = false;
                Platform.runLater(field::requestFocus);
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                refocus = true;
                if (!(e.isShiftDown() ? vm.findPrevious() : vm.findNext())) {
                    refocus = false;
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelOrClose();
                e.consume();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancelOrClose();
                e.consume();
            }
        });

        Button find = new Button("Find");
        find.setId("findButton");
        find.setDefaultButton(false);
        find.setTooltip(new Tooltip("Find the next matching packet (Enter; Shift+Enter for the previous one)"));
        find.setOnAction(e -> vm.findNext());
        find.disableProperty().bind(vm.validityProperty().isEqualTo(FindViewModel.Validity.INVALID));
        Button cancel = new Button("Cancel");
        cancel.setId("findCancel");
        cancel.setTooltip(new Tooltip("Stop the search, or close the find bar (Esc)"));
        cancel.setOnAction(e -> vm.cancelOrClose());

        ProgressBar progress = new ProgressBar();
        progress.setId("findProgress");
        progress.setPrefWidth(80);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.searchingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label result = new Label();
        result.setId("findResult");
        result.textProperty().bind(vm.resultProperty());
        result.setMinWidth(Label.USE_PREF_SIZE);

        Label title = new Label("Find:");
        HBox row = new HBox(6, title, scope, caseSensitive, mode, field, find, cancel, progress, result);
        row.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("findMessage");
        message.textProperty().bind(vm.problemProperty());
        message.getStyleClass().add("filter-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());

        vm.validityProperty().addListener((o, was, now) -> style(now));
        style(vm.validityProperty().get());
        vm.openProperty().addListener((o, was, now) -> {
            if (now) {
                focus();
            }
        });
        getChildren().addAll(row, message);
        setPadding(new Insets(2, 6, 4, 6));
        setSpacing(2);
        getStyleClass().add("find-bar");
    }

    private void prompt() {
        switch (vm.modeProperty().get()) {
            case HEX:
                field.setPromptText("Bytes in hex: 00 50 56, 005056 or 00:50:56");
                break;
            case STRING:
                field.setPromptText("Text to find");
                break;
            case DISPLAY_FILTER:
            default:
                field.setPromptText("A display filter: arp.opcode == 3, eth.src == 00:50:56:9d:b0:51");
        }
    }

    private static <T> ComboBox<T> choice(String id, T[] values, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : label.apply(t));
            }
        });
        box.setMinWidth(ComboBox.USE_PREF_SIZE);
        return box;
    }

    private void style(FindViewModel.Validity v) {
        field.getStyleClass().removeAll(VALID, INVALID);
        if (v == FindViewModel.Validity.VALID) {
            field.getStyleClass().add(VALID);
        } else if (v == FindViewModel.Validity.INVALID) {
            field.getStyleClass().add(INVALID);
        }
    }

    /** Puts the cursor in the text, all of it selected (Ctrl+F when the bar is already open). */
    public void focus() {
        field.requestFocus();
        field.selectAll();
    }

    public TextField field() {
        return field;
    }
}
