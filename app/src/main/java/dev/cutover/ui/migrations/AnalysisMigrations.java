package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.RarpBurst;
import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Addresses;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The migration analysis, as the Migrations view shows it: one row per migration event with its verdict. */
public final class AnalysisMigrations implements MigrationSource {
    private final AnalysisConfig config;

    public AnalysisMigrations(AnalysisConfig config) {
        this.config = config;
    }

    public AnalysisMigrations() {
        this(AnalysisConfig.DEFAULTS);
    }

    @Override
    public MigrationReport analyse(Capture capture, LoadMonitor monitor) throws IOException {
        AnalysisResult result = MigrationAnalyzer.analyzeForTimeline(capture, config, monitor);
        List<InterfaceInfo> interfaces = capture.interfaces();
        List<MigrationRow> rows = new ArrayList<>();
        List<Verdict> verdicts = Verdicts.of(result);
        for (MigrationEvent e : result.migrations()) {
            RarpBurst rarp = e.rarp();
            TreeSet<Integer> frames = new TreeSet<>(e.garpFrames());
            frames.addAll(e.naFrames());
            if (rarp != null) {
                frames.addAll(rarp.frames());
            }
            List<String> names = new ArrayList<>();
            for (int id : e.interfaces()) {
                names.add(dev.cutover.text.Untrusted.oneLine(interfaces.get(id).name()));
            }
            List<String> ips = new ArrayList<>();
            for (long ip : e.ips()) {
                ips.add(Addresses.ipv4(ip));
            }
            dev.cutover.analysis.MigrationOutcome outcome = result.outcomeOf(e);
            rows.add(new MigrationRow(verdicts.get(e.id()), Addresses.mac(e.mac()),
                    e.vendor() == null ? "" : e.vendor(), e.vlans(),
                    names, rarp == null ? 0 : rarp.count(), e.firstTime(),
                    rarp == null ? 0 : rarp.lastTime() - rarp.firstTime(), ips,
                    e.rarpToGarpNanos(), frames.stream().mapToInt(Integer::intValue).toArray(),
                    e.ipv6s(), e.rarpToNaNanos(),
                    outcome == null ? "" : dev.cutover.text.Untrusted.oneLine(outcome.summary()),
                    outcome == null ? "" : outcome.verdict().id()));
        }
        return new MigrationReport(rows, result);
    }
}
