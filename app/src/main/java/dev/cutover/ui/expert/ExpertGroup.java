package dev.cutover.ui.expert;

import dev.cutover.dissect.Severity;

import java.util.Arrays;
import java.util.List;

/**
 * A group row of the Findings view: every item of one severity and one code, as Wireshark's Expert Information
 * groups them.
 *
 * @param code     the finding code or the expert info's filter name
 * @param summary  what the items have in common, in words ("RARP announced the MAC, no gratuitous ARP followed")
 * @param analysis true for the migration analysis's findings, false for the dissection's expert infos
 * @param items    the items, in frame order
 */
public record ExpertGroup(Severity severity, String code, String summary, boolean analysis, List<ExpertItem> items) {
    public int count() {
        return items.size();
    }

    /** "Warning · rarp-without-garp · 3". */
    public String title() {
        return severity.label() + " · " + code + " · " + count();
    }

    /** Severity and code, which stay the same when a search narrows the items. */
    public String key() {
        return severity.name() + " " + code;
    }

    /** Every frame its items name, ascending, each once. */
    public int[] frames() {
        int n = 0;
        for (ExpertItem i : items) {
            n += i.frames().length;
        }
        int[] all = new int[n];
        int k = 0;
        for (ExpertItem i : items) {
            System.arraycopy(i.frames(), 0, all, k, i.frames().length);
            k += i.frames().length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }
}
