package dev.cutover.filter;

import dev.cutover.dissect.Field;

import java.util.Collection;

/** "Did you mean ...?": the catalogue name nearest a mistyped one, when it is near enough to be the intent. */
final class Names {
    /** Longer words are not names anyone mistyped, and comparing them would cost time for nothing. */
    private static final int LONGEST = 64;

    private Names() {
    }

    /** The closest field name, or null when none is close. */
    static String closest(String name, Collection<Field> catalogue) {
        if (name.isEmpty() || name.length() > LONGEST) {
            return null;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int allowed = lower.length() <= 4 ? 1 : lower.length() <= 10 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Field f : catalogue) {
            String candidate = f.abbrev();
            if (Math.abs(candidate.length() - lower.length()) > allowed) {
                continue;
            }
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
