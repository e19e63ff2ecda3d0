package dev.cutover.analysis;

import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Open vSwitch bond failing over (OVS 2.9, tcpdump on the bond member): one RARP for the MAC it learned behind
 * the bond, then the host's own gratuitous ARP on the same VLAN. Together they are the failover.
 */
class BondFailoverTest {
    private static final long LEARNED = mac("22:a6:81:76:8a:78");
    private static final long BOND = mac("fe:b8:03:54:bc:0d");
    private static final long BOND_IP = ip("192.168.123.10");

    @TempDir
    Path dir;

    @Test
    void oneRarpAndTheBondsGratuitousArpOnTheSameVlanAreOneFailover() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(LEARNED, 905)).add(T0 + 26 * MS, Wire.garp(BOND, BOND_IP, 905));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(1);
        MigrationEvent e = a.result.migrations().get(0);
        assertThat(e.rarp().pattern()).isEqualTo(BurstPattern.FAILOVER);
        assertThat(e.garpFrames()).containsExactly(1);
        assertThat(e.ips()).containsExactly(BOND_IP);
        assertThat(a.codes()).doesNotContain(FindingCode.RARP_WITHOUT_GARP, FindingCode.GARP_WITHOUT_RARP);
    }

    @Test
    void aLoneRarpOrAGratuitousArpOnAnotherVlanOrTooLateIsNoFailover() throws IOException {
        Trace t = new Trace().add(T0, Wire.rarp(LEARNED, 905)).add(T0 + 26 * MS, Wire.garp(BOND, BOND_IP, 906))
                .add(T0 + 60_000 * MS, Wire.rarp(mac("22:a6:81:76:8a:79"), 905))
                .add(T0 + 61_500 * MS, Wire.garp(mac("fe:b8:03:54:bc:0e"), ip("192.168.123.12"), 905));
        Analyses a = Analyses.of(dir, t);
        assertThat(a.result.migrations()).hasSize(4);
        assertThat(a.result.bursts()).extracting(RarpBurst::pattern)
                .containsExactly(BurstPattern.UNKNOWN, BurstPattern.UNKNOWN);
    }
}
