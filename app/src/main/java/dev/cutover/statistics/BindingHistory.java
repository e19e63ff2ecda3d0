package dev.cutover.statistics;

import dev.cutover.analysis.MacsOfIp;
import dev.cutover.capture.Capture;
import dev.cutover.capture.InterfaceInfo;
import dev.cutover.capture.LoadMonitor;
import dev.cutover.dissect.proto.Arp;
import dev.cutover.dissect.proto.EtherTypes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.IntPredicate;

/**
 * arpwatch's view of a capture: which MAC claimed each IPv4 address, and each change, in frame order. The rules
 * are arpwatch's ({@code process_ether} and {@code ent_add}): ARP requests and replies and RARP replies with
 * Ethernet and IPv4 addresses are read; a sender or source MAC of all zeros or all ones is logged as "ethernet
 * broadcast" and a sender MAC that differs from the frame's source as "ethernet mismatch", and neither changes
 * anything; each IP keeps its MACs most recent first, so a MAC never seen for the IP is "new station" (the first)
 * or "changed ethernet address", the one before the current is "flip flop", an older one "reused old ethernet
 * address", and the current one after six months of silence "new activity". Unlike arpwatch, no address is a
 * "bogon" (there is no local network to check against, as with arpwatch -N), but a sender IP of 0.0.0.0 (an
 * RFC 5227 probe, which claims nothing) is skipped; and RARP requests carry nothing, as for arpwatch.
 */
public final class BindingHistory {
    /** Events kept; a capture of an endless flip flop keeps its first ones and counts the rest. */
    public static final int MAX_EVENTS = 200_000;
    /** arpwatch's NEWACTIVITY_DELTA: six months of thirty days. */
    static final long NEW_ACTIVITY_NANOS = 6L * 30 * 24 * 3600 * 1_000_000_000L;

    private final List<BindingEvent> events;
    private final long droppedEvents;
    private final int arpFrames;
    private final int ips;
    private final List<String> interfaceNames;
    private final Map<Long, List<Long>> macsOfIp;

    private BindingHistory(Tracker t, List<String> interfaceNames) {
        this.events = List.copyOf(t.events);
        this.droppedEvents = t.dropped;
        this.arpFrames = t.arpFrames;
        this.ips = t.entries.size();
        this.interfaceNames = List.copyOf(interfaceNames);
        Map<Long, List<Long>> m = new HashMap<>();
        t.entries.forEach((ip, e) -> m.put(ip, e.macs()));
        this.macsOfIp = m;
    }

    /** Every frame of the capture. */
    public static BindingHistory compute(Capture capture, LoadMonitor monitor) throws IOException {
        return compute(capture, monitor, null);
    }

    /**
     * The frames {@code include} accepts (all when null).
     *
     * @throws CancellationException when the monitor asks to stop
     */
    public static BindingHistory compute(Capture capture, LoadMonitor monitor, IntPredicate include)
            throws IOException {
        Tracker t = new Tracker();
        LinkPass.run(capture, monitor, include, f -> {
            if (f.arp) {
                t.arp(f.frame, f.timeNanos, f.interfaceId, f.vlanStack(), f.etherType, f.opcode, f.linkSource(),
                        f.senderMac, f.senderIp);
            }
        });
        return new BindingHistory(t, capture.interfaces().stream().map(InterfaceInfo::name).toList());
    }

    /** The events in frame order. */
    public List<BindingEvent> events() {
        return events;
    }

    /** Events past {@link #MAX_EVENTS}, not kept. */
    public long droppedEvents() {
        return droppedEvents;
    }

    /** ARP and RARP frames read by arpwatch's rules (mismatches and broadcasts included). */
    public int arpFrames() {
        return arpFrames;
    }

    /** IPv4 addresses claimed. */
    public int ipCount() {
        return ips;
    }

    /** The MACs that claimed an IP, most recent first (arpwatch's list for it); empty when none. */
    public List<Long> macsOf(long ip) {
        return macsOfIp.getOrDefault(ip, List.of());
    }

