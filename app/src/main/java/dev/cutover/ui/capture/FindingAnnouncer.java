package dev.cutover.ui.capture;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FindingCode;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Announces, in the status bar, each finding a live capture's analysis newly raises, once while it stays raised.
 * One that more frames take back (no-arp-frames while only the RARP burst has come, before the guest's gratuitous
 * ARP) is no longer announced. FX thread only.
 */
final class FindingAnnouncer {
    final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper(this, "announcement", "");
    /** The findings raised by the latest analysis. */
    private final Set<String> announced = new HashSet<>();
    /** The finding the announcement names, or null. */
    private String announcedKey;

    /** The findings of the newest analysis of the frames on show. */
    void analysed(AnalysisResult result) {
        Set<String> raised = new HashSet<>();
        for (Finding f : result.findings()) {
            if (f.code() == FindingCode.NO_ARP_FRAMES && result.arpFrameCount() == 0) {
                continue; // a capture under way that has seen nothing of the ARP family yet: not news while it runs
            }
            String key = f.code() + " " + f.mac() + " " + f.ip();
            raised.add(key);
            if (announced.add(key)) {
                announcement.set("Finding: " + f.code().id() + " — " + f.message());
                announcedKey = key;
            }
        }
        announced.retainAll(raised);
        if (announcedKey != null && !raised.contains(announcedKey)) {
            announcement.set("");
            announcedKey = null;
        }
    }

    /** A new capture: nothing announced yet. */
    void reset() {
        announced.clear();
        announcedKey = null;
        announcement.set("");
    }

    /** The capture was dropped: the announcement goes, what was announced is remembered until the next start. */
    void clear() {
        announcedKey = null;
        announcement.set("");
    }
}
