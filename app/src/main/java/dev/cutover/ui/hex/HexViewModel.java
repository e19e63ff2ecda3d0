package dev.cutover.ui.hex;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldType;
import dev.cutover.ui.selection.DecodedFrame;
import dev.cutover.ui.selection.FieldSelection;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;

/** The hex dump of the selected frame: its bytes and which of them to highlight. */
public final class HexViewModel {
    private final FieldSelection selection;
    private final ReadOnlyObjectWrapper<byte[]> bytes = new ReadOnlyObjectWrapper<>(this, "bytes", new byte[0]);
    private final ReadOnlyObjectWrapper<List<HexRange>> highlights = new ReadOnlyObjectWrapper<>(this,
            "highlights", List.of());

    public HexViewModel(FieldSelection selection) {
        this.selection = selection;
        selection.frameProperty().addListener((o, was, now) -> {
            bytes.set(now == null ? new byte[0] : now.bytes());
            highlights.set(List.of());
        });
        selection.nodeProperty().addListener((o, was, now) -> highlights.set(rangesOf(now.intValue())));
    }

    private List<HexRange> rangesOf(int node) {
        DecodedFrame f = selection.frameProperty().get();
        if (f == null || node < 0) {
            return List.of();
        }
        Dissection d = f.dissection();
        List<HexRange> ranges = new ArrayList<>(2);
        int protocol = node;
        while (protocol >= 0 && d.field(protocol).type() != FieldType.PROTOCOL) {
            protocol = d.parent(protocol);
        }
        if (protocol >= 0 && protocol != node && d.length(protocol) > 0) {
            ranges.add(new HexRange(d.offset(protocol), d.length(protocol), HexRange.Kind.PROTOCOL));
        }
        if (d.length(node) > 0) {
            ranges.add(new HexRange(d.offset(node), d.length(node), HexRange.Kind.FIELD));
        }
        return List.copyOf(ranges);
    }

    /** The user clicked a byte: the deepest field covering it becomes the selection. */
    public void clickByte(int offset) {
        selection.selectByte(offset);
    }

    /** What hovering over a byte tells: the field's label and filter name, or null. */
    public String describeByte(int offset) {
        int n = selection.nodeAt(offset);
        if (n < 0) {
            return null;
        }
        Dissection d = selection.frameProperty().get().dissection();
        return d.field(n).label() + " (" + d.field(n).abbrev() + ")";
    }

    public ReadOnlyObjectProperty<byte[]> bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<HexRange>> highlightsProperty() {
        return highlights.getReadOnlyProperty();
    }
}
