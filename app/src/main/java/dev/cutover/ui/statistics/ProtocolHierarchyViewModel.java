package dev.cutover.ui.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.statistics.ProtocolHierarchy;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; Protocol Hierarchy: the tree of protocol paths with their frames and bytes, of the frames the
 * display filter shows, as Wireshark counts it (or of every frame).
 */
public final class ProtocolHierarchyViewModel {
    private final StatisticsViewModel shared;
    private final StatisticsJob<ProtocolHierarchy> job;
    private final ReadOnlyObjectWrapper<ProtocolHierarchy> hierarchy = new ReadOnlyObjectWrapper<>(this, "hierarchy");
    private final BooleanProperty limitToDisplayFilter = new SimpleBooleanProperty(this, "limitToDisplayFilter", true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private boolean active;
    private boolean stale = true;

    ProtocolHierarchyViewModel(Tasks tasks, StatisticsViewModel shared) {
        this.shared = shared;
        this.job = new StatisticsJob<>(tasks);
        limitToDisplayFilter.addListener((o, was, now) -> {
            if (shared.filtered()) {
                captureChanged();
            }
        });
    }

    /** The window opened: computes unless the tree is up to date. */
    public void activate() {
        active = true;
        if (stale) {
            recompute();
        }
    }

    /** The window closed: a pass under way stops. */
    public void deactivate() {
        active = false;
        if (job.runningProperty().get()) {
            job.abandon("");
            stale = true;
        }
    }

    void captureChanged() {
        stale = true;
        if (active) {
            recompute();
        } else {
            hierarchy.set(null);
            summary.set("");
        }
    }

    void displayedChanged() {
        if (limitToDisplayFilter.get()) {
            captureChanged();
        }
    }

    /** Decodes every frame again, now. */
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

    /** "Display filter: none · 77 frames, 16,561 bytes". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
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

    public ReadOnlyStringProperty stateProperty() {
        return job.stateProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return job.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return job.progressProperty();
    }
}
