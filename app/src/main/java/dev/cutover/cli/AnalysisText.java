package dev.cutover.cli;

import dev.cutover.report.AnalysisJson;
import dev.cutover.analysis.AnalysisResult;
import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FindingCode;
import dev.cutover.analysis.FrameClass;
import dev.cutover.analysis.MigrationEvent;
import dev.cutover.analysis.MigrationOutcome;
import dev.cutover.analysis.RarpBurst;
import dev.cutover.capture.Capture;
import dev.cutover.capture.CaptureSummary;
import dev.cutover.capture.SourceInfo;
import dev.cutover.dissect.Addresses;
import dev.cutover.dissect.Severity;

import dev.cutover.text.FrameNumbers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The analysis as a person reads it in a terminal: the captures, a migrations table, then the findings. */
final class AnalysisText {
    private static final int WIDTH = 100;
    // a terminal summary: past these, the rest is counted, not printed (--all or JSON has everything)
    static final int MIGRATIONS_SHOWN = 50;
    static final int FINDINGS_SHOWN_PER_CODE = 10;

    private AnalysisText() {
    }

    static String render(Capture capture, AnalysisResult result, boolean all) {
        StringBuilder sb = new StringBuilder();
        for (SourceInfo src : capture.sources()) {
            sb.append(String.format(Locale.ROOT, "Capture   %s (%s, %d frames)%n", src.file(), src.format().label(),
                    src.frames()));
        }
        sb.append(String.format(Locale.ROOT, "Frames    %d, of which ARP/RARP %d%s%s%n", result.frameCount(),
                result.arpFrameCount(), result.ndpFrameCount() > 0 ? ", NDP " + result.ndpFrameCount() : "",
                classSummary(result)));
        if (result.copyCount() > 0) {
            sb.append(String.format(Locale.ROOT, "Copies    %d ARP-family frame%s caught by more than one of the files,"
                    + " counted once (migration.copy_of)%n", result.copyCount(), result.copyCount() == 1 ? "" : "s"));
        }
        sb.append('\n');
        List<MigrationEvent> events = result.migrations();
        if (events.isEmpty()) {
            sb.append("Migrations: none (").append(result.noMigrationReason()).append(")\n");
        } else {
            sb.append("Migrations: ").append(events.size()).append('\n');
            List<String[]> rows = new ArrayList<>();
            // the IPv6 columns only when some event has Neighbor Advertisements: an IPv4 table stays as it was
            boolean na = events.stream().anyMatch(MigrationEvent::hasNa);
            String[] head = {"#", "first seen (UTC)", "MAC", "vendor", "VLAN", "interface", "RARP", "GARP",
                    "RARP->GARP"};
            boolean outcomes = !result.outcomes().isEmpty();
            rows.add(withOutcome(na ? withNa(head, "NA", "RARP->NA") : head, outcomes, "outcome"));
            int shown = all ? events.size() : Math.min(events.size(), MIGRATIONS_SHOWN);
            for (MigrationEvent e : events.subList(0, shown)) {
                String[] row = row(capture, result, e);
                row = na ? withNa(row, naCell(e), delay(e.rarpToNaNanos())) : row;
                MigrationOutcome o = result.outcomeOf(e);
                rows.add(withOutcome(row, outcomes, o == null ? "-" : o.summary()));
            }
            table(sb, rows);
            if (shown < events.size()) {
                sb.append("  ... and ").append(events.size() - shown)
                        .append(" more (all of them with --all, or with --format json)\n");
            }
            if (outcomes && !result.outcomes().get(0).staleJudged()) {
                sb.append("  outcome: one interface, so stale forwarding cannot be seen (open the captures of "
                        + "both hosts' uplinks together)\n");
            }
        }
        sb.append('\n');
        List<Finding> findings = result.findings();
        if (findings.isEmpty()) {
            sb.append("Findings: none\n");
        } else {
            sb.append("Findings: ").append(findings.size()).append(counts(findings)).append('\n');
            Map<FindingCode, Integer> seen = new EnumMap<>(FindingCode.class);
            for (Finding f : findings) {
                int n = seen.merge(f.code(), 1, Integer::sum);
                if (all || n <= FINDINGS_SHOWN_PER_CODE) {
                    finding(sb, f);
                }
            }
            for (Map.Entry<FindingCode, Integer> e : seen.entrySet()) {
                if (!all && e.getValue() > FINDINGS_SHOWN_PER_CODE) {
                    sb.append("  ... and ").append(e.getValue() - FINDINGS_SHOWN_PER_CODE).append(" more ")
                            .append(e.getKey().id()).append(" (all of them with --all, or with --format json)\n");
                }
            }
            // what each kind means, once per kind, as the reports say it
            sb.append('\n').append("What they mean:\n");
            for (FindingCode code : seen.keySet()) {
                sb.append("  ").append(code.id()).append('\n');
                wrap(sb, code.explanation(), "           ");
            }
        }
        return sb.toString();
    }

