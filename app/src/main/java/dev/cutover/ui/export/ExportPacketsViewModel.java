package dev.cutover.ui.export;

import dev.cutover.capture.AtomicFiles;
import dev.cutover.capture.Capture;
import dev.cutover.capture.SourceInfo;
import dev.cutover.annotations.AnnotationStore;
import dev.cutover.export.PacketExport;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskHandle;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.PacketListViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Supplier;

/**
 * File > Export Specified Packets, as Wireshark has it: which frames (captured or displayed; all, selected,
 * marked, first to last marked, or a typed range), how many each choice gives, and the writing itself, off the
 * FX thread with progress and cancel, through {@link PacketExport} to a temporary file that is then moved.
 */
public final class ExportPacketsViewModel {
    /** Wireshark's Captured and Displayed columns: every frame, or those the display filter keeps. */
    public enum Scope { CAPTURED, DISPLAYED }

    /** Which of those frames. */
    public enum Range { ALL, SELECTED, MARKED, FIRST_TO_LAST_MARKED, RANGE }

    /** The file format written. */
    public enum Format {
        PCAPNG("pcapng"), PCAP("pcap");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** How many frames each choice writes; -1 while not counted (or, for the range, while it does not parse). */
    public record Counts(int[] captured, int[] displayed) {
        public static final Counts UNKNOWN = new Counts(unknown(), unknown());

        private static int[] unknown() {
            int[] a = new int[Range.values().length];
            Arrays.fill(a, -1);
            return a;
        }

        public int of(Scope scope, Range range) {
            return (scope == Scope.CAPTURED ? captured : displayed)[range.ordinal()];
        }
    }

    /** What the frames are chosen from, taken when the dialog opens. */
    private record Snapshot(Capture capture, AnnotationStore notes, PacketListViewModel.Displayed displayed,
                            BitSet selected, BitSet marked) {
    }

