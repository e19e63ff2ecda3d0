package dev.cutover.ui.hex;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A hex dump: offset, 16 bytes in hex, the same 16 as ASCII. It knows only bytes and ranges to highlight;
 * clicks and hovers are reported as byte offsets. Byte {@code n} is the node {@code #hex-byte-n}.
 */
public final class HexView extends ScrollPane {
    static final String FIELD = "hex-field";
    static final String PROTOCOL = "hex-protocol";

    private final GridPane grid = new GridPane();
    private Label[] hexCells = new Label[0];
    private Label[] asciiCells = new Label[0];
    private IntConsumer onByteClicked = b -> { };
    private IntFunction<String> describe = b -> null;
    private List<HexRange> highlights = List.of();

    public HexView() {
        setId("hexView");
        getStyleClass().add("hex-view");
        grid.getStyleClass().add("hex-grid");
        grid.setPadding(new Insets(4));
        grid.setHgap(0);
        setContent(grid);
        setFitToWidth(false);
    }

    /** Shows these bytes, with nothing highlighted. */
    public void setBytes(byte[] bytes) {
        grid.getChildren().clear();
        hexCells = new Label[bytes.length];
        asciiCells = new Label[bytes.length];
        for (int row = 0; row * 16 < bytes.length; row++) {
            Label offset = new Label(String.format("%04x", row * 16));
            offset.getStyleClass().add("hex-offset");
            offset.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(offset, 0, row);
            for (int col = 0; col < 16 && row * 16 + col < bytes.length; col++) {
                int i = row * 16 + col;
                int b = bytes[i] & 0xFF;
                Label hex = cell(String.format("%02x", b), i, "hex-byte");
                hex.setId("hex-byte-" + i);
                if (col == 8) {
                    hex.setPadding(new Insets(0, 0, 0, 8));
                }
                Label ascii = cell(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : ".", i, "hex-ascii");
                ascii.setId("hex-ascii-" + i);
                if (col == 0) {
                    ascii.setPadding(new Insets(0, 0, 0, 16));
                }
                hexCells[i] = hex;
                asciiCells[i] = ascii;
                grid.add(hex, 1 + col, row);
                grid.add(ascii, 17 + col, row);
            }
        }
        highlights = List.of();
        setVvalue(0);
    }

    private Label cell(String text, int offset, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        // never "..": a byte is two characters whatever the pane's width
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setOnMouseClicked(e -> onByteClicked.accept(offset));
        l.setOnMouseEntered(e -> {
            String d = describe.apply(offset);
            if (d == null) {
                l.setTooltip(null);
            } else {
                Tooltip t = new Tooltip(String.format("%s at byte %d (0x%x)", d, offset, offset));
                t.setShowDelay(Duration.millis(250));
                l.setTooltip(t);
            }
        });
        return l;
    }

    /** Highlights these ranges (the field strongly, its protocol lightly); the rest is plain. */
    public void setHighlights(List<HexRange> ranges) {
        for (HexRange r : highlights) {
            paint(r, null);
        }
        highlights = List.copyOf(ranges);
        for (HexRange r : highlights) {
            if (r.kind() == HexRange.Kind.PROTOCOL) {
                paint(r, PROTOCOL);
            }
        }
        for (HexRange r : highlights) {
            if (r.kind() == HexRange.Kind.FIELD) {
                paint(r, FIELD);
            }
        }
    }

    private void paint(HexRange r, String styleClass) {
        for (int i = Math.max(0, r.start()); i < Math.min(hexCells.length, r.start() + r.length()); i++) {
            for (Label l : new Label[] {hexCells[i], asciiCells[i]}) {
                l.getStyleClass().removeAll(FIELD, PROTOCOL);
                if (styleClass != null) {
                    l.getStyleClass().add(styleClass);
                }
            }
        }
    }

    /** Offsets of the bytes highlighted as the selected field, ascending. */
    public int[] highlightedBytes() {
        return java.util.stream.IntStream.range(0, hexCells.length)
                .filter(i -> hexCells[i].getStyleClass().contains(FIELD)).toArray();
    }

    public void setOnByteClicked(IntConsumer handler) {
        onByteClicked = handler;
    }

    /** What the tooltip over a byte says (null: none). */
    public void setDescriber(IntFunction<String> describer) {
        describe = describer;
    }
}
