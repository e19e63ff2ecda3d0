package dev.cutover.ui.main;

import dev.cutover.capture.Capture;
import dev.cutover.testsupport.TwoClocks;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.capture.TimeShiftViewModel;
import dev.cutover.ui.migrations.AnalysisMigrations;
import dev.cutover.ui.packets.TimeFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimeShiftViewModelTest {
    @TempDir
    Path dir;

    private MainViewModel vm() {
        return new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir.resolve("prefs")));
    }

    /** Each frame's time from T (the reference clock's start), in ms, and its file: "1913@1". */
    private static List<String> frames(Capture c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.frameCount(); i++) {
            long t = c.index().timestampNanos(i) - TwoClocks.T;
            out.add(Math.floorDiv(t, 1_000_000L) + "@" + c.interfaces().get(c.index().interfaceId(i)).sourceIndex());
        }
        return out;
    }

    @Test
    void aShiftAppliedThroughTheViewModelReordersTheMergedFramesAndLeavesTheFilesAlone() throws Exception {
        Path vmnic5 = TwoClocks.vmnic5(dir);
        Path vusb2 = TwoClocks.vusb2(dir);
        byte[] a = Files.readAllBytes(vmnic5);
        byte[] b = Files.readAllBytes(vusb2);
        MainViewModel vm = vm();
        vm.packets().timeFormatProperty().set(TimeFormat.SINCE_START);
        vm.open(List.of(vmnic5, vusb2));
        assertThat(frames(vm.capture().capture())).containsExactly(
                "-2913@1", "-1913@1", "-1000@1", "-913@1", "-813@1", "0@0", "500@0", "1000@0", "2000@0", "2100@0",
                "3000@0");
        assertThat(vm.timeShiftText()).isNull();
        assertThat(vm.titleProperty().get()).isEqualTo("Cutover — vmnic5.pcap, vusb2.pcap");

        vm.open(List.of(vmnic5, vusb2), new long[] {0, TwoClocks.BEHIND_NANOS});

        Capture shifted = vm.capture().capture();
        List<String> merged = frames(shifted);
        assertThat(merged).hasSize(11);
        // the copies caught by both hosts now fall together, and vusb2's own frame lands between them
        assertThat(merged.stream().map(s -> s.substring(0, s.indexOf('@'))).toList()).containsExactly(
                "0", "0", "500", "1000", "1000", "1913", "2000", "2000", "2100", "2100", "3000");
        assertThat(merged.get(2)).isEqualTo("500@0");
        assertThat(merged.get(5)).isEqualTo("1913@1");
        assertThat(merged.get(10)).isEqualTo("3000@0");
        assertThat(shifted.timeShiftNanos(1)).isEqualTo(TwoClocks.BEHIND_NANOS);
        // the packet list shows the shifted times
        assertThat(vm.packets().time(5)).startsWith("1.913");
        assertThat(vm.packets().time(10)).startsWith("3.000");
        assertThat(vm.timeShiftText()).isEqualTo("Time shift: vusb2.pcap +2.913 s");
        assertThat(vm.capture().stateProperty().get())
                .isEqualTo("Loaded 11 frames from vmnic5.pcap, vusb2.pcap; Time shift: vusb2.pcap +2.913 s");
        assertThat(vm.titleProperty().get())
                .isEqualTo("Cutover — vmnic5.pcap, vusb2.pcap (Time shift: vusb2.pcap +2.913 s)");
        // the annotations sidecar knows the shift it numbers frames under
        assertThat(vm.capture().shiftsProperty().get()).containsExactly(0, TwoClocks.BEHIND_NANOS);

        assertThat(Files.readAllBytes(vmnic5)).isEqualTo(a);
        assertThat(Files.readAllBytes(vusb2)).isEqualTo(b);
        vm.close();
    }

    @Test
    void theSuggestionFillsInTheAligningShiftAndSaysWhy() throws Exception {
        MainViewModel vm = vm();
        vm.open(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)));
        TimeShiftViewModel shift = new TimeShiftViewModel(Tasks.DIRECT, vm.capture().capture(),
                vm.capture().filesProperty().get());
        assertThat(shift.field(0).get()).isEqualTo("0");
        assertThat(shift.field(1).get()).isEqualTo("0");
        assertThat(shift.changed()).isFalse();

        shift.suggest();

        assertThat(shift.suggestionProperty().get()).matches(
                "vusb2\\.pcap runs 2\\.913 s behind vmnic5\\.pcap \\(\\d+ frames seen in both\\)");
        assertThat(shift.field(0).get()).isEqualTo("0");
        assertThat(shift.field(1).get()).isEqualTo("2.913");
        assertThat(shift.shifts()).containsExactly(0, TwoClocks.BEHIND_NANOS);
        assertThat(shift.changed()).isTrue();

        // applied, a second suggestion finds the clocks agree and keeps the shift
        vm.open(shift.files(), shift.shifts());
        TimeShiftViewModel again = new TimeShiftViewModel(Tasks.DIRECT, vm.capture().capture(),
                vm.capture().filesProperty().get());
        assertThat(again.field(1).get()).isEqualTo("2.913");
        again.suggest();
        assertThat(again.suggestionProperty().get())
                .matches("vusb2\\.pcap and vmnic5\\.pcap agree within 1 ms \\(\\d+ frames seen in both\\)");
        assertThat(again.field(1).get()).isEqualTo("2.913");
        assertThat(again.changed()).isFalse();
        vm.close();
    }

    @Test
    void invalidSecondsAreRefusedWithTheReason() throws Exception {
        MainViewModel vm = vm();
        vm.open(List.of(TwoClocks.vmnic5(dir), TwoClocks.vusb2(dir)));
        TimeShiftViewModel shift = new TimeShiftViewModel(Tasks.DIRECT, vm.capture().capture(),
                vm.capture().filesProperty().get());
        for (String bad : List.of("abc", "1.0000000001", "2,913", "1e3", "-", "9999999999")) {
            shift.field(1).set(bad);
            assertThat(shift.validProperty().get()).as(bad).isFalse();
            assertThat(shift.errorProperty().get()).as(bad).startsWith("vusb2.pcap: \"" + bad + "\" is not a number "
                    + "of seconds");
            assertThat(shift.shifts()).as(bad).isNull();
        }
        for (String good : List.of("-0.000250", "+2.913", "2.", ".5", "", "0.000000001")) {
            shift.field(1).set(good);
            assertThat(shift.validProperty().get()).as(good).isTrue();
            assertThat(shift.errorProperty().get()).as(good).isNull();
        }
        assertThat(shift.shifts()).containsExactly(0, 1);
        shift.field(1).set("-0.000250");
        assertThat(shift.shifts()).containsExactly(0, -250_000);
        vm.close();
    }

    @Test
    void theAnnotationsSidecarIsLoadedWithTheShiftsTheFilesWereOpenedWith() throws Exception {
        Path vmnic5 = TwoClocks.vmnic5(dir);
        Path vusb2 = TwoClocks.vusb2(dir);
        MainViewModel vm = vm();
        vm.open(List.of(vmnic5, vusb2));
        vm.annotations().showFrame(0);
        vm.annotations().commentProperty().set("first RARP, unshifted numbering");
        vm.annotations().apply();
        assertThat(vm.annotations().messageProperty().get()).doesNotStartWith("Careful");

        vm.open(List.of(vmnic5, vusb2), new long[] {0, TwoClocks.BEHIND_NANOS});

        // numbered under other shifts, the notes may point at other frames: the panel says so
        assertThat(vm.annotations().messageProperty().get()).startsWith("Careful: ")
                .contains("time shifts").contains("vusb2.pcap=2.913");
        vm.close();
    }

    @Test
    void reopeningTheSameFilesInTheSessionKeepsTheirShifts() throws Exception {
        Path vmnic5 = TwoClocks.vmnic5(dir);
        Path vusb2 = TwoClocks.vusb2(dir);
        MainViewModel vm = vm();
        vm.open(List.of(vmnic5, vusb2), new long[] {0, TwoClocks.BEHIND_NANOS});
        vm.open(List.of(vmnic5));
        assertThat(vm.timeShiftText()).isNull(); // another set of files
        assertThat(vm.capture().capture().timeShiftNanos(0)).isZero();

        vm.open(List.of(vusb2, vmnic5)); // the same two, in another order

        assertThat(vm.capture().capture().timeShiftNanos(0)).isEqualTo(TwoClocks.BEHIND_NANOS);
        assertThat(vm.capture().capture().timeShiftNanos(1)).isZero();
        assertThat(vm.timeShiftText()).isEqualTo("Time shift: vusb2.pcap +2.913 s");
        assertThat(frames(vm.capture().capture()).get(5)).isEqualTo("1913@0");
        vm.close();
    }
}
