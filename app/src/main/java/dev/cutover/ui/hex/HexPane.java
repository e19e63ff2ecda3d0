package dev.cutover.ui.hex;

import javafx.scene.layout.BorderPane;

/** Binds the {@link HexView} to the {@link HexViewModel}. */
public final class HexPane extends BorderPane {
    private final HexView hex = new HexView();

    public HexPane(HexViewModel vm) {
        hex.setBytes(vm.bytesProperty().get());
        vm.bytesProperty().addListener((o, was, now) -> hex.setBytes(now));
        vm.highlightsProperty().addListener((o, was, now) -> hex.setHighlights(now));
        hex.setOnByteClicked(vm::clickByte);
        hex.setDescriber(vm::describeByte);
        javafx.scene.control.Label empty = new javafx.scene.control.Label(
                "The selected packet's bytes appear here; click a byte to find its field");
        empty.setId("hexPlaceholder");
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.bytesProperty().get().length == 0, vm.bytesProperty()));
        setCenter(new javafx.scene.layout.StackPane(hex, empty));
    }

    public HexView hexView() {
        return hex;
    }
}
