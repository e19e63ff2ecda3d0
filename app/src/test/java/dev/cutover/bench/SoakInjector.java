package dev.cutover.bench;

import dev.cutover.capture.live.LivePcap;
import dev.cutover.samples.Wire;
import java.util.concurrent.TimeUnit;

/**
 * Sends RARP and gratuitous ARP at a steady rate for the live soak run ({@code app/bench/live-soak.sh}):
 * {@code SoakInjector IFACE FRAMES_PER_SECOND SECONDS}. Prints the frames sent.
 */
public final class SoakInjector {
    private SoakInjector() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        long rate = Long.parseLong(args[1]);
        long seconds = Long.parseLong(args[2]);
        byte[][] frames = new byte[256][];
        for (int i = 0; i < frames.length; i++) {
            long mac = Wire.mac("52:54:00:00:00:00") + i;
            frames[i] = i % 2 == 0 ? Wire.rarp(mac) : Wire.garp(mac, Wire.ip("10.0.0.0") + i);
        }
        long total = rate * seconds;
        long start = System.nanoTime();
        long sent = 0;
        try (LivePcap.Sender sender = LivePcap.sender(iface)) {
            while (sent < total) {
                long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
                while (sent < due) {
                    sender.send(frames[(int) (sent & 255)]);
                    sent++;
                }
                if (sent < total) {
                    long next = start + sent * 1_000_000_000L / rate;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
            }
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("sent %d frames in %.1f s (%.0f frames/s)%n", sent, took, sent / took);
    }
}
