package dev.cutover.cli;

import dev.cutover.analysis.AnalysisConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/**
 * The migration analysis's thresholds: {@code analyze} uses them, and the commands whose filters or columns
 * read {@code migration.*} fields run the same analysis with the same settings.
 */
final class AnalysisOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--burst-gap", paramLabel = "S", defaultValue = "30",
            description = "RARP frames of one MAC at most S seconds apart are one burst (default: ${DEFAULT-VALUE})")
    double burstGap;

    @Option(names = "--window", paramLabel = "S", defaultValue = "5",
            description = "GARP within S seconds of a burst's first frame, before or after, is the same migration "
                    + "(default: ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--storm-requests", paramLabel = "N", defaultValue = "30",
            description = "more than N ARP requests within the storm window are a storm (default: ${DEFAULT-VALUE})")
    int stormRequests;

    @Option(names = "--storm-window", paramLabel = "MS", defaultValue = "100",
            description = "the storm window in milliseconds (default: ${DEFAULT-VALUE})")
    double stormWindow;

    @Option(names = "--flood-rate", paramLabel = "N", defaultValue = "5",
            description = "one sender with more than N ARP requests in every second of the flood span is flooding "
                    + "(default: ${DEFAULT-VALUE})")
    int floodRate;

    @Option(names = "--flood-span", paramLabel = "S", defaultValue = "10",
            description = "how many seconds that must last (default: ${DEFAULT-VALUE})")
    double floodSpan;

    @Option(names = "--pattern-tolerance", paramLabel = "MS", defaultValue = "25",
            description = "how far a RARP may stray from a known pattern's schedule, in milliseconds "
                    + "(default: ${DEFAULT-VALUE})")
    double patternTolerance;

    @Option(names = "--failover-macs", paramLabel = "N", defaultValue = "4",
            description = "at least N MACs announced at once from one interface are a failover "
                    + "(default: ${DEFAULT-VALUE})")
    int failoverMacs;

    @Option(names = "--failover-window", paramLabel = "S", defaultValue = "1",
            description = "how close together, in seconds, those announcements start (default: ${DEFAULT-VALUE})")
    double failoverWindow;

    @Option(names = "--outcome-window", paramLabel = "S", defaultValue = "30",
            description = "a migration's outcome (the VM's dark time, traffic still reaching its old place) is "
                    + "measured from the frames S seconds before and after its first announcement "
                    + "(default: ${DEFAULT-VALUE})")
    double outcomeWindow;

    @Option(names = "--dark-threshold", paramLabel = "S", defaultValue = "2",
            description = "a VM with no frame of its own for more than S seconds across its move is dark "
                    + "(default: ${DEFAULT-VALUE})")
    double darkThreshold;

    @Option(names = "--stale-threshold", paramLabel = "MS", defaultValue = "500",
            description = "traffic for a moved VM reaching its old interface more than MS milliseconds after the "
                    + "announcement is stale forwarding (default: ${DEFAULT-VALUE})")
    double staleThreshold;

    /** The settings given, or a usage error naming the option that is out of range. */
    AnalysisConfig config() {
        try {
            return new AnalysisConfig(seconds(burstGap, "--burst-gap"), seconds(window, "--window"), stormRequests,
                    seconds(stormWindow / 1000, "--storm-window"), seconds(patternTolerance / 1000,
                    "--pattern-tolerance"), failoverMacs, seconds(failoverWindow, "--failover-window"),
                    floodRate, seconds(floodSpan, "--flood-span"), seconds(outcomeWindow, "--outcome-window"),
                    seconds(darkThreshold, "--dark-threshold"), seconds(staleThreshold / 1000, "--stale-threshold"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Duration seconds(double s, String option) {
        if (!(s > 0) || s > 1e9) {
            throw new ParameterException(spec.commandLine(), option + " must be a positive number, not " + s);
        }
        return Duration.ofNanos(Math.max(1, Math.round(s * 1e9)));
    }
}
