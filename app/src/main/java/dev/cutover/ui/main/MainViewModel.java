package dev.cutover.ui.main;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.annotations.AnnotationSource;
import dev.cutover.frames.FramePipeline;
import dev.cutover.capture.live.LivePcap;
import dev.cutover.ui.capture.LiveCaptureViewModel;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureSummary;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.annotations.AnnotationsViewModel;
import dev.cutover.ui.report.ReportViewModel;
import dev.cutover.ui.capture.CaptureViewModel;
import dev.cutover.ui.details.DetailsViewModel;
import dev.cutover.ui.expert.ExpertViewModel;
import dev.cutover.ui.find.FindViewModel;
import dev.cutover.ui.export.ExportPacketsViewModel;
import dev.cutover.ui.hex.HexViewModel;
import dev.cutover.ui.migrations.MigrationSource;
import dev.cutover.ui.migrations.MigrationsViewModel;
import dev.cutover.ui.packets.FilterViewModel;
import dev.cutover.ui.packets.PacketListViewModel;
import dev.cutover.ui.packets.TimeFormat;
import dev.cutover.ui.selection.FieldSelection;
import dev.cutover.ui.statistics.StatisticsViewModel;
import dev.cutover.ui.timeline.TimelineViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The main window's state: the feature view models wired together, the title, status, theme and preferences. */
public final class MainViewModel {
    /** The capture on show: the files opened, or the live capture's latest snapshot. */
    private Capture shown;
    private final CaptureViewModel capture;
    private final PacketListViewModel packets;
    private final FilterViewModel filter;
    private final FieldSelection selection = new FieldSelection();
    private final DetailsViewModel details;
    private final HexViewModel hex;
    private final MigrationsViewModel migrations;
    private final AnnotationsViewModel annotations = new AnnotationsViewModel();
    private final ReportViewModel report;
    private final TimelineViewModel timeline;
    private final ExpertViewModel expert;
    private final FindViewModel find;
    private final PreferencesStore store;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Cutover");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final StringBinding frameStatus;
    private Preferences preferences;
    private final LiveCaptureViewModel live;
    private final ExportPacketsViewModel exportPackets;
    /** Whether the capture on show is a live snapshot: the next one continues it (marks and sort stay). */
    private boolean liveShown;
    /** Frames a live ring had let go before the snapshot on show, to move annotations with their frames. */
    private long liveOffset;
    private String titleOverride;
    /** Whether the capture on show is the frames so far of a file still loading: the loaded capture continues it. */
    private boolean partialShown;
    /** The frames so far on show belong to a load that another has since replaced. */
    private boolean partialSuperseded;
    private final ReadOnlyObjectWrapper<FramePipeline> frames = new ReadOnlyObjectWrapper<>(this, "frames");
    private final StatisticsViewModel statistics;

    private final Tasks tasks;
    /** The files last opened with Edit > Time Shift, and their shifts: reopening those files keeps them. */
    private final java.util.Map<Path, Long> sessionShifts = new java.util.HashMap<>();

    public MainViewModel(Tasks tasks, MigrationSource migrationSource, PreferencesStore store) {
        this(tasks, migrationSource, store, LivePcap::open);
    }

