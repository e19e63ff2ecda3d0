package dev.cutover.timeline;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.MigrationOutcome;

import java.util.function.IntFunction;

/** The analysis's measured outcomes as the timeline draws them: one {@link OutcomeTrack} per migration. */
public final class OutcomeTracks {
    private OutcomeTracks() {
    }

    /**
     * The track of each migration of {@code result} by its id, made when the timeline asks; null for a migration
     * whose outcome was not measured, and null altogether when none was.
     */
    public static IntFunction<OutcomeTrack> of(AnalysisResult result) {
        if (result == null || result.outcomes().isEmpty()) {
            return null;
        }
        long window = result.config().outcomeWindow().toNanos();
        return id -> {
            if (id < 0 || id >= result.migrations().size()) {
                return null;
            }
            MigrationEvent e = result.migrations().get(id);
            MigrationOutcome o = result.outcomeOf(e);
            if (o == null) {
                return null;
            }
            long at = e.firstTime();
            return new OutcomeTrack(id, result.ownFrames(id), o.lastBefore(), o.firstAfter(), at - window,
                    at + window, result.outcomeFrames(id, AnalysisResult.OutcomeRole.STALE), o.staleInterface(),
                    result.outcomeFrames(id, AnalysisResult.OutcomeRole.LOST_PING),
                    result.outcomeFrames(id, AnalysisResult.OutcomeRole.RETRANSMISSION), o.summary(),
                    switch (o.verdict()) {
                        case OK -> OutcomeTrack.Verdict.OK;
                        case UNKNOWN -> OutcomeTrack.Verdict.UNKNOWN;
                        case WARN -> OutcomeTrack.Verdict.WARN;
                        case BAD -> OutcomeTrack.Verdict.BAD;
                    });
        };
    }
}
