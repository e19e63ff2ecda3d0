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
        setCenter(hex);
    }

    public HexView hexView() {
        return hex;
    }
}
