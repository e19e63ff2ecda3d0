package dev.cutover.ui.statistics;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.packets.FilterViewModel;
import dev.cutover.ui.packets.PacketListViewModel;
import dev.cutover.ui.packets.TimeFormat;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;

import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The Statistics menu's windows: what they share (the open capture, the display filter's frames, the packet
 * list's time format and selection) and a view model per window. A window computes only while it is open, and
 * again when another capture is opened or added, or (when it follows the display filter) another filter applied.
 */
public final class StatisticsViewModel {
    private final PacketListViewModel packets;
    private final FilterViewModel filter;
    private final ReadOnlyObjectWrapper<Capture> capture = new ReadOnlyObjectWrapper<>(this, "capture");
    private final EndpointsViewModel endpoints;
    private final BindingsViewModel bindings;
    private final ProtocolHierarchyViewModel hierarchy;
    private final IoGraphViewModel ioGraph;

    /**
     * @param files    the capture opened from files (null when none); a live capture is not followed
     * @param analysis the migration analysis, whose frame classes the I/O graph counts
     */
    public StatisticsViewModel(Tasks tasks, ObservableValue<Capture> files, PacketListViewModel packets,
                               FilterViewModel filter, ObservableValue<AnalysisResult> analysis) {
        this.packets = packets;
        this.filter = filter;
        this.endpoints = new EndpointsViewModel(tasks, this);
        this.bindings = new BindingsViewModel(tasks, this);
        this.hierarchy = new ProtocolHierarchyViewModel(tasks, this);
        this.ioGraph = new IoGraphViewModel(tasks, this);
        capture.set(files.getValue());
        files.addListener((o, was, now) -> {
            capture.set(now);
            endpoints.captureChanged();
            bindings.captureChanged();
            hierarchy.captureChanged();
            ioGraph.captureChanged();
        });
        packets.frames().addListener((ListChangeListener<Integer>) c -> {
            Capture now = capture.get();
            if (now == null || packets.totalProperty().get() != now.frameCount()) {
                return; // the list already shows another capture: its own change follows
            }
            endpoints.displayedChanged();
            hierarchy.displayedChanged();
            ioGraph.displayedChanged();
        });
        analysis.addListener((o, was, now) -> ioGraph.classesChanged());
    }

    /** The capture the windows count; null when none is open. */
    public ReadOnlyObjectProperty<Capture> captureProperty() {
        return capture.getReadOnlyProperty();
    }

    Capture capture() {
        return capture.get();
    }

    /**
     * The frames the display filter shows, copied now (on the FX thread) for a pass that runs elsewhere; null when
     * every frame shows. A bit a frame.
     */
    IntPredicate displayedSnapshot() {
        Capture c = capture.get();
        List<Integer> shown = packets.frames();
        if (c == null || shown.size() >= c.frameCount()) {
            return null;
        }
        BitSet bits = new BitSet(c.frameCount());
        for (int i = 0, n = shown.size(); i < n; i++) {
            bits.set(shown.get(i));
        }
        return bits::get;
    }

    /** True when a display filter hides frames. */
    boolean filtered() {
        Capture c = capture.get();
        return c != null && packets.frames().size() < c.frameCount();
    }

    /** The applied display filter's text, "" when none. */
    String appliedFilter() {
        return filter.appliedProperty().get();
    }

    /** Puts a filter in the display filter bar and applies it, as Wireshark's Apply as Filter. */
    void applyFilter(String text) {
        filter.textProperty().set(text);
        filter.apply();
    }

    /** Puts a filter in the bar without applying it (Prepare as Filter). */
    void prepareFilter(String text) {
        filter.textProperty().set(text);
    }

    /** Selects a frame (0-based) in the packet list; false when the display filter hides it. */
    boolean selectFrame(int frame) {
        return packets.selectFrames(new int[] {frame}) > 0;
    }

    /**
     * A frame's time as the packet list shows it; "seconds since the previous frame" means nothing for a first or
     * last seen, so that format shows seconds since the first frame.
     */
    String time(int frame) {
        Capture c = capture.get();
        if (c == null || frame < 0 || frame >= c.frameCount()) {
            return "";
        }
        TimeFormat f = packets.timeFormatProperty().get();
        if (f == TimeFormat.SINCE_PREVIOUS) {
            f = TimeFormat.SINCE_START;
        }
        int digits = c.interfaces().stream().mapToInt(InterfaceInfo::timePrecisionDigits).max().orElse(6);
        return f.format(c.index(), frame, Math.max(0, Math.min(9, digits)), ZoneId.systemDefault());
    }

    /** The packet list's time format, to redraw times when it changes. */
    ObservableValue<TimeFormat> timeFormat() {
        return packets.timeFormatProperty();
    }

    public EndpointsViewModel endpoints() {
        return endpoints;
    }

    public BindingsViewModel bindings() {
        return bindings;
    }

    public ProtocolHierarchyViewModel hierarchy() {
        return hierarchy;
    }

    public IoGraphViewModel ioGraph() {
        return ioGraph;
    }
}
