package dev.cutover.ui.export;

import dev.cutover.ui.export.ExportPacketsViewModel.Counts;
import dev.cutover.ui.export.ExportPacketsViewModel.Format;
import dev.cutover.ui.export.ExportPacketsViewModel.Range;
import dev.cutover.ui.export.ExportPacketsViewModel.Scope;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Export Specified Packets dialog: Wireshark's packet range (Captured or Displayed; all, selected, marked,
 * first to last marked, a range) with the count of each choice, the format, then Export… asks where to write.
 */
public final class ExportPacketsView {
    private final ExportPacketsViewModel vm;
    /** Asks where to write; the file chooser, or a fixed answer in tests (a native chooser cannot be driven). */
    private BiFunction<Window, ExportPacketsView, File> saveTarget = ExportPacketsView::chooseTarget;
    private Dialog<ButtonType> dialog;

    public ExportPacketsView(ExportPacketsViewModel vm) {
        this.vm = vm;
    }

    /** Replaces the file chooser (tests). */
    public void setSaveTarget(BiFunction<Window, ExportPacketsView, File> saveTarget) {
        this.saveTarget = saveTarget;
    }

    /** Opens the dialog over {@code owner}. */
    public void show(Window owner) {
        vm.prepare();
        if (dialog == null) {
            dialog = build();
        }
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        if (!dialog.isShowing()) {
            dialog.show();
        }
    }

    private Dialog<ButtonType> build() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export Specified Packets");
        d.setHeaderText(null);
        d.setResizable(true);
        d.getDialogPane().setId("exportPacketsDialog");

        ToggleGroup scopes = new ToggleGroup();
        RadioButton captured = radio("Captured", "exportScopeCaptured", scopes);
        RadioButton displayed = radio("Displayed", "exportScopeDisplayed", scopes);
        select(scopes, vm.scopeProperty().get() == Scope.CAPTURED ? captured : displayed);
        scopes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.scopeProperty().set(now == captured ? Scope.CAPTURED : Scope.DISPLAYED);
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        ColumnConstraints first = new ColumnConstraints();
        first.setHgrow(Priority.ALWAYS);
        ColumnConstraints number = new ColumnConstraints();
        number.setHalignment(HPos.RIGHT);
        number.setMinWidth(80);
        grid.getColumnConstraints().addAll(first, number, number);
        grid.add(captured, 1, 0);
        grid.add(displayed, 2, 0);

