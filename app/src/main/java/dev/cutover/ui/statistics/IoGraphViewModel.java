package dev.cutover.ui.statistics;

import dev.cutover.capture.Capture;
import dev.cutover.statistics.IoGraph;
import dev.cutover.timeline.TimeScale;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.TimeFormat;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.IntPredicate;

/**
 * Statistics &gt; I/O Graph: frames per interval over the visible stretch of time, counted off the FX thread
 * from the frame index whenever the stretch, the interval, the capture or the display filter changes.
 */
public final class IoGraphViewModel {
    /** Pixels a bin gets at least when the interval is chosen automatically. */
    static final int AUTO_PIXELS_PER_BIN = 4;

    private final Tasks tasks;
    private final StatisticsViewModel shared;
    private final TaskKey countTask = TaskKey.named("io-graph");
    private final TaskKey goToTask = TaskKey.named("io-graph-go-to");
    private final ReadOnlyObjectWrapper<IoGraph.Bins> bins = new ReadOnlyObjectWrapper<>(this, "bins");
    private final ReadOnlyObjectWrapper<TimeScale> scale = new ReadOnlyObjectWrapper<>(this, "scale");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** The interval asked for, 0 for automatic. */
    private final LongProperty interval = new SimpleLongProperty(this, "interval", 0);
    private long firstNanos;
    private long lastNanos;
    private double widthPx = 800;
    private boolean active;
    private boolean stale = true;

    IoGraphViewModel(Tasks tasks, StatisticsViewModel shared) {
        this.tasks = tasks;
        this.shared = shared;
        interval.addListener((o, was, now) -> count());
    }

    /** The window opened: counts unless up to date. */
    public void activate() {
        active = true;
        if (stale) {
            captureChanged();
        }
    }

    public void deactivate() {
        active = false;
        countTask.cancel();
        goToTask.cancel();
        stale = true;
    }

    void captureChanged() {
        stale = true;
        bins.set(null);
        if (!active) {
            return;
        }
        Capture c = shared.capture();
        if (c == null) {
            countTask.cancel();
            scale.set(null);
            summary.set("No capture is open.");
            return;
        }
        stale = false;
        summary.set("Reading the frame times…");
        // under the counting's key: a count asked for meanwhile waits for the new stretch instead
        BackgroundTask.of(monitor -> IoGraph.span(c.index())).key(countTask).onSuccess(span -> {
            firstNanos = span[0];
            lastNanos = span[1];
            scale.set(TimeScale.fit(span[0], span[1]));
            count();
        }).onFailure(this::failed).runWith(tasks);
    }

    void displayedChanged() {
        if (active && scale.get() != null) {
            count();
        }
    }

    void classesChanged() {
        displayedChanged();
    }

    /** The canvas is this wide: the automatic interval follows. */
    public void setWidth(double px) {
        if (Math.abs(px - widthPx) >= 1 && px > 0) {
            widthPx = px;
            if (interval.get() == 0) {
                count();
            }
        }
    }

    /** Zooms (factor below 1 zooms in) around a time. */
    public void zoom(double factor, long anchorNanos) {
        TimeScale s = scale.get();
        if (s != null) {
            scale.set(s.zoom(factor, anchorNanos));
            count();
        }
    }

    /** Moves the stretch shown later (positive) or earlier. */
    public void pan(long deltaNanos) {
        TimeScale s = scale.get();
        if (s != null) {
            scale.set(s.pan(deltaNanos));
            count();
        }
    }

    /** Shows the whole capture again. */
    public void fitAll() {
        if (shared.capture() != null) {
            scale.set(TimeScale.fit(firstNanos, lastNanos));
            count();
        }
    }

    /** The interval the bins are counted in: the one chosen, or the automatic one for the width. */
    public long effectiveInterval() {
        TimeScale s = scale.get();
        long span = s == null ? 0 : s.spanNanos();
        long chosen = interval.get() > 0 ? interval.get()
                : IoGraph.autoInterval(span, (int) Math.max(10, widthPx / AUTO_PIXELS_PER_BIN));
        return IoGraph.fit(chosen, span);
    }

