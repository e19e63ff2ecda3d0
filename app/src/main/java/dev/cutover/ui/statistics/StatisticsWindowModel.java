package dev.cutover.ui.statistics;

import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the Endpoints, MAC-IP Bindings and Protocol Hierarchy windows share: they count only while open, count
 * again when opened on a capture that changed meanwhile, stop a pass when closed, and show its state, progress
 * and a one-line summary.
 *
 * @param <T> what one pass over the frames computes
 */
abstract class StatisticsWindowModel<T> {
    final StatisticsViewModel shared;
    final StatisticsJob<T> job;
    final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    boolean stale = true;
    private boolean active;

    StatisticsWindowModel(Tasks tasks, StatisticsViewModel shared) {
        this.shared = shared;
        this.job = new StatisticsJob<>(tasks);
    }

    /** Counts again, now. */
    public abstract void recompute();

    /** Forgets what the last pass showed (the window is closed and the capture changed). */
    abstract void clear();

    /** The window opened: computes unless what it shows is up to date. */
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
            clear();
            summary.set("");
        }
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
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

    /** The packet list's time format changes: times are shown again. */
    public javafx.beans.value.ObservableValue<?> timeFormat() {
        return shared.timeFormat();
    }
}
