package dev.cutover.ui.expert;

import dev.cutover.analysis.FindingCode;
import dev.cutover.ui.migrations.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of finding has words of its own in the window, not its code. */
class FindingTitlesTest {
    @Test
    void everyCodeHasATitleAndAVerdictWord() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(FindingTitles.of(code)).as(code.id()).isNotEqualTo(code.id()).isNotBlank();
            assertThat(Verdict.word(code)).as(code.id()).isNotEqualTo(code.id()).isNotBlank();
        }
        assertThat(FindingTitles.of(FindingCode.ARP_REQUEST_FLOOD)).isEqualTo("Sustained ARP requests from one sender");
        assertThat(Verdict.word(FindingCode.ARP_REQUEST_FLOOD)).isEqualTo("ARP flood");
    }
}
