package dev.cutover.ui.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.statistics.Endpoint;
import dev.cutover.statistics.Endpoints;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/** Statistics &gt; Endpoints: one row per MAC, a text filter over the rows, and Apply as Filter. */
public final class EndpointsViewModel extends StatisticsWindowModel<Endpoints> {
    private final ObservableList<Endpoint> rows = FXCollections.observableArrayList();
    private final FilteredList<Endpoint> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty limitToDisplayFilter = new SimpleBooleanProperty(this, "limitToDisplayFilter");

    EndpointsViewModel(Tasks tasks, StatisticsViewModel shared) {
        super(tasks, shared);
        search.addListener((o, was, now) -> shown.setPredicate(matcher(now)));
        limitToDisplayFilter.addListener((o, was, now) -> recompute());
    }

    @Override
    void clear() {
        rows.clear();
    }

    void displayedChanged() {
        if (limitToDisplayFilter.get()) {
            captureChanged();
        }
    }

    @Override
    public void recompute() {
        Capture c = shared.capture();
        if (c == null) {
            rows.clear();
            summary.set("");
            job.abandon("No capture is open.");
            stale = true;
            return;
        }
        stale = false;
        IntPredicate include = limitToDisplayFilter.get() ? shared.displayedSnapshot() : null;
        String scope = include == null ? "" : " shown by " + shared.appliedFilter();
        job.start(String.format(Locale.ROOT, "Counting the MACs of %,d frames%s…", c.frameCount(), scope),
                monitor -> Endpoints.compute(c, monitor, include), e -> {
                    rows.setAll(e.rows());
                    summary.set(String.format(Locale.ROOT, "%,d MACs in %,d frames%s", e.rows().size(),
                            e.framesRead(), scope)
                            + (e.untrackedFrames() == 0 ? "" : String.format(Locale.ROOT,
                            "; %,d frames of MACs past the first %,d not counted", e.untrackedFrames(),
                            Endpoints.MAX_ENDPOINTS)));
                });
    }

    /** Stops the pass under way. */
    public void cancel() {
        job.cancel();
    }

    private static java.util.function.Predicate<Endpoint> matcher(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return null;
        }
        return e -> e.macText().contains(t) || e.vendor().toLowerCase(Locale.ROOT).contains(t)
                || e.ipsText().contains(t) || e.vlansText().contains(t)
                || e.interfacesText().toLowerCase(Locale.ROOT).contains(t);
    }

    /** Apply as Filter: the row's display filter goes into the bar and is applied. */
    public void applyAsFilter(Endpoint e) {
        if (e != null) {
            shared.applyFilter(e.displayFilter());
        }
    }

    /** Prepare as Filter: the row's display filter goes into the bar, not applied. */
    public void prepareAsFilter(Endpoint e) {
        if (e != null) {
            shared.prepareFilter(e.displayFilter());
        }
    }

    /** Selects the MAC's first frame in the packet list. */
    public boolean goToFirstFrame(Endpoint e) {
        return e != null && shared.selectFrame(e.firstFrame());
    }

    /** Copy as CSV of the rows given (those shown, in the table's order). */
    public String csv(List<Endpoint> list) {
        return Endpoints.csv(list, shared::time);
    }

    /** A frame's time, in the packet list's format. */
    public String time(int frame) {
        return shared.time(frame);
    }

    /** The rows the search keeps. */
    public ObservableList<Endpoint> rows() {
        return shown;
    }

    /** Text that keeps rows whose MAC, vendor, IPs, VLANs or interfaces contain it. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Count only the frames the display filter shows (Wireshark's "Limit to display filter"). */
    public BooleanProperty limitToDisplayFilterProperty() {
        return limitToDisplayFilter;
    }

}
