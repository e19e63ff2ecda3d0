package dev.cutover.ui.timeline;

import dev.cutover.capture.Capture;
import dev.cutover.timeline.DarkSpan;
import dev.cutover.timeline.OutcomeFixtures;
import dev.cutover.timeline.TimeScale;
import dev.cutover.ui.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Outcomes measured after the analysis join the lanes on show without moving the view; a dark span's clicks. */
class TimelineOutcomeViewModelTest {
    private final List<int[]> selected = new ArrayList<>();
    private final TimelineViewModel vm = new TimelineViewModel(Tasks.DIRECT, selected::add);
    private Capture capture;
    private OutcomeFixtures.Team team;

    @BeforeEach
    void open() throws Exception {
        capture = OutcomeFixtures.open();
        team = OutcomeFixtures.team(capture);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void outcomesArrivingLaterJoinTheLanesAndKeepTheTimeRange() {
        vm.setOutcomes(id -> OutcomeFixtures.stale(id, team.facts())); // nothing on show yet: nothing to do
        assertThat(vm.model().isEmpty()).isTrue();

        vm.setAnalysis(team.result(), capture);
        assertThat(vm.model().lanes().get(0).hasOutcome()).isFalse();
        TimeScale zoomed = new TimeScale(team.facts().timeNanos(80), team.facts().timeNanos(100));
        vm.setScale(zoomed);

        vm.setOutcomes(id -> id == team.migrationId() ? OutcomeFixtures.stale(id, team.facts()) : null);
        assertThat(vm.model().lanes().get(0).hasOutcome()).isTrue();
        assertThat(vm.model().lanes().get(0).interfaces()).containsExactly("vusb2", "vusb1");
        assertThat(vm.scale()).isEqualTo(zoomed);

        vm.setOutcomes(null);
        assertThat(vm.model().lanes().get(0).hasOutcome()).isFalse();
        assertThat(vm.scale()).isEqualTo(zoomed);

        // a new analysis drops what the old one was given
        vm.setAnalysis(null, null);
        vm.setOutcomes(id -> OutcomeFixtures.stale(id, team.facts()));
        assertThat(vm.model().isEmpty()).isTrue();
    }

    @Test
    void clickingADarkSpanSelectsTheFrameAskedForAndHighlightsBothEnds() {
        vm.setAnalysis(team.result(), capture, id -> OutcomeFixtures.stale(id, team.facts()));
        DarkSpan d = vm.model().lanes().get(0).outcome().darkSpans().get(0);
        vm.click(d, d.lastBefore());
        assertThat(selected.get(selected.size() - 1)).containsExactly(OutcomeFixtures.LAST_BEFORE);
        assertThat(vm.highlightedFrames()).containsExactly(OutcomeFixtures.LAST_BEFORE, OutcomeFixtures.FIRST_AFTER);
        vm.click(d, d.firstAfter());
        assertThat(selected.get(selected.size() - 1)).containsExactly(OutcomeFixtures.FIRST_AFTER);
        // the packet list echoing the selection keeps both ends lit
        vm.showCurrent(OutcomeFixtures.FIRST_AFTER);
        assertThat(vm.highlightedFrames()).containsExactly(OutcomeFixtures.LAST_BEFORE, OutcomeFixtures.FIRST_AFTER);
        int before = selected.size();
        vm.click(new DarkSpan(d.migrationId(), -1, -1, d.fromNanos(), d.toNanos(), d.verdict(), d.label()), -1);
        assertThat(selected).hasSize(before);
        assertThat(vm.describe(d)).isEqualTo("dark 185 ms: frame 81 was the VM's last before the move, frame 89 its "
                + "first after · click: the last before; click the right end: the first after");
        assertThat(vm.describe(new DarkSpan(1, 80, -1, 0, 30_000_000_000L, d.verdict(), "dark > 30 s")))
                .isEqualTo("dark > 30 s: frame 81 was the VM's last before the move, none after it to the "
                        + "window's end");
    }
}
