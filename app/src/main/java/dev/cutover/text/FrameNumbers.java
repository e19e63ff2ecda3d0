package dev.cutover.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Frame numbers as people read them, the one way every command and view lists the frames of a burst, an
 * announcement or a finding: 1-based, runs of consecutive frames as ranges, so that "frames 5-8" always means
 * four frames: "frame 42", "frames 42-47", "frames 3, 9-12 and 40", "frames 3, 9, … (27,070 frames)".
 */
public final class FrameNumbers {
    private FrameNumbers() {
    }

    /** {@code zeroBased} (ascending) with at most {@code listedRanges} runs written out; "" for none. */
    public static String of(int[] zeroBased, int listedRanges) {
        return of(zeroBased, listedRanges, true);
    }

    /**
     * As {@link #of(int[], int)}; without {@code countTail} a cut list ends in "…" alone, for a place that gives
     * the count beside it ("6 (frames 354-356, 378, …)").
     */
    public static String of(int[] zeroBased, int listedRanges, boolean countTail) {
        if (zeroBased.length == 0) {
            return "";
        }
        if (zeroBased.length == 1) {
            return "frame " + (zeroBased[0] + 1);
        }
        List<String> ranges = new ArrayList<>();
        int start = 0;
        int total = 0;
        for (int i = 1; i <= zeroBased.length; i++) {
            if (i == zeroBased.length || zeroBased[i] != zeroBased[i - 1] + 1) {
                total++;
                if (ranges.size() <= listedRanges) {
                    ranges.add(start == i - 1 ? Integer.toString(zeroBased[start] + 1)
                            : (zeroBased[start] + 1) + "-" + (zeroBased[i - 1] + 1));
                }
                start = i;
            }
        }
        if (total > listedRanges) {
            return "frames " + String.join(", ", ranges.subList(0, listedRanges)) + ", …" + (countTail ? " ("
                    + String.format(Locale.ROOT, "%,d", zeroBased.length) + " frames)" : "");
        }
        if (ranges.size() == 1) {
            return "frames " + ranges.get(0);
        }
        return "frames " + String.join(", ", ranges.subList(0, ranges.size() - 1)) + " and "
                + ranges.get(ranges.size() - 1);
    }

    /**
     * The form for a sentence: runs as ranges, up to five written out, past that four and the rest counted:
     * "frames 41-47", "frames 3, 9-12 and 40", "frames 9, 15, 19, 32 and 6,655 more".
     */
    public static String inSentence(List<Integer> zeroBased) {
        int[] a = new int[zeroBased.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = zeroBased.get(i);
        }
        // one run more than four is written out too: "and 1 more" would say less in as many words
        String whole = of(a, SENTENCE_RANGES + 1, false);
        if (!whole.endsWith(", …")) {
            return whole;
        }
        String listed = of(a, SENTENCE_RANGES, false);
        // the frames the written runs hold, then how many are left
        int shown = 0;
        int runs = 0;
        for (int i = 0; i < a.length && runs < SENTENCE_RANGES; i++) {
            shown++;
            if (i + 1 == a.length || a[i + 1] != a[i] + 1) {
                runs++;
            }
        }
        String head = listed.substring(0, listed.length() - ", …".length());
        return head + " and " + String.format(Locale.ROOT, "%,d", a.length - shown) + " more";
    }

    private static final int SENTENCE_RANGES = 4;

    /** As {@link #of(int[], int, boolean)}, from a list. */
    public static String of(List<Integer> zeroBased, int listedRanges, boolean countTail) {
        int[] a = new int[zeroBased.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = zeroBased.get(i);
        }
        return of(a, listedRanges, countTail);
    }
}
