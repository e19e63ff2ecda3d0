package dev.cutover.ui.migrations;

import dev.cutover.analysis.FindingCode;
import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.Severity;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;

/** Which findings a migration's verdict counts, on traces made for it. */
class VerdictsTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_763_712_000_000_000_000L;
    private static final long VM = mac("00:50:56:9d:b0:51");
    private static final long HOST = mac("00:50:56:9d:10:01");

    @TempDir
    Path dir;

    private MigrationReport analyse(Trace t) throws Exception {
        try (Capture c = Capture.open(t.pcap(dir.resolve("trace.pcap")))) {
            return new AnalysisMigrations().analyse(c, LoadMonitor.NONE);
        }
    }

    @Test
    void aFloodFromAnotherHostLeavesAMigrationOkAndHasAWordOfItsOwn() throws Exception {
        Trace t = new Trace();
        for (int i = 0; i <= 120; i++) {
            t.add(T0 + i * 100 * MS, Wire.request(HOST, ip("10.0.10.101"), ip("10.0.11." + (i + 2)), 10));
        }
        t.add(T0 + 5_010 * MS, Wire.rarp(VM, 10)).add(T0 + 5_020 * MS, Wire.garp(VM, ip("10.0.10.52"), 10));
        MigrationReport r = analyse(t);
        assertThat(r.findings()).extracting(f -> f.code()).containsExactly(FindingCode.ARP_REQUEST_FLOOD);
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).verdict()).isEqualTo(Verdict.OK);
        assertThat(Verdict.of(r.findings()).word()).isEqualTo("ARP flood");
    }

    @Test
    void aStormThatCountsAMigrationsGratuitousArpIsNotThatMigrationsFault() throws Exception {
        Trace t = new Trace();
        for (int i = 0; i < 31; i++) {
            t.add(T0 + i * 3 * MS, Wire.request(HOST, ip("10.0.10.101"), ip("10.0.10." + (i + 2)), 10));
        }
        t.add(T0 + 10 * MS, Wire.rarp(VM, 10)).add(T0 + 12 * MS, Wire.garp(VM, ip("10.0.10.52"), 10));
        MigrationReport r = analyse(t);
        assertThat(r.findings()).extracting(f -> f.code()).contains(FindingCode.ARP_STORM);
        // the storm names the guest's gratuitous ARP among its requests, yet the migration itself is fine
        int garp = r.rows().get(0).frames()[r.rows().get(0).frames().length - 1];
        assertThat(r.findings().stream().filter(f -> f.code() == FindingCode.ARP_STORM).findFirst().orElseThrow()
                .frames()).contains(garp);
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void severalKindsOfFindingsShowTheWorstAndHowManyOthers() {
        dev.cutover.analysis.Finding note = new dev.cutover.analysis.Finding(FindingCode.GARP_WITHOUT_RARP,
                Severity.NOTE, VM, -1, java.util.List.of(3), "A note.");
        dev.cutover.analysis.Finding error = new dev.cutover.analysis.Finding(FindingCode.DUPLICATE_IP,
                Severity.ERROR, VM, ip("10.0.10.52"), java.util.List.of(3, 9), "An error.");
        Verdict v = Verdict.of(java.util.List.of(error, note));
        assertThat(v.severity()).isEqualTo(Severity.ERROR);
        assertThat(v.word()).isEqualTo("Duplicate IP +1");
        assertThat(v.explanation()).isEqualTo("Error [duplicate-ip] An error.\n\nNote [garp-without-rarp] A note.");
        assertThat(Verdict.of(java.util.List.of()).word()).isEqualTo("OK");
    }
}