    /** As above, live captures opened by {@code liveOpener} (tests script one in memory). */
    public MainViewModel(Tasks tasks, MigrationSource migrationSource, PreferencesStore store,
                         LiveCaptureViewModel.Opener liveOpener) {
        this.store = store;
        this.tasks = tasks;
        this.capture = new CaptureViewModel(tasks);
        this.packets = new PacketListViewModel(tasks);
        this.filter = new FilterViewModel(packets::applyFilter);
        filter.follow(packets.filteringProperty(), packets.filterProgressProperty(), packets.filterStatusProperty(),
                packets::cancelFilter);
        this.details = new DetailsViewModel(selection);
        details.setFilter(filter);
        this.hex = new HexViewModel(selection);
        this.timeline = new TimelineViewModel(tasks, packets::selectFrames);
        this.migrations = new MigrationsViewModel(tasks, migrationSource, frames -> {
            packets.selectFrames(frames);
            timeline.highlight(frames);
        });
        migrations.reportProperty().addListener((o, was, now) ->
                timeline.setAnalysis(now.analysis(), shown, dev.cutover.timeline.OutcomeTracks.of(now.analysis())));
        timeline.followAnalysis(migrations.captureProperty(), migrations.analysingProperty(),
                migrations.failureProperty());
        // Findings (Expert Information) follows the migrations' capture and analysis; Find searches what is shown
        this.expert = new ExpertViewModel(tasks, migrations, frames -> {
            packets.selectFrames(frames);
            timeline.highlight(frames);
        });
        this.find = new FindViewModel(tasks, packets, () -> shown, () -> migrations.analysisProperty().get(),
                annotations::commentsOf);
        // The analysis's per-frame facts make migration.* fields filterable and show in the details.
        migrations.analysisProperty().addListener((o, before, now) -> {
            bindFrames();
            if (now != null) {
                followConversations();
            }
        });
        migrations.failureProperty().addListener((o, before, now) -> {
            if (now != null && !now.isBlank()) {
                packets.analysisFailed(now);
                followConversations();
            }
        });
        packets.frames().addListener((javafx.collections.ListChangeListener<Integer>) c ->
                timeline.setShown(packets::isShown));
        timeline.relativeProperty().bind(Bindings.createBooleanBinding(() ->
                packets.timeFormatProperty().get() == TimeFormat.SINCE_START
                        || packets.timeFormatProperty().get() == TimeFormat.SINCE_PREVIOUS,
                packets.timeFormatProperty()));
        // time of day in the user's zone, as the packet list shows it; the UTC format in UTC
        timeline.setZone(packets.timeFormatProperty().get() == TimeFormat.UTC_DATE_TIME ? java.time.ZoneOffset.UTC
                : java.time.ZoneId.systemDefault());
        packets.timeFormatProperty().addListener((o, was, now) -> timeline.setZone(
                now == TimeFormat.UTC_DATE_TIME ? java.time.ZoneOffset.UTC : java.time.ZoneId.systemDefault()));
        this.live = new LiveCaptureViewModel(tasks, liveOpener, this::showLive);
        this.report = new ReportViewModel(tasks, frames::get);
        this.exportPackets = new ExportPacketsViewModel(tasks, () -> shown, annotations::store, packets);

        preferences = store.load();
        theme.set(Theme.of(preferences.theme()));
        theme.addListener((o, was, now) -> preferences = preferences.withTheme(now.key()));
        try {
            packets.timeFormatProperty().set(TimeFormat.valueOf(preferences.timeFormat()));
        } catch (IllegalArgumentException e) {
            packets.timeFormatProperty().set(TimeFormat.SINCE_START);
        }
        packets.timeFormatProperty().addListener((o, was, now) ->
                preferences = preferences.withTimeFormat(now.name()));
        preferences.recentFiles().forEach(f -> recentFiles.add(Path.of(f)));
        filter.restoreHistory(preferences.filterHistory());

        packets.setAnnotations(annotations::commentsOf, annotations::text);
        live.setShownComments(annotations::commentsOf);
        live.runningProperty().addListener((o, was, now) -> {
            if (now) {
                // A live capture's annotations live in memory until saved with it as packet comments; the
                // sidecar of whatever file was open before must not take notes on other frames.
                annotations.setFiles(List.of(), 0);
                liveOffset = 0;
                liveShown = false;
            }
        });
        selection.setAnnotations(annotations::commentsOf);
        capture.captureProperty().addListener((o, was, now) -> captureOpened(now));
        capture.partialProperty().addListener((o, was, now) -> partialLoaded(now));
        packets.selectedFramesProperty().addListener((o, was, now) -> {
            if (now.length > 0) {
                timeline.highlight(now);
            }
        });
        packets.currentFrameProperty().addListener((o, was, now) -> {
            selection.showFrame(now.intValue());
            annotations.showFrame(now.intValue());
            timeline.showCurrent(now.intValue());
        });
        annotations.revisionProperty().addListener((o, was, now) -> annotationsChanged());
        // the tree of the frame on show gains the echo and TCP facts once the conversations have been followed
        packets.conversationsFollowedProperty().addListener((o, was, now) -> {
            int current = packets.currentFrameProperty().get();
            if (current >= 0) {
                selection.showFrame(current);
            }
            // and the Findings view the expert infos they add (a lost ping's warning)
            expert.setFacts(frames.get());
        });
        frameStatus = Bindings.createStringBinding(() -> {
            String s = String.format("Frames: %,d shown of %,d", packets.shownProperty().get(),
                    packets.totalProperty().get());
            if (packets.filteringProperty().get()) {
                return s + " (filtering…)";
            }
            if (packets.sortingProperty().get()) {
                double p = packets.sortProgressProperty().get();
                return s + (p < 0 ? " (sorting…)" : String.format(" (sorting… %d%%)", Math.round(p * 100)));
            }
            double c = packets.conversationsProgressProperty().get();
            if (c >= 0) {
                return s + String.format(" (following ICMP and TCP… %d%%)", Math.round(c * 100));
            }
            return s;
        }, packets.shownProperty(), packets.totalProperty(), packets.filteringProperty(), packets.sortingProperty(),
                packets.sortProgressProperty(), packets.conversationsProgressProperty());
        // last, so the packet list already shows a newly opened capture when the statistics hear of it
        statistics = new StatisticsViewModel(tasks, capture.captureProperty(), packets, filter,
                migrations.analysisProperty());
    }

