package dev.cutover.analysis;

import dev.cutover.capture.Capture;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.samples.Trace;
import dev.cutover.samples.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static dev.cutover.analysis.Analyses.MS;
import static dev.cutover.analysis.Analyses.T0;
import static dev.cutover.samples.Wire.ip;
import static dev.cutover.samples.Wire.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one pass: split over threads it finds the same rows; it reports progress and can be cancelled. */
class ScanTest {
    @TempDir
    static Path dir;

    private static Path big() throws IOException {
        Path file = dir.resolve("big.pcap");
        if (file.toFile().exists()) {
            return file;
        }
        Trace t = new Trace();
        long a = mac("00:50:56:9d:00:01");
        long b = mac("00:50:56:9d:00:02");
        for (int i = 0; i < 120_000; i++) {
            long time = T0 + i * MS / 10;
            if (i % 50 == 0) {
                t.add(time, Wire.request(a, ip("10.0.0.1"), ip("10.0.0." + (i % 200 + 2)), i % 3 == 0 ? 10 : 20));
            } else if (i % 7919 == 0) {
                t.add(time, Wire.rarp(mac("00:50:56:9e:00:" + String.format("%02x", i % 256)), 10));
            } else {
                t.add(time, Wire.tcp(a, b, ip("10.0.0.1"), ip("10.0.0.2"), i % 100));
            }
        }
        return t.pcap(file);
    }

    @Test
    void partsFindTheSameRowsInTheSameOrder() throws IOException {
        try (Capture c = Capture.open(big())) {
            ArpFrames one = ArpScanner.scan(c, LoadMonitor.NONE, 1);
            ArpFrames three = ArpScanner.scan(c, LoadMonitor.NONE, 3);
            assertThat(three.count).isEqualTo(one.count).isGreaterThan(2400);
            for (int r = 0; r < one.count; r++) {
                assertThat(three.frame[r]).isEqualTo(one.frame[r]);
                assertThat(three.cls[r]).isEqualTo(one.cls[r]);
                assertThat(three.vlans[r]).isEqualTo(one.vlans[r]);
                assertThat(three.targetIp[r]).isEqualTo(one.targetIp[r]);
            }
        }
    }

    @Test
    void progressIsReportedAndCancelStops() throws IOException {
        try (Capture c = Capture.open(big())) {
            AtomicLong last = new AtomicLong(-1);
            AtomicLong total = new AtomicLong();
            MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, new LoadMonitor() {
                @Override
                public void progress(long done, long all) {
                    last.set(done);
                    total.set(all);
                }
            });
            assertThat(total.get()).isPositive();
            assertThat(last.get()).isBetween(0L, total.get());
            assertThatThrownBy(() -> MigrationAnalyzer.analyze(c, AnalysisConfig.DEFAULTS, new LoadMonitor() {
                @Override
                public boolean cancelled() {
                    return true;
                }
            })).isInstanceOf(CancellationException.class);
        }
    }
}
