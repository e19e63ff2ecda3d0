package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisConfig;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationAnalyzer;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Outcomes made by hand over the teamed-uplinks sample ({@code esxi-team-vusb1.pcapng} + {@code esxi-team-vusb2
 * .pcapng}, opened in that order), where VM 00:50:56:9d:b0:51's RARP burst (frames 82-84, 1-based) and GARP (frame 89)
 * go out on vusb2. The frame numbers are the capture's real ones (0-based here); the story told with them: the VM's
 * traffic on vusb2, dark from frame 81 to its GARP, frames for it still coming in on vusb1 for half a second after the
 * move (the last two are pings nobody answered), and TCP retransmissions on vusb2 after it.
 */
public final class OutcomeFixtures {
    public static final List<Path> TEAM = List.of(Path.of("../sample-captures/esxi-team-vusb1.pcapng"),
            Path.of("../sample-captures/esxi-team-vusb2.pcapng"));
    /** Frames on vusb2 before the move and after it. */
    public static final int[] OWN = {7, 9, 11, 15, 17, 22, 24, 26, 28, 30, 33, 37, 42, 44, 47, 50, 52, 56, 58, 65, 67,
        69, 73, 75, 77, 80, 88, 108, 109, 110, 112, 113, 114, 116, 117, 118, 119, 123, 124, 125, 126, 127, 128, 129,
        131, 132, 133, 136};
    /** 1.448263 s. */
    public static final int LAST_BEFORE = 80;
    /** The guest's GARP, 1.633263 s: 185 ms after LAST_BEFORE. */
    public static final int FIRST_AFTER = 88;
    /** Frames on vusb1 after the RARP went out on vusb2, 1.487548 s to 2.031788 s. */
    public static final int[] STALE = {84, 86, 90, 92, 95, 96, 97, 98, 99, 100};
    /** The last two stale frames: echo requests nobody answered. */
    public static final int[] LOST = {99, 100};
    /** On vusb2 after the move. */
    public static final int[] RETRANS = {109, 112, 116};
    public static final long THIRTY_S = 30_000_000_000L;

    private OutcomeFixtures() {
    }

    /** The sample's migration and its facts. */
    public record Team(AnalysisResult result, TimelineFrames facts, long origin, int migrationId) {
    }

    public static Team team(Capture c) throws java.io.IOException {
        AnalysisResult r = MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, LoadMonitor.NONE);
        return new Team(r, TimelineFrames.of(c), c.index().timestampNanos(0), r.migrations().get(0).id());
    }

    /** The bad outcome described above, in a window of 30 s either side of the first RARP. */
    public static OutcomeTrack stale(int migrationId, TimelineFrames facts) {
        long rarp = facts.timeNanos(81);
        return new OutcomeTrack(migrationId, OWN, LAST_BEFORE, FIRST_AFTER, rarp - THIRTY_S, rarp + THIRTY_S, STALE,
                facts.interfaceId(STALE[0]), LOST, RETRANS, "stale 544 ms on vusb1 · ping lost 2/12",
                OutcomeTrack.Verdict.BAD);
    }

    /**
     * The VM's frames before the move and none after it within a window of {@code windowNanos} either side of the
     * first RARP: dark to the window's end (3 s: within the capture), or to the capture's end (30 s: past it).
     */
    public static OutcomeTrack darkToEnd(int migrationId, TimelineFrames facts, long windowNanos) {
        long rarp = facts.timeNanos(81);
        int[] before = java.util.Arrays.copyOf(OWN, 26);
        return new OutcomeTrack(migrationId, before, LAST_BEFORE, -1, rarp - windowNanos, rarp + windowNanos, null, -1,
                null, null, "dark to the end", OutcomeTrack.Verdict.BAD);
    }

    /** The timeline of the sample with one outcome for its migration. */
    public static TimelineModel model(Capture c, IntFunction<OutcomeTrack> byId) throws java.io.IOException {
        Team t = team(c);
        return TimelineModel.of(t.result(), t.facts(), t.origin(), byId);
    }

    public static Capture open() throws java.io.IOException {
        return Capture.open(TEAM, LoadMonitor.NONE);
    }
}