    /** The live capture's frames so far replace what the views show; the capture engine reads them as a file. */
    private void showLive(Capture c) {
        long offset = live.shownOffset();
        int dropped = (int) Math.min(Integer.MAX_VALUE, Math.max(0, offset - liveOffset));
        if (offset > liveOffset) {
            annotations.renumber(dropped); // the ring let frames go
        }
        liveOffset = offset;
        shown = c;
        if (liveShown) {
            packets.continueCapture(c, dropped);
        } else {
            packets.setCapture(c);
        }
        liveShown = true;
        selection.setCapture(c);
        migrations.setCapture(c);
        bindFrames();
        title.set("Cutover — live on " + c.interfaces().get(0).name());
        if (!filter.appliedProperty().get().isBlank()) {
            filter.apply();
        }
    }

    /**
     * Builds the one frame pipeline of what is on show (the capture, the annotations as they stand, the analysis
     * once it belongs to this capture) and hands it to the views that decode frames: the packet list's filter,
     * the details and hex panes, Find and the report.
     */
    private void bindFrames() {
        Capture c = shown;
        AnalysisResult a = migrations.analysisProperty().get();
        FramePipeline before = frames.get();
        // the same capture keeps its pipeline's traffic facts, computed once for a filter and then in the tree
        FramePipeline base = before != null && before.capture() == c ? before : c == null ? null : FramePipeline.of(c);
        FramePipeline p = c == null ? null : base
                .withAnnotations(AnnotationSource.following(annotations::store))
                .withAnalysis(a != null && a.frameCount() == c.frameCount() ? a : null);
        frames.set(p);
        packets.setFrames(p);
        selection.setFrames(p);
        expert.setFacts(p);
    }

    /** The frame pipeline of what is on show, or null when nothing is. */
    public ReadOnlyObjectProperty<FramePipeline> framesProperty() {
        return frames.getReadOnlyProperty();
    }

    /**
     * The frames read so far of a file still loading: the first of them replace what the views show, the next ones
     * add rows. The analysis (and so the timeline) waits for the load to end; so do the annotations, which belong to
     * the file. Null: the load ended; if it failed, what stays open is shown again.
     */
    private void partialLoaded(Capture p) {
        if (p == null) {
            if (partialShown && capture.loadingProperty().get()) {
                // another load replaces the one on show: its frames come next (or, if it fails, what stays open);
                // showing the old capture again in between would restart its analysis for nothing
                partialSuperseded = true;
            } else if (partialShown) {
                partialShown = false;
                partialSuperseded = false;
                captureOpened(capture.capture());
            }
            return;
        }
        shown = p;
        if (!partialShown || partialSuperseded) {
            partialShown = true;
            partialSuperseded = false;
            liveShown = false;
            annotations.waitForLoad();
            packets.setCapture(p);
            selection.setCapture(p);
            migrations.setCapture(null);
            title.set("Cutover — " + titleNames(p.sources().stream().map(s -> s.file()).toList()));
            if (!filter.appliedProperty().get().isBlank()) {
                filter.apply();
            }
        } else {
            packets.extendCapture(p, false);
            selection.extendCapture(p);
        }
        bindFrames();
    }

