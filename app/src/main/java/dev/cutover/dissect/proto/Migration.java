package dev.cutover.dissect.proto;

import dev.cutover.dissect.Cursor;
import dev.cutover.dissect.Field;
import dev.cutover.dissect.FieldType;

import java.util.List;

/**
 * Facts Cutover adds that Wireshark does not: a RARP self-announcement is how a hypervisor tells the switches
 * where a VM's MAC now lives, sent by the host with the VM's MAC as the frame's source.
 */
public final class Migration {
    public static final Field NOTIFICATION = Field.payload("migration.notification",
            "Migration notification (the host announces the VM's MAC; the frame's source is the VM's, not the host's)",
            FieldType.BOOLEAN).generated()
            .blurb("RARP reverse request to broadcast whose sender and target MAC equal the frame's source: "
                    + "a hypervisor's announcement after a live migration (ESXi Notify Switches, QEMU announce-self)")
            .build();
    public static final Field VM_MAC = Field.payload("migration.vm_mac", "VM MAC address", FieldType.ETHER).generated()
            .blurb("The MAC a migration notification announces").build();
    public static final Field VM_VENDOR = Field.payload("migration.vm_vendor", "VM NIC vendor", FieldType.STRING)
            .generated().blurb("The vendor of the announced MAC (VMware, QEMU/KVM, Microsoft Hyper-V, ...)").build();

    /** The analysis's facts about a frame (added after the migration analysis has run, not by the decoder). */
    public static final Field ANALYSIS = Field.analysis("migration", "Migration analysis", FieldType.PROTOCOL)
            .blurb("What the migration analysis says about the frame (present once the analysis has run)").build();
    public static final Field CLASS = Field.analysis("migration.class", "Class", FieldType.STRING).generated()
            .blurb("The frame's ARP-family or IPv6 neighbour discovery class: RARP request, RARP reply, "
                    + "gratuitous ARP request, gratuitous ARP reply, ARP probe, ARP request, ARP reply, other ARP, "
                    + "unsolicited NA, unsolicited NA without override, NA reply, other NA, DAD probe, neighbor "
                    + "solicitation").build();
    public static final Field BURST = Field.analysis("migration.burst", "RARP burst", FieldType.UINT32).generated()
            .blurb("The RARP burst the frame belongs to, numbered from 1 in time order").build();
    public static final Field PATTERN = Field.analysis("migration.pattern", "Burst pattern", FieldType.STRING).generated()
            .blurb("The sender the frame's RARP burst looks like (qemu-announce-self, esxi-notify-switches, ...)")
            .build();
    public static final Field EVENT = Field.analysis("migration.event", "Migration", FieldType.UINT32).generated()
            .blurb("The migration event the frame belongs to, numbered from 1 as `cutover analyze` lists them")
            .build();
    public static final Field FINDING = Field.analysis("migration.finding", "Finding", FieldType.STRING).generated()
            .blurb("The code of a finding that names the frame, one per finding").build();

    public static final Field COPY_OF = Field.analysis("migration.copy_of", "Same frame as", FieldType.FRAMENUM)
            .generated().blurb("The frame another of the merged captures caught at the same moment with the same "
                    + "bytes: one frame on the wire, counted once by the analysis (as that first copy)").build();

    public static final Field OUTCOME_STALE = Field.analysis("migration.outcome.stale", "Stale forwarding",
            FieldType.UINT32).generated()
            .blurb("A frame for a moved VM that reached the interface it had left, after its announcement: the "
                    + "migration it belongs to, numbered from 1 as `cutover analyze` lists them").build();
    public static final Field OUTCOME_FLOODED = Field.analysis("migration.outcome.flooded", "Flooded to the VM",
            FieldType.UINT32).generated()
            .blurb("A frame to a moved VM seen on several interfaces at once after its announcement (unknown "
                    + "unicast flooding): the migration, numbered from 1").build();
    public static final Field OUTCOME_DARK_BEFORE = Field.analysis("migration.outcome.dark_before",
            "VM's last frame before its move", FieldType.UINT32).generated()
            .blurb("The VM's last frame before the first announcement of a migration (announcements aside): the "
                    + "dark time starts here; the migration, numbered from 1").build();
    public static final Field OUTCOME_DARK_AFTER = Field.analysis("migration.outcome.dark_after",
            "VM's first frame after its move", FieldType.UINT32).generated()
            .blurb("The VM's first frame after the first announcement of a migration (announcements aside): the "
                    + "dark time ends here; the migration, numbered from 1").build();

    public static final Field OUTCOME_LOST_PING = Field.analysis("migration.outcome.lost_ping",
            "Ping lost across the move", FieldType.UINT32).generated()
            .blurb("An echo request to or from a moved VM nobody answered (icmp.no_resp) in a ping around its "
                    + "migration: the migration, numbered from 1").build();
    public static final Field OUTCOME_RETRANSMISSION = Field.analysis("migration.outcome.retransmission",
            "Retransmitted across the move", FieldType.UINT32).generated()
            .blurb("A TCP segment of a moved VM's flows sent again (tcp.analysis.retransmission) around its "
                    + "migration: the migration, numbered from 1").build();

    public static final List<Field> FIELDS = List.of(NOTIFICATION, VM_MAC, VM_VENDOR, ANALYSIS, CLASS, BURST,
            PATTERN, EVENT, FINDING, OUTCOME_STALE, OUTCOME_FLOODED, OUTCOME_DARK_BEFORE, OUTCOME_DARK_AFTER,
            OUTCOME_LOST_PING, OUTCOME_RETRANSMISSION, COPY_OF);

    private Migration() {
    }

    /**
     * Records the notification when {@code arpOffset} holds opcode 3, Ethernet/IPv4 sizes, sender = target
     * MAC = link source (a unicast, non-zero MAC), sent to broadcast.
     */
    static void check(Cursor c, int arpOffset, long linkSource, boolean broadcast) {
        int o = arpOffset;
        if (!broadcast || linkSource < 0 || !c.has(o, 28)) {
            return;
        }
        if (c.u16(o + 6) != Arp.REVERSE_REQUEST || !Arp.hwIsEther(c.u16(o), c.u8(o + 4))) {
            return;
        }
        long sha = c.mac(o + 8);
        int hln = 6;
        int pln = c.u8(o + 5);
        if (!c.has(o + 8 + hln + pln, hln)) {
            return;
        }
        long tha = c.mac(o + 8 + hln + pln);
        // zero or a group address is no NIC's: such a frame announces no VM (the analysis makes no burst of it)
        if (sha != tha || sha != linkSource || sha == 0 || (sha & (1L << 40)) != 0) {
            return;
        }
        c.generated(NOTIFICATION, 1);
        c.generated(VM_MAC, sha);
        String vendor = c.out().vendors().of(sha);
        if (vendor != null) {
            c.generatedText(VM_VENDOR, vendor);
        }
    }
}
