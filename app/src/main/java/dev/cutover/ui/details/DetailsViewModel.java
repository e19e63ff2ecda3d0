package dev.cutover.ui.details;

import dev.cutover.text.Untrusted;
import dev.cutover.dissect.Dissection;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldFormat;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import dev.cutover.filter.MatchSelected;
import dev.cutover.ui.packets.FilterViewModel;
import dev.cutover.ui.selection.DecodedFrame;
import dev.cutover.ui.selection.FieldSelection;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/** The details tree of the selected frame: protocols and fields as lines, the selected field. */
public final class DetailsViewModel {
    private final FieldSelection selection;
    private final ReadOnlyObjectWrapper<List<DetailNode>> roots = new ReadOnlyObjectWrapper<>(this, "roots",
            List.of());

    private final ReadOnlyStringWrapper fieldStatus = new ReadOnlyStringWrapper(this, "fieldStatus", "");
    private FilterViewModel filter;

    public DetailsViewModel(FieldSelection selection) {
        this.selection = selection;
        selection.frameProperty().addListener((o, was, now) -> roots.set(build(now)));
        selection.nodeProperty().addListener((o, was, now) -> fieldStatus.set(describe(now.intValue())));
        selection.frameProperty().addListener((o, was, now) -> fieldStatus.set(""));
    }

    /** The display filter bar that Apply as Filter and Prepare as Filter write into. */
    public void setFilter(FilterViewModel filter) {
        this.filter = filter;
    }

    /** What the status bar tells of the selected field: "Opcode (arp.opcode), 2 bytes", as Wireshark's. */
    private String describe(int node) {
        DecodedFrame f = selection.frameProperty().get();
        if (f == null || node < 0 || node >= f.dissection().size()) {
            return "";
        }
        Dissection d = f.dissection();
        Field field = d.field(node);
        StringBuilder sb = new StringBuilder(field.label()).append(" (").append(field.abbrev()).append(')');
        int length = d.length(node);
        if (length > 0) {
            sb.append(", ").append(length).append(length == 1 ? " byte" : " bytes");
        }
        return sb.toString();
    }

    /** The filter that selects this line's value (Copy as Filter), or null when it has none. */
    public String filterFor(DetailNode line) {
        DecodedFrame f = selection.frameProperty().get();
        if (f == null || line == null || line.node() >= f.dissection().size()) {
            return null;
        }
        return MatchSelected.of(f.dissection(), line.node());
    }

    /**
     * Apply as Filter (apply true) or Prepare as Filter (apply false): the line's filter, combined as the action
     * says with the text in the filter bar, is put in the bar, and applied. False when the line has no filter.
     */
    public boolean useAsFilter(DetailNode line, MatchSelected.Action action, boolean apply) {
        String selected = filterFor(line);
        if (selected == null || filter == null) {
            return false;
        }
        String current = filter.textProperty().get();
        if (current == null || current.isBlank() || !compiles(current)) {
            current = filter.appliedProperty().get();
        }
        filter.textProperty().set(MatchSelected.combine(current, selected, action));
        if (apply) {
            filter.apply();
        }
        return true;
    }

    private static boolean compiles(String text) {
        try {
            CompiledFilter.compile(text);
            return true;
        } catch (FilterException e) {
            return false;
        }
    }

    /** Copy > Value: what the line shows after its name ("reverse request (3)"), or the whole line. */
    public static String valueOf(DetailNode line) {
        String label = line.label();
        String inner = label.startsWith("[") && label.endsWith("]") ? label.substring(1, label.length() - 1) : label;
        int colon = inner.indexOf(": ");
        return colon < 0 ? inner : inner.substring(colon + 2);
    }

    /** The selected field for the status bar ("" when none). */
    public ReadOnlyStringProperty fieldStatusProperty() {
        return fieldStatus.getReadOnlyProperty();
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
            // a comment's or a name's newline shown as \x0a: one row of the tree, one line
            made[i] = new DetailNode(i, Untrusted.oneLine(FieldFormat.label(d, i)), d.field(i).abbrev(),
                    d.severity(i), kids);
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