    /** What the title names: the title asked for, else the files' names. */
    private String titleNames(List<Path> files) {
        return titleOverride != null ? titleOverride
                : files.stream().map(p -> String.valueOf(p.getFileName())).collect(Collectors.joining(", "));
    }

    private void captureOpened(Capture c) {
        boolean continues = partialShown && !partialSuperseded && c != null;
        partialShown = false;
        partialSuperseded = false;
        shown = c;
        liveShown = false;
        // a load stopped early holds the first frames, numbered as in the whole file: the count is not the file's
        annotations.setFiles(c == null ? List.of() : capture.filesProperty().get(),
                c == null ? 0 : c.stopped() ? -1 : c.frameCount(), c == null ? null : capture.shiftsProperty().get());
        if (continues) {
            // the frames so far are on show: the rest are added, and the current frame and the selection stay
            packets.extendCapture(c, true);
            selection.extendCapture(c);
            annotations.showFrame(packets.currentFrameProperty().get());
        } else {
            packets.setCapture(c);
            selection.setCapture(c);
        }
        migrations.setCapture(c);
        bindFrames();
        List<Path> files = capture.filesProperty().get();
        String names = titleNames(files);
        boolean keep = titleOverride == null;
        titleOverride = null;
        String shift = c == null ? null : timeShiftText();
        title.set(c == null ? "Cutover" : "Cutover — " + names + (shift == null ? "" : " (" + shift + ")"));
        if (c != null) {
            for (Path f : keep ? files : List.<Path>of()) {
                remember(f.toAbsolutePath());
            }
            if (!filter.appliedProperty().get().isBlank()) {
                filter.apply();
            }
        }
    }

    /**
     * Once the migration analysis of an opened file is done (it comes first: the timeline and the findings wait for
     * it), the packet list follows the file's ICMP echoes and TCP conversations in the background, as Wireshark's
     * first pass does; not a live capture's snapshots, whose frames keep coming.
     */
    private void followConversations() {
        if (!liveShown && !partialShown && shown != null) {
            packets.followConversations(frames.get());
        }
    }

    /** The tree shows the new comment; a filter on frame.comment runs again. */
    private void annotationsChanged() {
        packets.annotationsChanged();
        int current = packets.currentFrameProperty().get();
        if (current >= 0) {
            selection.showFrame(current);
        }
        String applied = filter.appliedProperty().get();
        if (capture.capture() != null && applied.contains("frame.comment")) {
            try {
                packets.applyFilter(dev.cutover.filter.CompiledFilter.compile(applied));
            } catch (dev.cutover.filter.FilterException e) {
                // It compiled when it was applied; the catalogue does not change while the window is open.
            }
        }
    }

    private void remember(Path file) {
        recentFiles.remove(file);
        recentFiles.add(0, file);
        if (recentFiles.size() > Preferences.RECENT) {
            recentFiles.remove(Preferences.RECENT, recentFiles.size());
        }
    }

    /**
     * Opens files, replacing what is open. The same set of files opened before in this session with time shifts
     * (Edit > Time Shift) opens with those shifts again; otherwise with the shifts the first file's annotation
     * sidecar records for exactly these files (read on the loading thread), the ones its frame numbers were made
     * under; otherwise unshifted.
     */
    public void open(List<Path> files) {
        titleOverride = null;
        long[] remembered = rememberedShifts(files);
        if (remembered != null) {
            capture.open(files, remembered);
        } else {
            capture.openWithRecordedShifts(files);
        }
    }