    /** The name of a capture interface. */
    public String interfaceName(int id) {
        return id >= 0 && id < interfaceNames.size() ? interfaceNames.get(id) : "if" + id;
    }

    /** Copy as CSV: a header line, then one line per event. */
    public String csv(List<BindingEvent> rows, java.util.function.IntFunction<String> time) {
        StringBuilder sb = new StringBuilder();
        sb.append("Time,IP,MAC,Previous MAC,Event,VLAN,Interface,Frame\r\n");
        for (BindingEvent e : rows) {
            Csv.row(sb, time.apply(e.frame()), e.ipText(), e.macText(), e.previousMacText(), e.kind().words(),
                    VlanStacks.text(e.vlanStack()), interfaceName(e.interfaceId()), Integer.toString(e.frame() + 1));
        }
        return sb.toString();
    }

    /** arpwatch's state machine over ARP messages, fed in frame order. */
    static final class Tracker {
        private static final long ALL_ONES = 0xFFFF_FFFF_FFFFL;

        final Map<Long, MacsOfIp> entries = new HashMap<>();
        final List<BindingEvent> events = new ArrayList<>();
        long dropped;
        int arpFrames;

        /**
         * One ARP-family message.
         *
         * @param etherType  0x0806 or 0x8035
         * @param linkSource the frame's source MAC, -1 when the link layer has none
         */
        void arp(int frame, long timeNanos, int interfaceId, long vlanStack, int etherType, int opcode,
                 long linkSource, long senderMac, long senderIp) {
            if (etherType == EtherTypes.ARP) {
                if (opcode != Arp.REQUEST && opcode != Arp.REPLY) {
                    return;
                }
            } else if (etherType != EtherTypes.RARP || opcode != Arp.REVERSE_REPLY) {
                return; // a RARP request has "no useful information" (arpwatch)
            }
            if (senderIp == 0) {
                return;
            }
            arpFrames++;
            long sea = linkSource < 0 ? senderMac : linkSource;
            if (sea == 0 || sea == ALL_ONES || senderMac == 0 || senderMac == ALL_ONES) {
                add(new BindingEvent(BindingEvent.Kind.ETHERNET_BROADCAST, frame, timeNanos, senderIp, senderMac, -1,
                        -1, linkSource, vlanStack, interfaceId));
                return;
            }
            if (sea != senderMac) {
                add(new BindingEvent(BindingEvent.Kind.ETHERNET_MISMATCH, frame, timeNanos, senderIp, senderMac, -1,
                        -1, linkSource, vlanStack, interfaceId));
                return;
            }
            MacsOfIp e = entries.computeIfAbsent(senderIp, k -> new MacsOfIp());
            long previous = e.current();
            long previousTime = e.lastTime();
            BindingEvent.Kind kind;
            switch (e.claim(senderMac, timeNanos)) {
                case SAME:
                    if (timeNanos - previousTime <= NEW_ACTIVITY_NANOS) {
                        return; // the usual case: nothing changed
                    }
                    kind = BindingEvent.Kind.NEW_ACTIVITY;
                    previous = -1;
                    break;
                case FIRST:
                    kind = BindingEvent.Kind.NEW_STATION;
                    break;
                case PREVIOUS:
                    kind = BindingEvent.Kind.FLIP_FLOP;
                    break;
                case OLDER:
                    kind = BindingEvent.Kind.REUSED;
                    break;
                default:
                    kind = BindingEvent.Kind.CHANGED;
                    break;
            }
            add(new BindingEvent(kind, frame, timeNanos, senderIp, senderMac, previous, previousTime, linkSource,
                    vlanStack, interfaceId));
        }

        private void add(BindingEvent event) {
            if (events.size() < MAX_EVENTS) {
                events.add(event);
            } else {
                dropped++;
            }
        }

        BindingHistory finish(List<String> interfaceNames) {
            return new BindingHistory(this, interfaceNames);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (BindingEvent e : events) {
            sb.append(e.frame() + 1).append(' ').append(e.arpwatchLine()).append('\n');
        }
        return sb.toString();
    }
}
