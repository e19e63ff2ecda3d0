package dev.cutover.analysis;

import java.util.List;

/**
 * Consecutive RARP requests announcing one MAC, each at most the burst gap after the one before.
 *
 * @param id         position in {@link AnalysisResult#bursts()}
 * @param mac        the MAC announced
 * @param frames     0-based frame numbers, in time order
 * @param times      their time stamps, epoch nanoseconds
 * @param vlans      VLAN IDs of the frames' tags, outer before inner, in the order first seen
 * @param interfaces interface ids the frames were captured on, in the order first seen
 * @param pattern    the known sender it looks like
 */
public record RarpBurst(int id, long mac, List<Integer> frames, List<Long> times, List<Integer> vlans,
                        List<Integer> interfaces, BurstPattern pattern) {
    public RarpBurst {
        frames = List.copyOf(frames);
        times = List.copyOf(times);
        vlans = List.copyOf(vlans);
        interfaces = List.copyOf(interfaces);
    }

    public int count() {
        return frames.size();
    }

    public int firstFrame() {
        return frames.get(0);
    }

    public int lastFrame() {
        return frames.get(frames.size() - 1);
    }

    public long firstTime() {
        return times.get(0);
    }

    public long lastTime() {
        return times.get(times.size() - 1);
    }

    /** Nanoseconds from each frame to the next: one fewer than the frames. */
    public long[] intervalsNanos() {
        long[] d = new long[times.size() - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = times.get(i + 1) - times.get(i);
        }
        return d;
    }
}
