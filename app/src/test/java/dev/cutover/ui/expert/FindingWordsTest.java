package dev.cutover.ui.expert;

import dev.cutover.analysis.FindingCode;
import dev.cutover.report.ReportBuilder;
import dev.cutover.ui.migrations.Verdict;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of finding has its own word in the Verdict column, its own title and its own report explanation. */
class FindingWordsTest {
    @Test
    void everyCodeHasItsOwnWords() {
        String general = ReportBuilder.explanation("no-such-code");
        Set<String> words = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (FindingCode code : FindingCode.values()) {
            assertThat(Verdict.word(code)).as(code.id()).isNotEqualTo(code.id());
            assertThat(FindingTitles.of(code)).as(code.id()).isNotEqualTo(code.id());
            assertThat(ReportBuilder.explanation(code.id())).as(code.id()).isNotEqualTo(general);
            assertThat(words.add(Verdict.word(code))).as(code.id()).isTrue();
            assertThat(titles.add(FindingTitles.of(code))).as(code.id()).isTrue();
        }
        assertThat(Verdict.word(FindingCode.ARP_SPOOFING)).isEqualTo("ARP spoofing");
        assertThat(Verdict.word(FindingCode.IP_MOVED)).isEqualTo("IP moved");
        assertThat(Verdict.word(FindingCode.IP_FLIP_FLOP)).isEqualTo("IP flip flop");
    }
}
