package dev.cutover.ui.migrations;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrations pane's rows carry what a dual-stack move announced: its IPv6 addresses and the RARP-to-NA delay. */
class AnalysisMigrationsTest {
    @Test
    void aDualStackRowListsItsIpv6AddressesAndNaFrames() throws Exception {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-dual-stack.pcap"))) {
            MigrationReport report = new AnalysisMigrations().analyse(c, LoadMonitor.NONE);
            assertThat(report.rows()).hasSize(1);
            MigrationRow row = report.rows().get(0);
            assertThat(row.garpIps()).containsExactly("10.0.10.52");
            assertThat(row.ipv6s()).containsExactly("2001:db8:10::52", "fe80::250:56ff:fe9d:b051");
            assertThat(row.naDelay()).hasValue(181_000_000L);
            assertThat(row.frames()).contains(45, 46);
        }
    }

    @Test
    void anIpv4OnlyRowHasNoIpv6() throws Exception {
        try (Capture c = Capture.open(Path.of("../sample-captures/esxi-vmotion-vlan10.pcap"))) {
            MigrationRow row = new AnalysisMigrations().analyse(c, LoadMonitor.NONE).rows().get(0);
            assertThat(row.ipv6s()).isEmpty();
            assertThat(row.naDelay()).isEmpty();
        }
    }

    @Test
    void aGarpBeforeTheRarpIsANegativeDelayShownAsAnalyzeShowsIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // the guest spoke 9.45 ms before the host's RARP: the table says so, as analyze's table and the timeline do
        long vm = dev.cutover.samples.Wire.mac("00:50:56:9d:b0:51");
        long t0 = 1_763_712_000_000_000_000L;
        dev.cutover.samples.Trace t = new dev.cutover.samples.Trace();
        t.add(t0, dev.cutover.samples.Wire.garp(vm, dev.cutover.samples.Wire.ip("10.0.10.52"), 10));
        for (int k = 0; k < 3; k++) {
            t.add(t0 + 9_450_000L + k * 1_000_000L, dev.cutover.samples.Wire.rarp(vm, 10));
        }
        try (Capture c = Capture.open(t.pcap(dir.resolve("garp-first.pcap")))) {
            MigrationRow row = new AnalysisMigrations().analyse(c, LoadMonitor.NONE).rows().get(0);
            assertThat(row.delay()).hasValue(-9_450_000L);
            assertThat(MigrationsView.delay(row)).isEqualTo("-9.450 ms");
        }
    }

    @Test
    void aRowReadsItsOutcomeStaleForwardingAsBad() throws Exception {
        java.util.List<Path> files = java.util.List.of(Path.of("../sample-captures/stale-forwarding-vmnic5.pcapng"),
                Path.of("../sample-captures/stale-forwarding-vusb2.pcapng"));
        try (Capture c = Capture.open(files, new long[] {0, 2_900_000_000L}, LoadMonitor.NONE, null, null)) {
            MigrationRow row = new AnalysisMigrations().analyse(c, LoadMonitor.NONE).rows().get(0);
            assertThat(row.outcome()).isEqualTo("dark 150 ms, stale 1.4 s on vmnic5, ping lost 15/200");
            assertThat(row.outcomeLevel()).isEqualTo("bad");
        }
    }

    @Test
    void aQuietMoveReadsOkWithItsDarkTime() throws Exception {
        try (Capture c = Capture.open(Path.of("../sample-captures/vmotion-ping-ok.pcap"))) {
            MigrationRow row = new AnalysisMigrations().analyse(c, LoadMonitor.NONE).rows().get(0);
            assertThat(row.outcome()).isEqualTo("ok, dark 212 ms");
            assertThat(row.outcomeLevel()).isEqualTo("ok");
        }
    }
}
