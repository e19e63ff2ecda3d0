package dev.cutover.ui.expert;

import dev.cutover.analysis.Finding;
import dev.cutover.capture.Capture;
import dev.cutover.dissect.Severity;
import dev.cutover.ui.BackgroundTask;
import dev.cutover.ui.TaskKey;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.migrations.MigrationReport;
import dev.cutover.ui.migrations.MigrationsViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Findings view, Wireshark's Expert Information: the migration analysis's findings and the dissection's
 * expert infos, grouped by severity and code, narrowed by severity and a search; picking an item or a group
 * selects its frames. The expert infos come from one pass over the frames, off the FX thread on a thread of its
 * own (so a display filter need not wait for it), with progress and cancel; a newer capture drops an older pass.
 */
public final class ExpertViewModel {
    private final Tasks tasks;
    private final Executor scanner;
    private final MigrationsViewModel migrations;
    private final Consumer<int[]> frameSelector;
    private final TaskKey scanTask = TaskKey.named("expert-infos");

    private List<ExpertGroup> analysisGroups = List.of();
    private DissectionExperts dissection = DissectionExperts.NONE;
    /** The expert infos the cross-frame facts add (lost pings, retransmissions, duplicate addresses). */
    private DissectionExperts facts = DissectionExperts.NONE;
    private final TaskKey factsTask = TaskKey.named("expert-facts");
    private boolean dissectionDone;
    private boolean scanCancelled;
    private Capture capture;