    private static String classSummary(AnalysisResult result) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<FrameClass, Integer> e : result.classCounts().entrySet()) {
            if (e.getKey() != FrameClass.NONE && e.getValue() > 0) {
                String label = e.getKey().label();
                if (e.getValue() != 1) {
                    label = label.endsWith("y") ? label.substring(0, label.length() - 1) + "ies" : label + "s";
                }
                parts.add(e.getValue() + " " + label);
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String[] row(Capture capture, AnalysisResult result, MigrationEvent e) {
        String first = CaptureSummary.iso(e.firstTime(), capture.interfaceOf(e.firstFrame()).timePrecisionDigits());
        List<String> vlans = new ArrayList<>();
        for (int v : e.vlans()) {
            vlans.add(Integer.toString(v));
        }
        List<String> ifaces = new ArrayList<>();
        for (int i : e.interfaces()) {
            ifaces.add(result.interfaceNames().get(i));
        }
        String rarp = "-";
        RarpBurst b = e.rarp();
        if (b != null) {
            rarp = b.count() + " (" + b.pattern().label() + ", " + frames(b.frames()) + ")";
        }
        String garp = "-";
        if (e.hasGarp()) {
            List<String> ips = new ArrayList<>();
            for (long ip : e.ips()) {
                ips.add(Addresses.ipv4(ip));
            }
            garp = e.garpFrames().size() + " (" + (ips.isEmpty() ? "" : String.join(" ", ips) + ", ")
                    + frames(e.garpFrames()) + ")";
        }
        return new String[] {Integer.toString(e.id() + 1), first, Addresses.mac(e.mac()),
                e.vendor() == null ? "-" : e.vendor(), vlans.isEmpty() ? "-" : String.join(",", vlans),
                String.join(",", ifaces), rarp, garp, delay(e.rarpToGarpNanos())};
    }

    /** "+180 ms", "-2.500 ms", or "-" when there is no delay to tell. */
    private static String delay(java.util.OptionalLong nanos) {
        return nanos.isEmpty() ? "-" : dev.cutover.text.SignedMillis.of(nanos.getAsLong());
    }

    /** "2 (2001:db8::10 fe80::1, frames 9-10)": the event's unsolicited Neighbor Advertisements. */
    private static String naCell(MigrationEvent e) {
        if (!e.hasNa()) {
            return "-";
        }
        return e.naFrames().size() + " (" + String.join(" ", e.ipv6s()) + ", "
                + frames(e.naFrames()) + ")";
    }

    /** The row with the outcome as its last column, when outcomes were measured. */
    private static String[] withOutcome(String[] row, boolean outcomes, String cell) {
        if (!outcomes) {
            return row;
        }
        String[] r = java.util.Arrays.copyOf(row, row.length + 1);
        r[row.length] = cell;
        return r;
    }

    /** The row with the NA columns after the GARP one and before RARP->GARP, then RARP->NA last. */
    private static String[] withNa(String[] row, String na, String delay) {
        return new String[] {row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], na, row[8], delay};
    }

    /** A table cell's frames, beside their count: runs as ranges, two written out ("frames 354-356, 378, …"). */
    private static String frames(List<Integer> zeroBased) {
        return FrameNumbers.of(zeroBased, 2, false);
    }

    private static void table(StringBuilder sb, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                // an interface name is the capture author's text: a newline in it would forge a row
                r[c] = dev.cutover.text.Untrusted.oneLine(r[c]);
                widths[c] = Math.max(widths[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < r.length; c++) {
                line.append(r[c]);
                if (c < r.length - 1) {
                    line.append(" ".repeat(widths[c] - r[c].length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String counts(List<Finding> findings) {
        int[] n = new int[Severity.values().length];
        for (Finding f : findings) {
            n[f.severity().ordinal()]++;
        }
        List<String> parts = new ArrayList<>();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.NOTE}) {
            if (n[s.ordinal()] > 0) {
                parts.add(n[s.ordinal()] + " " + s.label().toLowerCase(Locale.ROOT) + (n[s.ordinal()] == 1 ? "" : "s"));
            }
        }
        return " (" + String.join(", ", parts) + ")";
    }

    private static void finding(StringBuilder sb, Finding f) {
        StringBuilder head = new StringBuilder("  ");
        String severity = f.severity().label().toLowerCase(Locale.ROOT);
        head.append(severity).append(" ".repeat(Math.max(1, 9 - severity.length()))).append(f.code().id());
        if (f.mac() >= 0) {
            head.append("  ").append(Addresses.mac(f.mac()));
        }
        if (f.ip() >= 0) {
            head.append("  ").append(Addresses.ipv4(f.ip()));
        }
        if (f.ipv6() != null) {
            head.append("  ").append(f.ipv6());
        }
        if (!f.frames().isEmpty()) {
            head.append("  ").append(frameList(f.frames()));
        }
        sb.append(head).append('\n');
        wrap(sb, f.message(), "           ");
    }

    /** A finding's frames: runs as ranges, six written out, as the window's Findings view lists them. */
    private static String frameList(List<Integer> frames) {
        return FrameNumbers.of(frames, 6, true);
    }

    private static void wrap(StringBuilder sb, String text, String indent) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            sb.append(indent);
            int room = WIDTH - indent.length();
            int end = Math.min(n, i + room);
            if (end < n) {
                // break at the last space that fits; a word longer than the line goes on it whole
                int space = text.lastIndexOf(' ', end);
                if (space > i) {
                    end = space;
                } else {
                    int next = text.indexOf(' ', end);
                    end = next < 0 ? n : next;
                }
            }
            sb.append(text, i, end).append('\n');
            i = end;
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
        }
    }
}
