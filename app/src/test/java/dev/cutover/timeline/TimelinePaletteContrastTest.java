package dev.cutover.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome's colours stand out on both themes' rows by WCAG 2.1's contrast ratio: marks, strip and spans at least
 * 3:1 (non-text graphics, 1.4.11), the dark span's label and the verdict-coloured summaries at least 4.5:1 (text,
 * 1.4.3).
 */
class TimelinePaletteContrastTest {
    @Test
    void theOutcomesColoursAreReadableOnTheLightAndTheDarkTheme() {
        for (TimelinePalette p : new TimelinePalette[] {TimelinePalette.LIGHT, TimelinePalette.DARK}) {
            for (String row : new String[] {p.background(), p.laneEven(), p.laneOdd()}) {
                for (String graphic : new String[] {p.stale(), p.lost(), p.retrans(), p.traffic(), p.gap()}) {
                    assertThat(contrast(graphic, row)).as(graphic + " on " + row).isGreaterThanOrEqualTo(3.0);
                }
                for (String text : new String[] {p.gap(), p.ok(), p.warn(), p.bad(),
                        p.verdict(OutcomeTrack.Verdict.UNKNOWN)}) {
                    assertThat(contrast(text, row)).as(text + " on " + row).isGreaterThanOrEqualTo(4.5);
                }
            }
            // a verdict is told by its colour: the four differ, nothing to judge by a note's as in the table
            assertThat(java.util.Arrays.stream(OutcomeTrack.Verdict.values()).map(p::verdict))
                    .doesNotHaveDuplicates().hasSize(4);
            assertThat(p.verdict(OutcomeTrack.Verdict.UNKNOWN)).isEqualTo(p.note());
            assertThat(p.verdict(OutcomeTrack.Verdict.BAD)).isEqualTo(p.bad());
            assertThat(p.mark(MarkKind.STALE)).isEqualTo(p.stale());
        }
        // the light palette is the kinds' own colours, which the exports use
        for (MarkKind k : MarkKind.values()) {
            assertThat(TimelinePalette.LIGHT.mark(k)).isEqualTo(k.colour());
        }
    }

    @Test
    void theRatioIsWcags() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(contrast("#777777", "#ffffff")).isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
