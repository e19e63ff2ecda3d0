package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.frames.FramePipeline;
import dev.cutover.testsupport.TrafficFrames;
import dev.cutover.ui.Tasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's display filter on the traffic facts keeps the frames {@code dissect -Y} keeps, and once they are
 * computed the rows' Info shows them.
 */
class PacketListTrafficFilterTest {
    @TempDir
    Path dir;

    /** An echo request answered (frames 1 and 2), then one nobody answers (frame 3). */
    private static TrafficFrames pingAnsweredThenNot() {
        return new TrafficFrames()
                .echo(0, "10.0.0.1", "10.0.0.2", true, 1, 1)
                .echo(1, "10.0.0.2", "10.0.0.1", false, 1, 1)
                .echo(2, "10.0.0.1", "10.0.0.2", true, 1, 2);
    }

    @Test
    void aFilterOnTheTrafficFactsComputesThemAndKeepsTheMatchingFrames() throws Exception {
        Path file = pingAnsweredThenNot()
                .tcp(10, "10.0.0.1", 40000, "10.0.0.2", 80, 1000, 0, TrafficFrames.SYN, 64240, 0)
                .tcp(20, "10.0.0.3", 40001, "10.0.0.2", 80, 1000, 0, TrafficFrames.SYN, 64240, 0)
                .write(dir.resolve("t.pcap"));
        try (Capture capture = Capture.open(file)) {
            PacketListViewModel vm = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
            vm.setCapture(capture);
            FramePipeline pipeline = FramePipeline.of(capture);
            vm.setFrames(pipeline);
            assertThat(pipeline.trafficIfComputed()).isNull();
            String info = vm.row(0).info();
            assertThat(info).startsWith("Echo (ping) request").doesNotContain("reply in");

            vm.applyFilter(CompiledFilter.compile("icmp.no_resp"));
            assertThat(vm.frames()).containsExactly(2);
            assertThat(pipeline.trafficIfComputed()).isNotNull();
            // computed once for the filter, the facts then show in the rows as in Wireshark's list
            assertThat(vm.row(0).info()).isEqualTo(info + " (reply in 2)");
            assertThat(vm.row(2).info()).endsWith(" (no response found!)");
            vm.applyFilter(CompiledFilter.compile("tcp.stream == 1"));
            assertThat(vm.frames()).containsExactly(4);
            vm.applyFilter(CompiledFilter.compile("icmp.resp_in == 2"));
            assertThat(vm.frames()).containsExactly(0);
        }
    }

    @Test
    void anOpenedFilesConversationsAreFollowedAtOnceAsWiresharksFirstPassDoes() throws Exception {
        Path file = pingAnsweredThenNot().write(dir.resolve("t.pcap"));
        try (Capture capture = Capture.open(file); Capture other = Capture.open(file)) {
            PacketListViewModel vm = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
            vm.setCapture(capture);
            FramePipeline pipeline = FramePipeline.of(capture);
            vm.setFrames(pipeline);
            // another capture's pipeline is not followed for this one
            FramePipeline elsewhere = FramePipeline.of(other);
            vm.followConversations(elsewhere);
            assertThat(elsewhere.trafficIfComputed()).isNull();
            assertThat(vm.row(2).info()).doesNotContain("no response");

            vm.followConversations(pipeline);
            assertThat(pipeline.trafficIfComputed()).isNotNull();
            assertThat(vm.conversationsProgressProperty().get()).isEqualTo(-1);
            assertThat(vm.conversationsFollowedProperty().get()).isEqualTo(1);
            // no filter asked: the rows say what Wireshark's list says
            assertThat(vm.row(0).info()).endsWith(" (reply in 2)");
            assertThat(vm.row(2).info()).endsWith(" (no response found!)");
        }
    }

    @Test
    void theWindowFollowsTheConversationsOfAFileItOpens() throws Exception {
        // the migration sample whose ping loses three echoes: the list marks them without a filter
        Path sample = Path.of("../sample-captures/vmotion-ping-3-lost.pcap");
        dev.cutover.ui.main.MainViewModel main = new dev.cutover.ui.main.MainViewModel(Tasks.DIRECT,
                new dev.cutover.ui.migrations.AnalysisMigrations(), new dev.cutover.ui.main.PreferencesStore(dir));
        try {
            main.open(java.util.List.of(sample));
            PacketListViewModel packets = main.packets();
            int total = packets.totalProperty().get();
            assertThat(total).isPositive();
            int lost = 0;
            int answered = 0;
            for (int i = 0; i < total; i++) {
                String info = packets.row(i).info();
                lost += info.endsWith("(no response found!)") ? 1 : 0;
                answered += info.contains("(reply in ") ? 1 : 0;
            }
            assertThat(lost).isEqualTo(3);
            assertThat(answered).isPositive();
            assertThat(main.frameStatus().get()).doesNotContain("following");
        } finally {
            main.close();
        }
    }
}
