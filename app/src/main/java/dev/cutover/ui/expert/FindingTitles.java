package dev.cutover.ui.expert;

import dev.cutover.dissect.Field;

/**
 * What a group of expert infos is about, in a few words, for its row in the Findings view (a group of analysis
 * findings has its kind's declared {@link dev.cutover.analysis.FindingCode#title()}).
 */
final class FindingTitles {
    private FindingTitles() {
    }

    /** The title of an expert info: its declared text, with "…" for the part each frame fills in. */
    static String ofExpert(Field field) {
        return field.blurb().replace("%s", "…");
    }
}