    private final ObservableList<ExpertGroup> shown = FXCollections.observableArrayList();
    private final ObservableList<ExpertGroup> shownView = FXCollections.unmodifiableObservableList(shown);
    private final Map<Severity, BooleanProperty> showSeverity = new EnumMap<>(Severity.class);
    private final Map<Severity, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Severity.class);
    /** The analysis's findings and the frames' expert infos by severity, for the summary that tells them apart. */
    private final Map<Severity, Integer> analysisTotal = new EnumMap<>(Severity.class);
    private final Map<Severity, Integer> frameTotal = new EnumMap<>(Severity.class);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning");
    private final ReadOnlyStringWrapper scanStatus = new ReadOnlyStringWrapper(this, "scanStatus", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", NO_FINDINGS);
    private static final String NO_FINDINGS = "No findings: the analysis and the frames' dissection raised none";

    /** @param frameSelector selects frames (0-based) in the packet list and jumps to the first */
    public ExpertViewModel(Tasks tasks, MigrationsViewModel migrations, Consumer<int[]> frameSelector) {
        this.tasks = tasks;
        this.scanner = tasks.serial("expert-info");
        this.migrations = migrations;
        this.frameSelector = frameSelector;
        for (Severity s : Severity.values()) {
            BooleanProperty p = new SimpleBooleanProperty(this, "show" + s.label(), true);
            p.addListener((o, was, now) -> refilter());
            showSeverity.put(s, p);
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s.label()));
        }
        search.addListener((o, was, now) -> refilter());
        migrations.captureProperty().addListener((o, was, now) -> setCapture(now));
        migrations.reportProperty().addListener((o, was, now) -> setReport(now));
        migrations.analysingProperty().addListener((o, was, now) -> updateSummary());
        migrations.failureProperty().addListener((o, was, now) -> updateSummary());
        setCapture(migrations.captureProperty().get());
        setReport(migrations.reportProperty().get());
    }

    private void setReport(MigrationReport report) {
        List<ExpertGroup> groups = new ArrayList<>();
        Map<String, List<ExpertItem>> bySeverityAndCode = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            bySeverityAndCode.computeIfAbsent(f.severity().name() + " " + f.code().id(), k -> new ArrayList<>())
                    .add(ExpertItem.of(f));
        }
        for (List<ExpertItem> items : bySeverityAndCode.values()) {
            Finding first = items.get(0).finding();
            groups.add(new ExpertGroup(first.severity(), first.code().id(), first.code().title(), true,
                    List.copyOf(items)));
        }
        analysisGroups = groups;
        refilter();
    }

    /** Starts collecting the expert infos of a newly shown capture (null: nothing open). */
    private void setCapture(Capture c) {
        if (c == capture) {
            return;
        }
        capture = c;
        dissection = DissectionExperts.NONE;
        facts = DissectionExperts.NONE;
        factsTask.cancel();
        dissectionDone = false;
        scanCancelled = false;
        refilter();
        scan();
    }

    private void scan() {
        Capture c = capture;
        if (c == null) {
            scanTask.cancel();
            scanning.set(false);
            progress.set(-1);
            scanStatus.set("");
            updateSummary();
            return;
        }
        scanning.set(true);
        progress.set(0);
        scanStatus.set("Checking frames for expert infos…");
        updateSummary();
        BackgroundTask.of(monitor -> DissectionExperts.scan(c, monitor::cancelled, p -> monitor.progress(p, 100)))
                .key(scanTask)
                .runOn(scanner)
                .onProgress(p -> {
                    progress.set(p);
                    scanStatus.set("Checking frames for expert infos… " + Math.round(p * 100) + "%");
                })
                .onSuccess(result -> {
                    scanning.set(false);
                    progress.set(-1);
                    if (result != null) {
                        dissection = result;
                        dissectionDone = true;
                        scanStatus.set("");
                    }
                    refilter();
                })
                .onFailure(e -> {
                    scanning.set(false);
                    progress.set(-1);
                    scanStatus.set("The frames' expert infos could not be collected: " + BackgroundTask.reason(e));
                    refilter();
                })
                .runWith(tasks);
    }

    /** Stops collecting the expert infos; the analysis's findings stay. */
    public void cancelScan() {
        if (!scanning.get()) {
            return;
        }
        scanTask.cancel();
        scanning.set(false);
        progress.set(-1);
        scanCancelled = true;
        scanStatus.set("Expert infos of the frames not collected (cancelled)");
        updateSummary();
    }

    /**
     * The window's frame pipeline once it has more facts (the analysis bound, the ICMP and TCP conversations
     * followed): the expert infos those facts add to frames are collected, in the background, as the rows show
     * them, so a lost ping coloured in the list is counted here too.
     */
    public void setFacts(dev.cutover.frames.FramePipeline p) {
        if (p == null || p.capture() != capture) {
            return;
        }
        BackgroundTask.of(monitor -> DissectionExperts.scanFacts(p, monitor::cancelled))
                .key(factsTask)
                .runOn(scanner)
                .onSuccess(result -> {
                    if (result != null && p.capture() == capture) {
                        facts = result;
                        refilter();
                    }
                })
                .onFailure(e -> scanStatus.set("The facts' expert infos could not be collected: "
                        + BackgroundTask.reason(e)))
                .runWith(tasks);
    }

    /** Collects the expert infos again, after a cancel. */
    public void rescan() {
        if (!scanning.get() && capture != null) {
            scanCancelled = false;
            scan();
        }
    }

    /** Groups shown: the severities ticked, and the items the search text is in (all when it is empty). */
    private void refilter() {
        List<ExpertGroup> all = new ArrayList<>(analysisGroups);
        all.addAll(dissection.groups());
        all.addAll(facts.groups());
        all.sort((x, y) -> x.severity() != y.severity() ? y.severity().compareTo(x.severity())
                : x.analysis() != y.analysis() ? (x.analysis() ? -1 : 1) : x.code().compareTo(y.code()));
        Map<Severity, Integer> total = new EnumMap<>(Severity.class);
        analysisTotal.clear();
        frameTotal.clear();
        String needle = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        List<ExpertGroup> kept = new ArrayList<>();
        for (ExpertGroup g : all) {
            total.merge(g.severity(), g.count(), Integer::sum);
            (g.analysis() ? analysisTotal : frameTotal).merge(g.severity(), g.count(), Integer::sum);
            if (!showSeverity.get(g.severity()).get()) {
                continue;
            }
            if (needle.isEmpty() || g.code().toLowerCase(Locale.ROOT).contains(needle)
                    || g.summary().toLowerCase(Locale.ROOT).contains(needle)) {
                kept.add(g);
                continue;
            }
            List<ExpertItem> items = new ArrayList<>();
            for (ExpertItem i : g.items()) {
                if (i.matches(needle)) {
                    items.add(i);
                }
            }
            if (!items.isEmpty()) {
                kept.add(new ExpertGroup(g.severity(), g.code(), g.summary(), g.analysis(), items));
            }
        }
        for (Severity s : Severity.values()) {
            counts.get(s).set(total.getOrDefault(s, 0));
        }
        shown.setAll(kept);
        updateSummary();
    }

    private void updateSummary() {
        working.set(capture != null && (scanning.get() || migrations.analysingProperty().get()));
        String failed = migrations.failureProperty().get();
        boolean analysisFailed = capture != null && !failed.isEmpty();
        emptyText.set(working.get() ? "Looking for findings…" : analysisFailed ? failed : NO_FINDINGS);
        if (capture == null) {
            summary.set("");
            return;
        }
        if (migrations.analysingProperty().get()) {
            summary.set("Findings: analysing…");
            return;
        }
        // the analysis's findings as the migrations pane counts them, then the frames' own expert infos apart
        String text = MigrationsViewModel.summary(analysisTotal);
        String frames = frameTotal.values().stream().mapToInt(Integer::intValue).sum() == 0 ? ""
                : " \u00b7 expert infos: " + MigrationsViewModel.summary(frameTotal).substring("Findings: ".length());
        if (analysisFailed) {
            // the frames' expert infos may still be counted; the analysis's findings are missing, not none
            text = "Findings: analysis failed";
        }
        text += frames;
        if (scanning.get()) {
            text += " (checking frames…)";
        } else if (scanCancelled || !dissectionDone) {
            text += " (frames not checked)";
        }
        summary.set(text);
    }

    /**
     * What the view says while it holds no item: still looking, why the analysis failed, or that there is none.
     */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** The user picked an item: its frames become the packet list's selection. */
    public void select(ExpertItem item) {
        if (item != null && item.frames().length > 0) {
            frameSelector.accept(item.frames());
        }
    }

    /** The user picked a group: every frame of its items becomes the packet list's selection. */
    public void select(ExpertGroup group) {
        if (group != null) {
            int[] frames = group.frames();
            if (frames.length > 0) {
                frameSelector.accept(frames);
            }
        }
    }

    /** The groups shown, errors first; within a severity the analysis's before the dissection's. */
    public ObservableList<ExpertGroup> groups() {
        return shownView;
    }

    /** Whether items of this severity are shown. */
    public BooleanProperty showProperty(Severity severity) {
        return showSeverity.get(severity);
    }

    /** How many items of this severity there are, shown or not. */
    public ReadOnlyIntegerProperty countProperty(Severity severity) {
        return counts.get(severity).getReadOnlyProperty();
    }

    /** Text the shown items must contain (code, sentence, MAC, IP or a frame number); empty shows all. */
    public StringProperty searchProperty() {
        return search;
    }

    /** How far the pass over the frames is, 0 to 1; -1 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the analysis or the pass over the frames is under way: more findings may come. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** What the pass over the frames is doing, or why it did not finish; empty once done. */
    public ReadOnlyStringProperty scanStatusProperty() {
        return scanStatus.getReadOnlyProperty();
    }

    /**
     * "Findings: 1 warning · expert infos: 619 notes" for the status bar: every item the view holds, whatever the
     * filter shows, the analysis's findings (as the migrations pane counts them) and the frames' expert infos apart.
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
