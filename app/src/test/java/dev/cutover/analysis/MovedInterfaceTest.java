package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** A MAC announced on one uplink and, in a later event, on another: the analysis says it moved. */
class MovedInterfaceTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long VM_IP = ip("10.0.10.52");

    @TempDir
    Path dir;

    private Analyses analyse(Trace t) throws IOException {
        Path file = t.pcapng(dir.resolve("two-uplinks.pcapng"), 6, "vmnic4", "vmnic5");
        return Analyses.open(List.of(file), AnalysisConfig.DEFAULTS);
    }

    @Test
    void aSecondAnnouncementOnAnotherUplinkSaysTheMacMoved() throws IOException {
        Trace t = new Trace().add(T0, 0, Wire.rarp(VM, 10)).add(T0 + 200 * MS, 0, Wire.garp(VM, VM_IP, 10))
                .add(T0 + 600_000 * MS, 1, Wire.rarp(VM, 10)).add(T0 + 600_150 * MS, 1, Wire.garp(VM, VM_IP, 10));
        Analyses a = analyse(t);
        assertThat(a.result.migrations()).hasSize(2);
        Finding f = a.only(FindingCode.MAC_MOVED_INTERFACE);
        assertThat(f.severity()).isEqualTo(dev.cutover.dissect.Severity.NOTE);
        assertThat(f.frames()).containsExactly(0, 2);
        assertThat(f.message()).contains("announced on vmnic4 (migration 1, frame 1) and again on vmnic5 600 s later "
                + "(migration 2, frame 3)").contains("show mac address-table address 00:50:56:9d:b0:51");
    }

    @Test
    void announcementsAgainOnTheSameUplinkSayNothingOfAMove() throws IOException {
        Trace t = new Trace().add(T0, 0, Wire.rarp(VM, 10)).add(T0 + 200 * MS, 0, Wire.garp(VM, VM_IP, 10))
                .add(T0 + 600_000 * MS, 0, Wire.rarp(VM, 10)).add(T0 + 600_150 * MS, 0, Wire.garp(VM, VM_IP, 10))
                .add(T0 + 900_000 * MS, 1, Wire.rarp(mac("00:50:56:00:00:01"), 10))
                .add(T0 + 900_100 * MS, 1, Wire.garp(mac("00:50:56:00:00:01"), ip("10.0.10.9"), 10));
        Analyses a = analyse(t);
        assertThat(a.result.migrations()).hasSize(3);
        assertThat(a.codes()).doesNotContain(FindingCode.MAC_MOVED_INTERFACE);
    }
}
