package dev.cutover.ui.statistics;

import dev.cutover.text.Untrusted;
import dev.cutover.capture.Capture;
import dev.cutover.statistics.BindingEvent;
import dev.cutover.statistics.BindingHistory;
import dev.cutover.statistics.VlanStacks;
import dev.cutover.ui.Tasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Statistics &gt; MAC-IP Bindings: arpwatch's history of which MAC claimed each IPv4 address. */
public final class BindingsViewModel extends StatisticsWindowModel<BindingHistory> {
    private final ObservableList<BindingEvent> rows = FXCollections.observableArrayList();
    private final FilteredList<BindingEvent> shown = new FilteredList<>(rows);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty changesOnly = new SimpleBooleanProperty(this, "changesOnly");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private BindingHistory history;

    BindingsViewModel(Tasks tasks, StatisticsViewModel shared) {
        super(tasks, shared);
        search.addListener((o, was, now) -> refilter());
        changesOnly.addListener((o, was, now) -> refilter());
    }

    private void refilter() {
        String t = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        boolean changes = changesOnly.get();
        Predicate<BindingEvent> p = e -> (!changes || e.kind().isChange())
                && (t.isEmpty() || e.ipText().contains(t) || e.macText().contains(t)
                || e.previousMacText().contains(t) || e.kind().words().contains(t));
        shown.setPredicate(t.isEmpty() && !changes ? null : p);
    }

    @Override
    void clear() {
        rows.clear();
        history = null;
    }

    /** Reads the ARP of every frame again, now. */
    @Override
    public void recompute() {
        Capture c = shared.capture();
        message.set("");
        if (c == null) {
            rows.clear();
            history = null;
            summary.set("");
            job.abandon("No capture is open.");
            stale = true;
            return;
        }
        stale = false;
        job.start(String.format(Locale.ROOT, "Reading the ARP of %,d frames…", c.frameCount()),
                monitor -> BindingHistory.compute(c, monitor), h -> {
                    history = h;
                    rows.setAll(h.events());
                    long changes = h.events().stream().filter(e -> e.kind().isChange()).count();
                    summary.set(String.format(Locale.ROOT, "%,d IPs claimed in %,d ARP frames; %,d change%s",
                            h.ipCount(), h.arpFrames(), changes, changes == 1 ? "" : "s")
                            + (h.droppedEvents() == 0 ? "" : String.format(Locale.ROOT,
                            "; %,d later events not listed", h.droppedEvents())));
                });
    }

    /** Stops the pass under way. */
    public void cancel() {
        job.cancel();
    }

    /** The user picked an event: its frame is selected in the packet list. */
    public void select(BindingEvent e) {
        if (e == null) {
            return;
        }
        message.set(shared.selectFrame(e.frame()) ? ""
                : "Frame " + (e.frame() + 1) + " is hidden by the display filter");
    }

    /** Copy as CSV of the rows given (those shown, in the table's order). */
    public String csv(List<BindingEvent> list) {
        return history == null ? "" : history.csv(list, shared::time);
    }

    public String time(int frame) {
        return shared.time(frame);
    }

    public String vlan(BindingEvent e) {
        return VlanStacks.text(e.vlanStack());
    }

    public String interfaceName(BindingEvent e) {
        return history == null ? "" : Untrusted.oneLine(history.interfaceName(e.interfaceId()));
    }

    /** The events the search and "changes only" keep, in frame order. */
    public ObservableList<BindingEvent> rows() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Hide new stations, new activity and ignored messages: keep changes of MAC. */
    public BooleanProperty changesOnlyProperty() {
        return changesOnly;
    }

    /** What the last selection could not do ("Frame 80 is hidden by the display filter"), or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

}