        ToggleGroup ranges = new ToggleGroup();
        Map<Range, RadioButton> rangeButtons = new EnumMap<>(Range.class);
        Map<Range, Label[]> countLabels = new EnumMap<>(Range.class);
        TextField rangeText = new TextField();
        rangeText.setId("exportRangeText");
        rangeText.setPromptText("1-10,20,30-");
        rangeText.textProperty().bindBidirectional(vm.rangeTextProperty());
        int row = 1;
        for (Range r : Range.values()) {
            RadioButton b = radio(label(r), "exportRange" + r.name(), ranges);
            rangeButtons.put(r, b);
            if (r == Range.RANGE) {
                HBox box = new HBox(8, b, rangeText);
                HBox.setHgrow(rangeText, Priority.ALWAYS);
                rangeText.setOnMouseClicked(e -> select(ranges, b));
                rangeText.focusedProperty().addListener((o, was, now) -> {
                    if (now) {
                        select(ranges, b);
                    }
                });
                grid.add(box, 0, row);
            } else {
                grid.add(b, 0, row);
            }
            Label c = new Label();
            c.setId("exportCount" + r.name() + "Captured");
            Label s = new Label();
            s.setId("exportCount" + r.name() + "Displayed");
            countLabels.put(r, new Label[] {c, s});
            grid.add(c, 1, row);
            grid.add(s, 2, row);
            row++;
        }
        select(ranges, rangeButtons.get(vm.rangeProperty().get()));
        ranges.selectedToggleProperty().addListener((o, was, now) -> rangeButtons.forEach((r, b) -> {
            if (b == now) {
                vm.rangeProperty().set(r);
            }
        }));
        vm.rangeProperty().addListener((o, was, now) -> select(ranges, rangeButtons.get(now)));
        Runnable showCounts = () -> {
            Counts counts = vm.countsProperty().get();
            for (Range r : Range.values()) {
                Label[] l = countLabels.get(r);
                l[0].setText(text(counts.of(Scope.CAPTURED, r)));
                l[1].setText(text(counts.of(Scope.DISPLAYED, r)));
                l[0].setDisable(vm.scopeProperty().get() != Scope.CAPTURED);
                l[1].setDisable(vm.scopeProperty().get() != Scope.DISPLAYED);
                // as in Wireshark, a choice that gives no frame cannot be taken (the range can: it is typed)
                rangeButtons.get(r).setDisable(r != Range.RANGE && r != Range.ALL
                        && counts.of(Scope.CAPTURED, r) == 0);
            }
        };
        vm.countsProperty().addListener((o, was, now) -> showCounts.run());
        vm.scopeProperty().addListener((o, was, now) -> showCounts.run());
        showCounts.run();
        Label problem = new Label();
        problem.setId("exportRangeProblem");
        problem.getStyleClass().add("filter-message");
        problem.textProperty().bind(vm.rangeProblemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        grid.add(problem, 0, row, 3, 1);
        TitledPane rangePane = new TitledPane("Packet Range", grid);
        rangePane.setCollapsible(false);

        ToggleGroup formats = new ToggleGroup();
        RadioButton pcapng = radio("pcapng: annotations and the file's comments kept as packet comments, one "
                + "interface per source", "exportFormatPcapng", formats);
        RadioButton pcap = radio("pcap: no comments, one link type", "exportFormatPcap", formats);
        pcapng.setWrapText(true);
        select(formats, vm.formatProperty().get() == Format.PCAP ? pcap : pcapng);
        formats.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.formatProperty().set(now == pcap ? Format.PCAP : Format.PCAPNG);
            }
        });
        TitledPane formatPane = new TitledPane("Format", new VBox(6, pcapng, pcap));
        formatPane.setCollapsible(false);

        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.writingProperty());
        Label message = new Label();
        message.setId("exportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        VBox content = new VBox(10, rangePane, formatPane, bar, message);
        content.setPadding(new Insets(4));
        content.setPrefWidth(560);
        d.getDialogPane().setContent(content);

        ButtonType exportType = new ButtonType("Export…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(exportType, ButtonType.CANCEL);
        Button export = (Button) d.getDialogPane().lookupButton(exportType);
        export.setId("exportButton");
        export.disableProperty().bind(vm.writingProperty().or(vm.chosenCountProperty().lessThanOrEqualTo(0)));
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId("exportCancelButton");
        cancel.textProperty().bind(Bindings.when(vm.writingProperty()).then("Stop").otherwise("Cancel"));
        export.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open while it writes; it closes when the file is there
            File f = saveTarget.apply(d.getDialogPane().getScene().getWindow(), this);
            if (f != null) {
                vm.export(f.toPath());
            }
        });
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (vm.writingProperty().get()) {
                e.consume();
                vm.cancel();
            }
        });
        vm.writtenProperty().addListener((o, was, now) -> {
            if (now != null && d.isShowing()) {
                d.close();
            }
        });
        return d;
    }

    private static String label(Range r) {
        switch (r) {
            case ALL:
                return "All packets";
            case SELECTED:
                return "Selected packets only";
            case MARKED:
                return "Marked packets only";
            case FIRST_TO_LAST_MARKED:
                return "First to last marked";
            case RANGE:
            default:
                return "Range:";
        }
    }

    private static String text(int count) {
        return count < 0 ? "–" : String.format("%,d", count);
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.setMnemonicParsing(false);
        return b;
    }

    private static void select(ToggleGroup group, RadioButton button) {
        if (button != null && group.getSelectedToggle() != button) {
            group.selectToggle(button);
        }
    }

    /** The format chosen in the dialog, for the chooser's file name. */
    public Format format() {
        return vm.formatProperty().get();
    }

    private static File chooseTarget(Window owner, ExportPacketsView view) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Specified Packets");
        String ext = view.format().extension();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext, "*." + ext));
        Path folder = view.vm.suggestedFolder();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.setInitialFileName("exported." + ext);
        return chooser.showSaveDialog(owner);
    }
}
