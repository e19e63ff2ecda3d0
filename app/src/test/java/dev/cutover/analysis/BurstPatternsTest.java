package dev.cutover.analysis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The patterns on the exact timings of real and documented senders, and the near misses that fit none. */
class BurstPatternsTest {
    private static final long MS = 1_000_000L;
    private static final long TOLERANCE = 25 * MS;

    /** Frame times from offsets in microseconds, so real captures' times go in as printed. */
    private static List<Long> micros(long... offsets) {
        List<Long> t = new ArrayList<>();
        for (long us : offsets) {
            t.add(1_700_000_000_000_000_000L + us * 1000);
        }
        return t;
    }

    private static List<Long> millis(long... offsets) {
        long[] us = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            us[i] = offsets[i] * 1000;
        }
        return micros(us);
    }

    private static BurstPattern of(List<Long> times) {
        return BurstPatterns.timing(times, TOLERANCE);
    }

    @Test
    void aRealVmotionAsTcpdumpUwPrintedItIsEsxi() {
        // elatov_esxi-vmotion-rarp.tcpdump.txt: 01:21:56.178929, 56.964847, 57.964780, 58.964792, 22:00.964920,
        // 22:03.964933; one frame, then 0.79, 1, 1, 2 and 3 s; no frames at once
        List<Long> t = micros(0, 785_918, 1_785_851, 2_785_863, 4_785_991, 7_786_004);
        assertThat(of(t)).isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
    }

    @Test
    void theSamplesThreeAtOnceThenOneOneAndTwoSecondsIsEsxi() {
        assertThat(of(millis(0, 1, 2, 1000, 2000, 4000))).isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
    }

    @Test
    void twelveFramesAFewAtOnceThenSpacedOutOverAMinuteIsEsxi() {
        // three at once, then 1, 1, 2, 3, 5, 8, 12, 14 and 14 s: twelve frames over 60 s
        List<Long> t = millis(0, 2, 4, 1_004, 2_004, 4_004, 7_004, 12_004, 20_004, 32_004, 46_004, 60_004);
        assertThat(t).hasSize(12);
        assertThat(of(t)).isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
    }

    @Test
    void qemuDefaultsAreQemuAndNotEsxi() {
        List<Long> t = millis(0, 50, 200, 450, 800);
        assertThat(of(t)).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        assertThat(BurstPatterns.fitsEsxi(t, TOLERANCE)).isFalse();
    }

    @Test
    void qemuWithFewerOrMoreRoundsIsStillQemuAndNeverEsxi() {
        // announce-rounds=3: 50 and 150 ms
        List<Long> three = millis(0, 50, 200);
        assertThat(of(three)).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        // announce-rounds=10: the step stops at announce-max, 550 ms, which is spaced out but never grows
        List<Long> ten = millis(0, 50, 200, 450, 800, 1250, 1800, 2350, 2900, 3450);
        assertThat(of(ten)).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        assertThat(BurstPatterns.fitsEsxi(ten, TOLERANCE)).isFalse();
        // with jitter
        assertThat(of(millis(0, 58, 203, 441, 809))).isEqualTo(BurstPattern.QEMU_ANNOUNCE_SELF);
        // even a loose tolerance does not let QEMU's plateau count as spaced out
        assertThat(BurstPatterns.fitsEsxi(ten, 300 * MS)).isFalse();
    }

    @Test
    void nearMissesStayUnknown() {
        assertThat(of(millis(0, 1, 2))).as("all at once").isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 1000, 2000))).as("evenly spaced: a period, not a back-off")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 1000, 2000, 3000, 4000, 5000))).as("a one-second beacon")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 1, 2, 1000))).as("one spaced-out frame is too little to tell")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 3000, 5000, 6000))).as("intervals that shrink")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 1000, 3000, 3100, 6100))).as("a short interval after long ones")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 100, 300, 600, 1000))).as("QEMU's staircase twice as slow")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 100, 200, 300, 400))).as("growing but never spaced out")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 20_000, 45_000, 75_000, 105_000))).as("backing off beyond a minute and a half")
                .isEqualTo(BurstPattern.UNKNOWN);
        assertThat(of(millis(0, 1000))).as("two frames").isEqualTo(BurstPattern.UNKNOWN);
    }

    @Test
    void jitterOfATenthDoesNotBreakTheBackOff() {
        // 1 s, then 0.95 s (jitter), then 2 s: still growing
        assertThat(of(millis(0, 1000, 1950, 3950))).isEqualTo(BurstPattern.ESXI_NOTIFY_SWITCHES);
        // 1 s then 0.8 s shrinks by more than a tenth
        assertThat(of(millis(0, 1000, 1800, 3800))).isEqualTo(BurstPattern.UNKNOWN);
    }
}
