package dev.cutover.ui.migrations;

import dev.cutover.analysis.Finding;
import dev.cutover.analysis.FindingCode;
import dev.cutover.dissect.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user reads first about one migration: the worst severity of the findings about it, in a word or two
 * ("OK", "No GARP", "Duplicate IP"), and those findings' sentences.
 *
 * @param severity the worst severity of {@code findings}, null when there is none (OK)
 * @param word     a short word for the worst finding, "+N" when others of other kinds go with it
 * @param findings the analysis findings about the migration, errors first
 */
public record Verdict(Severity severity, String word, List<Finding> findings) {
    /** A migration no finding is about. */
    public static final Verdict OK = new Verdict(null, "OK", List.of());

    public Verdict {
        findings = List.copyOf(findings);
    }

    /** The verdict of these findings about one migration (already errors first, as the analysis sorts them). */
    public static Verdict of(List<Finding> findings) {
        if (findings.isEmpty()) {
            return OK;
        }
        Finding worst = findings.get(0);
        for (Finding f : findings) {
            if (f.severity().compareTo(worst.severity()) > 0) {
                worst = f;
            }
        }
        List<FindingCode> others = new ArrayList<>();
        for (Finding f : findings) {
            if (f.code() != worst.code() && !others.contains(f.code())) {
                others.add(f.code());
            }
        }
        return new Verdict(worst.severity(), worst.code().word() + (others.isEmpty() ? "" : " +" + others.size()),
                findings);
    }

    /** True when no finding is about the migration. */
    public boolean ok() {
        return severity == null;
    }

    /** The tooltip: each finding's severity, code and sentence, or why the migration looks fine. */
    public String explanation() {
        if (findings.isEmpty()) {
            return "No finding about this migration: the analysis saw nothing wrong with its announcements.";
        }
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(f.severity().label()).append(" [").append(f.code().id()).append("] ").append(f.message());
        }
        return sb.toString();
    }
}
