package dev.cutover.ui.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.statistics.ProtocolHierarchy;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; Protocol Hierarchy: the tree of protocol paths with their frames and bytes, of the frames the
 * display filter shows, as Wireshark counts it (or of every frame).
 */
public final class ProtocolHierarchyViewModel extends StatisticsWindowModel<ProtocolHierarchy> {
    private final ReadOnlyObjectWrapper<ProtocolHierarchy> hierarchy = new ReadOnlyObjectWrapper<>(this, "hierarchy");
    private final BooleanProperty limitToDisplayFilter = new SimpleBooleanProperty(this, "limitToDisplayFilter", true);

    ProtocolHierarchyViewModel(Tasks tasks, StatisticsViewModel shared) {
        super(tasks, shared);
        limitToDisplayFilter.addListener((o, was, now) -> {
            if (shared.filtered()) {
                captureChanged();
            }
        });
    }

    @Override
    void clear() {
        hierarchy.set(null);
    }

    void displayedChanged() {
        if (limitToDisplayFilter.get()) {
            captureChanged();
        }
    }

    /** Decodes every frame again, now. */
    @Override
    public void recompute() {
        Capture c = shared.capture();
        if (c == null) {
            hierarchy.set(null);
            summary.set("");
            job.abandon("No capture is open.");
            stale = true;
            return;
        }
        stale = false;
        IntPredicate include = limitToDisplayFilter.get() ? shared.displayedSnapshot() : null;
        String filter = include == null ? "none" : shared.appliedFilter();
        job.start(String.format(Locale.ROOT, "Decoding %,d frames…", c.frameCount()),
                monitor -> ProtocolHierarchy.compute(c, monitor, include), h -> {
                    hierarchy.set(h);
                    summary.set(String.format(Locale.ROOT, "Display filter: %s · %,d frames, %,d bytes", filter,
                            h.root().frames(), h.root().bytes()));
                });
    }

    /** Stops the pass under way. */
    public void cancel() {
        job.cancel();
    }

    /** The last tree computed; null while none is. */
    public ReadOnlyObjectProperty<ProtocolHierarchy> hierarchyProperty() {
        return hierarchy.getReadOnlyProperty();
    }

    /** Count only the frames the display filter shows; on by default, as Wireshark counts. */
    public BooleanProperty limitToDisplayFilterProperty() {
        return limitToDisplayFilter;
    }

    /** Copy as CSV of the whole tree. */
    public String csv() {
        return hierarchy.get() == null ? "" : hierarchy.get().csv();
    }

    /** Applies a protocol's name as the display filter (Apply as Filter on a row). */
    public void applyAsFilter(ProtocolHierarchy.Node node) {
        if (node != null && !node.abbrev().equals(ProtocolHierarchy.FRAME) && !node.abbrev().startsWith("_ws.")) {
            shared.applyFilter(node.abbrev());
        }
    }

}
