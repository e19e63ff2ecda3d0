package dev.cutover.ui.annotations;

import dev.cutover.annotations.Annotation;
import dev.cutover.annotations.AnnotationStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The annotations of the open capture: the side panel's comment and tags for the current frame, saved to the
 * sidecar file after every change, with undo and redo. Other view models read {@link #commentsOf} so the
 * notes show as {@code frame.comment} in the tree and the filter.
 */
public final class AnnotationsViewModel {
    private AnnotationStore store = AnnotationStore.inMemory();
    private final ReadOnlyIntegerWrapper frame = new ReadOnlyIntegerWrapper(this, "frame", -1);
    private final StringProperty comment = new SimpleStringProperty(this, "comment", "");
    private final StringProperty tags = new SimpleStringProperty(this, "tags", "");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(this, "waiting");

    /**
     * The frames on show are those read so far of a file still loading: its annotations load with it, so until then
     * nothing can be written (a comment typed now would have no file to go to and be lost when the load ends).
     */
    public void waitForLoad() {
        store = AnnotationStore.inMemory();
        waiting.set(true);
        message.set("Annotations can be written once the capture has loaded.");
        frame.set(-1);
        fill();
        changed();
    }

    /** True while {@link #waitForLoad} holds: the panel's fields and actions are off. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** Loads the sidecar of the first file (nothing open: an empty store that is not saved). */
    public void setFiles(List<Path> files, int frameCount) {
        setFiles(files, frameCount, null);
    }

    /** As {@link #setFiles(List, int)} for files opened with time shifts (nanoseconds per file, null for none). */
    public void setFiles(List<Path> files, int frameCount, long[] timeShiftNanos) {
        waiting.set(false);
        message.set("");
        if (files == null || files.isEmpty()) {
            store = AnnotationStore.inMemory();
        } else {
            try {
                store = AnnotationStore.load(files, frameCount, timeShiftNanos);
                if (store.mismatch() != null) {
                    message.set("Careful: " + store.mismatch());
                }
            } catch (IOException e) {
                store = AnnotationStore.inMemory();
                message.set("Annotations not loaded: " + e.getMessage());
            }
        }
        frame.set(-1);
        fill();
        changed();
    }

    /** The frame (0-based) the panel edits; -1 for none. */
    public void showFrame(int index) {
        frame.set(index);
        fill();
    }

    private void fill() {
        Annotation a = frame.get() < 0 ? null : store.get(frame.get() + 1);
        comment.set(a == null ? "" : a.comment());
        tags.set(a == null ? "" : String.join(", ", a.tags()));
    }

    /** Stores the panel's comment and tags on the current frame (both empty: removes the annotation). */
    public void apply() {
        if (frame.get() < 0 || waiting.get()) {
            return;
        }
        List<String> t = Arrays.stream(tags.get() == null ? new String[0] : tags.get().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        store.put(new Annotation(frame.get() + 1, comment.get() == null ? "" : comment.get().strip(), t));
        saveAndNotify();
    }

    /** Removes the current frame's annotation. */
    public void remove() {
        if (frame.get() >= 0 && !waiting.get() && store.remove(frame.get() + 1)) {
            saveAndNotify();
        }
    }

    public void undo() {
        if (store.undo() > 0) {
            saveAndNotify();
        }
    }

    public void redo() {
        if (store.redo() > 0) {
            saveAndNotify();
        }
    }

    private void saveAndNotify() {
        try {
            store.save();
            message.set(store.conflicts().isEmpty() ? "" : "Frames " + store.conflicts() + " were annotated by "
                    + "another program as well; yours were kept. The others' other annotations are loaded.");
        } catch (IOException e) {
            message.set("Annotations not saved: " + e.getMessage());
        }
        fill();
        changed();
    }

    private void changed() {
        canUndo.set(store.canUndo());
        canRedo.set(store.canRedo());
        revision.set(revision.get() + 1);
    }

    /** A live ring let {@code by} frames go: the annotations follow their frames (see {@link AnnotationStore#renumber}). */
    public void renumber(int by) {
        if (store.sidecar() == null && by > 0) {
            store.renumber(by);
            fill();
            changed();
        }
    }

    /** The {@code frame.comment} texts the annotations add to a 0-based frame. */
    public List<String> commentsOf(int index) {
        return store.commentsOf(index);
    }

    /** The annotation text of a 0-based frame for the packet list's Comment column ("" when none). */
    public String text(int index) {
        Annotation a = store.get(index + 1);
        return a == null ? "" : a.text();
    }

    /** The store of the open capture, for reports. */
    public AnnotationStore store() {
        return store;
    }

    public ReadOnlyIntegerProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public StringProperty tagsProperty() {
        return tags;
    }

    /** Increases at every change of the annotations, for views to refresh. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
