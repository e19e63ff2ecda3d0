package dev.cutover.analysis;

import dev.cutover.dissect.Severity;

import java.util.List;

/**
 * One problem the analysis found, stated for a network engineer.
 *
 * @param code     what kind of problem
 * @param severity {@link Severity#ERROR}, {@link Severity#WARNING} or {@link Severity#NOTE}
 * @param mac      the MAC concerned (48 bits), or -1
 * @param ip       the IPv4 address concerned (32 bits), or -1
 * @param frames   0-based frame numbers it names, ascending
 * @param message  one or two sentences: what was seen, the likely cause, what to check
 * @param ipv6     the IPv6 address concerned, as text ("2001:db8::10"), or null
 */
public record Finding(FindingCode code, Severity severity, long mac, long ip, List<Integer> frames, String message,
                      String ipv6) {
    public Finding {
        frames = List.copyOf(frames);
    }

    /** The order findings are listed in: errors first, then by the first frame they name, then by kind. */
    public static final java.util.Comparator<Finding> ORDER = (a, b) -> {
        int c = Integer.compare(b.severity.ordinal(), a.severity.ordinal());
        if (c == 0) {
            c = Integer.compare(a.firstFrame(), b.firstFrame());
        }
        return c != 0 ? c : Integer.compare(a.code.ordinal(), b.code.ordinal());
    };

    /** A finding about no IPv6 address. */
    public Finding(FindingCode code, Severity severity, long mac, long ip, List<Integer> frames, String message) {
        this(code, severity, mac, ip, frames, message, null);
    }

    /** A finding with its kind's declared severity ({@link FindingCode#severity()}). */
    public Finding(FindingCode code, long mac, long ip, List<Integer> frames, String message) {
        this(code, code.severity(), mac, ip, frames, message);
    }

    /** The first frame named, or -1 when it names none. */
    public int firstFrame() {
        return frames.isEmpty() ? -1 : frames.get(0);
    }
}