    /** The shifts given last for exactly these files (in any order), by file; null for none. */
    private long[] rememberedShifts(List<Path> files) {
        java.util.Set<Path> wanted = new java.util.HashSet<>();
        for (Path f : files) {
            wanted.add(f.toAbsolutePath().normalize());
        }
        if (wanted.size() != files.size() || !wanted.equals(sessionShifts.keySet())) {
            return null;
        }
        long[] shifts = new long[files.size()];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = sessionShifts.get(files.get(i).toAbsolutePath().normalize());
        }
        return shifts;
    }

    /**
     * Opens files under a given name for the title: the bundled sample, extracted to a temporary folder that is
     * gone after the run, so Open Recent does not keep it (files of one's own under the temporary folder are
     * kept like any other).
     */
    public void open(List<Path> files, String titleName) {
        titleOverride = titleName;
        capture.open(files);
    }

    /**
     * Opens files with each one's clock corrected ({@code timeShiftNanos[i]} nanoseconds added to the time stamps of
     * file i, null for none), replacing what is open: Edit > Time Shift. The files are not changed.
     */
    public void open(List<Path> files, long[] timeShiftNanos) {
        titleOverride = null;
        sessionShifts.clear();
        for (int i = 0; timeShiftNanos != null && i < files.size(); i++) {
            sessionShifts.put(files.get(i).toAbsolutePath().normalize(), timeShiftNanos[i]);
        }
        capture.open(files, timeShiftNanos);
    }

    /**
     * The time shifts of the open files, e.g. "Time shift: vusb2.pcap +2.913 s"; null when no file is shifted.
     */
    public String timeShiftText() {
        return capture.timeShiftText();
    }

    /**
     * Edit > Time Shift for the capture files on show, with the shifts they were opened with; null when no capture
     * from files is on show (nothing open, a load under way, or a live capture).
     */
    public dev.cutover.ui.capture.TimeShiftViewModel timeShift() {
        Capture c = capture.capture();
        if (c == null || shown != c || liveShown || capture.loadingProperty().get()) {
            return null;
        }
        return new dev.cutover.ui.capture.TimeShiftViewModel(tasks, c, capture.filesProperty().get());
    }

    /** Merges another uplink's capture into the open view. */
    public void add(List<Path> files) {
        capture.add(files);
    }

    /** What {@code cutover info} tells, for each open file. */
    public String propertiesText() {
        if (capture.loadingProperty().get()) {
            // what capture() holds is the capture the load replaces, not the frames on show
            return capture.stateProperty().get() + "\nThe properties are there once the load has ended.";
        }
        Capture c = capture.capture();
        if (c == null) {
            return "No capture is open.";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < c.sources().size(); i++) {
            parts.add(CaptureSummary.of(c, i).toText());
        }
        return String.join("\n", parts);
    }

    /** The About box: Cutover's version and those of what it runs on. */
    public String aboutText() {
        String v = MainViewModel.class.getPackage().getImplementationVersion();
        return "Cutover " + (v == null ? "development build" : v) + "\n"
                + "Packet analyzer for virtual-machine live migration\n\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version", "?") + "\n"
                + Versions.text();
    }

    /** The current preferences with the window's layout, saved; a failure to save is reported, not thrown. */
    public String savePreferences(Preferences layout) {
        preferences = layout.withTheme(theme.get().key())
                .withTimeFormat(packets.timeFormatProperty().get().name())
                .withRecentFiles(recentFiles.stream().map(Path::toString).toList())
                .withFilterHistory(List.copyOf(filter.history()));
        try {
            store.save(preferences);
            return null;
        } catch (IOException e) {
            return "Cannot save preferences to " + store.file() + ": " + e.getMessage();
        }
    }

    /** On exit: stops a live capture still running and closes what is open. */
    public void close() {
        live.discard();
        capture.close();
    }

    public Preferences preferences() {
        return preferences;
    }

    public LiveCaptureViewModel live() {
        return live;
    }

    public CaptureViewModel capture() {
        return capture;
    }

    public PacketListViewModel packets() {
        return packets;
    }

    public FilterViewModel filter() {
        return filter;
    }

    public DetailsViewModel details() {
        return details;
    }

    public HexViewModel hex() {
        return hex;
    }

    /** File > Export Specified Packets. */
    public ExportPacketsViewModel exportPackets() {
        return exportPackets;
    }

    public ReportViewModel report() {
        return report;
    }

    public AnnotationsViewModel annotations() {
        return annotations;
    }

    public MigrationsViewModel migrations() {
        return migrations;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The Statistics menu's windows. */
    public StatisticsViewModel statistics() {
        return statistics;
    }

    /** The Findings view: analysis findings and the frames' expert infos. */
    public ExpertViewModel expert() {
        return expert;
    }

    /** Edit > Find Packet. */
    public FindViewModel find() {
        return find;
    }

    public FieldSelection selection() {
        return selection;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Recently opened files, most recent first. */
    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** "Frames: 77 shown of 77". */
    public StringBinding frameStatus() {
        return frameStatus;
    }
}
