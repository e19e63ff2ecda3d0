package dev.cutover.analysis;

import java.util.List;
import java.util.OptionalLong;

/**
 * A MAC announced in a new place: a RARP burst with the gratuitous ARP and unsolicited Neighbor Advertisements of
 * the same MAC around it, or gratuitous ARP or unsolicited NA alone (Hyper-V and guest-driven moves send no RARP).
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
 * @param naFrames   0-based frames of the unsolicited Neighbor Advertisements (IPv6's gratuitous ARP), in time
 *                   order; empty when there was none
 * @param naTimes    their time stamps
 * @param ipv6s      the IPv6 addresses the advertisements announced, in the order first seen, as text
 *                   ("2001:db8::10")
 */
public record MigrationEvent(int id, long mac, String vendor, RarpBurst rarp, List<Integer> garpFrames,
                             List<Long> garpTimes, List<Long> ips, List<Integer> vlans, List<Integer> interfaces,
                             List<Integer> naFrames, List<Long> naTimes, List<String> ipv6s) {
    public MigrationEvent {
        naFrames = List.copyOf(naFrames);
        naTimes = List.copyOf(naTimes);
        ipv6s = List.copyOf(ipv6s);
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

    /** True when unsolicited Neighbor Advertisements of the MAC are part of the event. */
    public boolean hasNa() {
        return !naFrames.isEmpty();
    }

    /** The event's first frame, RARP, GARP or NA. */
    public int firstFrame() {
        int f = Integer.MAX_VALUE;
        if (rarp != null) {
            f = rarp.firstFrame();
        }
        if (!garpFrames.isEmpty()) {
            f = Math.min(f, garpFrames.get(0));
        }
        if (!naFrames.isEmpty()) {
            f = Math.min(f, naFrames.get(0));
        }
        return f;
    }

    /** The event's first time stamp. */
    public long firstTime() {
        long t = Long.MAX_VALUE;
        if (rarp != null) {
            t = rarp.firstTime();
        }
        if (!garpTimes.isEmpty()) {
            t = Math.min(t, garpTimes.get(0));
        }
        if (!naTimes.isEmpty()) {
            t = Math.min(t, naTimes.get(0));
        }
        return t;
    }

    /** From the first RARP to the first unsolicited NA (negative when the guest spoke first); empty without both. */
    public OptionalLong rarpToNaNanos() {
        if (rarp == null || naTimes.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(naTimes.get(0) - rarp.firstTime());
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
        all.addAll(naFrames);
        if (rarp != null) {
            all.addAll(rarp.frames());
        }
        return List.copyOf(all);
    }
}
