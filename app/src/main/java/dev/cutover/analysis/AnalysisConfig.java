package dev.cutover.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * Every threshold of the migration analysis in one place, so the command line and the desktop application set
 * the same things.
 *
 * @param burstGap          RARP frames of one MAC at most this far apart belong to one burst
 * @param correlationWindow GARP of the same MAC this close to a burst's first frame, before or after, is
 *                          the same migration
 * @param stormRequests     more ARP requests than this within {@code stormWindow} are a storm (Wireshark: 30)
 * @param stormWindow       the storm's time span (Wireshark: 100 ms)
 * @param patternTolerance  how far a frame may stray from a known pattern's schedule (for ESXi's back-off, a
 *                          tenth of a long interval if that is more); frames closer than this count as sent at once
 * @param failoverMacs      at least this many MACs announced at once from one interface look like a failover
 * @param failoverWindow    how close together their bursts must start
 * @param floodRate         one sender with more ARP requests than this in every second of {@code floodSpan} or
 *                          longer is flooding
 * @param floodSpan         how long that must last: a flood is sustained, where a storm is a burst
 * @param outcomeWindow     the outcome of a migration is measured from the frames this long before and after its
 *                          first announcement
 * @param darkThreshold     a VM with no frame of its own for longer than this across its move is dark (a vMotion
 *                          stuns a VM for well under a second)
 * @param staleThreshold    traffic for a moved VM reaching its old place for longer than this after the
 *                          announcement is stale forwarding (frames already on their way arrive within milliseconds)
 */
