package dev.cutover.ui.main;

import dev.cutover.annotations.AnnotationStore;
import dev.cutover.capture.Capture;
import dev.cutover.ui.Tasks;
import dev.cutover.ui.migrations.AnalysisMigrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window reopens a set of captures with the time shifts their annotation sidecar recorded: the two teamed
 * uplink captures of the samples, shifted, annotated, then opened again by a new window (the next day).
 */
class SidecarShiftViewModelTest {
    private static final Path SAMPLES = Files.isDirectory(Path.of("../sample-captures"))
            ? Path.of("../sample-captures") : Path.of("sample-captures");
    private static final long SHIFT = 2_913_000_000L;
    /** vusb2's first frame, 1763712000.020970000 as captured: the first of the two files merged unshifted. */
    private static final long VUSB2_FIRST = 1_763_712_000_020_970_000L;
    /** vusb1's first frame, 1763712000.025490000: the first once vusb2 runs 2.913 s later. */
    private static final long VUSB1_FIRST = 1_763_712_000_025_490_000L;

    @TempDir
    Path dir;

    private MainViewModel vm() {
        return new MainViewModel(Tasks.DIRECT, new AnalysisMigrations(), new PreferencesStore(dir.resolve("prefs")));
    }

    /** The two sample captures copied into a folder of their own, so no sidecar is left beside the samples. */
    private List<Path> copies(String folder) throws Exception {
        Path to = Files.createDirectories(dir.resolve(folder));
        List<Path> out = new ArrayList<>();
        for (String name : List.of("esxi-team-vusb1.pcapng", "esxi-team-vusb2.pcapng")) {
            out.add(Files.copy(SAMPLES.resolve(name), to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES));
        }
        return out;
    }

