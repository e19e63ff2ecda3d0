package dev.cutover.ui.migrations;

import java.util.List;

/**
 * One VM that announced itself (or was seen announcing its addresses) in the capture.
 *
 * @param verdict     the worst finding about this migration, or {@link Verdict#OK}
 * @param mac         the VM's MAC address
 * @param vendor      the NIC vendor of that MAC, or ""
 * @param vlans       VLAN ids the announcements were tagged with
 * @param interfaces  capture interfaces (uplinks) they were seen on
 * @param rarpCount   RARP migration notifications
 * @param firstNanos  time of the first notification (or first GARP when there was no RARP)
 * @param spanNanos   from the first to the last RARP notification
 * @param garpIps     IPv4 addresses the VM announced by gratuitous ARP
 * @param delay       from the first RARP to the first GARP in nanoseconds (negative when the GARP came first),
 *                    empty when either is missing
 * @param frames      0-based indices of the frames involved, ascending
 * @param ipv6s       IPv6 addresses the VM announced by unsolicited Neighbor Advertisement
 * @param naDelay     from the first RARP to the first unsolicited NA, empty when either is missing
 * @param outcome     what became of the VM's traffic ("ok, dark 212 ms", "stale 1.4 s on vmnic5"), "" when it
 *                    was not measured
 * @param outcomeLevel "ok", "warn", "bad" or "unknown" (the outcome's verdict), "" when not measured
 */
public record MigrationRow(Verdict verdict, String mac, String vendor, List<Integer> vlans, List<String> interfaces,
                           int rarpCount, long firstNanos, long spanNanos, List<String> garpIps,
                           java.util.OptionalLong delay, int[] frames, List<String> ipv6s,
                           java.util.OptionalLong naDelay, String outcome,
                           String outcomeLevel) {
    public MigrationRow {
        vlans = List.copyOf(vlans);
        interfaces = List.copyOf(interfaces);
        garpIps = List.copyOf(garpIps);
        ipv6s = List.copyOf(ipv6s);
        outcome = outcome == null ? "" : outcome;
        outcomeLevel = outcomeLevel == null ? "" : outcomeLevel;
    }
}
