package dev.cutover.filter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterExceptionTest {

    @Test
    void caretUnderTheSpan() {
        FilterException e = new FilterException("vlan.id == ff:ff", 11, 5, "bad");
        assertThat(e.render()).isEqualTo("vlan.id == ff:ff\n           ^~~~~\nbad");
        assertThat(e.getMessage()).isEqualTo("bad");
    }

    @Test
    void pointAtTheEnd() {
        FilterException e = new FilterException("arp ==", 6, 0, "Unexpected end of filter expression.");
        assertThat(e.render()).isEqualTo("arp ==\n      ^\nUnexpected end of filter expression.");
    }

    @Test
    void tabsKeepTheCaretAligned() {
        FilterException e = new FilterException("arp\t&&\tvlna", 7, 4, "bad");
        assertThat(e.render()).isEqualTo("arp\t&&\tvlna\n   \t  \t^~~~\nbad");
    }

    @Test
    void onlyTheLineWithTheErrorIsShown() {
        FilterException e = new FilterException("arp\nand vlna\nor vlan", 8, 4, "bad");
        assertThat(e.render()).isEqualTo("and vlna\n    ^~~~\nbad");
    }

    @Test
    void outOfRangeValuesAreClamped() {
        FilterException e = new FilterException("arp", 10, 10, "bad");
        assertThat(e.position()).isEqualTo(3);
        assertThat(e.length()).isZero();
        assertThat(new FilterException(null, -1, -1, "bad").render()).isEqualTo("\n^\nbad");
    }
}