    private void count() {
        Capture c = shared.capture();
        TimeScale s = scale.get();
        if (!active || c == null || s == null) {
            return;
        }
        long bin = effectiveInterval();
        IntPredicate displayed = shared.displayedSnapshot();
        String filter = displayed == null ? "" : " · Displayed: " + shared.appliedFilter();
        long wanted = interval.get();
        long first = firstNanos;
        BackgroundTask.of(monitor -> IoGraph.count(c.index(), first, s.startNanos(), s.endNanos(), bin, displayed,
                monitor::cancelled)).key(countTask).onSuccess(b -> {
                    bins.set(b);
                    String coarser = wanted > 0 && wanted != b.binNanos()
                            ? " (" + IoGraph.intervalText(wanted) + " is too fine for this stretch)" : "";
                    summary.set("Interval: " + IoGraph.intervalText(b.binNanos()) + coarser + filter);
                }).onFailure(this::failed).runWith(tasks);
    }

    private void failed(Throwable e) {
        bins.set(null);
        summary.set("Could not count: " + BackgroundTask.reason(e));
    }

    /**
     * Selects in the packet list the first frame (of those the display filter shows) of the interval that holds
     * {@code timeNanos}, as clicking Wireshark's graph does; looked for off the FX thread.
     */
    public void goTo(long timeNanos) {
        Capture c = shared.capture();
        IoGraph.Bins b = bins.get();
        if (c == null || b == null) {
            return;
        }
        long from = b.startNanos() + Math.floorDiv(timeNanos - b.startNanos(), b.binNanos()) * b.binNanos();
        long to = from + b.binNanos();
        IntPredicate displayed = shared.displayedSnapshot();
        BackgroundTask.of(monitor -> {
            var index = c.index();
            for (int i = 0, n = index.size(); i < n; i++) {
                if ((i & 0xFFFF) == 0) {
                    monitor.checkCancelled();
                }
                long t = index.timestampNanos(i);
                if (t >= from && t < to && (displayed == null || displayed.test(i))) {
                    return i;
                }
            }
            return -1;
        }).key(goToTask).onSuccess(frame -> {
            if (frame >= 0 && shared.capture() == c) {
                shared.selectFrame(frame);
            }
        }).onFailure(e -> summary.set("Could not find the interval's first frame: " + BackgroundTask.reason(e)))
                .runWith(tasks);
    }

    /** "+12.300 s: All frames 120 · All ARP 3 · RARP 0 · GARP 0" for the interval under the pointer. */
    public String describe(long timeNanos, boolean[] shown) {
        IoGraph.Bins b = bins.get();
        if (b == null) {
            return "";
        }
        int bin = (int) Math.floorDiv(timeNanos - b.startNanos(), b.binNanos());
        if (bin < 0 || bin >= b.bins()) {
            return "";
        }
        long start = b.startNanos() + bin * b.binNanos();
        StringBuilder sb = new StringBuilder();
        sb.append(relativeTime() ? String.format(java.util.Locale.ROOT, "%+.3f s", (start - firstNanos) / 1e9)
                : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS", java.util.Locale.ROOT)
                .format(java.time.Instant.ofEpochSecond(0, start).atZone(zone())));
        sb.append(" (").append(IoGraph.intervalText(b.binNanos())).append("):");
        String sep = " ";
        for (IoGraph.Series s : IoGraph.Series.values()) {
            if (b.counts()[s.ordinal()] != null && shown[s.ordinal()]) {
                sb.append(sep).append(s.label()).append(' ').append(b.count(s, bin));
                sep = " · ";
            }
        }
        return sb.toString();
    }

    /** Frames per bin over the stretch shown; null while none are counted. */
    public ReadOnlyObjectProperty<IoGraph.Bins> binsProperty() {
        return bins.getReadOnlyProperty();
    }

    /** The stretch of time shown; null when no capture is open. */
    public ReadOnlyObjectProperty<TimeScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** The interval asked for in nanoseconds; 0 chooses it from the zoom. */
    public LongProperty intervalProperty() {
        return interval;
    }

    /** "Interval: 100 ms · Displayed: arp". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The capture's first frame time: zero of the relative axis. */
    public long originNanos() {
        return firstNanos;
    }

    /** The axis shows seconds since the first frame, as the packet list does; else the time of day. */
    public boolean relativeTime() {
        TimeFormat f = (TimeFormat) shared.timeFormat().getValue();
        return f == TimeFormat.SINCE_START || f == TimeFormat.SINCE_PREVIOUS;
    }

    /** The zone of the axis's time of day: UTC for the UTC format, else the user's. */
    public ZoneId zone() {
        return shared.timeFormat().getValue() == TimeFormat.UTC_DATE_TIME ? ZoneOffset.UTC : ZoneId.systemDefault();
    }

    public javafx.beans.value.ObservableValue<?> timeFormat() {
        return shared.timeFormat();
    }
}
