package dev.cutover.ui.packets;

import dev.cutover.filter.CompiledFilter;
import dev.cutover.filter.FilterException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/** The display filter bar: validates as the user types, applies on request, remembers what was applied. */
public final class FilterViewModel {
    /** How the text in the bar reads as a filter. */
    public enum Validity { EMPTY, VALID, INVALID }

    private static final int HISTORY = 20;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Validity> validity = new ReadOnlyObjectWrapper<>(this, "validity",
            Validity.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper(this, "applied", "");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    private final Consumer<CompiledFilter> target;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Runnable stopper = () -> { };
    private CompiledFilter compiled = emptyFilter();

    /** @param target what applies a compiled filter (the packet list) */
    public FilterViewModel(Consumer<CompiledFilter> target) {
        this.target = target;
        text.addListener((o, was, now) -> validate(now));
    }

    private void validate(String t) {
        if (t == null || t.isBlank()) {
            compiled = emptyFilter();
            validity.set(Validity.EMPTY);
            message.set("");
            return;
        }
        try {
            compiled = CompiledFilter.compile(t);
            validity.set(Validity.VALID);
            message.set("");
        } catch (FilterException e) {
            compiled = null;
            validity.set(Validity.INVALID);
            message.set(e.message() + " (at character " + (e.position() + 1) + ")");
        }
    }

    /** Applies the text if it is a valid filter (blank shows every frame); false when it is not. */
    public boolean apply() {
        if (compiled == null) {
            return false;
        }
        String t = compiled.text();
        if (!t.isBlank()) {
            history.remove(t);
            history.add(0, t);
            if (history.size() > HISTORY) {
                history.remove(HISTORY, history.size());
            }
        }
        applied.set(t);
        target.accept(compiled);
        return true;
    }

    /**
     * Follows the filter pass of whatever applies the filters (the packet list): whether one runs, how far it got,
     * what it has to say ("Filtering… 120,000 of 1,613,973 frames, 42 matched"), and how to stop it.
     */
    public void follow(ReadOnlyBooleanProperty filtering, ReadOnlyDoubleProperty fraction, ReadOnlyStringProperty text,
                       Runnable stop) {
        running.bind(filtering);
        progress.bind(fraction);
        status.bind(text);
        stopper = stop;
    }

    /** Stops the filter under way, keeping what it matched so far (the Cancel button). */
    public void stop() {
        if (running.get()) {
            stopper.run();
        }
    }

    /** Esc in the field: stops the filter under way, or when none runs clears the bar and shows every frame. */
    public void escape() {
        if (running.get()) {
            stop();
        } else {
            clear();
        }
    }

    /** Whether a filter pass runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1 of the frames the filter under way has examined. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** How the filter pass is going or, after a cancel, how far it got; "" for nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Clears the bar and shows every frame. */
    public void clear() {
        text.set("");
        apply();
    }

    /** Fills the history from preferences, most recent first. */
    public void restoreHistory(List<String> items) {
        history.setAll(items.stream().limit(HISTORY).toList());
    }

    private static CompiledFilter emptyFilter() {
        try {
            return CompiledFilter.compile("");
        } catch (FilterException e) {
            throw new IllegalStateException(e);
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<Validity> validityProperty() {
        return validity.getReadOnlyProperty();
    }

    /** Why the text is not a filter, empty when it is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The filter the list shows, "" for none. */
    public ReadOnlyStringProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** Filters applied before, most recent first. */
    public ObservableList<String> history() {
        return historyView;
    }
}
