package dev.cutover.ui.packets;

import dev.cutover.capture.Capture;
import dev.cutover.filter.CompiledFilter;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PacketListViewModelTest {
    private Capture capture;
    private PacketListViewModel vm;

    @BeforeEach
    void open() throws Exception {
        capture = Capture.open(UiFixtures.SAMPLE);
        vm = new PacketListViewModel(Tasks.DIRECT, ZoneOffset.UTC);
        vm.setCapture(capture);
    }

    @AfterEach
    void close() {
        capture.close();
    }

    @Test
    void listsEveryFrameAndDecodesOnlyTheRowsAskedFor() {
        assertThat(vm.frames()).hasSize(77);
        assertThat(vm.totalProperty().get()).isEqualTo(77);
        assertThat(vm.decodedRowCount()).isZero();
        PacketRow rarp = vm.row(UiFixtures.FIRST_RARP);
        assertThat(rarp.protocol()).isEqualTo("RARP");
        assertThat(rarp.vlan()).isEqualTo("10");
        assertThat(rarp.colour()).isEqualTo(ColourRule.MIGRATION_NOTIFICATION);
        assertThat(rarp.info()).isNotBlank();
        vm.row(UiFixtures.FIRST_RARP);
        assertThat(vm.decodedRowCount()).isEqualTo(1);
        assertThat(vm.number(UiFixtures.FIRST_RARP)).isEqualTo("41");
        assertThat(vm.interfaceName(0)).isEqualTo("esxi-vmotion-vlan10.pcap");
        assertThat(vm.length(0)).isEqualTo(422);
    }

    @Test
    void gratuitousArpIsItsOwnProtocolAndColour() {
        int garp = -1;
        for (int i = 0; i < 77 && garp < 0; i++) {
            if (vm.row(i).protocol().equals("GARP")) {
                garp = i;
            }
        }
        assertThat(garp).isPositive();
        assertThat(vm.row(garp).colour()).isEqualTo(ColourRule.GARP);
    }

    @Test
    void timeFormatsAsWiresharkOffersThem() {
        assertThat(vm.time(0)).isEqualTo("0.000000");
        assertThat(vm.time(1)).isEqualTo("0.031433");
        vm.timeFormatProperty().set(TimeFormat.SINCE_PREVIOUS);
        assertThat(vm.time(2)).isEqualTo("0.026332");
        vm.timeFormatProperty().set(TimeFormat.TIME_OF_DAY);
        assertThat(vm.time(0)).isEqualTo("08:00:00.035180");
        vm.timeFormatProperty().set(TimeFormat.UTC_DATE_TIME);
        assertThat(vm.time(0)).isEqualTo("2025-11-21 08:00:00.035180");
    }

    @Test
    void aFilterKeepsTheMatchingFramesAndAnEmptyOneShowsAllAgain() throws Exception {
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        assertThat(vm.shownProperty().get()).isEqualTo(vm.frames().size()).isBetween(3, 20);
        assertThat(vm.frames().get(0)).isEqualTo(UiFixtures.FIRST_RARP);
        assertThat(vm.filteringProperty().get()).isFalse();
        vm.applyFilter(CompiledFilter.compile(""));
        assertThat(vm.frames()).hasSize(77);
    }

    @Test
    void goToFrameAndSelectFramesAskTheViewForRows() throws Exception {
        assertThat(vm.goToFrame(41)).isTrue();
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(40);
        assertThat(vm.goToFrame(78)).isFalse();
        assertThat(vm.goToFrame(0)).isFalse();
        vm.applyFilter(CompiledFilter.compile("arp.opcode == 3"));
        // frame 1 is filtered out; the RARP frames map to the first rows
        assertThat(vm.selectFrames(new int[] {0, 40, 41})).isEqualTo(2);
        assertThat(vm.selectionRequestProperty().get().rows()).containsExactly(0, 1);
        assertThat(vm.goToFrame(1)).isFalse();
    }
}