public record AnalysisConfig(Duration burstGap, Duration correlationWindow, int stormRequests, Duration stormWindow,
                             Duration patternTolerance, int failoverMacs, Duration failoverWindow, int floodRate,
                             Duration floodSpan, Duration outcomeWindow, Duration darkThreshold,
                             Duration staleThreshold) {

    /** The default outcome window, dark threshold and stale threshold: 30 s, 2 s, 500 ms. */
    static final Duration OUTCOME_WINDOW = Duration.ofSeconds(30);
    static final Duration DARK_THRESHOLD = Duration.ofSeconds(2);
    static final Duration STALE_THRESHOLD = Duration.ofMillis(500);

    /**
     * The defaults: 30 s, 5 s, 30 requests in 100 ms, 25 ms, 4 MACs within 1 s, more than 5 requests a second
     * from one sender for 10 s; outcomes measured 30 s either side, dark past 2 s, stale past 500 ms.
     */
    public static final AnalysisConfig DEFAULTS = new AnalysisConfig(Duration.ofSeconds(30), Duration.ofSeconds(5),
            30, Duration.ofMillis(100), Duration.ofMillis(25), 4, Duration.ofSeconds(1), 5, Duration.ofSeconds(10),
            OUTCOME_WINDOW, DARK_THRESHOLD, STALE_THRESHOLD);

    public AnalysisConfig {
        positive(burstGap, "burst gap");
        positive(correlationWindow, "correlation window");
        positive(stormWindow, "storm window");
        positive(patternTolerance, "pattern tolerance");
        positive(failoverWindow, "failover window");
        positive(floodSpan, "flood span");
        positive(outcomeWindow, "outcome window");
        positive(darkThreshold, "dark threshold");
        positive(staleThreshold, "stale threshold");
        if (stormRequests < 1) {
            throw new IllegalArgumentException("storm requests must be at least 1, not " + stormRequests);
        }
        if (failoverMacs < 2) {
            throw new IllegalArgumentException("failover MACs must be at least 2, not " + failoverMacs);
        }
        if (floodRate < 1) {
            throw new IllegalArgumentException("flood rate must be at least 1 request a second, not " + floodRate);
        }
    }

    /** The thresholds before the outcome's, which take their defaults. */
    public AnalysisConfig(Duration burstGap, Duration correlationWindow, int stormRequests, Duration stormWindow,
                          Duration patternTolerance, int failoverMacs, Duration failoverWindow, int floodRate,
                          Duration floodSpan) {
        this(burstGap, correlationWindow, stormRequests, stormWindow, patternTolerance, failoverMacs, failoverWindow,
                floodRate, floodSpan, OUTCOME_WINDOW, DARK_THRESHOLD, STALE_THRESHOLD);
    }

    /** The thresholds before the sustained-flood rule, which takes its defaults. */
    public AnalysisConfig(Duration burstGap, Duration correlationWindow, int stormRequests, Duration stormWindow,
                          Duration patternTolerance, int failoverMacs, Duration failoverWindow) {
        this(burstGap, correlationWindow, stormRequests, stormWindow, patternTolerance, failoverMacs, failoverWindow,
                5, Duration.ofSeconds(10));
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + d);
        }
    }

    public AnalysisConfig withBurstGap(Duration d) {
        return new AnalysisConfig(d, correlationWindow, stormRequests, stormWindow, patternTolerance, failoverMacs,
                failoverWindow, floodRate, floodSpan, outcomeWindow, darkThreshold, staleThreshold);
    }

    public AnalysisConfig withCorrelationWindow(Duration d) {
        return new AnalysisConfig(burstGap, d, stormRequests, stormWindow, patternTolerance, failoverMacs,
                failoverWindow, floodRate, floodSpan, outcomeWindow, darkThreshold, staleThreshold);
    }

    public AnalysisConfig withStorm(int requests, Duration window) {
        return new AnalysisConfig(burstGap, correlationWindow, requests, window, patternTolerance, failoverMacs,
                failoverWindow, floodRate, floodSpan, outcomeWindow, darkThreshold, staleThreshold);
    }

    public AnalysisConfig withPatternTolerance(Duration d) {
        return new AnalysisConfig(burstGap, correlationWindow, stormRequests, stormWindow, d, failoverMacs,
                failoverWindow, floodRate, floodSpan, outcomeWindow, darkThreshold, staleThreshold);
    }

    public AnalysisConfig withFailover(int macs, Duration window) {
        return new AnalysisConfig(burstGap, correlationWindow, stormRequests, stormWindow, patternTolerance, macs,
                window, floodRate, floodSpan, outcomeWindow, darkThreshold, staleThreshold);
    }

    public AnalysisConfig withFlood(int requestsPerSecond, Duration span) {
        return new AnalysisConfig(burstGap, correlationWindow, stormRequests, stormWindow, patternTolerance,
                failoverMacs, failoverWindow, requestsPerSecond, span, outcomeWindow, darkThreshold, staleThreshold);
    }

    /** The outcome thresholds: the window either side of the announcement, dark past, stale past. */
    public AnalysisConfig withOutcome(Duration window, Duration dark, Duration stale) {
        return new AnalysisConfig(burstGap, correlationWindow, stormRequests, stormWindow, patternTolerance,
                failoverMacs, failoverWindow, floodRate, floodSpan, window, dark, stale);
    }

    /**
     * How long before its first gratuitous ARP a MAC's DHCP exchange or ARP probe says it came up rather than
     * moved: RFC 5227 probes for 1 to 3 s and waits 2 s before announcing; a DHCP client announces at once.
     */
    public Duration hostUpLead() {
        return Duration.ofSeconds(10);
    }

    /**
     * How long before an IPv6 duplicate address detection probe another MAC's advertisement of the address still
     * says the address is taken (the probe's own window for a defence is the correlation window).
     */
    public Duration dadLookback() {
        return Duration.ofSeconds(60);
    }

    /** A MAC asking for this many other addresses around its gratuitous request is sweeping, not announcing. */
    public int sweepTargets() {
        return 10;
    }

    long burstGapNanos() {
        return burstGap.toNanos();
    }

    long windowNanos() {
        return correlationWindow.toNanos();
    }
}
