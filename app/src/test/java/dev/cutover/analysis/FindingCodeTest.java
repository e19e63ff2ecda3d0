package dev.cutover.analysis;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of finding is declared whole: its own id, severity, Verdict word, title and explanation. */
class FindingCodeTest {
    @Test
    void everyCodeDeclaresItsOwnWords() {
        Set<String> ids = new HashSet<>();
        Set<String> words = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Set<String> explanations = new HashSet<>();
        for (FindingCode code : FindingCode.values()) {
            assertThat(code.id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(code.severity()).as(code.id()).isNotNull();
            assertThat(code.word()).as(code.id()).isNotBlank().isNotEqualTo(code.id());
            assertThat(code.title()).as(code.id()).isNotBlank().isNotEqualTo(code.id());
            assertThat(code.explanation()).as(code.id()).isNotBlank().endsWith(".");
            assertThat(FindingCode.ofId(code.id())).isSameAs(code);
            assertThat(ids.add(code.id())).as(code.id()).isTrue();
            assertThat(words.add(code.word())).as(code.id()).isTrue();
            assertThat(titles.add(code.title())).as(code.id()).isTrue();
            assertThat(explanations.add(code.explanation())).as(code.id()).isTrue();
        }
        assertThat(FindingCode.ofId("no-such-code")).isNull();
        assertThat(FindingCode.ARP_REQUEST_FLOOD.title()).isEqualTo("Sustained ARP requests from one sender");
        assertThat(FindingCode.ARP_REQUEST_FLOOD.word()).isEqualTo("ARP flood");
        assertThat(FindingCode.IP_FLIP_FLOP.word()).isEqualTo("IP flip flop");
    }
}