    private final Tasks tasks;
    private final Supplier<Capture> capture;
    private final Supplier<AnnotationStore> notes;
    private final PacketListViewModel packets;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.DISPLAYED);
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.ALL);
    private final StringProperty rangeText = new SimpleStringProperty(this, "rangeText", "");
    private final ObjectProperty<Format> format = new SimpleObjectProperty<>(this, "format", Format.PCAPNG);
    private final ReadOnlyObjectWrapper<Counts> counts = new ReadOnlyObjectWrapper<>(this, "counts", Counts.UNKNOWN);
    private final ReadOnlyIntegerWrapper chosen = new ReadOnlyIntegerWrapper(this, "chosen", -1);
    private final ReadOnlyStringWrapper rangeProblem = new ReadOnlyStringWrapper(this, "rangeProblem", "");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final TaskKey countTask = TaskKey.named("export-counts");
    private final TaskKey writeTask = TaskKey.named("export-write");
    private TaskHandle writer = TaskHandle.NONE;
    private Snapshot snapshot;
    private PacketRange parsedRange;

    /**
     * @param capture the capture on show
     * @param notes   its annotations, written as packet comments in pcapng
     */
    public ExportPacketsViewModel(Tasks tasks, Supplier<Capture> capture, Supplier<AnnotationStore> notes,
                                  PacketListViewModel packets) {
        this.tasks = tasks;
        this.capture = capture;
        this.notes = notes;
        this.packets = packets;
        scope.addListener((o, was, now) -> updateChosen());
        range.addListener((o, was, now) -> updateChosen());
        rangeText.addListener((o, was, now) -> count());
    }

    /** Takes what the choices are made from (the dialog opens): the filter's frames, the selection, the marks. */
    public void prepare() {
        Capture c = capture.get();
        message.set("");
        written.set(null);
        progress.set(0);
        if (c == null) {
            snapshot = null;
            counts.set(Counts.UNKNOWN);
            updateChosen();
            return;
        }
        BitSet selected = new BitSet();
        for (int f : packets.selectedFramesProperty().get()) {
            selected.set(f);
        }
        int current = packets.currentFrameProperty().get();
        if (selected.isEmpty() && current >= 0) {
            selected.set(current);
        }
        snapshot = new Snapshot(c, notes.get(), packets.displayed(), selected, packets.marks());
        if (snapshot.marked().isEmpty() && (range.get() == Range.MARKED
                || range.get() == Range.FIRST_TO_LAST_MARKED)) {
            range.set(Range.ALL);
        }
        if (snapshot.selected().isEmpty() && range.get() == Range.SELECTED) {
            range.set(Range.ALL);
        }
        count();
    }

    /** Counts every choice off the FX thread; a newer count (the range typed on) drops an older one. */
    private void count() {
        Snapshot s = snapshot;
        countTask.cancel();
        PacketRange r;
        try {
            r = PacketRange.parse(rangeText.get());
            rangeProblem.set("");
        } catch (IllegalArgumentException e) {
            r = null;
            rangeProblem.set(rangeText.get() == null || rangeText.get().isBlank() ? "" : e.getMessage());
        }
        parsedRange = r;
        if (s == null) {
            return;
        }
        PacketRange typed = r;
        BackgroundTask.of(monitor -> {
            int[] captured = new int[Range.values().length];
            int[] displayed = new int[Range.values().length];
            int n = s.capture().frameCount();
            int firstMarked = s.marked().nextSetBit(0);
            int lastMarked = s.marked().length() - 1;
            for (int f = 0; f < n; f++) {
                if ((f & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                }
                boolean shown = s.displayed().contains(f);
                for (Range k : Range.values()) {
                    if (in(k, f, s, typed, firstMarked, lastMarked)) {
                        captured[k.ordinal()]++;
                        if (shown) {
                            displayed[k.ordinal()]++;
                        }
                    }
                }
            }
            if (typed == null) {
                captured[Range.RANGE.ordinal()] = -1;
                displayed[Range.RANGE.ordinal()] = -1;
            }
            return new Counts(captured, displayed);
        }).key(countTask).onSuccess(result -> {
            counts.set(result);
            updateChosen();
        }).onFailure(e -> message.set("Cannot count the frames: " + BackgroundTask.reason(e))).runWith(tasks);
    }

    private static boolean in(Range k, int f, Snapshot s, PacketRange typed, int firstMarked, int lastMarked) {
        switch (k) {
            case ALL:
                return true;
            case SELECTED:
                return s.selected().get(f);
            case MARKED:
                return s.marked().get(f);
            case FIRST_TO_LAST_MARKED:
                return firstMarked >= 0 && f >= firstMarked && f <= lastMarked;
            case RANGE:
            default:
                return typed != null && typed.contains(f + 1L);
        }
    }

    private void updateChosen() {
        chosen.set(counts.get().of(scope.get(), range.get()));
    }

    /** Whether the file may be written: null when it may, else why not (one of the open captures, a folder). */
    public String refusal(Path target) {
        Snapshot s = snapshot;
        if (target == null) {
            return "Choose a file to write";
        }
        if (Files.isDirectory(target)) {
            return target + " is a folder";
        }
        if (s != null) {
            for (SourceInfo source : s.capture().sources()) {
                try {
                    if (Files.exists(target) && Files.isSameFile(target, source.file())) {
                        return target.getFileName() + " is one of the open captures, and a capture is never "
                                + "modified: choose another file";
                    }
                } catch (IOException e) {
                    return target + ": " + e.getMessage();
                }
            }
        }
        return null;
    }

    /** Writes the chosen frames to {@code target} off the FX thread; false (with {@link #messageProperty()}) when it may not. */
    public boolean export(Path target) {
        Snapshot s = snapshot;
        if (s == null || writing.get()) {
            return false;
        }
        String refused = refusal(target);
        if (refused != null) {
            message.set(refused);
            return false;
        }
        Scope sc = scope.get();
        Range k = range.get();
        PacketRange typed = parsedRange;
        if (k == Range.RANGE && typed == null) {
            message.set(rangeProblem.get().isEmpty() ? "Type a range of frames" : rangeProblem.get());
            return false;
        }
        Format fmt = format.get();
        writing.set(true);
        progress.set(0);
        message.set("Writing " + target.getFileName() + "…");
        writer = BackgroundTask.of(monitor -> {
            int[] frames = frames(s, sc, k, typed);
            int[] count = new int[1];
            AtomicFiles.write(target, out -> count[0] = fmt == Format.PCAP
                    ? PacketExport.pcap(s.capture(), frames, monitor, out)
                    : PacketExport.pcapng(s.capture(), s.notes(), frames, monitor, out));
            return count[0];
        }).key(writeTask).onProgress(progress::set).onSuccess(count -> {
            writing.set(false);
            progress.set(1);
            String text = String.format("Exported %,d frame%s to %s", count, count == 1 ? "" : "s", target);
            message.set(text);
            status.set(text);
            written.set(target);
        }).onCancelled(() -> {
            writing.set(false);
            message.set("Export cancelled; nothing was written");
        }).onFailure(e -> {
            writing.set(false);
            message.set(e instanceof NoSuchFileException
                    ? "Cannot write " + target + ": no such folder " + target.toAbsolutePath().getParent()
                    : "Cannot write " + target + ": " + BackgroundTask.reason(e));
        }).runWith(tasks);
        return true;
    }

    /** Stops the writing under way; the temporary file is dropped and the target left as it was. */
    public void cancel() {
        writer.cancel();
    }

    /** The chosen frames, ascending. */
    private static int[] frames(Snapshot s, Scope scope, Range k, PacketRange typed) {
        int n = s.capture().frameCount();
        int firstMarked = s.marked().nextSetBit(0);
        int lastMarked = s.marked().length() - 1;
        int[] out = new int[Math.min(n, 1 << 16)];
        int count = 0;
        for (int f = 0; f < n; f++) {
            if (scope == Scope.DISPLAYED && !s.displayed().contains(f)) {
                continue;
            }
            if (in(k, f, s, typed, firstMarked, lastMarked)) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[count++] = f;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The capture's first file's folder, where the chooser starts; null when unknown. */
    public Path suggestedFolder() {
        Snapshot s = snapshot;
        if (s == null || s.capture().sources().isEmpty()) {
            return null;
        }
        Path parent = s.capture().sources().get(0).file().toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : null;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The Range choice's text, "1-10,20,30-". */
    public StringProperty rangeTextProperty() {
        return rangeText;
    }

    public ObjectProperty<Format> formatProperty() {
        return format;
    }

    public ReadOnlyObjectProperty<Counts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** How many frames the current choice writes; -1 while not known. */
    public ReadOnlyIntegerProperty chosenCountProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Why the range text is not a range; "" when it is (or is empty). */
    public ReadOnlyStringProperty rangeProblemProperty() {
        return rangeProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty writingProperty() {
        return writing.getReadOnlyProperty();
    }

    /** 0..1 of the frames written. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The dialog's line: what is being written, what was, or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file last written, set when a write completes. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** "Exported 12 frames to …" for the main window's status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
