package dev.cutover.ui.timeline;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.FrameClass;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.timeline.Durations;
import dev.cutover.timeline.OutcomeTrack;
import dev.cutover.timeline.TimelineFrames;
import dev.cutover.ui.Tasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline pane alone with an outcome drawn on each lane, for looking at it: the captures given, and for each
 * migration a track made up from their frames (the announcing interface's other frames stand for the VM's own, the
 * guest's GARP is the first after the move). With {@code --stale=IFACE} the frames of that interface in the 0.6 s after
 * a VMware MAC's first RARP are stale (the last two lost pings) and three frames after the move retransmissions.
 * With {@code --silent=true} a VMware MAC sends nothing after its move: dark to the window's end.
 * Options: {@code --width}, {@code --height}, {@code --theme=dark}, {@code --ready=FILE} (written once drawn).
 */
public final class OutcomeScreenshotScene {
    private OutcomeScreenshotScene() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        private Capture capture;

        @Override
        public void start(Stage stage) throws Exception {
            Map<String, String> o = getParameters().getNamed();
            boolean dark = "dark".equals(o.get("theme"));
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                    : new PrimerLight().getUserAgentStylesheet());
            capture = Capture.open(getParameters().getUnnamed().stream().map(Path::of).toList(), LoadMonitor.NONE);
            AnalysisResult r = MigrationAnalyzer.analyze(capture, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
            Map<Integer, OutcomeTrack> tracks = tracks(r, TimelineFrames.of(capture), o.get("stale"),
                    Boolean.parseBoolean(o.getOrDefault("silent", "false")));
            TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, f -> { });
            vm.darkProperty().set(dark);
            vm.setAnalysis(r, capture, tracks::get);
            TimelineView view = new TimelineView(vm);
            stage.setScene(new Scene(view));
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Double.parseDouble(o.getOrDefault("width", "1280")));
            stage.setHeight(Double.parseDouble(o.getOrDefault("height", "800")));
            stage.show();
            dev.cutover.ui.ScreenshotScene.readyAfterSettling(o);
        }

        @Override
        public void stop() {
            if (capture != null) {
                capture.close();
            }
        }
    }

    static Map<Integer, OutcomeTrack> tracks(AnalysisResult r, TimelineFrames facts, String staleIface,
                                             boolean silent) {
        Map<Integer, OutcomeTrack> out = new HashMap<>();
        long window = 30_000_000_000L;
        for (MigrationEvent e : r.migrations()) {
            int first = e.firstFrame();
            int iface = facts.interfaceId(first);
            long t0 = facts.timeNanos(first);
            int after = e.hasGarp() ? e.garpFrames().get(0) : -1;
            List<Integer> own = new ArrayList<>();
            List<Integer> stale = new ArrayList<>();
            int before = -1;
            boolean vmware = dev.cutover.dissect.Addresses.mac(e.mac()).startsWith("00:50:56");
            for (int f = 0; f < facts.frameCount(); f++) {
                long t = facts.timeNanos(f);
                if (Math.abs(t - t0) > window) {
                    continue;
                }
                boolean plain = facts.frameClass(f) == FrameClass.NONE;
                if (f == after || (plain && facts.interfaceId(f) == iface)) {
                    own.add(f);
                    if (f < first) {
                        before = f;
                    }
                } else if (plain && vmware && staleIface != null && t > t0 && t - t0 < 600_000_000L
                        && facts.interfaceName(facts.interfaceId(f)).equals(staleIface)) {
                    stale.add(f);
                }
            }
            if (silent && vmware) {
                int last = before;
                int[] ownBefore = own.stream().filter(f -> f <= last).mapToInt(Integer::intValue).toArray();
                out.put(e.id(), new OutcomeTrack(e.id(), ownBefore, before, -1, t0 - window, t0 + window, null, -1,
                        null, null, "dark > " + Durations.format(t0 + window - facts.timeNanos(before))
                        + " after the move", OutcomeTrack.Verdict.BAD));
                continue;
            }
            int[] ownA = own.stream().mapToInt(Integer::intValue).toArray();
            long darkNanos = before >= 0 && after >= 0 ? facts.timeNanos(after) - facts.timeNanos(before) : -1;
            OutcomeTrack t;
            if (stale.isEmpty()) {
                t = new OutcomeTrack(e.id(), ownA, before, after, t0 - window, t0 + window, null, -1, null, null,
                        "ok, dark " + Durations.format(darkNanos), OutcomeTrack.Verdict.OK);
            } else {
                int[] staleA = stale.stream().mapToInt(Integer::intValue).toArray();
                int[] lost = {staleA[staleA.length - 2], staleA[staleA.length - 1]};
                List<Integer> retrans = own.stream().filter(f -> f > first && f != e.garpFrames().get(0)).limit(6)
                        .toList();
                int[] retransA = {retrans.get(1), retrans.get(3), retrans.get(5)};
                long staleFor = facts.timeNanos(staleA[staleA.length - 1]) - t0;
                t = new OutcomeTrack(e.id(), ownA, before, after, t0 - window, t0 + window, staleA,
                        facts.interfaceId(staleA[0]), lost, retransA, "stale " + Durations.format(staleFor) + " on "
                        + staleIface + " · ping lost 2/12", OutcomeTrack.Verdict.BAD);
            }
            out.put(e.id(), t);
        }
        return out;
    }
}
