package dev.cutover.analysis;

import dev.cutover.dissect.Severity;

/**
 * The kinds of problem the migration analysis reports, each declared once, as Wireshark's expert infos are
 * ({@code ei_register_info}): the id that JSON, filters and people see, the usual severity, a title for the
 * Findings view, a word or two for the Migrations table's Verdict column, and what it means and what to check,
 * for the reports and {@code cutover analyze}. Everything that names a kind of finding reads it from here.
 */
public enum FindingCode {
    RARP_WITHOUT_GARP("rarp-without-garp", Severity.WARNING, "No GARP",
            "RARP announced the MAC, but no gratuitous ARP followed",
            "The host announced the MAC with RARP but no gratuitous ARP followed: switches learn the new port, but "
                    + "routers and peers keep stale ARP entries until they expire. Check that the guest (or the "
                    + "hypervisor for it) sends a gratuitous ARP after migration."),
    /** Usually a note; a warning for a VMware MAC, whose host should have sent RARP (Notify Switches). */
    GARP_WITHOUT_RARP("garp-without-rarp", Severity.NOTE, "No RARP",
            "Gratuitous ARP without the host's RARP",
            "A gratuitous ARP came with no RARP burst from the host: the guest announced itself, but the "
                    + "hypervisor's notification (ESXi 'Notify Switches') may be off. Expected for Hyper-V, which "
                    + "announces a migrated VM with gratuitous ARP only."),
    DUPLICATE_IP("duplicate-ip", Severity.ERROR, "Duplicate IP",
            "One IP address claimed by several MACs",
            "Two MACs answer for the same IP address within the correlation window: a conflict, or a stale copy "
                    + "of the VM still running on the source host."),
    SENDER_MAC_MISMATCH("sender-mac-mismatch", Severity.WARNING, "Sender MAC mismatch",
            "ARP sender MAC differs from the Ethernet source",
            "The ARP sender MAC differs from the Ethernet source: a proxy, a bridge rewriting frames, or "
                    + "spoofing."),
    RARP_NOT_BROADCAST("rarp-not-broadcast", Severity.WARNING, "RARP not broadcast",
            "RARP sent to one host, not broadcast",
            "A RARP announcement was not sent to the broadcast address, so not every switch on the path will "
                    + "learn the MAC's new port."),
    VLAN_MISMATCH("vlan-mismatch", Severity.ERROR, "VLAN mismatch",
            "RARP and gratuitous ARP on different VLANs",
            "The announcements of one migration carry different VLAN tags: the port group on the destination "
                    + "host may be on the wrong VLAN."),
    MAC_ON_MULTIPLE_INTERFACES("mac-on-multiple-interfaces", Severity.WARNING, "MAC flapping",
            "MAC announced on several uplinks (MAC flapping)",
            "One MAC was seen on several uplinks or capture interfaces: expected during a migration, suspect "
                    + "when it persists (loop or teaming misconfiguration)."),
    ARP_STORM("arp-storm", Severity.WARNING, "ARP storm",
            "ARP storm",
            "Many ARP requests in a short window (by default more than 30 within 100 ms, Wireshark's storm "
                    + "rule): hosts re-resolving after a cut-over, a scan, or a loop."),
    /** A warning; a note when only the capture's snapshot length cut the frame. */
    MALFORMED_FRAME("malformed-frame", Severity.WARNING, "Malformed frame",
            "ARP frame that cannot be read whole",
            "An ARP frame could not be decoded fully: it is shorter than its headers say (a warning), or the "
                    + "capture's snapshot length cut it (a note). A damaged frame can hide an announcement."),
    TRUNCATED_CAPTURE("truncated-capture", Severity.WARNING, "Capture cut short",
            "Capture file cut short",
            "The capture file ends in the middle of a record: the capture was cut off, frames after it are "
                    + "missing."),
    /** The capture holds no ARP at all (filtered to RARP, say): nothing can be said about missing GARP. */
    NO_ARP_FRAMES("no-arp-frames", Severity.NOTE, "No ARP captured",
            "No ARP in the capture",
            "The capture holds no ARP (it may hold RARP only): the capture filter or the capture point may have "
                    + "missed the migration's gratuitous ARP, so none is reported missing."),
    /** A host came up (DHCP or RFC 5227 probes before its gratuitous ARP): shown, not counted as a migration. */
    HOST_CAME_UP("host-came-up", Severity.NOTE, "Host came up",
            "A host came up (DHCP, address probes or a link-local address, then gratuitous ARP): not a migration",
            "A host announced itself after asking DHCP for an address, probing for it (RFC 5227) or taking a "
                    + "link-local one (169.254.0.0/16, RFC 3927): it booted or took a new address; a migrated VM "
                    + "does none of these, so this is not counted as a migration."),
    /** Gratuitous ARP on a clock from one MAC: a keep-alive, shown, not counted as migrations. */
    GARP_KEEPALIVE("garp-keepalive", Severity.NOTE, "GARP keep-alive",
            "Gratuitous ARP repeated on a clock: a keep-alive, not a migration",
            "A MAC repeated its gratuitous ARP for the same addresses on the same uplink at one steady interval (an "
                    + "access point, a router or keepalived refreshing its neighbours' caches): a keep-alive, so "
                    + "its announcements are not counted as migrations."),
    /** One MAC announced on one interface, later in another event on another: a second move or a failover. */
    MAC_MOVED_INTERFACE("mac-moved-interface", Severity.NOTE, "Moved uplink",
            "MAC announced again later on another uplink",
            "A MAC announced on one uplink was announced again later on another: a second migration or a "
                    + "teaming failover moved it."),
    /** One sender kept up more ARP requests a second than the flood rate for the flood span. */
    ARP_REQUEST_FLOOD("arp-request-flood", Severity.NOTE, "ARP flood",
            "Sustained ARP requests from one sender",
            "One sender kept up many ARP requests a second for many seconds, too slowly for Wireshark's storm "
                    + "rule: a scan, a router ARPing for addresses not on its link, or a host retrying a neighbour "
                    + "that never answers."),
    /** One MAC claims, in replies no request asked for, addresses other MACs still hold: ARP cache poisoning. */
    ARP_SPOOFING("arp-spoofing", Severity.ERROR, "ARP spoofing",
            "ARP spoofing: one MAC claiming other hosts' addresses",
            "One MAC claims other hosts' addresses in ARP replies no request asked for, while the real owners "
                    + "still answer: ARP cache poisoning (a man in the middle)."),
    /** An address went to another MAC after its old MAC fell silent: a migration, failover or re-addressing. */
    IP_MOVED("ip-moved", Severity.NOTE, "IP moved",
            "IP address moved to another MAC",
            "An address went to another MAC after the old one fell silent: a migration, a failover or "
                    + "re-addressing, not a conflict."),
    /** An address went back to a MAC it had before, longer than the correlation window after it left. */
    IP_FLIP_FLOP("ip-flip-flop", Severity.WARNING, "IP flip flop",
            "IP address going back and forth between MACs",
            "An address went back to a MAC it had before: two machines holding it in turn (a failover pair "
                    + "flapping, a duplicate address, a VM and its stale copy)."),
    /** Two MACs advertise one IPv6 address, with Override, within the correlation window. */
    DUPLICATE_IPV6("duplicate-ipv6", Severity.ERROR, "Duplicate IPv6",
            "One IPv6 address advertised by several MACs",
            "Two MACs advertised the same IPv6 address with Override within the correlation window: an address "
                    + "conflict, or a stale copy of the VM still running on the source host. Neighbours flip "
                    + "between the two MACs."),
    /** A duplicate address detection probe for an address another MAC advertises. */
    DAD_CONFLICT("dad-conflict", Severity.ERROR, "DAD conflict",
            "IPv6 duplicate address detection for an address another MAC holds",
            "A host probed (RFC 4862 duplicate address detection) for an IPv6 address another MAC advertised: "
                    + "the prober finds the address taken and leaves it unused, or, if it missed the defence, "
                    + "both hosts use it."),
    /** A VM that used IPv6 before its move announced none, or not all, of those addresses after it. */
    IPV6_NOT_ANNOUNCED("ipv6-not-announced", Severity.WARNING, "IPv6 not announced",
            "A moved VM did not announce its IPv6 addresses",
            "A VM that used IPv6 addresses before its move sent no unsolicited Neighbor Advertisement for them "
                    + "after it: switches relearn the MAC, but EVPN ND suppression tables and neighbours that "
                    + "cache the address keep the old path until they solicit again. The IPv6 counterpart of a "
                    + "missing gratuitous ARP."),
    /** An unsolicited NA without Override, part of a migration. */
    NA_WITHOUT_OVERRIDE("na-without-override", Severity.WARNING, "NA without override",
            "Unsolicited Neighbor Advertisement without the Override flag after a move",
            "An unsolicited Neighbor Advertisement after a move had the Override flag clear: a neighbour whose "
                    + "cache holds another link-layer address only marks it stale (RFC 4861 7.2.5) and keeps "
                    + "sending to it, so the announcement changes nothing there."),
    /** The target link-layer address option of an NA differs from its Ethernet source. */
    NA_SENDER_MISMATCH("na-sender-mismatch", Severity.WARNING, "NA sender mismatch",
            "Neighbor Advertisement's link-layer address differs from the Ethernet source",
            "A Neighbor Advertisement's target link-layer address option names another MAC than the frame's "
                    + "Ethernet source: a proxy, a bridge rewriting frames, or spoofing. Neighbours will send the "
                    + "address's traffic to the MAC in the option."),
    /** A warning when the VM spoke again, an error when it had not by the end of the outcome window. */
    VM_DARK("vm-dark", Severity.WARNING, "VM dark",
            "No frame from the VM for longer than the dark threshold across its move",
            "The VM sent no frame for longer than the dark threshold (2 s by default) after its announcement, "
                    + "though before the move it spoke regularly, never silent for half as long: it was stunned long "
                    + "(a slow vMotion switch-over) or had no network on the destination host. Check the stun time "
                    + "in the VM's vmware.log, and the destination host's port group, VLAN and the VM's NIC."),
    STALE_FORWARDING("stale-forwarding", Severity.ERROR, "Stale forwarding",
            "Traffic for the VM kept reaching its old place after the announcement",
            "Frames for the VM's MAC kept arriving on the interface it had left (the source host's uplink) for "
                    + "longer than the stale threshold (500 ms by default) after its announcement: a switch did "
                    + "not update its MAC table. Check that the RARP reached that switch and that the VM's VLAN is "
                    + "allowed on the trunk towards the destination host."),
    UNICAST_FLOODING("unicast-flooding", Severity.WARNING, "Unicast flooding",
            "Frames to the VM seen on several interfaces at once after its move",
            "The same frame to the VM's MAC was seen on several interfaces at once after its announcement: a "
                    + "switch flooded it as unknown unicast, having no MAC table entry for the VM. Check that the "
                    + "RARP reached it, its MAC table aging, and asymmetric paths (traffic leaving by one uplink "
                    + "and returning by another)."),
    PING_LOSS("ping-loss", Severity.WARNING, "Ping lost",
            "Echo requests to the VM went unanswered across its move",
            "A continuous ping to or from the VM lost requests within the outcome window of its migration (each "
                    + "unanswered request is icmp.no_resp): the VM was unreachable for longer than a switch-over "
                    + "should take. The finding gives how many of how many were lost, the most in a row and how long "
                    + "the ping went between answers. Check the stun time in the VM's vmware.log, that the RARP "
                    + "reached the physical switch, and the destination host's uplink and VLAN."),
    TCP_RETRANSMISSIONS("tcp-retransmissions", Severity.NOTE, "TCP retransmissions",
            "The VM's TCP flows sent segments again across its move",
            "Segments of the VM's TCP flows were sent again (tcp.analysis.retransmission) within the outcome "
                    + "window of its migration: they were lost while the VM was dark or its traffic went to the "
                    + "old place. A note when no flow stalled longer than the dark threshold, a warning when one "
                    + "did (an application would notice). Read it with the VM's dark time and stale forwarding.");

    private final String id;
    private final Severity severity;
    private final String word;
    private final String title;
    private final String explanation;

    FindingCode(String id, Severity severity, String word, String title, String explanation) {
        this.id = id;
        this.severity = severity;
        this.word = word;
        this.title = title;
        this.explanation = explanation;
    }

    /** "rarp-without-garp". */
    public String id() {
        return id;
    }

    /** The severity a finding of this kind has unless its circumstances say otherwise. */
    public Severity severity() {
        return severity;
    }

    /** A word or two, for the Verdict column: "No GARP". */
    public String word() {
        return word;
    }

    /** What a group of such findings is about, for its row in the Findings view. */
    public String title() {
        return title;
    }

    /** What the finding means and what to check, for the reports and {@code cutover analyze}. */
    public String explanation() {
        return explanation;
    }

    /** The code with this id, or null. */
    public static FindingCode ofId(String id) {
        for (FindingCode c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
