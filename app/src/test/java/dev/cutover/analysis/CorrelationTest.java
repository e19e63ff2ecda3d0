package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** GARP of the burst's MAC within the window, before or after its first frame, joins the same migration. */
class CorrelationTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long VM_IP = ip("10.0.10.52");

    @TempDir
    Path dir;

    @Test
    void garpAfterTheBurstJoinsIt() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(VM, 10)).add(T0 + MS, Wire.rarp(VM, 10))
                .add(T0 + 180 * MS, Wire.garp(VM, VM_IP, 10))
                .add(T0 + 190 * MS, Wire.garp(VM, ip("10.0.10.53"), 10));
        Analyses a = Analyses.of(dir, t);
        MigrationEvent e = a.result.migrations().get(0);
        assertThat(a.result.migrations()).hasSize(1);
        assertThat(e.hasRarp()).isTrue();
        assertThat(e.garpFrames()).containsExactly(2, 3);
        assertThat(e.ips()).containsExactly(VM_IP, ip("10.0.10.53"));
        assertThat(e.rarpToGarpNanos()).hasValue(180 * MS);
        assertThat(e.vendor()).isEqualTo("VMware");
        assertThat(a.result.migrationOf(0)).isZero();
        assertThat(a.result.migrationOf(3)).isZero();
        assertThat(a.result.burstOf(3)).isEqualTo(-1);
        assertThat(a.codes()).isEmpty();
    }

    @Test
    void garpBeforeTheBurstJoinsItWithANegativeDelay() throws IOException {
        Trace t = new Trace().add(T0, Wire.garp(VM, VM_IP, 10)).add(T0 + 2_000 * MS, Wire.rarp(VM, 10));
        MigrationEvent e = Analyses.of(dir, t).result.migrations().get(0);
        assertThat(e.rarpToGarpNanos()).hasValue(-2_000 * MS);
        assertThat(e.firstFrame()).isZero();
    }

    @Test
    void garpOutsideTheWindowIsAnEventOfItsOwn() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(VM, 10)).add(T0 + 5_001 * MS, Wire.garp(VM, VM_IP, 10));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(2);
        assertThat(a.result.migrations().get(0).hasGarp()).isFalse();
        assertThat(a.result.migrations().get(1).hasRarp()).isFalse();
        assertThat(a.codes()).containsExactlyInAnyOrder(FindingCode.RARP_WITHOUT_GARP, FindingCode.GARP_WITHOUT_RARP);
        // a wider window joins them
        Analyses wide = Analyses.of(dir, t, AnalysisConfig.DEFAULTS.withCorrelationWindow(Duration.ofSeconds(6)));
        assertThat(wide.result.migrations()).hasSize(1);
        assertThat(wide.codes()).isEmpty();
    }

    @Test
    void garpOfAnotherMacDoesNotJoin() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(VM, 10))
                .add(T0 + 100 * MS, Wire.garp(mac("00:50:56:9d:b0:99"), VM_IP, 10));
        assertThat(Analyses.of(dir, t).result.migrations()).hasSize(2);
    }

    @Test
    void eachGarpJoinsTheNearestBurstOfItsMac() throws IOException {
        AnalysisConfig config = AnalysisConfig.DEFAULTS.withBurstGap(Duration.ofSeconds(2))
                .withCorrelationWindow(Duration.ofSeconds(5));
        Trace t = new Trace().add(T0, Wire.rarp(VM)).add(T0 + 6_000 * MS, Wire.rarp(VM))
                .add(T0 + 3_500 * MS, Wire.garp(VM, VM_IP));
        Analyses a = Analyses.of(dir, t, config);
        assertThat(a.result.migrations()).hasSize(2);
        assertThat(a.result.migrations().get(0).hasGarp()).isFalse();
        assertThat(a.result.migrations().get(1).garpFrames()).containsExactly(1);
    }

    @Test
    void garpOnlyAnnouncementsGroupByTheBurstGap() throws IOException {
        long hv = mac("00:15:5d:0a:1e:07");
        Trace t = new Trace().add(T0, Wire.garp(hv, VM_IP)).add(T0 + 1_000 * MS, Wire.garp(hv, VM_IP))
                .add(T0 + 2_000 * MS, Wire.garpReply(hv, VM_IP)).add(T0 + 60_000 * MS, Wire.garp(hv, VM_IP));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).extracting(m -> m.garpFrames().size()).containsExactly(3, 1);
        assertThat(a.result.migrations().get(0).vendor()).isEqualTo("Microsoft Hyper-V");
        assertThat(a.result.migrations().get(0).rarpToGarpNanos()).isEmpty();
    }
}
