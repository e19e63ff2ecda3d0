package dev.cutover.analysis;

import java.util.List;
import java.util.OptionalLong;

/**
 * A MAC announced in a new place: a RARP burst with the gratuitous ARP of the same MAC around it, or
 * gratuitous ARP alone (Hyper-V and guest-driven moves send no RARP).
 *
 * @param id         position in {@link AnalysisResult#migrations()}
 * @param mac        the VM's MAC
 * @param vendor     the MAC's vendor (VMware, QEMU/KVM, Microsoft Hyper-V, ...), or null when unknown
 * @param rarp       the RARP burst, or null for a GARP-only announcement
 * @param garpFrames 0-based frames of the gratuitous ARP, in time order; empty when there was none
 * @param garpTimes  their time stamps
 * @param ips        the IPv4 addresses the GARP announced, in the order first seen
 * @param vlans      VLAN IDs of every frame of the event, in the order first seen
 * @param interfaces interface ids of every frame of the event, in the order first seen
 */
public record MigrationEvent(int id, long mac, String vendor, RarpBurst rarp, List<Integer> garpFrames,
                             List<Long> garpTimes, List<Long> ips, List<Integer> vlans, List<Integer> interfaces) {
    public MigrationEvent {
        garpFrames = List.copyOf(garpFrames);
        garpTimes = List.copyOf(garpTimes);
        ips = List.copyOf(ips);
        vlans = List.copyOf(vlans);
        interfaces = List.copyOf(interfaces);
    }

    public boolean hasRarp() {
        return rarp != null;
    }

    public boolean hasGarp() {
        return !garpFrames.isEmpty();
    }

    /** The event's first frame, RARP or GARP. */
    public int firstFrame() {
        if (rarp == null) {
            return garpFrames.get(0);
        }
        return garpFrames.isEmpty() ? rarp.firstFrame() : Math.min(rarp.firstFrame(), garpFrames.get(0));
    }

    /** The event's first time stamp. */
    public long firstTime() {
        if (rarp == null) {
            return garpTimes.get(0);
        }
        return garpTimes.isEmpty() ? rarp.firstTime() : Math.min(rarp.firstTime(), garpTimes.get(0));
    }

    /** From the first RARP to the first GARP (negative when the guest spoke first); empty without both. */
    public OptionalLong rarpToGarpNanos() {
        if (rarp == null || garpTimes.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(garpTimes.get(0) - rarp.firstTime());
    }

    /** Every frame of the event, ascending. */
    public List<Integer> frames() {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(garpFrames);
        if (rarp != null) {
            all.addAll(rarp.frames());
        }
        return List.copyOf(all);
    }
}
