package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** RARP frames of one MAC group into bursts by the gap between them; the spacing tells who sent them. */
class BurstTest {
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long OTHER = mac("00:50:56:9d:b0:52");

    @TempDir
    Path dir;

    private static Trace rarps(long mac, long start, long... offsetsMs) {
        Trace t = new Trace();
        for (long ms : offsetsMs) {
            t.add(start + ms * MS, Wire.rarp(mac, 10));
        }
        return t;
    }

    @Test
    void framesWithinTheGapAreOneBurstAndFarApartAreTwoMigrations() throws IOException {
        Trace t = rarps(VM, T0, 0, 1, 2, 1000, 2000, 4000, 34_000, 64_001);
        Analyses a = Analyses.of(dir, t);
        List<RarpBurst> bursts = a.result.bursts();
        assertThat(bursts).hasSize(2);
        assertThat(bursts.get(0).count()).isEqualTo(7);
        assertThat(bursts.get(0).frames()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(bursts.get(1).frames()).containsExactly(7);
        assertThat(bursts.get(0).intervalsNanos()).containsExactly(MS, MS, 998 * MS, 1000 * MS, 2000 * MS,
                30_000 * MS);
        assertThat(bursts.get(0).vlans()).containsExactly(10);
        assertThat(a.result.migrations()).hasSize(2);
        assertThat(a.result.burstOf(6)).isZero();
        assertThat(a.result.burstOf(7)).isEqualTo(1);
    }

    @Test
    void theBurstGapIsConfigurable() throws IOException {
        Trace t = rarps(VM, T0, 0, 1, 2, 1000, 2000, 4000);
        Analyses a = Analyses.of(dir, t, AnalysisConfig.DEFAULTS.withBurstGap(Duration.ofMillis(997)));
        assertThat(a.result.bursts()).extracting(RarpBurst::count).containsExactly(3, 1, 1, 1);
    }

    @Test
    void burstsOfDifferentMacsInterleave() throws IOException {
        Trace t = rarps(VM, T0, 0, 1000, 2000);
        for (Trace.Frame f : rarps(OTHER, T0 + 500 * MS, 0, 1000).frames()) {
            t.add(f.timeNanos(), f.bytes());
        }
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.bursts()).extracting(RarpBurst::mac).containsExactly(VM, OTHER);
        assertThat(a.result.bursts().get(0).frames()).containsExactly(0, 2, 4);
        assertThat(a.result.bursts().get(1).frames()).containsExactly(1, 3);
    }

    @Test
    void qemuAnnounceSelf() throws IOException {
        Analyses a = Analyses.of(dir, rarps(VM, T0, 0, 50, 200, 450, 800));
        assertThat(a.result.bursts().get(0).pattern()).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        // a few milliseconds of jitter still fits; a schedule twice as slow does not
        assertThat(Analyses.of(dir, rarps(VM, T0, 0, 58, 203, 441, 809)).result.bursts().get(0).pattern())
                .isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        assertThat(Analyses.of(dir, rarps(VM, T0, 0, 100, 400, 900)).result.bursts().get(0).pattern())
                .isEqualTo(BurstPattern.UNKNOWN);
    }

    @Test
    void esxiNotifySwitches() throws IOException {
        Analyses a = Analyses.of(dir, rarps(VM, T0, 0, 1, 2, 1000, 2000, 4000));
        assertThat(a.result.bursts().get(0).pattern()).isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
        assertThat(Analyses.of(dir, rarps(VM, T0, 0, 1, 2)).result.bursts().get(0).pattern())
                .as("at once, never spaced out").isEqualTo(BurstPattern.UNKNOWN);
        assertThat(Analyses.of(dir, rarps(VM, T0, 0, 1000, 2000)).result.bursts().get(0).pattern())
                .as("spaced out, never at once").isEqualTo(BurstPattern.UNKNOWN);
    }

    @Test
    void aSingleFrameIsUnknown() throws IOException {
        assertThat(Analyses.of(dir, rarps(VM, T0, 0)).result.bursts().get(0).pattern())
                .isEqualTo(BurstPattern.UNKNOWN);
    }

    @Test
    void severalMacsAtOnceFromOneUplinkAreAFailover() throws IOException {
        Trace t = new Trace();
        for (int i = 0; i < 5; i++) {
            long m = mac("00:50:56:9d:f0:0" + i);
            t.add(T0 + i * 10 * MS, Wire.rarp(m, 10));
            t.add(T0 + i * 10 * MS + MS, Wire.rarp(m, 10));
        }
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.bursts()).hasSize(5).allSatisfy(b -> assertThat(b.pattern()).isEqualTo(BurstPattern.FAILOVER));
        // a failover moves no guest, so there is no GARP to miss
        assertThat(a.codes()).doesNotContain(FindingCode.RARP_WITHOUT_GARP);
        // three MACs are below the default of four
        Trace three = new Trace();
        for (int i = 0; i < 3; i++) {
            three.add(T0 + i * 10 * MS, Wire.rarp(mac("00:50:56:9d:f0:0" + i), 10));
        }
        assertThat(Analyses.of(dir, three).result.bursts()).allSatisfy(b -> assertThat(b.pattern())
                .isEqualTo(BurstPattern.UNKNOWN));
        assertThat(Analyses.of(dir, three, AnalysisConfig.DEFAULTS.withFailover(3, Duration.ofSeconds(1)))
                .result.bursts()).allSatisfy(b -> assertThat(b.pattern()).isEqualTo(BurstPattern.FAILOVER));
    }

    @Test
    void manyMacsBackingOffTogetherFromOneUplinkAreAFailoverNotVmotions() throws IOException {
        // an uplink failing over announces every VM behind it with the host's usual back-off
        Trace t = new Trace();
        for (int i = 0; i < 4; i++) {
            long m = mac("00:50:56:9d:f0:1" + i);
            for (long ms : new long[] {0, 786, 1786, 2786, 4786, 7786}) {
                t.add(T0 + (ms + i) * MS, Wire.rarp(m, 10));
            }
        }
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.bursts()).hasSize(4)
                .allSatisfy(b -> assertThat(b.pattern()).isEqualTo(BurstPattern.FAILOVER));
        // one MAC alone with that schedule is a vMotion
        assertThat(Analyses.of(dir, rarps(VM, T0, 0, 786, 1786, 2786, 4786, 7786)).result.bursts().get(0).pattern())
                .isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
    }

    @Test
    void thePatternIsJudgedOnTheInterfaceWithMostFrames(@TempDir Path other) throws IOException {
        Trace up0 = rarps(VM, T0, 0, 50, 200, 450, 800);
        // 25 ms after the first: another RARP, not the first one caught again on the other uplink
        Trace up1 = rarps(VM, T0 + 25 * MS, 0);
        Path a = up0.pcap(other.resolve("vmnic0.pcap"));
        Path b = up1.pcap(other.resolve("vmnic1.pcap"));
        Analyses r = Analyses.open(List.of(a, b), AnalysisConfig.DEFAULTS);
        RarpBurst burst = r.result.bursts().get(0);
        assertThat(burst.count()).isEqualTo(6);
        assertThat(burst.interfaces()).containsExactly(0, 1);
        assertThat(burst.pattern()).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
    }
}
