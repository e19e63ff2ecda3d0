package dev.cutover.capture.live;

import dev.cutover.capture.LinkTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A live capture in memory, driven by its test: frames (bytes, time stamps, the link type given at open) arrive
 * when the test says, the kernel and the queue drop what the test says, the interface can disappear mid-capture
 * (with the message {@link PcapLiveSession} gives when libpcap reports it), and stop ends it as a real capture
 * ends. Needs neither root nor an interface. Thread-safe, so a test may feed it while the window drains it.
 */
public final class ScriptedLiveSession implements LiveSession {
    private final LiveOptions options;
    private final int linkType;
    private final int queueCapacity;
    private final ArrayDeque<LiveFrame> queue = new ArrayDeque<>();
    private long captured;
    private long kernelDrops;
    private long queueDrops;
    private boolean running = true;
    private boolean stopAsked;
    private LiveCaptureException failure;

    public ScriptedLiveSession(LiveOptions options, int linkType) {
        this.options = options;
        this.linkType = linkType;
        this.queueCapacity = options.queueCapacity();
    }

    /** An Ethernet capture with the options given, as {@link LivePcap#open} would return it. */
    public static ScriptedLiveSession ethernet(LiveOptions options) {
        return new ScriptedLiveSession(options, LinkTypes.ETHERNET);
    }

    /** Frames arriving; those the queue has no room for are counted as its drops, as the capture thread does. */
    public synchronized ScriptedLiveSession deliver(List<LiveFrame> frames) {
        if (!running) {
            throw new IllegalStateException("the capture has stopped");
        }
        for (LiveFrame f : frames) {
            captured++;
            if (queue.size() < queueCapacity) {
                queue.addLast(f);
            } else {
                queueDrops++;
            }
        }
        notifyAll();
        return this;
    }

    /** As {@link #deliver(List)}. */
    public ScriptedLiveSession deliver(LiveFrame... frames) {
        return deliver(List.of(frames));
    }

    /** The kernel reports this many more frames dropped. */
    public synchronized ScriptedLiveSession kernelDrop(long frames) {
        kernelDrops += frames;
        return this;
    }

    /**
     * The interface goes away mid-capture: the capture stops by itself with the failure libpcap's error becomes,
     * and what was queued before stays to be drained.
     */
    public synchronized ScriptedLiveSession disappear() {
        failure = new LiveCaptureException(LiveCaptureException.Kind.INTERFACE_GONE, options.interfaceName()
                + ": capture stopped: The interface went down", null);
        running = false;
        return this;
    }

    /** Whether {@link #stop()} was called. */
    public synchronized boolean stopAsked() {
        return stopAsked;
    }

    @Override
    public synchronized int drain(Collection<? super LiveFrame> into, int max) {
        int n = 0;
        while (n < max && !queue.isEmpty()) {
            into.add(queue.removeFirst());
            n++;
        }
        return n;
    }

    @Override
    public int await(Collection<? super LiveFrame> into, int max, long timeout, TimeUnit unit)
            throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (queue.isEmpty() && System.nanoTime() < end) {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            }
            return drain(into, max);
        }
    }

    @Override
    public synchronized void stop() {
        stopAsked = true;
        running = false;
        notifyAll();
    }

    @Override
    public synchronized boolean running() {
        return running;
    }

    @Override
    public synchronized LiveCaptureException failure() {
        return failure;
    }

    @Override
    public LiveOptions options() {
        return options;
    }

    @Override
    public int linkType() {
        return linkType;
    }

    @Override
    public synchronized long captured() {
        return captured;
    }

    @Override
    public synchronized long kernelDrops() {
        return kernelDrops;
    }

    @Override
    public synchronized long queueDrops() {
        return queueDrops;
    }

    /**
     * A QEMU announce-self burst as it arrives from {@code startNanos}: four RARP of {@link LinkLab#VM_MAC}
     * 50, 150 and 250 ms apart, then the guest's gratuitous ARP for {@link LinkLab#VM_IP} 10 ms later.
     */
    public static List<LiveFrame> migration(long startNanos) {
        List<LiveFrame> out = new ArrayList<>();
        long[] at = {0, 50, 200, 450};
        for (long ms : at) {
            byte[] rarp = dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC);
            out.add(new LiveFrame(startNanos + ms * 1_000_000L, rarp, rarp.length));
        }
        byte[] garp = dev.cutover.samples.Wire.garp(LinkLab.VM_MAC, LinkLab.VM_IP);
        out.add(new LiveFrame(startNanos + 460_000_000L, garp, garp.length));
        return out;
    }

    /** Frames numbered from {@code first}, each a RARP or gratuitous ARP of its own MAC, a millisecond apart. */
    public static List<LiveFrame> frames(int first, int count) {
        List<LiveFrame> out = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            byte[] data = i % 2 == 0 ? dev.cutover.samples.Wire.rarp(LinkLab.VM_MAC + i)
                    : dev.cutover.samples.Wire.garp(LinkLab.VM_MAC + i, 0x0a00_0001L);
            out.add(new LiveFrame(1_763_700_000_000_000_000L + i * 1_000_000L, data, data.length));
        }
        return out;
    }
}
