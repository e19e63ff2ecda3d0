package dev.cutover.ui.details;

import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.ui.selection.DecodedFrame;
import dev.cutover.ui.selection.FieldSelection;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.ArrayList;
import java.util.List;

/** The details tree of the selected frame: protocols and fields as lines, the selected field. */
public final class DetailsViewModel {
    private final FieldSelection selection;
    private final ReadOnlyObjectWrapper<List<DetailNode>> roots = new ReadOnlyObjectWrapper<>(this, "roots",
            List.of());

    public DetailsViewModel(FieldSelection selection) {
        this.selection = selection;
        selection.frameProperty().addListener((o, was, now) -> roots.set(build(now)));
    }

    static List<DetailNode> build(DecodedFrame frame) {
        if (frame == null) {
            return List.of();
        }
        Dissection d = frame.dissection();
        List<List<DetailNode>> children = new ArrayList<>(d.size());
        List<DetailNode> top = new ArrayList<>();
        DetailNode[] made = new DetailNode[d.size()];
        for (int i = 0; i < d.size(); i++) {
            children.add(null);
            if (!FieldSelection.visible(d, i)) {
                continue;
            }
            List<DetailNode> kids = new ArrayList<>();
            children.set(i, kids);
            made[i] = new DetailNode(i, FieldFormat.label(d, i), d.field(i).abbrev(), d.severity(i), kids);
            int p = d.parent(i);
            if (p < 0) {
                top.add(made[i]);
            } else if (children.get(p) != null) {
                children.get(p).add(made[i]);
            }
        }
        return List.copyOf(top);
    }

    /** The user selected a line (null: none). */
    public void select(DetailNode line) {
        selection.selectNode(line == null ? -1 : line.node());
    }

    /** The top-level protocols of the frame on show. */
    public ReadOnlyObjectProperty<List<DetailNode>> rootsProperty() {
        return roots.getReadOnlyProperty();
    }

    /** The selected node (as in {@link DetailNode#node()}), -1 for none. */
    public ReadOnlyIntegerProperty selectedNodeProperty() {
        return selection.nodeProperty();
    }
}