    /** Each frame as "time stamp@file". */
    private static List<String> frames(Capture c) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < c.frameCount(); i++) {
            out.add(c.index().timestampNanos(i) + "@" + c.interfaces().get(c.index().interfaceId(i)).sourceIndex());
        }
        return out;
    }

    @Test
    void filesReopenedInANewWindowComeBackWithTheShiftsTheirSidecarRecorded() throws Exception {
        List<Path> files = copies("ticket");
        byte[] vusb1 = Files.readAllBytes(files.get(0));
        byte[] vusb2 = Files.readAllBytes(files.get(1));
        MainViewModel first = vm();
        first.open(files);
        List<String> unshifted = frames(first.capture().capture());
        assertThat(unshifted.get(0)).isEqualTo(VUSB2_FIRST + "@1");
        assertThat(first.timeShiftText()).isNull();

        // Edit > Time Shift, then an annotation: the sidecar records the shift its frame numbers are made under
        first.open(files, new long[] {0, SHIFT});
        List<String> shifted = frames(first.capture().capture());
        assertThat(shifted).isNotEqualTo(unshifted);
        assertThat(shifted.get(0)).isEqualTo(VUSB1_FIRST + "@0");
        assertThat(shifted).contains((VUSB2_FIRST + SHIFT) + "@1");
        first.annotations().showFrame(0);
        first.annotations().commentProperty().set("first frame on the corrected clock");
        first.annotations().apply();
        assertThat(Files.readString(AnnotationStore.sidecarOf(files.get(0))))
                .contains("\"esxi-team-vusb2.pcapng\" : " + SHIFT);
        String firstTime = first.packets().time(0);
        first.close();

        MainViewModel nextDay = vm();
        nextDay.open(files);

        Capture c = nextDay.capture().capture();
        assertThat(c.timeShiftNanos(0)).isZero();
        assertThat(c.timeShiftNanos(1)).isEqualTo(SHIFT);
        assertThat(frames(c)).isEqualTo(shifted);
        assertThat(nextDay.packets().time(0)).isEqualTo(firstTime);
        assertThat(nextDay.capture().stateProperty().get()).isEqualTo(String.format(
                "Loaded %,d frames from esxi-team-vusb1.pcapng, esxi-team-vusb2.pcapng; Time shift: "
                        + "esxi-team-vusb2.pcapng +2.913 s, as recorded in esxi-team-vusb1.pcapng.cutover.json",
                c.frameCount()));
        assertThat(nextDay.titleProperty().get()).isEqualTo("Cutover — esxi-team-vusb1.pcapng, "
                + "esxi-team-vusb2.pcapng (Time shift: esxi-team-vusb2.pcapng +2.913 s)");
        // the annotation is on the frame it was written on, with no warning about other shifts
        assertThat(nextDay.annotations().messageProperty().get()).isEmpty();
        nextDay.annotations().showFrame(0);
        assertThat(nextDay.annotations().commentProperty().get()).isEqualTo("first frame on the corrected clock");
        // Edit > Time Shift shows the shift in force
        assertThat(nextDay.timeShift().field(1).get()).isEqualTo("2.913");

        // the captures themselves were never written
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(vusb1);
        assertThat(Files.readAllBytes(files.get(1))).isEqualTo(vusb2);
        nextDay.close();
    }

    @Test
    void filesWithoutASidecarOrOfAnotherSetOpenUnshifted() throws Exception {
        List<Path> files = copies("ticket");
        MainViewModel vm = vm();
        vm.open(files, new long[] {0, SHIFT});
        vm.annotations().showFrame(3);
        vm.annotations().commentProperty().set("noted");
        vm.annotations().apply();
        vm.close();

        List<Path> bare = copies("bare");
        MainViewModel other = vm();
        other.open(bare);
        assertThat(other.capture().capture().timeShiftNanos(1)).isZero();
        assertThat(frames(other.capture().capture()).get(0)).isEqualTo(VUSB2_FIRST + "@1");
        assertThat(other.capture().stateProperty().get()).doesNotContain("Time shift");
        assertThat(other.timeShiftText()).isNull();

        // the same files in another order: the sidecar beside the first (vusb2) does not exist
        other.open(List.of(files.get(1), files.get(0)));
        assertThat(other.timeShiftText()).isNull();
        assertThat(frames(other.capture().capture()).get(0)).isEqualTo(VUSB2_FIRST + "@0");

        // vusb1 alone: its sidecar was made on both files, its shifts are not this set's
        other.open(List.of(files.get(0)));
        assertThat(other.timeShiftText()).isNull();
        assertThat(other.capture().capture().timeShiftNanos(0)).isZero();
        assertThat(other.annotations().messageProperty().get()).startsWith("Careful: ");
        other.close();
    }

    @Test
    void aShiftGivenInTheDialogWinsAndIsWhatTheSidecarRecordsNext() throws Exception {
        List<Path> files = copies("ticket");
        MainViewModel vm = vm();
        vm.open(files, new long[] {0, SHIFT});
        vm.annotations().showFrame(0);
        vm.annotations().commentProperty().set("under 2.913 s");
        vm.annotations().apply();
        vm.close();

        MainViewModel again = vm();
        again.open(files);
        assertThat(again.capture().capture().timeShiftNanos(1)).isEqualTo(SHIFT);
        // the dialog's shift replaces the recorded one, and is remembered over it for the session
        again.open(files, new long[] {-1_000_000_000L, 0});
        assertThat(again.timeShiftText()).isEqualTo("Time shift: esxi-team-vusb1.pcapng -1 s");
        again.open(files);
        assertThat(again.capture().capture().timeShiftNanos(0)).isEqualTo(-1_000_000_000L);
        assertThat(again.capture().capture().timeShiftNanos(1)).isZero();
        assertThat(again.capture().stateProperty().get()).endsWith("Time shift: esxi-team-vusb1.pcapng -1 s");
        again.annotations().showFrame(1);
        again.annotations().commentProperty().set("under -1 s");
        again.annotations().apply();
        again.close();

        MainViewModel third = vm();
        third.open(files);
        assertThat(third.capture().capture().timeShiftNanos(0)).isEqualTo(-1_000_000_000L);
        assertThat(third.capture().capture().timeShiftNanos(1)).isZero();
        third.close();
    }

    @Test
    void aBrokenSidecarOpensTheFilesUnshiftedAndSaysWhyItsAnnotationsAreNotLoaded() throws Exception {
        List<Path> files = copies("ticket");
        Files.writeString(AnnotationStore.sidecarOf(files.get(0)), "{\"schema\": 1, \"files\": [\"esxi-team-vusb1"
                + ".pcapng\", \"esxi-team-vusb2.pcapng\"], \"timeShiftNanos\": {\"esxi-team-vusb2.pcapng\": \"x\"}}");
        MainViewModel vm = vm();
        vm.open(files);
        assertThat(vm.capture().capture().frameCount()).isPositive();
        assertThat(vm.timeShiftText()).isNull();
        assertThat(vm.annotations().messageProperty().get()).startsWith("Annotations not loaded: ");

        // a shift out of range (edited by hand) is not applied either
        Files.writeString(AnnotationStore.sidecarOf(files.get(0)), "{\"schema\": 1, \"files\": [\"esxi-team-vusb1"
                + ".pcapng\", \"esxi-team-vusb2.pcapng\"], \"timeShiftNanos\": {\"esxi-team-vusb2.pcapng\": "
                + Long.MAX_VALUE + "}}");
        vm.open(files);
        assertThat(vm.capture().failureProperty().get()).isNull();
        assertThat(vm.capture().stateProperty().get()).startsWith("Loaded ").doesNotContain("Time shift");
        assertThat(vm.capture().capture().timeShiftNanos(1)).isZero();
        vm.close();
    }
}
