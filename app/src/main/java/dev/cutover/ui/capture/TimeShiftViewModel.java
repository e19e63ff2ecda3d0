package dev.cutover.ui.capture;

import dev.cutover.capture.Capture;
import dev.cutover.capture.ClockOffsets;
import dev.cutover.capture.TimeShifts;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Edit > Time Shift: the seconds to add to each open file's time stamps (as --time-shift takes them), checked as they
 * are typed, and a suggestion that reads the frames the files have in common ({@link ClockOffsets}) off the FX thread
 * and fills in the shifts that put them on the first file's clock.
 */
public final class TimeShiftViewModel {
    private final Tasks tasks;
    private final Capture capture;
    private final List<Path> files;
    private final List<StringProperty> fields = new ArrayList<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper suggestion = new ReadOnlyStringWrapper(this, "suggestion", "");
    private final ReadOnlyBooleanWrapper suggesting = new ReadOnlyBooleanWrapper(this, "suggesting");

    /**
     * @param capture the open capture: its files, in order, and the shifts they were opened with
     * @param files   its files, in the order given when it was opened
     */
    public TimeShiftViewModel(Tasks tasks, Capture capture, List<Path> files) {
        if (capture.sources().size() != files.size()) {
            throw new IllegalArgumentException(files.size() + " files for a capture of " + capture.sources().size());
        }
        this.tasks = tasks;
        this.capture = capture;
        this.files = List.copyOf(files);
        for (int i = 0; i < files.size(); i++) {
            StringProperty f = new SimpleStringProperty(this, "shift" + i, ClockOffsets.seconds(
                    capture.timeShiftNanos(i)));
            f.addListener((o, was, now) -> check());
            fields.add(f);
        }
        check();
    }

    public List<Path> files() {
        return files;
    }

    /** The seconds field of file {@code i}. */
    public StringProperty field(int i) {
        return fields.get(i);
    }

    /** Why the shifts cannot be applied, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether every field holds a shift that can be applied. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** What the last suggestion found, one sentence per file compared with the first. */
    public ReadOnlyStringProperty suggestionProperty() {
        return suggestion.getReadOnlyProperty();
    }

    /** True while the suggestion reads the frames. */
    public ReadOnlyBooleanProperty suggestingProperty() {
        return suggesting.getReadOnlyProperty();
    }

    private void check() {
        for (int i = 0; i < fields.size(); i++) {
            String text = fields.get(i).get() == null ? "" : fields.get(i).get().strip();
            if (!text.isEmpty() && TimeShifts.nanos(text) == null) {
                error.set(files.get(i).getFileName() + ": \"" + text + "\" is not " + TimeShifts.EXPECTED);
                valid.set(false);
                return;
            }
        }
        error.set(null);
        valid.set(true);
    }

    /** The shift of each file in nanoseconds (an empty field is 0), or null when a field is not valid. */
    public long[] shifts() {
        long[] shifts = new long[fields.size()];
        for (int i = 0; i < shifts.length; i++) {
            String text = fields.get(i).get() == null ? "" : fields.get(i).get().strip();
            if (text.isEmpty()) {
                continue;
            }
            Long nanos = TimeShifts.nanos(text);
            if (nanos == null) {
                return null;
            }
            shifts[i] = nanos;
        }
        return shifts;
    }

    /** Whether the shifts differ from those the capture was opened with. */
    public boolean changed() {
        long[] s = shifts();
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] != capture.timeShiftNanos(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares the frames of each file with the first file's, off the FX thread, then fills in the shifts that align
     * each file whose clock is off by more than {@link ClockOffsets#NEGLIGIBLE_NANOS}, and tells what was found.
     */
    public void suggest() {
        if (files.size() < 2) {
            suggestion.set("One file is open: there is no other clock to compare it with.");
            return;
        }
        suggesting.set(true);
        suggestion.set("Comparing the frames the files have in common…");
        BackgroundTask.of(monitor -> ClockOffsets.compareWithFirst(capture))
                .onSuccess(this::suggested)
                .onFailure(e -> {
                    suggesting.set(false);
                    suggestion.set("Cannot compare the files: " + BackgroundTask.reason(e));
                })
                .onCancelled(() -> suggesting.set(false))
                .runWith(tasks);
    }

    private void suggested(List<ClockOffsets.Comparison> comparisons) {
        suggesting.set(false);
        String first = name(0);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i < comparisons.size() && i < files.size(); i++) {
            ClockOffsets.Comparison comparison = comparisons.get(i);
            ClockOffsets.Offset offset = comparison.offset();
            if (offset == null) {
                lines.add(ClockOffsets.noOffset(first, name(i), comparison));
                continue;
            }
            lines.add(ClockOffsets.comparison(first, name(i), offset));
            fields.get(i).set(ClockOffsets.seconds(offset.significant()
                    ? ClockOffsets.aligningShift(offset, capture.timeShiftNanos(i)) : capture.timeShiftNanos(i)));
        }
        fields.get(0).set(ClockOffsets.seconds(capture.timeShiftNanos(0)));
        suggestion.set(String.join("\n", lines));
    }

    private String name(int i) {
        return String.valueOf(files.get(i).getFileName());
    }
}
