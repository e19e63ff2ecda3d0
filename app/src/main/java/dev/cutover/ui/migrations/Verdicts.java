package dev.cutover.ui.migrations;

import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.MigrationEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which findings are about which migration: a finding is about the migrations whose frames it names; one that
 * names none of their frames is about the migrations of its MAC or IP address, and so is an ARP storm. The
 * capture-level "no ARP frames" note is about each migration that has RARP and no gratuitous ARP, since it says
 * why no GARP was looked for; other capture-level findings (a file cut short) are about none.
 */
final class Verdicts {
    private Verdicts() {
    }

    /** One verdict per migration, in {@link AnalysisResult#migrations()} order. */
    static List<Verdict> of(AnalysisResult result) {
        List<MigrationEvent> events = result.migrations();
        List<Set<Finding>> about = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            about.add(new LinkedHashSet<>());
        }
        Map<Long, List<Integer>> byMac = null;
        Map<Long, List<Integer>> byIp = null;
        for (Finding f : result.findings()) {
            boolean named = false;
            // a storm or a flood is the network's, not a migration's: it is about the MAC that sent most of it,
            // not about every migration whose gratuitous ARP it counted
            boolean network = f.code() == FindingCode.ARP_STORM || f.code() == FindingCode.ARP_REQUEST_FLOOD;
            for (int frame : network ? List.<Integer>of() : f.frames()) {
                int e = result.migrationOf(frame);
                if (e >= 0 && e < events.size()) {
                    about.get(e).add(f);
                    named = true;
                }
            }
            if (named) {
                continue;
            }
            if (f.code() == FindingCode.NO_ARP_FRAMES) {
                for (int e = 0; e < events.size(); e++) {
                    if (events.get(e).hasRarp() && !events.get(e).hasGarp()) {
                        about.get(e).add(f);
                    }
                }
                continue;
            }
            if (f.mac() >= 0 || f.ip() >= 0) {
                if (byMac == null) {
                    byMac = new HashMap<>();
                    byIp = new HashMap<>();
                    for (int e = 0; e < events.size(); e++) {
                        byMac.computeIfAbsent(events.get(e).mac(), k -> new ArrayList<>()).add(e);
                        for (long ip : events.get(e).ips()) {
                            byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(e);
                        }
                    }
                }
                for (int e : byMac.getOrDefault(f.mac(), List.of())) {
                    about.get(e).add(f);
                }
                for (int e : byIp.getOrDefault(f.ip(), List.of())) {
                    about.get(e).add(f);
                }
            }
        }
        List<Verdict> verdicts = new ArrayList<>(events.size());
        for (Set<Finding> s : about) {
            // added in the analysis's order, errors first
            verdicts.add(Verdict.of(new ArrayList<>(s)));
        }
        return verdicts;
    }
}
