package dev.cutover.ui.expert;

import dev.cutover.analysis.Finding;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the Findings view: a finding of the migration analysis, or one expert info of one frame's
 * dissection.
 *
 * @param code    the finding's code ("rarp-without-garp") or the expert info's filter name ("_ws.short")
 * @param message the whole sentence: {@link Finding#message()}, or the expert info's text in the details tree
 * @param mac     the MAC it is about, or ""
 * @param ip      the IPv4 address it is about, or ""
 * @param frames  the 0-based frames it names, ascending
 * @param finding the analysis finding, null for an expert info
 */
public record ExpertItem(Severity severity, String code, String message, String mac, String ip, int[] frames,
                         Finding finding) {
    /** Frames named one by one before the rest are counted. */
    private static final int LISTED_RANGES = 6;

    /** The item of an analysis finding. */
    public static ExpertItem of(Finding f) {
        return new ExpertItem(f.severity(), f.code().id(), f.message(), f.mac() >= 0 ? Addresses.mac(f.mac()) : "",
                f.ip() >= 0 ? Addresses.ipv4(f.ip()) : "", f.frames().stream().mapToInt(Integer::intValue).toArray(), f);
    }

    /** The item of an expert info in frame {@code frame} (0-based). */
    public static ExpertItem expert(Severity severity, String abbrev, String message, int frame) {
        return new ExpertItem(severity, abbrev, message, "", "", new int[] {frame}, null);
    }

    /** True for a finding of the migration analysis, false for an expert info of the dissection. */
    public boolean fromAnalysis() {
        return finding != null;
    }

    /** The frames as numbers people see (1-based): "frame 42", "frames 42-47", "frames 3, 9-12 and 40". */
    public String framesText() {
        return framesText(frames);
    }

    /** "frame 42", "frames 42-47", "frames 3, 9-12 and 40", "frames 3, 9, … (27,070 frames)"; "" for none. */
    static String framesText(int[] frames) {
        return dev.cutover.text.FrameNumbers.of(frames, LISTED_RANGES);
    }

    /** What else it names, for the line under the sentence: "frames 42-47 · MAC 00:50:56:9d:c4:22 · IP 10.0.10.77". */
    public String facts() {
        List<String> parts = new ArrayList<>(3);
        if (frames.length > 0) {
            parts.add(framesText());
        }
        if (!mac.isEmpty()) {
            parts.add("MAC " + mac);
        }
        if (!ip.isEmpty()) {
            parts.add("IP " + ip);
        }
        return String.join(" · ", parts);
    }

    /** Whether the search text (already lower case) is in its code, sentence, MAC, IP or frame numbers. */
    boolean matches(String needle) {
        if (code.toLowerCase(Locale.ROOT).contains(needle) || message.toLowerCase(Locale.ROOT).contains(needle)
                || mac.contains(needle) || ip.contains(needle)) {
            return true;
        }
        for (int f : frames) {
            if (Integer.toString(f + 1).equals(needle)) {
                return true;
            }
        }
        return false;
    }
}
